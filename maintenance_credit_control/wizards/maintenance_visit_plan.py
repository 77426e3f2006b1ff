# Copyright 2026 Seed maintainers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models

from ..models.res_partner import CREDIT_GROUPS


class MaintenanceVisitPlan(models.TransientModel):
    _inherit = "maintenance.visit.plan"

    credit_hold_partner_ids = fields.Many2many(
        comodel_name="res.partner",
        compute="_compute_credit_hold_partner_ids",
        string="Customers on credit hold",
        groups=CREDIT_GROUPS,
        help="Customers of the selected visits (or billed customers of their contracts) "
        "on credit hold. Planning stays possible: check with accounting first.",
    )

    @api.depends("visit_ids")
    def _compute_credit_hold_partner_ids(self):
        for wizard in self:
            partners = (
                wizard.visit_ids.customer_id | wizard.visit_ids.contract_id.partner_id
            ).commercial_partner_id
            wizard.credit_hold_partner_ids = partners.filtered("credit_hold")
