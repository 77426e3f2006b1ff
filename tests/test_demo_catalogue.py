# Copyright 2026 Seed maintainers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The demo company's catalogue (data/demo.py): spare parts, consumables and
equipment models that a technician finds under *Parts used*."""

import importlib.util
import sys
from pathlib import Path

from odoo.tests import TransactionCase, new_test_user, tagged

DEMO = Path(__file__).resolve().parent.parent / "data" / "demo.py"


def _demo_module():
    # data/demo.py imports data/demo_requests.py from beside it, as a script does
    if str(DEMO.parent) not in sys.path:
        sys.path.append(str(DEMO.parent))
    spec = importlib.util.spec_from_file_location("maintenance_demo_data", DEMO)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@tagged("post_install", "-at_install")
class TestDemoCatalogue(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.demo = _demo_module()
        cls.technician = new_test_user(
            cls.env,
            login="demo_catalogue_technician",
            groups="maintenance_contracts.group_maintenance_technician",
        )

    def test_catalogue(self):
        loader = self.demo.Loader(self.env)
        products = loader.load_catalogue()
        self.assertGreaterEqual(len(products), 30)
        self.assertEqual(
            {product.categ_id.name for product in products.values()},
            {"Pièces détachées", "Consommables", "Équipements"},
        )
        for product in products.values():
            self.assertTrue(product.default_code, product.name)
            self.assertGreater(product.list_price, product.standard_price, product.name)
        self.assertEqual(loader.created, len(products) + 3, "the products and 3 categories")
        # idempotent: a second run creates nothing
        again = self.demo.Loader(self.env)
        self.assertEqual(again.load_catalogue(), products)
        self.assertEqual(again.created, 0)

        # the technician finds the parts by name or reference, through the
        # domain of the parts field of a task
        Part = self.env["maintenance.task.part"].with_user(self.technician)
        domain = Part._fields["product_id"].domain
        Product = self.env["product.product"].with_user(self.technician)
        for search, name in [
            ("électrode d'allumage", "Électrode d'allumage"),
            ("PD-VEX-008", "Vase d'expansion 8 L"),
            ("F7 592", "Filtre F7 592x592"),
            ("SPA 1250", "Courroie SPA 1250"),
        ]:
            with self.subTest(search=search):
                found = Product.name_search(search, domain=domain, limit=8)
                self.assertIn(name, [label.split("] ", 1)[-1] for _id, label in found])
        # the equipment models are not parts: a boiler is not offered
        self.assertTrue(products["EQ-CHC-035"].maintenance_equipment_model)
        self.assertFalse(products["PD-ELE-101"].maintenance_equipment_model)
        self.assertFalse(Product.name_search("35 kW", domain=domain, limit=8))
        self.assertFalse(Product.name_search("Chaudière", domain=domain, limit=8))
