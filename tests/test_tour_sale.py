# Copyright 2026 Seed maintainers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Quotations from the field, in headless Chromium: the technician proposes
a part on a phone (390x844, touch); the operations manager, at the office,
creates the quotation from the dossier."""

from datetime import timedelta

from odoo import fields
from odoo.tests import HttpCase, tagged

from odoo.addons.maintenance_contracts.tests.browser import FrenchBrowserMixin
from odoo.addons.maintenance_planning.tests.technician_common import TechnicianCommon


class SaleTourCommon(TechnicianCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        (cls.technician | cls.manager).write({"lang": "en_US"})
        now = fields.Datetime.now().replace(second=0, microsecond=0)
        cls.task.with_user(cls.manager).write({"planned_start": now - timedelta(minutes=30)})
        category = cls.env["product.category"].create({"name": "Pièces détachées"})
        cls.part = cls.env["product.product"].create(
            {
                "name": "Vase d'expansion 8 L",
                "default_code": "PD-VEX-008",
                "type": "consu",
                "categ_id": category.id,
                "list_price": 39.0,
            }
        )


@tagged("post_install", "-at_install")
class TestSaleTourTechnician(FrenchBrowserMixin, HttpCase, SaleTourCommon):
    browser_size = "390x844"
    touch_enabled = True

    def test_technician_proposes_a_part_on_a_phone(self):
        self.start_tour(
            "/odoo", "maintenance_sale_technician_proposes", login=self.technician.login
        )
        proposal = self.task.proposal_ids
        self.assertEqual(len(proposal), 1)
        self.assertEqual(proposal.product_id, self.part)
        self.assertEqual(proposal.quantity, 2)
        self.assertEqual(proposal.note, "Membrane percée, pression à 0,3 bar")
        self.assertEqual(proposal.user_id, self.technician)
        self.assertEqual(proposal.state, "proposed")


@tagged("post_install", "-at_install")
class TestSaleTourManager(FrenchBrowserMixin, HttpCase, SaleTourCommon):
    def test_manager_creates_the_quotation(self):
        proposal = (
            self.env["maintenance.part.proposal"]
            .with_user(self.technician)
            .create({"task_id": self.task.id, "product_id": self.part.id, "quantity": 2})
        )
        self.start_tour(
            f"/odoo/action-maintenance_planning.maintenance_intervention_action/{self.dossier.id}",
            "maintenance_sale_manager_quotes",
            login=self.manager.login,
        )
        self.assertEqual(proposal.state, "quoted")
        order = proposal.sudo().sale_order_id
        self.assertEqual(order.partner_id, self.customer)
        self.assertEqual(order.maintenance_site_id, self.site)
        self.assertEqual(order.user_id, self.manager)
        # 2 x 39.00
        self.assertAlmostEqual(order.amount_untaxed, 78.0, places=2)
