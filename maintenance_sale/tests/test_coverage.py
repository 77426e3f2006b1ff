# Copyright 2026 Seed maintainers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.tests import tagged

from .common import SaleCommon


@tagged("post_install", "-at_install")
class TestQuotationCoverage(SaleCommon):
    """The parts the contract covers show on the quotation at zero (100 %
    discount) or at their covered share, with the rule named on the line;
    work is quoted at its price. Amounts by hand."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # a running contract covering the boiler since the start of 2026,
        # with the full warranty type (parts covered)
        cls.contract = cls._create_contract(
            [(cls.equipment, cls.wt_full, {})], date_start="2026-01-01"
        )
        cls.contract.action_maintenance_validate()
        cls.dossier.contract_id = cls.contract

    def _line(self, order, product):
        return order.order_line.filtered(lambda line: line.product_id == product)

    def test_parts_covered_at_zero(self):
        proposals = self._propose(
            self.task, self.part, 2, equipment_id=self.equipment.id
        ) | self._propose(self.task, self.labour, 1.5, equipment_id=self.equipment.id)
        order = self._quote(proposals)
        part_line = self._line(order, self.part)
        self.assertEqual(part_line.discount, 100.0)
        self.assertEqual(part_line.price_unit, 84.0)
        self.assertAlmostEqual(part_line.price_subtotal, 0.0, places=2)
        self.assertIn("Covered at 100 %", part_line.name)
        self.assertIn(self.contract.code, part_line.name)
        self.assertIn(self.contract.code, part_line.maintenance_coverage_reason)
        # the work is quoted at its price: 1.5 h x 65.00 = 97.50, VAT 19.50
        labour_line = self._line(order, self.labour)
        self.assertEqual(labour_line.discount, 0.0)
        self.assertAlmostEqual(order.amount_untaxed, 97.50, places=2)
        self.assertAlmostEqual(order.amount_total, 117.00, places=2)

    def test_parts_covered_at_a_percentage(self):
        self.contract.write({"parts_coverage": "percent", "parts_covered_percent": 30.0})
        proposal = self._propose(self.task, self.part, 2, equipment_id=self.equipment.id)
        order = self._quote(proposal)
        line = order.order_line
        self.assertEqual(line.discount, 30.0)
        # 2 x 84.00 = 168.00, 30 % covered: 117.60 billed; VAT 23.52
        self.assertAlmostEqual(order.amount_untaxed, 117.60, places=2)
        self.assertAlmostEqual(order.amount_tax, 23.52, places=2)
        self.assertIn("Covered at 30 %", line.name)

    def test_excluded_category_quoted_at_full_price(self):
        wear = self.env["product.category"].create({"name": "Pièces d'usure"})
        self.valve.categ_id = wear
        self.contract.write(
            {"parts_coverage": "except_categories", "parts_excluded_categ_ids": [(6, 0, wear.ids)]}
        )
        proposals = self._propose(
            self.task, self.part, 1, equipment_id=self.equipment.id
        ) | self._propose(self.task, self.valve, 2, equipment_id=self.equipment.id)
        order = self._quote(proposals)
        self.assertEqual(self._line(order, self.part).discount, 100.0)
        valve_line = self._line(order, self.valve)
        self.assertEqual(valve_line.discount, 0.0)
        self.assertIn("Pièces d'usure", valve_line.maintenance_coverage_reason)
        self.assertNotIn("Covered at", valve_line.name)
        # 0.00 + 2 x 18.50 = 37.00
        self.assertAlmostEqual(order.amount_untaxed, 37.00, places=2)

    def test_no_contract_nothing_covered(self):
        proposal = self._propose(self.task_b, self.part, 1)
        order = self._quote(proposal)
        self.assertEqual(order.order_line.discount, 0.0)
        self.assertFalse(order.order_line.maintenance_coverage_reason)
        self.assertAlmostEqual(order.amount_untaxed, 84.00, places=2)

    def test_covered_quote_invoices_covered_lines_at_zero(self):
        proposals = self._propose(
            self.task, self.part, 2, equipment_id=self.equipment.id
        ) | self._propose(self.task, self.labour, 1.5, equipment_id=self.equipment.id)
        order = self._quote(proposals)
        order.with_user(self.manager).action_confirm()
        invoice = order.with_user(self.manager)._create_invoices()
        self.assertAlmostEqual(invoice.amount_untaxed, 97.50, places=2)
        self.assertAlmostEqual(invoice.amount_total, 117.00, places=2)
        self.assertEqual(
            invoice.invoice_line_ids.filtered(lambda line: line.product_id == self.part).discount,
            100.0,
        )
