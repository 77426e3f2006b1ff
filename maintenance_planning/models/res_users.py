# Copyright 2026 Seed maintainers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class ResUsers(models.Model):
    _inherit = "res.users"

    maintenance_calendar_id = fields.Many2one(
        comodel_name="resource.calendar",
        string="Technician working hours",
        help="Working hours used to measure this technician's workload. "
        "Empty: the working hours of their company.",
    )
