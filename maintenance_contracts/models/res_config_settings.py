# Copyright 2026 Seed maintainers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    maintenance_visit_horizon = fields.Integer(
        related="company_id.maintenance_visit_horizon",
        readonly=False,
    )
