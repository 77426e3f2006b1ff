# Copyright 2026 Seed maintainers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import models
from odoo.exceptions import UserError


class CreditControlEmailer(models.TransientModel):
    _inherit = "credit.control.emailer"

    def email_lines(self):
        """OCA's sending of the reminders, which then opens the generated
        communications. Replaced, not extended: OCA writes its title and
        domain on the *Communications* action itself (renaming the menu's
        action, in the accountant's language, and narrowing it for every
        user) with an English title its French file lacks; this returns
        them in the action opened this time only."""
        self.ensure_one()
        if not self.line_ids:
            raise UserError(self.env._("No credit control lines selected."))
        communications = self._send_emails()
        if not communications:
            return {"type": "ir.actions.act_window_close"}
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "account_credit_control.credit_control_communication_action"
        )
        action["name"] = self.env._("Generated reminders")
        action["domain"] = [("id", "in", communications.ids)]
        return action
