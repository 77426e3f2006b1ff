# Copyright 2026 Seed maintainers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class ResCompany(models.Model):
    _inherit = "res.company"

    maintenance_request_risk_percent = fields.Integer(
        string="Committed time at risk (%)",
        default=75,
        help="A committed time is at risk when this share of the allowed time is used: "
        "the operations manager gets an activity.",
    )
    maintenance_request_user_id = fields.Many2one(
        comodel_name="res.users",
        string="Requests received by",
        help="Operations manager responsible for the requests received by e-mail.",
    )

    _maintenance_request_risk_percent_range = models.Constraint(
        "CHECK(maintenance_request_risk_percent > 0 AND maintenance_request_risk_percent < 100)",
        "The at-risk share must be between 1 and 99 %.",
    )
