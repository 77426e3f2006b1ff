# Copyright 2026 Seed maintainers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    maintenance_checkin_radius = fields.Integer(
        related="company_id.maintenance_checkin_radius",
        readonly=False,
    )

    def action_generate_public_holidays(self):
        """This year's and next year's public holidays in every calendar that
        follows a holiday zone."""
        calendars = self.env["resource.calendar"].search(
            [("maintenance_holiday_zone", "!=", "none")]
        )
        calendars.action_generate_public_holidays()
        return True
