# Copyright 2026 Seed maintainers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Price revision can be tried on the demo (data/demo_price_revision.py): the
demo contracts have a formula and a reference month, the formulas' indices a
value for every month since January 2025 in the published orders of
magnitude; a revision is previewed and applied; a second load adds nothing."""

from dateutil.relativedelta import relativedelta

from odoo import fields
from odoo.tests import TransactionCase, new_test_user, tagged

from .test_demo_catalogue import _demo_module

# index code -> (lowest, highest) demo value
RANGES = {
    "SYNTEC-R": (298.0, 312.0),
    "ICHTREV-TS-IME": (138.0, 152.0),
    "BT40": (124.0, 136.0),
    "BT47": (124.0, 136.0),
}


@tagged("post_install", "-at_install")
class TestDemoPriceRevision(TransactionCase):
    def test_price_revision_on_the_demo(self):
        demo = _demo_module()
        demo.Loader(self.env).load()
        self.assertGreater(demo.demo_price_revision.load(demo.Loader(self.env)), 13 * 4)
        contracts = self.env["contract.contract"].browse(
            [
                self.env.ref(f"maintenance_demo.{key}").id
                for key in demo.demo_price_revision.FORMULAS
            ]
        )
        self.assertTrue(all(contracts.mapped("price_revision_formula_id")))
        for contract in contracts:
            self.assertEqual(
                contract.price_revision_base_month,
                contract.date_start.replace(day=1) - relativedelta(months=1),
            )
        indices = contracts.price_revision_formula_id.term_ids.index_id
        self.assertEqual(set(indices.mapped("code")), set(RANGES))
        last_month = fields.Date.context_today(self.env.user).replace(day=1) - relativedelta(
            months=1
        )
        for index in indices:
            values = index.value_ids
            self.assertGreaterEqual(len(values), 13, index.code)
            self.assertTrue(all(values.mapped("is_demo")), "demo figures, never published ones")
            self.assertEqual(max(values.mapped("month")), last_month)
            low, high = RANGES[index.code]
            self.assertTrue(
                low <= min(values.mapped("value")) <= max(values.mapped("value")) <= high
            )
        # the operations manager previews and applies from the contracts
        manager = new_test_user(
            self.env,
            login="demo_revision_manager",
            groups="maintenance_contracts.group_maintenance_manager",
        )
        wizard = (
            self.env["maintenance.price.revision.wizard"]
            .with_user(manager)
            .browse(contracts.with_user(manager).action_price_revision_wizard()["res_id"])
        )
        ready = wizard.line_ids.filtered(lambda line: line.state in ("revise", "scheduled"))
        self.assertTrue(ready, wizard.line_ids.mapped("reason"))
        self.assertFalse(ready.filtered(lambda line: not 1.0 < line.coefficient < 1.1))
        # each previewed price names its equipment, not the line's date and text
        self.assertEqual(
            set(ready.mapped("line_label")), set(ready.contract_line_id.equipment_id.mapped("name"))
        )
        self.assertFalse(
            wizard.line_ids.filtered(
                lambda line: "no price-revision formula" in (line.reason or "")
            )
        )
        wizard.action_apply()
        self.assertTrue(contracts.price_revision_ids)
        # idempotent: a second load creates nothing
        count = self.env["maintenance.price.index.value"].search_count([])
        self.assertEqual(demo.demo_price_revision.load(demo.Loader(self.env)), 0)
        self.assertEqual(self.env["maintenance.price.index.value"].search_count([]), count)
