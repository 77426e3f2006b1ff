# Copyright 2026 Seed maintainers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class ResConfigSettings(models.TransientModel):
    _inherit = "res.config.settings"

    maintenance_request_risk_percent = fields.Integer(
        related="company_id.maintenance_request_risk_percent", readonly=False
    )
    maintenance_request_user_id = fields.Many2one(
        related="company_id.maintenance_request_user_id", readonly=False
    )
    maintenance_request_alias_id = fields.Many2one(
        comodel_name="mail.alias",
        string="Requests by e-mail",
        compute="_compute_maintenance_request_alias_id",
    )

    def _compute_maintenance_request_alias_id(self):
        alias = self.env.ref(
            "maintenance_request.mail_alias_maintenance_customer_request", raise_if_not_found=False
        )
        for settings in self:
            settings.maintenance_request_alias_id = alias
