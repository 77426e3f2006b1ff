# Copyright 2026 Seed maintainers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.tools import SQL

from .res_partner import CREDIT_GROUPS


class ContractContract(models.Model):
    _inherit = "contract.contract"

    maintenance_credit_currency_id = fields.Many2one(
        related="company_id.currency_id", string="Company currency"
    )
    maintenance_amount_due = fields.Monetary(
        string="Amount due",
        compute="_compute_maintenance_amounts",
        currency_field="maintenance_credit_currency_id",
        groups=CREDIT_GROUPS,
        help="Open receivables of this contract's posted invoices.",
    )
    maintenance_amount_overdue = fields.Monetary(
        string="Amount overdue",
        compute="_compute_maintenance_amounts",
        currency_field="maintenance_credit_currency_id",
        groups=CREDIT_GROUPS,
        help="Part of the amount due whose due date is past.",
    )
    maintenance_credit_hold = fields.Boolean(
        string="Customer on credit hold",
        related="partner_id.commercial_partner_id.credit_hold",
        groups=CREDIT_GROUPS,
    )

    def _compute_maintenance_amounts(self):
        amounts = self._maintenance_receivable_amounts()
        for contract in self:
            due, overdue = amounts.get(contract.id, (0.0, 0.0))
            contract.maintenance_amount_due = due
            contract.maintenance_amount_overdue = overdue

    def action_maintenance_open_invoices(self):
        """The contract's posted invoices still to be paid."""
        self.ensure_one()
        return self.env["account.move"]._maintenance_open_invoices_action(
            [("line_ids.contract_line_id.contract_id", "=", self.id)],
            self.env._("Open invoices of %(contract)s", contract=self.display_name),
            overdue=self.env.context.get("maintenance_overdue"),
        )

    @api.model
    def _maintenance_receivable_amounts_sql(self, contract_ids, today):
        return SQL(
            """
            WITH contract_move AS (
                SELECT DISTINCT invoice_line.move_id, contract_line.contract_id
                  FROM account_move_line invoice_line
                  JOIN contract_line ON contract_line.id = invoice_line.contract_line_id
                 WHERE contract_line.contract_id = ANY(%(contract_ids)s)
            )
            SELECT contract_move.contract_id,
                   SUM(line.amount_residual),
                   COALESCE(SUM(line.amount_residual)
                            FILTER (WHERE line.date_maturity < %(today)s), 0)
              FROM contract_move
              JOIN account_move_line line ON line.move_id = contract_move.move_id
              JOIN account_account account ON account.id = line.account_id
             WHERE account.account_type = 'asset_receivable'
               AND line.parent_state = 'posted'
               AND line.reconciled IS NOT TRUE
             GROUP BY contract_move.contract_id
            """,
            contract_ids=contract_ids,
            today=today,
        )

    def _maintenance_receivable_amounts(self):
        """{contract id: (amount due, amount overdue)} of the open
        receivables of the contracts' invoices, in one query.

        Plain SQL, like the customer's figures (res.partner): the sum of all
        the contract's open invoices, whoever reads it."""
        ids = [contract_id for contract_id in self.ids if contract_id]
        if not ids:
            return {}
        self.env["account.move.line"].flush_model(
            [
                "account_id",
                "amount_residual",
                "contract_line_id",
                "date_maturity",
                "move_id",
                "parent_state",
                "reconciled",
            ]
        )
        self.env["contract.line"].flush_model(["contract_id"])
        self.env["account.account"].flush_model(["account_type"])
        rows = self.env.execute_query(
            self._maintenance_receivable_amounts_sql(ids, fields.Date.context_today(self))
        )
        return {contract_id: (due, overdue) for contract_id, due, overdue in rows}
