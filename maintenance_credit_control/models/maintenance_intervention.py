# Copyright 2026 Seed maintainers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from collections import defaultdict

from odoo import api, fields, models
from odoo.fields import Domain

from .res_partner import CREDIT_GROUPS


class MaintenanceIntervention(models.Model):
    _inherit = "maintenance.intervention"

    credit_hold = fields.Boolean(
        string="Customer on credit hold",
        compute="_compute_credit_hold",
        search="_search_credit_hold",
        groups=CREDIT_GROUPS,
        help="The customer, or the billed customer of the contract, is on credit hold: "
        "check with accounting before sending a technician. Nothing is blocked.",
    )
    credit_hold_partner_id = fields.Many2one(
        comodel_name="res.partner",
        string="Customer on hold",
        compute="_compute_credit_hold",
        groups=CREDIT_GROUPS,
    )
    credit_hold_reason = fields.Char(
        string="Reason for the hold", compute="_compute_credit_hold", groups=CREDIT_GROUPS
    )
    maintenance_credit_currency_id = fields.Many2one(
        related="company_id.currency_id", string="Company currency"
    )
    maintenance_amount_due = fields.Monetary(
        string="Customer's amount due",
        compute="_compute_maintenance_amounts",
        currency_field="maintenance_credit_currency_id",
        groups=CREDIT_GROUPS,
        help="What the dossier's customer owes in the dossier's company: open receivables.",
    )
    maintenance_amount_overdue = fields.Monetary(
        string="Customer's amount overdue",
        compute="_compute_maintenance_amounts",
        currency_field="maintenance_credit_currency_id",
        groups=CREDIT_GROUPS,
        help="Part of the customer's amount due whose due date is past.",
    )

    @api.depends(
        "customer_id.commercial_partner_id.credit_hold",
        "contract_id.partner_id.commercial_partner_id.credit_hold",
    )
    def _compute_credit_hold(self):
        for dossier in self:
            partners = (dossier.customer_id | dossier.contract_id.partner_id).commercial_partner_id
            held = partners.filtered("credit_hold")[:1]
            dossier.credit_hold = bool(held)
            dossier.credit_hold_partner_id = held
            dossier.credit_hold_reason = held.credit_hold_reason

    def _search_credit_hold(self, operator, value):
        if operator not in ("in", "not in"):
            return NotImplemented
        held = Domain("customer_id.commercial_partner_id.credit_hold", "=", True) | Domain(
            "contract_id.partner_id.commercial_partner_id.credit_hold", "=", True
        )
        return held if (True in value) == (operator == "in") else ~held

    @api.depends("customer_id.commercial_partner_id")
    def _compute_maintenance_amounts(self):
        by_company = defaultdict(self.browse)
        for dossier in self:
            by_company[dossier.company_id] |= dossier
        for company, dossiers in by_company.items():
            amounts = self.env["res.partner"]._maintenance_receivable_amounts(
                dossiers.customer_id.commercial_partner_id.ids, company
            )
            for dossier in dossiers:
                due, overdue = amounts.get(dossier.customer_id.commercial_partner_id.id, (0, 0))
                dossier.maintenance_amount_due = due
                dossier.maintenance_amount_overdue = overdue

    def action_maintenance_open_invoices(self):
        """The open invoices of the dossier's customer."""
        self.ensure_one()
        return self.customer_id.action_maintenance_open_invoices()
