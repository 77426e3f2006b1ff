# Copyright 2026 Seed maintainers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class ResCompany(models.Model):
    _inherit = "res.company"

    maintenance_visit_horizon = fields.Integer(
        string="Visit planning horizon (months)",
        default=12,
        help="Preventive visits are generated this many months ahead; "
        "a monthly scheduled action extends the horizon.",
    )

    _maintenance_visit_horizon_positive = models.Constraint(
        "CHECK(maintenance_visit_horizon > 0)",
        "The visit planning horizon must be at least one month.",
    )
