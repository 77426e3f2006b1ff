# Copyright 2026 Seed maintainers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from markupsafe import Markup

from odoo import models
from odoo.exceptions import UserError


class CreditControlPolicy(models.Model):
    _inherit = "credit.control.policy"

    def _generate_credit_lines(self, credit_control_run, default_lines_vals=None):
        """OCA's lines, with the run's report in the accountant's language:
        OCA's sentence is translated from OCA's own French file, which lacks
        it (a module's Python messages are translated only by its own files)."""
        manual_lines, lines, _report = super()._generate_credit_lines(
            credit_control_run, default_lines_vals=default_lines_vals
        )
        if lines:
            report = self.env._(
                "Policy %(policy)s has generated %(count)s payment follow-up lines.",
                policy=Markup("<b>%s</b>") % self.name,
                count=Markup("<b>%s</b>") % len(lines),
            )
        else:
            report = self.env._(
                "Policy %(policy)s has not generated any payment follow-up line.",
                policy=Markup("<b>%s</b>") % self.name,
            )
        return manual_lines, lines, Markup("%s<br/>") % report

    def check_policy_against_account(self, account):
        """OCA's check, its refusal in the accountant's language (OCA's
        French file lacks it): a policy not set on the account of the line."""
        allowed = self.search(["|", ("account_ids", "in", account.ids), ("do_nothing", "=", True)])
        if self not in allowed:
            raise UserError(
                self.env._(
                    "The policy %(policy)s is not used for the account %(account)s."
                    " Choose one of these policies:\n%(allowed)s",
                    policy=self.name,
                    account=account.display_name,
                    allowed="\n".join(allowed.mapped("name")),
                )
            )
        return True
