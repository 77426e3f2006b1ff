# Copyright 2026 Seed maintainers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Payment follow-up in headless Chromium: the accountant puts a customer
with an overdue invoice on credit hold; the operations manager sees the
warning on the customer's dossier and opens the overdue invoice."""

from datetime import timedelta

from odoo import fields
from odoo.tests import HttpCase, tagged

from odoo.addons.maintenance_contracts.tests.browser import FrenchBrowserMixin
from odoo.addons.maintenance_credit_control.tests.common import CreditControlCommon


@tagged("post_install", "-at_install")
class TestCreditControlTours(FrenchBrowserMixin, HttpCase, CreditControlCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        equipment = cls._create_equipment(1, site=cls.site, name="Chaudière")
        contract = cls._create_contract([(equipment, cls.wt_full, {})], site=cls.site)
        today = fields.Date.context_today(cls.env.user)
        # the contract's invoice, unpaid 20 days after its due date
        cls.invoice = cls._invoice(
            cls.customer,
            720.0,
            today - timedelta(days=20),
            contract_line=contract.contract_line_ids,
        )

    def test_accountant_holds_and_manager_sees_the_warning(self):
        self._dossier_with_tasks(count=1)
        self.start_tour(
            f"/odoo/res.partner/{self.customer.id}",
            "maintenance_credit_accountant_tour",
            login=self.accountant.login,
        )
        self.assertTrue(self.customer.credit_hold)
        self.assertIn(self.accountant.name, self.customer.credit_hold_reason)
        self.start_tour(
            "/odoo/maintenance-interventions",
            "maintenance_credit_manager_tour",
            login=self.manager.login,
        )
