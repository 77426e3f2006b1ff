# Copyright 2026 Seed maintainers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The quotation a French maintenance company sends: the seller's identity
and the payment mentions in the PDF (Debian's wkhtmltopdf drops the
letterhead of Odoo's external layout)."""

from odoo.tests import tagged

from odoo.addons.base.models.ir_actions_report import _wkhtml
from odoo.addons.maintenance_billing.tests.common import dress_french_seller
from odoo.addons.maintenance_contracts.tests.pdf import pdf_text, pdf_top_text

from .common import SaleCommon


@tagged("post_install", "-at_install")
class TestQuotationDocument(SaleCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        dress_french_seller(cls.env, cls.company)
        cls.customer.write({"lang": "fr_FR", "is_company": True})
        proposal = (
            cls.env["maintenance.part.proposal"]
            .with_user(cls.technician)
            .create({"task_id": cls.task.id, "product_id": cls.part.id, "quantity": 1})
        )
        action = proposal.with_user(cls.manager).action_create_quotation()
        cls.order = cls.env["sale.order"].browse(action["res_id"])

    def test_manager_prints_the_seller_and_the_mentions(self):
        """The manager prints the quotation: its PDF names the seller with
        its SIRET, RCS and VAT number, once, at the top of the page (not
        3 cm down), states the payment mentions in French, and is numbered
        with the seller's legal lines at the foot of the page."""
        report = (
            self.env["ir.actions.report"]
            .with_user(self.manager)
            .with_context(force_report_rendering=True)
        )
        pdf = report._render_qweb_pdf("sale.action_report_saleorder", self.order.ids)[0]
        text = pdf_text(pdf)
        for expected in (
            "Thermi-Services Rhône",
            "SIRET : 812 345 676 00017",
            "RCS Lyon 812 345 676",
            "FR19812345676",
            "Pas d'escompte pour paiement anticipé",
            "indemnité forfaitaire pour frais de recouvrement de 40 €",
        ):
            self.assertIn(expected, text)
        self.assertIn("Thermi-Services Rhône", pdf_top_text(pdf, 40))
        self.assertIn("1 / 1 Thermi-Services Rhône - 18 rue de la Villette, 69003 Lyon", text)
        html = report._render_qweb_html(
            "sale.action_report_saleorder", self.order.ids, data={"report_type": "pdf"}
        )[0].decode()
        self.assertEqual(html.count("o_maintenance_seller"), 0 if _wkhtml().is_patched_qt else 1)
        preview = report._render_qweb_html("sale.action_report_saleorder", self.order.ids)[0]
        self.assertNotIn("o_maintenance_seller", preview.decode())
