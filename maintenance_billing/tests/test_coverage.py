# Copyright 2026 Seed maintainers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The 16 combinations of covered / not covered labour, parts, travel and
out-of-hours work on the 17:00-19:00 job of a contract whose business hours
end at 18:00, computed by hand, and their invoice reconciling to the cent."""

import itertools

from odoo.tests import tagged

from .common import BillingCommon

# the 17:00-19:00 job of Monday 16 March 2026, two expansion vessels:
LABOUR = 125.00  # 2 h x 62.50
SURCHARGE = 31.25  # 1 h after 18:00 x 62.50 x 50 %
TRAVEL = 45.00  # flat fee of the sector
PARTS = 179.80  # 2 x 89.90 (the customer's pricelist, not the 100.00 list price)
VALUE = 381.05  # 125.00 + 31.25 + 45.00 + 179.80


@tagged("post_install", "-at_install")
class TestCoverageCombinations(BillingCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.combinations = list(itertools.product((True, False), repeat=4))
        cls.dossiers = {}
        for labour, parts, travel, after_hours in cls.combinations:
            equipment = cls._create_equipment(
                1, name=f"Chaudière {int(labour)}{int(parts)}{int(travel)}{int(after_hours)}"
            )
            contract = cls._create_contract(
                [(equipment, cls.wtype, {})],
                date_start="2026-01-01",
                maintenance_calendar_id=cls.calendar.id,
                labour_coverage="covered" if labour else "not_covered",
                parts_coverage="covered" if parts else "not_covered",
                travel_coverage="covered" if travel else "flat",
                after_hours_coverage="covered" if after_hours else "surcharge",
                after_hours_surcharge=50.0,
            )
            contract.action_maintenance_validate()
            cls.dossiers[labour, parts, travel, after_hours] = cls._done_dossier(
                [(cls.technician, "2026-03-16 17:00", "2026-03-16 19:00")],
                parts=[(cls.part, 2.0)],
                contract=contract,
                equipment=equipment,
            )

    def test_sixteen_combinations(self):
        for combination in self.combinations:
            labour, parts, travel, after_hours = combination
            with self.subTest(labour=labour, parts=parts, travel=travel, after_hours=after_hours):
                dossier = self.dossiers[combination].with_user(self.manager)
                expected = {
                    "labour": (2.0, 62.50, 0.0 if labour else LABOUR),
                    "surcharge": (1.0, 31.25, 0.0 if after_hours else SURCHARGE),
                    "travel": (1.0, 45.00, 0.0 if travel else TRAVEL),
                    "part": (2.0, 89.90, 0.0 if parts else PARTS),
                }
                for kind, (quantity, price, billable) in expected.items():
                    line = self._lines(dossier, kind)
                    self.assertEqual(len(line), 1, kind)
                    self.assertAlmostEqual(line.quantity, quantity, places=4, msg=kind)
                    self.assertAlmostEqual(line.price_unit, price, places=2, msg=kind)
                    self.assertAlmostEqual(line.billable_amount, billable, places=2, msg=kind)
                    self.assertTrue(line.reason, kind)
                billable = sum(value for _q, _p, value in expected.values())
                self.assertAlmostEqual(dossier.amount_billable, billable, places=2)
                self.assertAlmostEqual(dossier.amount_covered, VALUE - billable, places=2)
                self.assertEqual(
                    dossier.billing_status,
                    "nothing" if all(combination) else "to_invoice",
                )

    def test_invoice_reconciles_to_the_cent(self):
        """The 15 dossiers with something to bill, one invoice for the
        customer: each component is billable in 8 of the 16 combinations."""
        to_bill = self.env["maintenance.intervention"].union(
            *(dossier for combination, dossier in self.dossiers.items() if not all(combination))
        )
        invoice = to_bill.with_user(self.manager)._maintenance_create_invoices()
        self.assertEqual(len(invoice), 1)
        # 8 x (125.00 + 31.25 + 45.00 + 179.80)
        self.assertAlmostEqual(invoice.amount_untaxed, 3048.40, places=2)
        # VAT 20 %: 8 x (25.00 + 6.25 + 9.00 services + 35.96 goods)
        self.assertAlmostEqual(invoice.amount_tax, 609.68, places=2)
        self.assertAlmostEqual(invoice.amount_total, 3658.08, places=2)
        self.assertEqual(invoice.partner_id, self.customer)
        self.assertEqual(invoice.state, "draft")
        self.assertEqual(invoice.journal_id.type, "sale")
        for dossier in to_bill:
            lines = invoice.invoice_line_ids.filtered(
                lambda line, d=dossier: (
                    line.maintenance_intervention_id == d and line.display_type == "product"
                )
            )
            self.assertAlmostEqual(
                sum(lines.mapped("price_subtotal")), dossier.amount_billable, places=2
            )
            self.assertEqual(lines.maintenance_site_id, self.site)
            self.assertEqual(lines.maintenance_contract_id, dossier.contract_id)
            self.assertEqual(dossier.billing_status, "invoiced")
        scopes = {
            line.product_id.type: line.tax_ids.tax_scope
            for line in invoice.invoice_line_ids
            if line.display_type == "product"
        }
        self.assertEqual(scopes, {"service": "service", "consu": "consu"})
