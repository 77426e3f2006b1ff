# Copyright 2026 Seed maintainers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import models


class CreditControlCommunication(models.Model):
    _inherit = "credit.control.communication"

    def _send_communications_by_email(self):
        """Each reminder in its customer's language: OCA's table of invoices
        (dates, amounts) is rendered in the language of the job otherwise."""
        result = None
        for communication in self:
            lang = communication.get_emailing_contact().lang or self.env.lang
            result = super(
                CreditControlCommunication, communication.with_context(lang=lang)
            )._send_communications_by_email()
        return result

    def _get_credit_control_communication_table(self):
        """OCA's table of the reminder's invoices, with the headings that
        OCA's French file lacks translated (a module's Python messages are
        translated only by its own files)."""
        table = super()._get_credit_control_communication_table()
        if (self.env.lang or "en_US") == "en_US":
            return table
        headings = {
            "Payment Reference": self.env._("Payment Reference"),
            "Invoice amount": self.env._("Invoice amount"),
            "Invoices summary": self.env._("Invoices summary"),
        }
        for english, translated in headings.items():
            table = table.replace(f">{english}</", f">{translated}</")
        return table
