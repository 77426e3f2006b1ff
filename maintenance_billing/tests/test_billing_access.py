# Copyright 2026 Seed maintainers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Technicians never see prices, billing lines or invoices; accountants read
billing lines and invoices, and post; managers adjust and create invoices.
Each role plays its part as itself."""

from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import BillingCommon


@tagged("post_install", "-at_install")
class TestBillingAccess(BillingCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.contract.write({"labour_coverage": "not_covered"})
        cls.dossier = cls._done_dossier(
            [(cls.technician, "2026-03-17 09:00", "2026-03-17 10:00")],
            parts=[(cls.part, 1.0)],
        )
        cls.line = cls.dossier.billing_line_ids[:1]

    def test_technician_sees_no_price(self):
        Line = self.env["maintenance.billing.line"].with_user(self.technician)
        with self.assertRaises(AccessError):
            Line.search([])
        with self.assertRaises(AccessError):
            self.line.with_user(self.technician).read(["price_unit"])
        dossier = self.dossier.with_user(self.technician)
        self.assertEqual(dossier.read(["name"])[0]["name"], self.dossier.name)
        for field in ("amount_billable", "amount_covered", "billing_line_ids", "billing_status"):
            with self.subTest(field=field), self.assertRaises(AccessError):
                dossier.read([field])
        invoice = self.dossier.with_user(self.manager)._maintenance_create_invoices()
        with self.assertRaises(AccessError):
            invoice.with_user(self.technician).read(["amount_total"])
        with self.assertRaises(AccessError):
            self.env["maintenance.intervention"].browse(self.dossier.ids).with_user(
                self.technician
            )._maintenance_create_invoices()
        # the dossier's form opens for the technician (no billing field in it)
        arch = dossier.get_view(view_type="form")["arch"]
        self.assertNotIn("billing_line_ids", arch)
        self.assertNotIn("amount_billable", arch)

    def test_accountant_reads_and_posts(self):
        line = self.line.with_user(self.accountant)
        self.assertTrue(line.read(["price_unit", "billable_amount", "reason"]))
        with self.assertRaises(AccessError):
            line.write({"price_unit": 1.0})
        with self.assertRaises(AccessError):
            self.env["maintenance.billing.line"].with_user(self.accountant).create(
                {
                    "intervention_id": self.dossier.id,
                    "product_id": self.part.id,
                    "name": "x",
                }
            )
        with self.assertRaises(AccessError):
            self.dossier.with_user(self.accountant)._maintenance_create_invoices()
        invoice = self.dossier.with_user(self.manager)._maintenance_create_invoices()
        invoice.with_user(self.accountant).action_post()
        self.assertEqual(invoice.state, "posted")

    def test_manager_cannot_post(self):
        invoice = self.dossier.with_user(self.manager)._maintenance_create_invoices()
        with self.assertRaises(AccessError):
            invoice.with_user(self.manager).action_post()
        with self.assertRaises(AccessError):
            invoice.with_user(self.manager).write({"ref": "x"})

    def test_other_company_lines_are_hidden(self):
        other = self.env["res.company"].create({"name": "Thermi-Services Alpes"})
        self.manager.write({"company_ids": [(4, other.id)]})
        lines = (
            self.env["maintenance.billing.line"]
            .with_user(self.manager)
            .with_context(allowed_company_ids=[other.id])
            .search([("intervention_id", "=", self.dossier.id)])
        )
        self.assertFalse(lines)
        lines = (
            self.env["maintenance.billing.line"]
            .with_user(self.manager)
            .search([("intervention_id", "=", self.dossier.id)])
        )
        self.assertEqual(lines, self.dossier.billing_line_ids)
