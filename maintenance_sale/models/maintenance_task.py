# Copyright 2026 Seed maintainers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models

MANAGER_GROUP = "maintenance_contracts.group_maintenance_manager"


class MaintenanceTask(models.Model):
    _inherit = "maintenance.task"

    proposal_ids = fields.One2many(
        comodel_name="maintenance.part.proposal",
        inverse_name="task_id",
        string="To propose",
    )
    can_propose = fields.Boolean(
        compute="_compute_can_propose",
        help="Technical: technicians propose on their open tasks, operations "
        "managers on any task not cancelled.",
    )

    @api.depends("state")
    @api.depends_context("uid")
    def _compute_can_propose(self):
        manager = self.env.su or self.env.user.has_group(MANAGER_GROUP)
        for task in self:
            task.can_propose = (
                task.state != "cancelled" if manager else task.state in ("todo", "in_progress")
            )

    def _technician_writable_fields(self):
        # technicians propose parts from the task form
        return super()._technician_writable_fields() | {"proposal_ids"}

    @api.model
    def _frozen_exempt_fields(self):
        # proposals are not part of the signed report: an operations manager
        # still proposes on a done task (the proposals check who may)
        return super()._frozen_exempt_fields() | {"proposal_ids"}
