# Copyright 2026 Seed maintainers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class MaintenanceSector(models.Model):
    _inherit = "maintenance.sector"

    currency_id = fields.Many2one(related="company_id.currency_id")
    travel_flat_fee = fields.Monetary(
        string="Travel flat fee",
        help="Billed once per technician and task when travel is billed at a flat fee.",
    )
    travel_distance_km = fields.Float(
        string="Round trip (km)",
        digits=(16, 1),
        help="Distance billed per technician and task when travel is billed per km.",
    )
