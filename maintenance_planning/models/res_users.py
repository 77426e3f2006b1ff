# Copyright 2026 Seed maintainers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models

MANAGER_GROUP = "maintenance_contracts.group_maintenance_manager"
TECHNICIAN_GROUP = "maintenance_contracts.group_maintenance_technician"


class ResUsers(models.Model):
    _inherit = "res.users"

    maintenance_calendar_id = fields.Many2one(
        comodel_name="resource.calendar",
        string="Technician working hours",
        help="Working hours used to measure this technician's workload. "
        "Empty: the working hours of their company.",
    )
    is_maintenance_technician = fields.Boolean(
        string="Field technician",
        compute="_compute_is_maintenance_technician",
        store=True,
        readonly=False,
        index=True,
        help="Offered as a technician on tasks and when planning visits. Ticked for the "
        "users of the Technician level; an operations manager or an administrator who "
        "also works on site ticks it.",
    )

    @api.depends("all_group_ids")
    def _compute_is_maintenance_technician(self):
        # the office (managers, administrators) implies the Technician group
        # without working on site: only the Technician level is one by
        # default, an office user stays one once ticked
        technician = self.env.ref(TECHNICIAN_GROUP)
        manager = self.env.ref(MANAGER_GROUP)
        for user in self:
            groups = user.all_group_ids
            if technician not in groups:
                user.is_maintenance_technician = False
            elif manager not in groups:
                user.is_maintenance_technician = True
            else:
                user.is_maintenance_technician = user.is_maintenance_technician

    def _maintenance_home_action(self):
        """The screen the web client opens first for this user when they
        have no home action of their own: *My day* for a technician (who
        is not an operations manager), nothing otherwise (Odoo's default).
        Decided at each login from the groups, so a technician created or
        promoted later needs nothing stored."""
        self.ensure_one()
        if self.action_id or not self.has_group(TECHNICIAN_GROUP) or self.has_group(MANAGER_GROUP):
            return self.env["ir.actions.act_window"]
        return (
            self.env.ref(
                "maintenance_planning.maintenance_task_action_my_day", raise_if_not_found=False
            )
            or self.env["ir.actions.act_window"]
        )
