# Copyright 2026 Seed maintainers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models


class MaintenanceVisit(models.Model):
    _inherit = "maintenance.visit"

    intervention_id = fields.Many2one(
        comodel_name="maintenance.intervention",
        string="Intervention dossier",
        index=True,
        readonly=True,
        copy=False,
        check_company=True,
        ondelete="set null",
    )
    task_ids = fields.Many2many(
        comodel_name="maintenance.task",
        relation="maintenance_task_visit_rel",
        column1="visit_id",
        column2="task_id",
        string="Tasks",
        readonly=True,
        copy=False,
    )
    planned_outside_window = fields.Boolean(
        compute="_compute_planned_outside_window",
        store=True,
        help="A task of this visit is planned outside its tolerance window.",
    )

    @api.depends("state", "task_ids.planned_outside_window", "task_ids.state")
    def _compute_planned_outside_window(self):
        for visit in self:
            visit.planned_outside_window = visit.state in ("planned", "done") and any(
                task.planned_outside_window and task.state != "cancelled" for task in visit.task_ids
            )

    def _outside_window(self, day):
        """Whether ``day`` is outside the tolerance window of one of these visits."""
        return any(
            (visit.window_start and day < visit.window_start)
            or (visit.window_end and day > visit.window_end)
            for visit in self
        )

    def action_open_plan_wizard(self):
        """Plan the selected visits (list header button)."""
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Plan visits"),
            "res_model": "maintenance.visit.plan",
            "view_mode": "form",
            "target": "new",
            "context": {"default_visit_ids": self.ids},
        }

    @api.readonly
    def action_view_intervention(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": "maintenance.intervention",
            "res_id": self.intervention_id.id,
            "view_mode": "form",
        }
