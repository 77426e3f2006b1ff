# Copyright 2026 Seed maintainers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
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
