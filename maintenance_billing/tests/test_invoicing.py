# Copyright 2026 Seed maintainers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Invoices of dossiers: grouping, billed customer, status, refusals that
create nothing, cancellation and credit notes, Factur-X in the PDF."""

import io

from lxml import etree

from odoo import Command
from odoo.exceptions import UserError
from odoo.tests import tagged
from odoo.tools import config
from odoo.tools.pdf import OdooPdfFileReader

from .common import BillingCommon

CII = {
    "rsm": "urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100",
    "ram": "urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100",
}


@tagged("post_install", "-at_install")
class TestInvoicing(BillingCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.contract.write({"labour_coverage": "not_covered", "parts_coverage": "not_covered"})
        # 09:00-11:00 on a workday, one vessel: 125.00 labour + 89.90 part;
        # travel covered; 214.90 to bill, VAT 25.00 (services) + 17.98 (goods)
        cls.dossier = cls._done_dossier(
            [(cls.technician, "2026-03-17 09:00", "2026-03-17 11:00")],
            parts=[(cls.part, 1.0)],
        )

    def _invoice(self, dossiers, **kwargs):
        return dossiers.with_user(self.manager)._maintenance_create_invoices(**kwargs)

    def _french(self):
        self.env["res.lang"]._activate_lang("fr_FR")
        self.env["ir.module.module"]._load_module_terms(["maintenance_billing"], ["fr_FR"])
        return self.dossier.with_user(self.manager).with_context(lang="fr_FR")

    def test_manager_creates_the_draft_invoice(self):
        wizard = (
            self.env["maintenance.invoice.create"]
            .with_user(self.manager)
            .with_context(active_model="maintenance.intervention", active_ids=self.dossier.ids)
            .create({})
        )
        self.assertAlmostEqual(wizard.amount_billable, 214.90)
        action = wizard.action_create_invoices()
        self.assertEqual(action["tag"], "display_notification")
        invoice = self.dossier.billing_line_ids.invoice_id
        self.assertEqual(invoice.state, "draft")
        self.assertEqual(invoice.move_type, "out_invoice")
        self.assertEqual(invoice.partner_id, self.customer)  # not the site
        self.assertAlmostEqual(invoice.amount_untaxed, 214.90)
        self.assertAlmostEqual(invoice.amount_tax, 42.98)  # 25.00 + 17.98
        self.assertAlmostEqual(invoice.amount_total, 257.88)
        section = invoice.invoice_line_ids.filtered(lambda l: l.display_type == "line_section")
        self.assertIn(self.dossier.name, section.name)
        self.assertIn(self.site.name, section.name)
        self.assertIn(self.contract.code, section.name)
        self.assertEqual(self.dossier.billing_status, "invoiced")
        self.assertEqual(self.dossier.invoice_count, 1)
        # the manager reads the invoice (and nothing else of the accounting)
        self.assertEqual(invoice.with_user(self.manager).amount_total, 257.88)

    def test_billed_customer_is_the_contract_invoicing_address(self):
        billing_office = self.env["res.partner"].create(
            {
                "name": "Horizon Immobilier - Comptabilité",
                "type": "invoice",
                "parent_id": self.customer.id,
                "street": "20 cours Lafayette",
                "zip": "69003",
                "city": "Lyon",
            }
        )
        self.contract.invoice_partner_id = billing_office
        dossier = self._done_dossier([(self.technician, "2026-03-18 09:00", "2026-03-18 10:00")])
        invoice = self._invoice(dossier)
        self.assertEqual(invoice.partner_id, billing_office)

    def test_grouping_per_customer_and_month(self):
        march = self._done_dossier([(self.technician, "2026-03-19 09:00", "2026-03-19 10:00")])
        april = self._done_dossier([(self.technician, "2026-04-07 09:00", "2026-04-07 10:00")])
        march.date_done = "2026-03-19"
        april.date_done = "2026-04-07"
        invoices = self._invoice(march | april, per_month=True)
        self.assertEqual(len(invoices), 2)
        self.assertEqual(sorted(invoices.mapped("amount_untaxed")), [62.50, 62.50])

    def test_one_invoice_per_customer(self):
        second = self._done_dossier([(self.technician, "2026-03-19 09:00", "2026-03-19 10:00")])
        invoice = self._invoice(self.dossier | second)
        self.assertEqual(len(invoice), 1)
        self.assertAlmostEqual(invoice.amount_untaxed, 277.40)  # 214.90 + 62.50
        sections = invoice.invoice_line_ids.filtered(lambda l: l.display_type == "line_section")
        self.assertEqual(len(sections), 2)

    def test_refusals_change_nothing(self):
        dossier = self._french()
        self._invoice(self.dossier)
        count = self.env["account.move"].search_count([])
        with self.assertRaisesRegex(UserError, "a déjà été facturé"):
            dossier._maintenance_create_invoices()
        # a dossier with an open task
        open_dossier = self._done_dossier(
            [(self.technician, "2026-03-20 09:00", "2026-03-20 10:00")], close=False
        )
        self.env["maintenance.task"].create(
            {
                "name": "Remplacement circulateur",
                "intervention_id": open_dossier.id,
                "user_ids": [Command.set(self.technician.ids)],
                "planned_start": "2026-03-23 08:00:00",
                "duration": 1.0,
            }
        )
        with self.assertRaisesRegex(UserError, "Remplacement circulateur"):
            open_dossier.with_user(self.manager).with_context(
                lang="fr_FR"
            )._maintenance_create_invoices()
        # a customer without a billing address, invoiced with a good dossier:
        # nothing is created for either
        nowhere = self.env["res.partner"].create({"name": "SCI Sans Adresse", "is_company": True})
        site = self.env["maintenance.site"].create(
            {"name": "Entrepôt", "customer_id": nowhere.id, "sector_id": self.sector.id}
        )
        lost = self._done_dossier(
            [(self.technician, "2026-03-20 09:00", "2026-03-20 10:00")],
            contract=self.env["contract.contract"],
            site=site,
            equipment=self.env["maintenance.customer.equipment"],
        )
        good = self._done_dossier([(self.technician, "2026-03-24 09:00", "2026-03-24 10:00")])
        with self.assertRaisesRegex(UserError, "adresse de facturation"):
            (lost | good).with_user(self.manager).with_context(
                lang="fr_FR"
            )._maintenance_create_invoices()
        self.assertEqual(self.env["account.move"].search_count([]), count)
        self.assertEqual(good.billing_status, "to_invoice")
        self.assertEqual(lost.billing_status, "to_invoice")

    def test_cancelled_invoice_sends_lines_back(self):
        invoice = self._invoice(self.dossier)
        with self.assertRaises(UserError):
            self._lines(self.dossier, "labour").with_user(self.manager).write({"quantity": 1})
        invoice.with_user(self.accountant).button_cancel()
        self.assertEqual(self.dossier.billing_status, "to_invoice")
        second = self._invoice(self.dossier)
        self.assertNotEqual(second, invoice)
        self.assertAlmostEqual(second.amount_untaxed, 214.90)
        self.assertEqual(self.dossier.billing_status, "invoiced")

    def test_credit_note_and_payment(self):
        invoice = self._invoice(self.dossier)
        invoice.with_user(self.accountant).action_post()
        self.assertEqual(self.dossier.billing_status, "invoiced")
        # paid
        self.env["account.payment.register"].with_user(self.accountant).with_context(
            active_model="account.move", active_ids=invoice.ids
        ).create({})._create_payments()
        self.assertIn(invoice.payment_state, ("paid", "in_payment"))
        self.assertEqual(self.dossier.billing_status, "paid")

    def test_full_credit_note_sends_lines_back(self):
        invoice = self._invoice(self.dossier)
        invoice.with_user(self.accountant).action_post()
        reversal = (
            self.env["account.move.reversal"]
            .with_user(self.accountant)
            .with_context(active_model="account.move", active_ids=invoice.ids)
            .create({"journal_id": invoice.journal_id.id, "reason": "Erreur de quantité"})
        )
        reversal.refund_moves()
        credit_note = invoice.reversal_move_ids
        credit_note.with_user(self.accountant).action_post()
        self.assertEqual(invoice.payment_state, "reversed")
        self.assertEqual(self.dossier.billing_status, "to_invoice")

    def test_posted_invoice_pdf_carries_factur_x(self):
        """The accountant posts and sends with Odoo's wizard: the PDF embeds
        factur-x.xml whose totals are the invoice's."""
        self.customer.email = "compta@horizon-immobilier.fr"
        invoice = self._invoice(self.dossier)
        invoice.with_user(self.accountant).action_post()
        wizard = (
            self.env["account.move.send.wizard"]
            .with_user(self.accountant)
            .with_context(active_model="account.move", active_ids=invoice.ids)
            .create({})
        )
        # Odoo skips the PDF rendering and the embedding in test mode: run
        # the real code (wkhtmltopdf is installed)
        test_enable = config["test_enable"]
        config["test_enable"] = False
        try:
            wizard.with_context(force_report_rendering=True).action_send_and_print()
        finally:
            config["test_enable"] = test_enable
        pdf = invoice.invoice_pdf_report_id.raw
        self.assertTrue(pdf.startswith(b"%PDF"))
        attachments = dict(OdooPdfFileReader(io.BytesIO(pdf), strict=False).getAttachments())
        self.assertIn("factur-x.xml", attachments)
        tree = etree.fromstring(attachments["factur-x.xml"])
        summation = tree.find(".//ram:SpecifiedTradeSettlementHeaderMonetarySummation", CII)
        self.assertEqual(summation.findtext("ram:TaxBasisTotalAmount", namespaces=CII), "214.90")
        self.assertEqual(summation.findtext("ram:TaxTotalAmount", namespaces=CII), "42.98")
        self.assertEqual(summation.findtext("ram:GrandTotalAmount", namespaces=CII), "257.88")
