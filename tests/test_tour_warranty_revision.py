# Copyright 2026 Seed maintainers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Issue 24 (b), clicked from /odoo as each role: the administrator sets up
an F-gas warranty type in one step (the preset applied and said); the
operations manager previews and applies a price revision on a contract whose
indices carry the demo's values (data/demo_price_revision.py)."""

from dateutil.relativedelta import relativedelta

from odoo import Command, fields
from odoo.tests import HttpCase, new_test_user, tagged

from odoo.addons.maintenance_contracts.tests.browser import FrenchBrowserMixin

from .test_demo_catalogue import _demo_module


@tagged("post_install", "-at_install")
class TestWarrantyAndRevisionTour(FrenchBrowserMixin, HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.manager = new_test_user(
            cls.env,
            login="tour_wr_manager",
            name="Sophie Martin",
            groups="maintenance_contracts.group_maintenance_manager",
            tz="Europe/Paris",
        )
        cls.admin = new_test_user(
            cls.env,
            login="tour_wr_admin",
            name="Thomas Lefèvre",
            groups="maintenance_contracts.group_maintenance_admin",
            tz="Europe/Paris",
        )

    def test_admin_sets_up_an_fgas_warranty_type(self):
        self.start_tour("/odoo", "maintenance_fgas_warranty_type_tour", login=self.admin.login)
        wtype = self.env["maintenance.warranty.type"].search([("code", "=", "FGAS-TOUR")])
        self.assertEqual(wtype.create_uid, self.admin)
        self.assertEqual(wtype.regulation, "fgas")
        self.assertEqual((wtype.visit_interval_unit, wtype.certificate_type), ("fgas", "fgas"))
        self.assertIn("2024/573", wtype.legal_reference)
        self.assertEqual(len(wtype.operation_ids), 3)

    def test_manager_revises_prices_on_demo_indices(self):
        demo = _demo_module()
        today = fields.Date.context_today(self.manager)
        self.assertGreater(demo.demo_price_revision.load_index_values(self.env, today), 13 * 3)
        # started 13 months ago: its first anniversary is a month past, not revised yet
        start = (today - relativedelta(months=13)).replace(day=1)
        customer = self.env["res.partner"].create({"name": "Syndic Tour Révision"})
        site = self.env["maintenance.site"].create(
            {"name": "Résidence Tour Révision", "customer_id": customer.id}
        )
        equipment = self.env["maintenance.customer.equipment"].create(
            {"name": "Chaudière Tour Révision", "site_id": site.id}
        )
        product = self.env["product.product"].create(
            {"name": "Entretien Tour Révision", "type": "service"}
        )
        contract = self.env["contract.contract"].create(
            {
                "name": "Contrat Tour Révisé",
                "partner_id": customer.id,
                "site_id": site.id,
                "is_maintenance": True,
                "contract_type": "sale",
                "date_start": start,
                "recurring_rule_type": "yearly",
                "price_revision_formula_id": self.env.ref(
                    "maintenance_price_revision.price_revision_formula_icht_ime_60_bt40_25"
                ).id,
                "price_revision_base_month": start - relativedelta(months=1),
                "contract_line_ids": [
                    Command.create(
                        {
                            "product_id": product.id,
                            "name": "Entretien chaudière",
                            "quantity": 1,
                            "price_unit": 1000.0,
                            "equipment_id": equipment.id,
                            "warranty_type_id": self.env.ref(
                                "maintenance_contracts.warranty_type_full_2"
                            ).id,
                        }
                    )
                ],
            }
        )
        contract.action_maintenance_validate()
        self.start_tour("/odoo", "maintenance_price_revision_tour", login=self.manager.login)
        revision = contract.price_revision_ids
        self.assertEqual(len(revision), 1)
        self.assertEqual(revision.state, "done")
        self.assertEqual(revision.create_uid, self.manager)
        # the demo indices rise about 2 % a year: the price follows
        price = contract.contract_line_ids.price_unit
        self.assertGreater(price, 1000.0)
        self.assertLess(price, 1060.0)
        self.assertAlmostEqual(price, round(1000.0 * revision.coefficient, 2), places=2)
