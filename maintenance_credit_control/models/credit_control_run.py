# Copyright 2026 Seed maintainers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import models


class CreditControlRun(models.Model):
    _inherit = "credit.control.run"

    def _generate_credit_lines(self):
        """OCA's run, then: the customers whose invoices reached a level
        marked *credit hold* are put on hold."""
        generated = super()._generate_credit_lines()
        hold_lines = generated.filtered(lambda line: line.policy_level_id.credit_hold)
        if hold_lines:
            self.env["res.partner"]._maintenance_hold_from_follow_up(hold_lines)
        return generated
