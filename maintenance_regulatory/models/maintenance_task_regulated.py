# Copyright 2026 Seed maintainers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import UserError

from odoo.addons.maintenance_contracts.models.maintenance_warranty_type import add_months

CERTIFICATE_FIELDS = {
    "certificate_efficiency",
    "certificate_co_ppm",
    "certificate_nox",
    "certificate_advice",
    "leak_found",
    "refrigerant_added",
    "refrigerant_recovered",
}


class MaintenanceTask(models.Model):
    """Regulated equipment: the measures a certificate needs, and what
    closing a task writes (logbook entries, certificates)."""

    _inherit = "maintenance.task"

    certificate_type = fields.Selection(
        selection=[
            ("none", "None"),
            ("boiler", "Boiler service certificate"),
            ("fgas", "F-gas leak check record"),
            ("heat_pump", "Heat pump service certificate"),
            ("lift", "Lift maintenance visit report"),
        ],
        string="Certificate",
        compute="_compute_certificate_type",
        help="The certificate the law requires after this visit, produced at closing.",
    )
    certificate_efficiency = fields.Float(
        string="Efficiency (%)", digits=(16, 1), copy=False, tracking=True
    )
    certificate_co_ppm = fields.Float(
        string="Carbon monoxide (ppm)", digits=(16, 1), copy=False, tracking=True
    )
    certificate_nox = fields.Float(string="NOx (mg/kWh)", digits=(16, 1), copy=False)
    certificate_advice = fields.Text(string="Advice to the user", copy=False)
    leak_found = fields.Boolean(string="Leak found", copy=False, tracking=True)
    refrigerant_added = fields.Float(string="Refrigerant added (kg)", digits=(16, 3), copy=False)
    refrigerant_recovered = fields.Float(
        string="Refrigerant recovered (kg)", digits=(16, 3), copy=False
    )
    certificate_ids = fields.One2many(
        comodel_name="maintenance.certificate", inverse_name="task_id", string="Certificates"
    )

    @api.depends("visit_ids.warranty_type_id.certificate_type")
    def _compute_certificate_type(self):
        for task in self:
            kinds = set(task.visit_ids.warranty_type_id.mapped("certificate_type")) - {"none"}
            task.certificate_type = (
                "boiler" if "boiler" in kinds else (kinds.pop() if kinds else "none")
            )

    @api.model
    def _technician_writable_fields(self):
        return super()._technician_writable_fields() | CERTIFICATE_FIELDS

    @api.model_create_multi
    def create(self, vals_list):
        """A task is closed by its closing (``write``), which logs it. Only
        the superuser (a history import, the demo) records tasks already
        done: they are logged as their closing would have, dated when they
        were closed."""
        done = [vals for vals in vals_list if vals.get("state") == "done"]
        if done and not self.env.su:
            raise UserError(
                self.env._(
                    "A task is recorded to do, then closed: its closing writes the logbook "
                    "and the certificates."
                )
            )
        for vals in done:
            vals.setdefault("closed_date", fields.Datetime.now())
            vals.setdefault("closed_by", self.env.uid)
        tasks = super().create(vals_list)
        tasks.filtered(lambda task: task.state == "done")._log_closing()
        return tasks

    def write(self, vals):
        closing = self.browse()
        if vals.get("state") == "done":
            # who may close comes first (its refusal explains itself even
            # when record rules hide the task); sudo: only to find what the
            # closing needs, the base write checks the rights
            self._check_can_close()
            closing = self.sudo().filtered(lambda task: task.state != "done")
            closing._check_certificate_measures(vals)
            closing = closing.sudo(False)
        res = super().write(vals)
        if closing:
            closing._log_closing()
            self.env["maintenance.certificate"]._issue_for_tasks(closing)
        return res

    def _check_certificate_measures(self, vals):
        """A boiler service certificate states the measured efficiency: no
        closing without it."""
        missing = self.filtered(
            lambda task: (
                task.certificate_type == "boiler"
                and not vals.get("certificate_efficiency", task.certificate_efficiency)
            )
        )
        if missing:
            raise UserError(
                self.env._(
                    "Task %(task)s: enter the measured efficiency of the boiler before "
                    "closing; the service certificate states it (arrêté du 15 septembre 2009).",
                    task=missing[0].display_name,
                )
            )

    def _log_closing(self):
        """Logbook entries of the closed tasks, in one create: the visit done
        (or the intervention) on each equipment, each part replaced."""
        vals_list = []
        for task in self:
            kind = "visit" if task.visit_ids else "intervention"
            obligations = ", ".join(task.visit_ids.obligation_id.mapped("name"))
            what = task.intervention_id.name or task.name
            if kind == "visit":
                name = self.env._("Visit done: %(what)s", what=what)
            else:
                name = self.env._("Intervention: %(what)s", what=what)
            if obligations:
                name = f"{name} ({obligations})"
            results = dict(
                self.env["maintenance.task.checklist"]
                ._fields["result"]
                ._description_selection(self.env)
            )
            details = "\n".join(
                filter(
                    None,
                    [
                        task.work_summary,
                        "\n".join(
                            f"- {line.name}: {results[line.result]}"
                            for line in task.checklist_ids
                            if line.result
                        ),
                    ],
                )
            )
            for equipment in task.equipment_ids:
                vals_list.append(
                    {
                        "equipment_id": equipment.id,
                        "company_id": task.company_id.id,
                        "date": task.closed_date,
                        "entry_type": kind,
                        "name": name,
                        "description": details or False,
                        "task_id": task.id,
                        "intervention_id": task.intervention_id.id,
                        "user_id": task.closed_by.id or self.env.uid,
                    }
                )
            for part in task.part_ids:
                for equipment in part.equipment_id or task.equipment_ids:
                    vals_list.append(
                        {
                            "equipment_id": equipment.id,
                            "company_id": task.company_id.id,
                            "date": task.closed_date,
                            "entry_type": "part",
                            "name": self.env._(
                                "Part replaced: %(part)s × %(quantity)s",
                                part=part.product_id.display_name,
                                quantity=f"{part.quantity:g}",
                            ),
                            "description": part.note or False,
                            "task_id": task.id,
                            "intervention_id": task.intervention_id.id,
                            "part_id": part.id,
                            "user_id": task.closed_by.id or self.env.uid,
                        }
                    )
        self.env["maintenance.logbook.entry"]._log(vals_list)

    def _certificate_values(self, equipment, wtype):
        """What the certificate of ``equipment`` states, from this task."""
        self.ensure_one()
        # the day in the company's zone, not in the closer's (stored, printed)
        visit_date = fields.Datetime.context_timestamp(
            self.with_context(tz=self.company_id._maintenance_tz()), self.closed_date
        ).date()
        vals = {
            "certificate_type": wtype.certificate_type,
            "company_id": self.company_id.id,
            "equipment_id": equipment.id,
            "task_id": self.id,
            "customer_id": equipment.customer_id.id,
            "warranty_type_id": wtype.id,
            "technician_id": self.env.uid,
            "visit_date": visit_date,
            "issue_date": visit_date,
            "deadline": visit_date + timedelta(days=wtype.certificate_deadline_days),
            "work_summary": self.work_summary,
        }
        if wtype.certificate_type == "boiler":
            vals.update(
                efficiency=self.certificate_efficiency,
                co_ppm=self.certificate_co_ppm,
                nox_emission=self.certificate_nox,
                advice=self.certificate_advice,
            )
        elif wtype.certificate_type == "lift":
            obligations = self.visit_ids.filtered(
                lambda visit: (
                    visit.obligation_id
                    and (not visit.equipment_id or visit.equipment_id == equipment)
                )
            ).obligation_id
            vals.update(
                obligations_done="\n".join(f"- {name}" for name in obligations.mapped("name"))
                or False,
                # the next maintenance visit within the type's period (6 weeks)
                next_check_date=visit_date + wtype._visit_step()
                if wtype._has_preventive_visits()
                else False,
            )
        elif wtype.certificate_type == "heat_pump":
            vals.update(
                refrigerant_id=equipment.refrigerant_id.id,
                refrigerant_charge=equipment.refrigerant_charge,
                fgas_co2e=equipment.fgas_co2e,
                leak_found=self.leak_found,
                refrigerant_added=self.refrigerant_added,
                refrigerant_recovered=self.refrigerant_recovered,
                advice=self.certificate_advice,
                # the next service within the type's period (2 years)
                next_check_date=visit_date + wtype._visit_step()
                if wtype._has_preventive_visits()
                else False,
            )
        else:
            interval = equipment.fgas_check_interval
            vals.update(
                refrigerant_id=equipment.refrigerant_id.id,
                refrigerant_charge=equipment.refrigerant_charge,
                fgas_co2e=equipment.fgas_co2e,
                leak_found=self.leak_found,
                refrigerant_added=self.refrigerant_added,
                refrigerant_recovered=self.refrigerant_recovered,
                # a repaired leak is checked again within a month (art. 5)
                next_check_date=(
                    visit_date + timedelta(days=30)
                    if self.leak_found
                    else (add_months(visit_date, interval) if interval else False)
                ),
            )
        return vals

    @api.model
    def _render_closing_documents(self, batch_size=20):
        """Then the certificates still without their PDF (sent to the
        customer once attached)."""
        if not super()._render_closing_documents(batch_size):
            return False
        return self.env["maintenance.certificate"]._attach_pending_pdfs(batch_size)
