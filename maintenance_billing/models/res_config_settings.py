# Copyright 2026 Seed maintainers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    maintenance_billing_rounding = fields.Integer(
        related="company_id.maintenance_billing_rounding", readonly=False
    )
    maintenance_billing_minimum_hours = fields.Float(
        related="company_id.maintenance_billing_minimum_hours", readonly=False
    )
    maintenance_billing_travel_mode = fields.Selection(
        related="company_id.maintenance_billing_travel_mode", readonly=False
    )
    maintenance_billing_km_rate = fields.Float(
        related="company_id.maintenance_billing_km_rate", readonly=False
    )
    maintenance_billing_after_hours_surcharge = fields.Float(
        related="company_id.maintenance_billing_after_hours_surcharge", readonly=False
    )
    maintenance_labour_product_id = fields.Many2one(
        related="company_id.maintenance_labour_product_id", readonly=False
    )
    maintenance_travel_product_id = fields.Many2one(
        related="company_id.maintenance_travel_product_id", readonly=False
    )
    maintenance_surcharge_product_id = fields.Many2one(
        related="company_id.maintenance_surcharge_product_id", readonly=False
    )
