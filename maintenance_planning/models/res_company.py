# Copyright 2026 Seed maintainers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models


class ResCompany(models.Model):
    _inherit = "res.company"

    maintenance_checkin_radius = fields.Integer(
        string="Check-in radius (m)",
        default=500,
        help="A technician's check-in recorded farther than this from the site "
        "is flagged (not refused).",
    )

    _maintenance_checkin_radius_positive = models.Constraint(
        "CHECK(maintenance_checkin_radius > 0)",
        "The check-in radius must be at least one metre.",
    )

    @api.model_create_multi
    def create(self, vals_list):
        companies = super().create(vals_list)
        # each company numbers its dossiers from its own sequence, created now
        self.env["maintenance.intervention"]._create_number_sequences(companies)
        return companies
