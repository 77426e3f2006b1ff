# Copyright 2026 Seed maintainers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import Command, api, models

POLICY_XMLID = "maintenance_credit_control.credit_control_policy_fr"
OCA_DEFAULT_POLICY_XMLID = "account_credit_control.credit_control_3_time"


class ResCompany(models.Model):
    _inherit = "res.company"

    @api.model
    def _maintenance_setup_credit_policy_all(self):
        """Every company follows its customers with the French policy
        (called at each installation or update of the add-on: idempotent)."""
        self.sudo().search([])._maintenance_setup_credit_policy()

    def _maintenance_setup_credit_policy(self):
        """Follow the customers of these companies with the French reminder
        policy: its accounts are the companies' receivable accounts, and it
        becomes their default policy unless they chose another one than
        OCA's English example."""
        policy = self.env.ref(POLICY_XMLID, raise_if_not_found=False)
        if not policy or not self:
            return
        # sudo: called at installation and when a chart of accounts is
        # loaded, whoever loads it; it only links accounts and a policy
        receivables = (
            self.env["account.account"]
            .sudo()
            .search(
                [
                    ("account_type", "=", "asset_receivable"),
                    ("reconcile", "=", True),
                    ("company_ids", "in", self.ids),
                ]
            )
        )
        new_accounts = receivables - policy.sudo().account_ids
        if new_accounts:
            policy.sudo().account_ids = [Command.link(account.id) for account in new_accounts]
        oca_default = self.env.ref(OCA_DEFAULT_POLICY_XMLID, raise_if_not_found=False)
        self.sudo().filtered(
            lambda company: not company.credit_policy_id or company.credit_policy_id == oca_default
        ).credit_policy_id = policy
