# Copyright 2026 Seed maintainers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import UserError

from odoo.addons.maintenance_planning.models.frozen import FLOW, in_flow, is_now

# what a person writes by hand; the other types come from the flows that
# establish them (visit done, certificate issued, reading, part)
MANUAL_TYPES = ("note", "correction")


class MaintenanceLogbookEntry(models.Model):
    """One line of an equipment's logbook (carnet d'entretien, registre de
    sécurité): a visit done, an intervention, a reading out of its
    thresholds, a part replaced, a certificate issued, a note.

    Append-only: an entry is never changed nor deleted, by anyone (the
    administrator and the superuser included, through the ORM); a mistake is
    corrected by a new entry that refers to the wrong one. The flows write
    their entries set-based (one ``create`` per batch, ``_log``)."""

    _name = "maintenance.logbook.entry"
    _description = "Logbook entry"
    _order = "date, id"
    _check_company_auto = True
    _rec_name = "name"

    equipment_id = fields.Many2one(
        comodel_name="maintenance.customer.equipment",
        string="Equipment",
        required=True,
        index=True,
        ondelete="restrict",
        check_company=True,
    )
    company_id = fields.Many2one(
        comodel_name="res.company",
        required=True,
        index=True,
        default=lambda self: self.env.company,
    )
    # where the equipment was when the entry was written (kept as written)
    site_id = fields.Many2one(
        comodel_name="maintenance.site", string="Installed site", index=True, readonly=True
    )
    customer_id = fields.Many2one(
        comodel_name="res.partner", string="Customer", index=True, readonly=True
    )
    date = fields.Datetime(required=True, index=True, default=fields.Datetime.now)
    entry_type = fields.Selection(
        selection=[
            ("visit", "Visit done"),
            ("intervention", "Intervention"),
            ("reading", "Reading out of thresholds"),
            ("part", "Part replaced"),
            ("certificate", "Certificate issued"),
            ("note", "Note"),
            ("correction", "Correction"),
        ],
        string="Type",
        required=True,
        default="note",
    )
    name = fields.Char(string="Summary", required=True)
    description = fields.Text(string="Details")
    user_id = fields.Many2one(
        comodel_name="res.users",
        string="Written by",
        required=True,
        default=lambda self: self.env.user,
    )
    task_id = fields.Many2one(
        comodel_name="maintenance.task", string="Task", index="btree_not_null"
    )
    intervention_id = fields.Many2one(
        comodel_name="maintenance.intervention",
        string="Intervention dossier",
        index="btree_not_null",
    )
    # what the entry records is kept as long as the entry (for ever)
    reading_id = fields.Many2one(
        comodel_name="maintenance.meter.reading",
        string="Reading",
        index="btree_not_null",
        ondelete="restrict",
    )
    part_id = fields.Many2one(
        comodel_name="maintenance.task.part",
        string="Part",
        index="btree_not_null",
        ondelete="restrict",
    )
    certificate_id = fields.Many2one(
        comodel_name="maintenance.certificate", string="Certificate", index="btree_not_null"
    )
    corrected_entry_id = fields.Many2one(
        comodel_name="maintenance.logbook.entry",
        string="Corrects",
        index="btree_not_null",
        help="The entry this one corrects: the wrong entry stays as it was.",
    )

    @api.model_create_multi
    def create(self, vals_list):
        equipment = self.env["maintenance.customer.equipment"].browse(
            {vals["equipment_id"] for vals in vals_list if vals.get("equipment_id")}
        )
        places = {item.id: (item.site_id.id, item.customer_id.id) for item in equipment}
        for vals in vals_list:
            if vals.get("corrected_entry_id"):
                vals.setdefault("entry_type", "correction")
            site_id, customer_id = places.get(vals.get("equipment_id"), (False, False))
            vals.update(site_id=site_id, customer_id=customer_id)
        if in_flow(self.env, "maintenance_logbook_flow"):
            entries = super().create(vals_list)
        else:
            # checked as written (defaults included): nothing stays if refused
            with self.env.cr.savepoint():
                entries = super().create(vals_list)
                entries._check_manual()
        wrong = entries.filtered(
            lambda entry: (
                entry.corrected_entry_id
                and entry.corrected_entry_id.equipment_id != entry.equipment_id
            )
        )
        if wrong:
            raise UserError(
                self.env._(
                    "A correction refers to an entry of the same equipment's logbook "
                    "(%(equipment)s).",
                    equipment=wrong[0].equipment_id.display_name,
                )
            )
        return entries

    def _check_manual(self):
        """An entry written by hand is a note or a correction, dated now and
        signed by its author: the logbook is evidence (the superuser
        included)."""
        now = fields.Datetime.now()
        for entry in self:
            if entry.entry_type not in MANUAL_TYPES:
                raise UserError(
                    self.env._(
                        "A logbook entry written by hand is a note or a correction: "
                        "visits, interventions, readings, parts and certificates are "
                        "logged by the flows that record them."
                    )
                )
            if not is_now(entry.date, now):
                raise UserError(
                    self.env._(
                        "A logbook entry written by hand is dated when it is written "
                        "(not %(date)s): to record a past fact, say when in the text.",
                        date=fields.Datetime.to_string(entry.date),
                    )
                )
            if entry.user_id != self.env.user:
                raise UserError(
                    self.env._(
                        "A logbook entry is signed by the person who writes it, not by %(user)s.",
                        user=entry.user_id.name,
                    )
                )

    def write(self, vals):
        # append-only, for everyone (the superuser included): nothing is
        # ever written on an existing entry
        if self:
            raise UserError(
                self.env._(
                    "A logbook entry is never changed: write a correction referring to it instead."
                )
            )
        return super().write(vals)

    def unlink(self):
        # an unlink override, not @api.ondelete: nobody has the right to
        # delete an entry, and ondelete methods run after that access check;
        # this says why first, and refuses the superuser too
        if self:
            raise UserError(
                self.env._(
                    "A logbook entry is never deleted: write a correction referring to it instead."
                )
            )
        return super().unlink()

    def action_correct(self):
        """A new entry correcting this one (the form of the new entry)."""
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": self._name,
            "view_mode": "form",
            "target": "new",
            "context": {
                "default_equipment_id": self.equipment_id.id,
                "default_company_id": self.company_id.id,
                "default_corrected_entry_id": self.id,
                "default_entry_type": "correction",
                "default_name": self.env._("Correction of: %(entry)s", entry=self.name),
            },
        }

    @api.model
    def _log(self, vals_list):
        """Write entries for the flows (task closing, readings, certificates)
        in one ``create``.

        sudo: the logbook is the company's record of what the flows did; the
        technician closing a task or the sensor gateway posting a reading may
        not create entries by hand (only operations managers do)."""
        if not vals_list:
            return self.browse()
        flow = self.sudo().with_context(maintenance_logbook_flow=FLOW)
        return self.browse(flow.create(vals_list).ids)

    @api.model
    def _check_not_logged(self, records, field):
        """Refuse to delete ``records`` (readings, parts) the logbook
        refers to through ``field``: an entry is a legal record and keeps
        what it records (sudo: the logbook is read whoever deletes)."""
        logged = self.sudo().search([(field, "in", records.ids)], limit=1)
        if logged:
            raise UserError(
                self.env._(
                    "%(record)s is recorded in the logbook of %(equipment)s (%(entry)s): "
                    "it cannot be deleted. Write a correction in the logbook instead.",
                    record=logged[field].display_name,
                    equipment=logged.equipment_id.display_name,
                    entry=logged.name,
                )
            )
