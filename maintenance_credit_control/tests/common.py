# Copyright 2026 Seed maintainers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import Command, fields

from odoo.addons.maintenance_planning.tests.common import PlanningCommon


class CreditControlCommon(PlanningCommon):
    """The French policy of the company, its three levels, and helpers to
    post customer invoices with chosen due dates and to run the follow-up
    as an accountant."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.policy = cls.env.ref("maintenance_credit_control.credit_control_policy_fr")
        cls.level_friendly = cls.env.ref("maintenance_credit_control.credit_control_level_friendly")
        cls.level_second = cls.env.ref("maintenance_credit_control.credit_control_level_second")
        cls.level_notice = cls.env.ref(
            "maintenance_credit_control.credit_control_level_formal_notice"
        )
        cls.customer.email = "compta@horizon-immobilier.fr"

    @classmethod
    def _invoice(cls, partner, amount, due_date, invoice_date=None, contract_line=None):
        """A posted customer invoice of ``amount`` (no tax) due on ``due_date``."""
        due_date = fields.Date.to_date(due_date)
        line = {"name": "Dépannage chaudière", "quantity": 1, "price_unit": amount}
        line["tax_ids"] = [Command.clear()]
        if contract_line:
            line["contract_line_id"] = contract_line.id
        invoice = cls.env["account.move"].create(
            {
                "move_type": "out_invoice",
                "partner_id": partner.id,
                "invoice_date": invoice_date or due_date,
                "invoice_date_due": due_date,
                "invoice_payment_term_id": False,
                "invoice_line_ids": [Command.create(line)],
            }
        )
        invoice.action_post()
        return invoice

    @classmethod
    def _pay(cls, invoice, amount, date):
        cls.env["account.payment.register"].with_context(
            active_model="account.move", active_ids=invoice.ids
        ).create({"amount": amount, "payment_date": date}).action_create_payments()

    def _run(self, date, user=None):
        """A follow-up run on ``date``, computed by ``user`` (the accountant)."""
        run = (
            self.env["credit.control.run"]
            .with_user(user or self.accountant)
            .create({"date": date, "policy_ids": [Command.set(self.policy.ids)]})
        )
        run.generate_credit_lines()
        return run

    @staticmethod
    def _levels(run):
        """{invoice name: (level, balance due)} of the lines of ``run``."""
        return {
            line.invoice_id.name: (line.level, line.balance_due) for line in run.sudo().line_ids
        }
