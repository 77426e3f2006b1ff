# Copyright 2026 Seed maintainers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Invoiced work cannot be invoiced twice (issue 23, item 1): the operations
manager cannot unlink a billing line from its posted invoice, whatever the
context sent; a credit note is the correction, and frees the lines."""

from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import BillingCommon


@tagged("post_install", "-at_install")
class TestFrozenBilling(BillingCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.contract.write({"labour_coverage": "not_covered", "parts_coverage": "not_covered"})
        cls.dossier = cls._done_dossier(
            [(cls.technician, "2026-03-17 09:00", "2026-03-17 11:00")],
            parts=[(cls.part, 1.0)],
        )

    def _invoice(self):
        return self.dossier.with_user(self.manager)._maintenance_create_invoices()

    def _invoices(self):
        return self.env["account.move"].sudo().search([("invoice_origin", "=", self.dossier.name)])

    def test_invoiced_line_cannot_be_unlinked_from_its_invoice(self):
        invoice = self._invoice()
        invoice.with_user(self.accountant).action_post()
        line = self._lines(self.dossier, "labour").with_user(self.manager)
        self.assertEqual(line.invoice_id, invoice)
        # the probe, and the same with the invoicing's context key sent by
        # the client
        for context in ({}, {"maintenance_billing_invoicing": True}):
            for vals in (
                {"invoice_id": False, "invoice_line_id": False},
                {"invoice_id": False},
                {"covered_percent": 100.0},
            ):
                with (
                    self.subTest(vals=vals, context=context),
                    self.assertRaisesRegex(UserError, "already on invoice"),
                ):
                    line.with_context(**context).write(vals)
        self.assertEqual(line.invoice_id, invoice)
        self.assertTrue(line.is_invoiced)
        self.assertEqual(line.covered_percent, 0.0)
        with self.assertRaisesRegex(UserError, "already been invoiced"):
            self.dossier.with_user(self.manager)._maintenance_create_invoices()
        self.assertEqual(self._invoices(), invoice)
        # nor linked by hand to an invoice, at creation or afterwards
        Line = self.env["maintenance.billing.line"].with_user(self.manager)
        with self.assertRaisesRegex(UserError, "written by the invoicing"):
            Line.create(
                {
                    "intervention_id": self.dossier.id,
                    "product_id": self.part.id,
                    "name": "Pièce",
                    "invoice_id": invoice.id,
                    "invoice_line_id": invoice.invoice_line_ids[0].id,
                }
            )

    def test_credit_note_frees_the_lines_and_invoicing_again_works(self):
        invoice = self._invoice()
        self.assertEqual(self.dossier.billing_status, "invoiced")
        invoice.with_user(self.accountant).action_post()
        reversal = (
            self.env["account.move.reversal"]
            .with_user(self.accountant)
            .with_context(active_model="account.move", active_ids=invoice.ids)
            .create({"journal_id": invoice.journal_id.id, "reason": "Erreur de quantité"})
        )
        reversal.refund_moves()
        invoice.reversal_move_ids.with_user(self.accountant).action_post()
        self.assertEqual(self.dossier.billing_status, "to_invoice")
        # the corrected coverage, traced in the dossier's history
        line = self._lines(self.dossier, "labour").with_user(self.manager)
        line.write({"covered_percent": 50.0})
        self.assertIn("Billing lines adjusted", self.dossier.message_ids[0].body)
        second = self._invoice()
        self.assertNotEqual(second, invoice)
        self.assertEqual(line.invoice_id, second)
        self.assertEqual(self.dossier.billing_status, "invoiced")
        self.assertAlmostEqual(second.amount_untaxed, 214.90 - 62.50)
