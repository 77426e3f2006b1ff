# Copyright 2026 Seed maintainers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""What the dossier's billing says when it is not simple: an invoice
credited in part, a price that changed since the work, a site without a
sector (no travel fee known)."""

from odoo import Command
from odoo.tests import tagged

from .common import BillingCommon


@tagged("post_install", "-at_install")
class TestBillingGaps(BillingCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.contract.write({"labour_coverage": "not_covered", "parts_coverage": "not_covered"})

    def _dossier(self, **kwargs):
        # 09:00-11:00 on a workday, one vessel: 125.00 labour + the part
        return self._done_dossier(
            [(self.technician, "2026-03-17 09:00", "2026-03-17 11:00")],
            parts=[(self.part, 1.0)],
            **kwargs,
        )

    def _credit_note(self, invoice):
        reversal = (
            self.env["account.move.reversal"]
            .with_user(self.accountant)
            .with_context(active_model="account.move", active_ids=invoice.ids)
            .create({"journal_id": invoice.journal_id.id, "reason": "Geste commercial"})
        )
        reversal.refund_moves()
        return invoice.reversal_move_ids

    def test_partial_credit_note_says_partially_credited(self):
        """A credit note for the part only: the invoice stays due for the
        labour, the dossier says « partially credited » (not « invoiced »);
        its lines stay on the invoice, nothing is billed twice."""
        dossier = self._dossier()
        invoice = dossier.with_user(self.manager)._maintenance_create_invoices()
        invoice.with_user(self.accountant).action_post()
        self.assertEqual(dossier.billing_status, "invoiced")
        credit_note = self._credit_note(invoice)
        labour = credit_note.invoice_line_ids.filtered(
            lambda line: line.product_id == self.labour_product
        )
        credit_note.with_user(self.accountant).write(
            {"invoice_line_ids": [Command.delete(labour.id)]}
        )
        credit_note.with_user(self.accountant).action_post()
        self.assertAlmostEqual(credit_note.amount_untaxed, 89.90)
        self.assertNotEqual(invoice.payment_state, "reversed")
        self.assertEqual(dossier.billing_status, "partially_credited")
        self.assertTrue(
            all(dossier.billing_line_ids.filtered("billable_amount").mapped("is_invoiced"))
        )
        # the manager finds it with its filter
        found = (
            self.env["maintenance.intervention"]
            .with_user(self.manager)
            .search([("billing_status", "=", "partially_credited")])
        )
        self.assertEqual(found, dossier)

    def test_draft_credit_note_changes_nothing_full_one_frees_the_lines(self):
        dossier = self._dossier()
        invoice = dossier.with_user(self.manager)._maintenance_create_invoices()
        invoice.with_user(self.accountant).action_post()
        credit_note = self._credit_note(invoice)
        self.assertEqual(dossier.billing_status, "invoiced")  # a draft is no credit yet
        credit_note.with_user(self.accountant).action_post()
        self.assertEqual(invoice.payment_state, "reversed")
        self.assertEqual(dossier.billing_status, "to_invoice")

    def test_prices_of_the_work_date_not_of_today(self):
        """The customer's price of the part was 80.00 in March 2026 (a
        pricelist rule of that month), 89.90 since: work of March, billed
        now, is priced 80.00; the labour's price of March as well."""
        self.pricelist.write(
            {
                "item_ids": [
                    Command.create(
                        {
                            "applied_on": "0_product_variant",
                            "product_id": self.part.id,
                            "compute_price": "fixed",
                            "fixed_price": 80.0,
                            "date_start": "2026-03-01 00:00:00",
                            "date_end": "2026-03-31 23:59:59",
                        }
                    ),
                    Command.create(
                        {
                            "applied_on": "0_product_variant",
                            "product_id": self.labour_product.id,
                            "compute_price": "fixed",
                            "fixed_price": 55.0,
                            "date_start": "2026-03-01 00:00:00",
                            "date_end": "2026-03-31 23:59:59",
                        }
                    ),
                ]
            }
        )
        march = self._dossier()
        self.assertAlmostEqual(self._lines(march, "part").price_unit, 80.0)
        self.assertAlmostEqual(self._lines(march, "labour").price_unit, 55.0)
        april = self._done_dossier(
            [(self.technician, "2026-04-14 09:00", "2026-04-14 11:00")],
            parts=[(self.part, 1.0)],
        )
        self.assertAlmostEqual(self._lines(april, "part").price_unit, 89.90)
        self.assertAlmostEqual(self._lines(april, "labour").price_unit, 62.50)
        # both at once: each at its own date
        (march | april).with_user(self.manager).action_compute_billing_lines()
        self.assertAlmostEqual(self._lines(march, "part").price_unit, 80.0)
        self.assertAlmostEqual(self._lines(april, "part").price_unit, 89.90)

    def test_site_without_sector_is_said_not_billed_zero_silently(self):
        site = self.env["maintenance.site"].create(
            {"name": "Entrepôt Gerland", "customer_id": self.customer.id}
        )
        equipment = self._create_equipment(1, site=site, name="Aérotherme")
        dossier = self._done_dossier(
            [(self.technician, "2026-03-17 09:00", "2026-03-17 11:00")],
            contract=self.env["contract.contract"],
            site=site,
            equipment=equipment,
        )
        travel = self._lines(dossier, "travel")
        self.assertAlmostEqual(travel.billable_amount, 0.0)
        self.assertIn("has no sector", travel.reason)
        warning = dossier.with_user(self.manager).billing_warning
        self.assertIn("Entrepôt Gerland", warning)
        self.assertIn("has no sector", warning)
        # the sector chosen and the lines computed again: the fee, no warning
        site.sector_id = self.sector
        dossier.with_user(self.manager).action_compute_billing_lines()
        self.assertAlmostEqual(self._lines(dossier, "travel").billable_amount, 45.0)
        self.assertFalse(dossier.with_user(self.manager).billing_warning)
        # a site with a sector never warns
        self.assertFalse(self._dossier().with_user(self.manager).billing_warning)
