# Copyright 2026 Seed maintainers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    maintenance_checkin_radius = fields.Integer(
        related="company_id.maintenance_checkin_radius",
        readonly=False,
    )
