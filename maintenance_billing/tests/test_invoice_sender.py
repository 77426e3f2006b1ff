# Copyright 2026 Seed maintainers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Invoices the scheduled actions create and send (run as OdooBot) have a
person as salesperson, or none, and their e-mails come from that person or
the company: never from OdooBot, never signed "System"."""

from odoo.tests import tagged

from .common import BillingCommon


@tagged("post_install", "-at_install")
class TestInvoiceSender(BillingCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company.write(
            {"name": "Thermi-Services Rhône", "email": "contact@thermi-services-rhone.fr"}
        )
        cls.manager.email = "sophie.martin@thermi-services-rhone.fr"
        cls.customer.email = "compta@horizon-immobilier.fr"
        cls.odoobot = cls.env.ref("base.user_root")
        # a contract made by a script run as OdooBot: OCA's default responsible
        cls.contract.user_id = cls.odoobot

    def _contract_invoice_by_the_job(self):
        """The contract invoicing job's run, as the cron runs it (superuser)."""
        self.assertTrue(self.env.su)
        Contract = self.env["contract.contract"]
        Contract._cron_recurring_create(self.contract.recurring_next_date, create_type="invoice")
        invoice = self.contract._get_related_invoices()
        self.assertEqual(len(invoice), 1)
        return invoice

    def _sent_by_the_job(self, invoice):
        """Posted and e-mailed by a job run as OdooBot (Odoo's own sending)."""
        invoice.action_post()
        self.env["account.move.send"]._generate_and_send_invoices(
            invoice, sending_methods={"email"}
        )
        return invoice.message_ids.filtered(lambda message: message.message_type == "comment")

    def test_job_invoice_has_the_companys_salesperson(self):
        self.company.maintenance_invoice_user_id = self.manager
        invoice = self._contract_invoice_by_the_job()
        self.assertEqual(invoice.invoice_user_id, self.manager)
        message = self._sent_by_the_job(invoice)
        self.assertEqual(message.author_id, self.manager.partner_id)
        self.assertIn("sophie.martin@thermi-services-rhone.fr", message.email_from)
        self.assertNotIn("System", str(message.body))
        self.assertNotIn("OdooBot", message.email_from)

    def test_job_invoice_without_salesperson_comes_from_the_company(self):
        invoice = self._contract_invoice_by_the_job()
        self.assertFalse(invoice.invoice_user_id)
        message = self._sent_by_the_job(invoice)
        self.assertEqual(message.author_id, self.company.partner_id)
        self.assertEqual(
            message.email_from, '"Thermi-Services Rhône" <contact@thermi-services-rhone.fr>'
        )
        self.assertNotIn("System", str(message.body))

    def test_contract_responsible_is_the_salesperson(self):
        self.contract.user_id = self.manager
        invoice = self._contract_invoice_by_the_job()
        self.assertEqual(invoice.invoice_user_id, self.manager)

    def test_dossier_invoiced_by_a_job_has_the_dossiers_responsible(self):
        self.contract.write({"labour_coverage": "not_covered"})
        dossier = self._done_dossier([(self.technician, "2026-03-17 09:00", "2026-03-17 11:00")])
        dossier.user_id = self.manager
        invoice = dossier._maintenance_create_invoices()  # as OdooBot
        self.assertEqual(invoice.invoice_user_id, self.manager)
        # a person invoicing is the salesperson
        other = self._done_dossier([(self.technician, "2026-03-18 09:00", "2026-03-18 11:00")])
        other.user_id = self.odoobot
        invoice = other.with_user(self.admin)._maintenance_create_invoices()
        self.assertEqual(invoice.invoice_user_id, self.admin)
