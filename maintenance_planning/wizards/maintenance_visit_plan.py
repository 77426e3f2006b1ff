# Copyright 2026 Seed maintainers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import datetime, time, timedelta

import pytz

from odoo import Command, api, fields, models
from odoo.exceptions import UserError
from odoo.tools import SQL


class MaintenanceVisitPlan(models.TransientModel):
    """Plan visits to plan: one intervention dossier per site, one task per
    dossier (or per equipment), for the chosen technicians and time."""

    _name = "maintenance.visit.plan"
    _description = "Plan visits"

    visit_ids = fields.Many2many(
        comodel_name="maintenance.visit",
        relation="maintenance_visit_plan_visit_rel",
        column1="wizard_id",
        column2="visit_id",
        string="Visits",
        required=True,
    )
    user_ids = fields.Many2many(
        comodel_name="res.users",
        relation="maintenance_visit_plan_user_rel",
        column1="wizard_id",
        column2="user_id",
        string="Technicians",
        required=True,
        # the field technicians (res.users.is_maintenance_technician), not the
        # office staff who imply the Technician group
        domain="[('share', '=', False), ('is_maintenance_technician', '=', True)]",
    )
    planned_start = fields.Datetime(
        string="Date and time",
        required=True,
        default=lambda self: self._default_planned_start(),
    )
    split_mode = fields.Selection(
        selection=[
            ("dossier", "One task per dossier"),
            ("equipment", "One task per equipment"),
        ],
        string="Tasks",
        required=True,
        default="dossier",
    )
    chain_tasks = fields.Boolean(
        string="One after the other",
        default=True,
        help="Each task starts when the previous one ends. Otherwise every "
        "dossier starts at the chosen time.",
    )
    confirm_outside_window = fields.Boolean(
        string="I confirm planning outside the window",
        help="Required when a visit would be done outside its tolerance window.",
    )
    dossier_count = fields.Integer(compute="_compute_preview", string="Dossiers")
    total_duration = fields.Float(compute="_compute_preview", string="Total duration")
    outside_window_visit_ids = fields.Many2many(
        comodel_name="maintenance.visit",
        compute="_compute_preview",
        string="Visits outside their window",
    )

    @api.model
    def _default_planned_start(self):
        """Tomorrow at 8:00, in the user's time zone, as a UTC datetime."""
        tz = pytz.timezone(self.env.context.get("tz") or self.env.user.tz or "UTC")
        tomorrow = fields.Date.context_today(self) + timedelta(days=1)
        local = tz.localize(datetime.combine(tomorrow, time(8, 0)))
        return local.astimezone(pytz.utc).replace(tzinfo=None)

    @api.depends("visit_ids", "planned_start", "split_mode", "chain_tasks")
    def _compute_preview(self):
        for wizard in self:
            plan = wizard._prepare_plan() if wizard.planned_start else []
            wizard.dossier_count = len(plan)
            wizard.total_duration = sum(
                task["duration"] for dossier in plan for task in dossier["tasks"]
            )
            wizard.outside_window_visit_ids = wizard._outside_window_visits(plan)

    # planning ---------------------------------------------------------------

    def action_plan(self):
        self.ensure_one()
        visits = self.visit_ids
        if not visits:
            raise UserError(self.env._("Select the visits to plan."))
        self._check_plannable(visits)
        plan = self._prepare_plan()
        outside = self._outside_window_visits(plan)
        if outside and not self.confirm_outside_window:
            raise UserError(
                self.env._(
                    "%(count)s visit(s) would be planned outside their tolerance "
                    'window: %(visits)s. Choose another date, or tick "I confirm '
                    'planning outside the window".',
                    count=len(outside),
                    visits=self._names(outside),
                )
            )
        interventions = self._create_plan(plan)
        if len(interventions) == 1:
            return {
                "type": "ir.actions.act_window",
                "res_model": "maintenance.intervention",
                "res_id": interventions.id,
                "view_mode": "form",
                "views": [(False, "form")],
                "target": "current",
            }
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "maintenance_planning.maintenance_intervention_action"
        )
        action["domain"] = [("id", "in", interventions.ids)]
        action["context"] = {}
        return action

    def _check_plannable(self, visits):
        """Only visits still to plan can be planned, and only once: the rows
        are locked so that two planners cannot plan the same visit."""
        visits.check_access("write")
        not_to_plan = visits.filtered(lambda visit: visit.state != "to_plan")
        if not not_to_plan:
            self.env.flush_all()
            self.env.cr.execute(
                SQL(
                    "SELECT id FROM maintenance_visit WHERE id = ANY(%s)"
                    " AND state = 'to_plan' FOR UPDATE",
                    visits.ids,
                )
            )
            locked = {row[0] for row in self.env.cr.fetchall()}
            not_to_plan = visits.filtered(lambda visit: visit.id not in locked)
        if not_to_plan:
            raise UserError(
                self.env._(
                    "These visits are not to plan any more (already planned, done "
                    "or cancelled): %(visits)s. Remove them from the selection.",
                    visits=self._names(not_to_plan),
                )
            )

    def _prepare_plan(self):
        """The dossiers and tasks to create, without creating anything:
        [{"site", "visits", "tasks": [{"name", "visits", "units", "start",
        "end", "duration"}]}], one entry per site."""
        self.ensure_one()
        visits = self.visit_ids.sorted(
            key=lambda visit: (
                visit.sector_id.name or "",
                visit.site_id.zip or "",
                visit.site_id.name or "",
                visit.site_id.id,
                visit.due_date,
                visit.id,
            )
        )
        by_site = {}
        for visit in visits:
            by_site.setdefault(visit.site_id, visit.browse())
            by_site[visit.site_id] |= visit
        units_by_visit = self._units_by_visit(visits)
        start = self.planned_start
        plan = []
        for site, site_visits in by_site.items():
            if not self.chain_tasks:
                start = self.planned_start
            if self.split_mode == "dossier":
                groups = [
                    (
                        self.env._("Preventive visit - %(site)s", site=site.name),
                        site_visits,
                        [unit for visit in site_visits for unit in units_by_visit[visit]],
                        sum(site_visits.mapped("duration")),
                    )
                ]
            else:
                groups = [
                    (
                        self.env._(
                            "Preventive visit - %(equipment)s",
                            equipment=unit[1].display_name or site.name,
                        ),
                        visit,
                        [unit],
                        unit[3],
                    )
                    for visit in site_visits
                    for unit in units_by_visit[visit]
                ]
            tasks = []
            for name, task_visits, units, hours in groups:
                duration = hours or 1.0
                end = start + timedelta(hours=duration)
                tasks.append(
                    {
                        "name": name,
                        "visits": task_visits,
                        "units": units,
                        "start": start,
                        "end": end,
                        "duration": duration,
                    }
                )
                start = end
            plan.append({"site": site, "visits": site_visits, "tasks": tasks})
        return plan

    def _units_by_visit(self, visits):
        """{visit: [(visit, equipment, warranty type, duration)]}: what is
        checked at each visit; a visit group's visit checks each of its
        covered products with its own warranty type."""
        units = {}
        # sudo: only the equipment and warranty type of the covered products
        # are used, never their prices
        for visit in visits:
            lines = visit.sudo().group_line_ids if visit.visit_group_id else None
            if lines:
                units[visit] = [
                    (
                        visit,
                        line.equipment_id.sudo(False),
                        line.warranty_type_id.sudo(False),
                        line.warranty_type_id.visit_duration,
                    )
                    for line in lines
                ]
            else:
                units[visit] = [(visit, visit.equipment_id, visit.warranty_type_id, visit.duration)]
        return units

    def _outside_window_visits(self, plan):
        Visit = self.env["maintenance.visit"]
        outside = Visit
        for dossier in plan:
            for task in dossier["tasks"]:
                day = fields.Datetime.context_timestamp(self, task["start"]).date()
                outside |= task["visits"].filtered(
                    lambda visit, day=day: visit._outside_window(day)
                )
        return outside

    def _create_plan(self, plan):
        """Create the dossiers, tasks and operations of ``plan`` (one
        create per model) and mark the visits planned."""
        Intervention = self.env["maintenance.intervention"].with_context(mail_create_nolog=True)
        Equipment = self.env["maintenance.customer.equipment"]
        intervention_vals = []
        for dossier in plan:
            site, visits = dossier["site"], dossier["visits"]
            contracts = visits.contract_id
            equipment = Equipment.union(
                *(unit[1] for task in dossier["tasks"] for unit in task["units"])
            )
            intervention_vals.append(
                {
                    "intervention_type": "preventive",
                    "state": "planned",
                    "company_id": site.company_id.id,
                    "site_id": site.id,
                    "customer_id": site.customer_id.id,
                    "contract_id": contracts.id if len(contracts) == 1 else False,
                    "equipment_ids": [Command.set(equipment.ids)],
                    "user_id": self.env.uid,
                }
            )
        interventions = Intervention.create(intervention_vals)
        task_vals = []
        for intervention, dossier in zip(interventions, plan, strict=True):
            for task in dossier["tasks"]:
                equipment = Equipment.union(*(unit[1] for unit in task["units"]))
                task_vals.append(
                    {
                        "name": task["name"],
                        "intervention_id": intervention.id,
                        "company_id": intervention.company_id.id,
                        "user_ids": [Command.set(self.user_ids.ids)],
                        "planned_start": task["start"],
                        "planned_end": task["end"],
                        "duration": task["duration"],
                        "visit_ids": [Command.set(task["visits"].ids)],
                        "equipment_ids": [Command.set(equipment.ids)],
                    }
                )
        tasks = self.env["maintenance.task"].with_context(mail_create_nolog=True).create(task_vals)
        checklist_vals = []
        task_iter = iter(tasks)
        for dossier in plan:
            for task in dossier["tasks"]:
                task_record = next(task_iter)
                sequence = 0
                for visit, equipment, wtype, _duration in task["units"]:
                    for operation in wtype._visit_operations(visit.obligation_id):
                        sequence += 1
                        checklist_vals.append(
                            {
                                "task_id": task_record.id,
                                "sequence": sequence,
                                "name": operation.name,
                                "is_required": operation.is_required,
                                "operation_id": operation.id,
                                "visit_id": visit.id,
                                "equipment_id": equipment.id,
                            }
                        )
        self.env["maintenance.task.checklist"].create(checklist_vals)
        # rights checked once for the whole batch in _check_plannable();
        # sudo: avoid one rights query per dossier
        for intervention, dossier in zip(interventions, plan, strict=True):
            dossier["visits"].sudo().write({"state": "planned", "intervention_id": intervention.id})
        return interventions

    @api.model
    def _names(self, visits, limit=10):
        names = visits[:limit].mapped("display_name")
        if len(visits) > limit:
            names.append(self.env._("and %(count)s more", count=len(visits) - limit))
        return ", ".join(names)
