# Copyright 2026 Seed maintainers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The invoice a French maintenance company sends: the seller's identity and
the mandatory payment mentions in the PDF, a real person or the company as
salesperson and sender, never OdooBot."""

from odoo import Command
from odoo.tests import tagged

from odoo.addons.base.models.ir_actions_report import _wkhtml
from odoo.addons.maintenance_contracts.tests.pdf import (
    pdf_pages,
    pdf_rows_cut,
    pdf_text,
    pdf_top_text,
)

from .common import BillingCommon, dress_french_seller


@tagged("post_install", "-at_install")
class TestInvoiceDocument(BillingCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        dress_french_seller(cls.env, cls.company)
        cls.customer.write({"lang": "fr_FR", "email": "compta@horizon-immobilier.fr"})
        cls.contract.write({"labour_coverage": "not_covered", "parts_coverage": "not_covered"})
        # 1 h 45 on site, closed by a French manager: the lines' labels are French
        cls.dossier = cls._done_dossier(
            [(cls.technician, "2026-03-17 09:00", "2026-03-17 10:45")],
            parts=[(cls.part, 1.0)],
            close=False,
        )
        cls.dossier.with_user(cls.manager).with_context(lang="fr_FR").action_done()
        cls.invoice = cls.dossier.with_user(cls.manager)._maintenance_create_invoices()
        cls.invoice.with_user(cls.accountant).action_post()

    def _html(self, invoice, report_type):
        report = self.env["ir.actions.report"].with_user(self.accountant)
        html = report._render_qweb_html(
            "account.account_invoices", invoice.ids, data={"report_type": report_type}
        )[0]
        return html.decode()

    def test_accountant_prints_the_seller_and_the_french_mentions(self):
        """The accountant prints the posted invoice of a French company: its
        PDF names the seller with its SIRET, VAT number, capital and RCS
        (in the body, as Debian's wkhtmltopdf drops the letterhead) and
        states the payment mentions of the Commercial Code in French."""
        report = (
            self.env["ir.actions.report"]
            .with_user(self.accountant)
            .with_context(force_report_rendering=True)
        )
        pdf = report._render_qweb_pdf("account.account_invoices", self.invoice.ids)[0]
        text = pdf_text(pdf)
        for expected in (
            "Thermi-Services Rhône",
            "SIRET : 812 345 676 00017",
            "RCS Lyon 812 345 676",
            "FR19812345676",
            "SAS au capital de 150 000,00 €",
            "Pas d'escompte pour paiement anticipé",
            "Pénalités de retard",
            "indemnité forfaitaire pour frais de recouvrement de 40 €",
        ):
            self.assertIn(expected, text)
        self.assertIn("Syndic Horizon Immobilier", text)

    def test_hours_written_in_french(self):
        """The labour line of 1 h 45 on site, computed for a French manager,
        writes its hours as French does (decimal comma), in the unit of the
        quantity column beside it: « 1,75 h », not « 1.75 h »."""
        labour = self.invoice.invoice_line_ids.filtered(lambda line: "sur site" in line.name)
        self.assertEqual(len(labour), 1)
        self.assertIn(": 1,75 h sur site", labour.name)
        self.assertEqual(labour.quantity, 1.75)

    def test_letterhead_printed_once(self):
        """The seller's block is in the body only when wkhtmltopdf drops the
        header; a wkhtmltopdf with patched Qt prints Odoo's header, and the
        on-screen preview has it: no seller block there."""
        pdf_html = self._html(self.invoice, "pdf")
        expected = 0 if _wkhtml().is_patched_qt else 1
        self.assertEqual(pdf_html.count("o_maintenance_seller"), expected)
        self.assertNotIn("o_maintenance_seller", self._html(self.invoice, "html"))
        # the mentions are part of the document, on screen too
        self.assertIn("o_maintenance_payment_mentions", self._html(self.invoice, "html"))

    def test_private_customer_has_no_recovery_indemnity(self):
        """The 40 € indemnity is owed by professionals only: not on the
        invoice of a private person; the late-payment rate set by the
        company replaces the legal one."""
        self.company.maintenance_late_payment_rate = 12.5
        person = self.customer.copy({"name": "Mme Durand", "is_company": False})
        invoice = self.invoice.copy({"partner_id": person.id})
        html = self._html(invoice.with_context(lang="en_US"), "pdf")
        self.assertNotIn("40 €", html)
        self.assertIn("12,50", html)
        self.assertIn("40 €", self._html(self.invoice, "pdf"))

    def test_long_invoice_on_the_company_paper(self):
        """A long invoice as the accountant prints it (one render): the
        seller's letterhead at the top of the first page, not 3 cm down;
        every page numbered « N / M » with the seller's legal lines (Debian's
        wkhtmltopdf drops Odoo's footer); no line cut across two pages; the
        hours of the labour line written the French way."""
        invoice = self.invoice.with_user(self.accountant).copy()
        invoice.write(
            {
                "invoice_line_ids": [
                    Command.create(
                        {
                            "name": f"Fourniture L{n:02d}a\nréférence L{n:02d}b\nlot L{n:02d}c",
                            "quantity": 1.0,
                            "price_unit": 100.0 + n,
                        }
                    )
                    for n in range(40)
                ]
            }
        )
        invoice.action_post()
        pdf = (
            self.env["ir.actions.report"]
            .with_user(self.accountant)
            .with_context(force_report_rendering=True)
            ._render_qweb_pdf("account.account_invoices", invoice.ids)[0]
        )
        self.assertIn("Thermi-Services Rhône", pdf_top_text(pdf, 40))
        pages = pdf_pages(pdf)
        self.assertGreater(len(pages), 1)
        for number, page in enumerate(pages, start=1):
            self.assertIn(f"{number} / {len(pages)}", page)
            self.assertIn("Thermi-Services Rhône - 18 rue de la Villette, 69003 Lyon", page)
            self.assertIn("812 345 676 00017", page)
        rows = [(f"L{n:02d}a", f"L{n:02d}b", f"L{n:02d}c", f"{100 + n},00") for n in range(40)]
        self.assertEqual(pdf_rows_cut(pdf, rows), [])
        # 1.75 h on site, in French
        self.assertIn("1,75 h sur site", pages[0])
        self.assertNotIn("1.75", " ".join(pages))
