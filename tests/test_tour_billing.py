# Copyright 2026 Seed maintainers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Billing in headless Chromium: the operations manager closes a dossier,
sees what the contract covers and what is billed, creates the invoice; the
accountant posts it. Each logged in as themselves."""

from odoo.tests import HttpCase, tagged

from odoo.addons.maintenance_billing.tests.common import BillingCommon
from odoo.addons.maintenance_contracts.tests.browser import FrenchBrowserMixin


@tagged("post_install", "-at_install")
class TestBillingTour(FrenchBrowserMixin, HttpCase, BillingCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        for user in (cls.manager, cls.accountant):
            user.write({"lang": "en_US", "password": user.login})
        cls.dossier = cls._done_dossier(
            [(cls.technician, "2026-03-17 09:00", "2026-03-17 10:00")],
            parts=[(cls.part, 1.0)],
            close=False,
        )

    def test_manager_invoices_accountant_posts(self):
        # labour (62.50) and travel (45.00) covered, the part billed (89.90, the
        # customer's pricelist)
        self.wtype.write({"parts_coverage": "not_covered"})
        self.start_tour(
            f"/odoo/maintenance-interventions/{self.dossier.id}",
            "maintenance_billing_manager_tour",
            login=self.manager.login,
        )
        self.env.invalidate_all()
        self.assertEqual(self.dossier.state, "done")
        self.assertEqual(self.dossier.billing_status, "invoiced")
        invoice = self.dossier.billing_line_ids.invoice_id
        self.assertEqual(len(invoice), 1)
        self.assertEqual(invoice.state, "draft")
        self.assertAlmostEqual(invoice.amount_untaxed, 89.90)
        self.start_tour(
            f"/odoo/customer-invoices/{invoice.id}",
            "maintenance_billing_accountant_tour",
            login=self.accountant.login,
        )
        self.env.invalidate_all()
        self.assertEqual(invoice.state, "posted")
        self.assertAlmostEqual(invoice.amount_total, 107.88)  # 89.90 + 17.98
