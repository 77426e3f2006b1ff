# Copyright 2026 Seed maintainers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import timedelta

from odoo import fields
from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import CreditControlCommon


@tagged("post_install", "-at_install")
class TestAmountsOwed(CreditControlCommon):
    """What the customer owes, on the customer, the contract and the
    dossier: computed by hand below, read as each role."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        today = fields.Date.context_today(cls.env.user)
        equipment = cls._create_equipment(1, site=cls.site, name="Chaudière")
        cls.contract = cls._create_contract([(equipment, cls.wt_full, {})], site=cls.site)
        contract_line = cls.contract.contract_line_ids
        # the customer: 1200 overdue (40 days), 600 not due yet (in 10 days),
        # 300 overdue (5 days) of which 100 paid, 50 to a contact of the
        # customer overdue (1 day), and a contract invoice of 480 (20 days)
        cls._invoice(cls.customer, 1200.0, today - timedelta(days=40))
        cls._invoice(cls.customer, 600.0, today + timedelta(days=10))
        partly_paid = cls._invoice(cls.customer, 300.0, today - timedelta(days=5))
        cls._pay(partly_paid, 100.0, today - timedelta(days=2))
        contact = cls.env["res.partner"].create(
            {"name": "Service comptabilité", "parent_id": cls.customer.id, "type": "invoice"}
        )
        cls._invoice(contact, 50.0, today - timedelta(days=1))
        cls.contract_invoice = cls._invoice(
            cls.customer, 480.0, today - timedelta(days=20), contract_line=contract_line
        )
        # a fully paid invoice counts for nothing
        paid = cls._invoice(cls.customer, 999.0, today - timedelta(days=60))
        cls._pay(paid, 999.0, today - timedelta(days=50))
        # another customer's debt is not ours
        cls._invoice(cls.customer2, 777.0, today - timedelta(days=30))
        cls.dossier = cls.env["maintenance.intervention"].create(
            {"site_id": cls.site.id, "contract_id": cls.contract.id}
        )
        # by hand: due = 1200 + 600 + 200 + 50 + 480 = 2530;
        # overdue = 1200 + 200 + 50 + 480 = 1930
        cls.due, cls.overdue = 2530.0, 1930.0

    def test_customer_contract_and_dossier_show_what_is_owed(self):
        for user in (self.manager, self.accountant, self.admin):
            with self.subTest(user=user.login):
                customer = self.customer.with_user(user)
                self.assertEqual(customer.maintenance_amount_due, self.due)
                self.assertEqual(customer.maintenance_amount_overdue, self.overdue)
                contract = self.contract.with_user(user)
                self.assertEqual(contract.maintenance_amount_due, 480.0)
                self.assertEqual(contract.maintenance_amount_overdue, 480.0)
        dossier = self.dossier.with_user(self.manager)
        self.assertEqual(dossier.maintenance_amount_due, self.due)
        self.assertEqual(dossier.maintenance_amount_overdue, self.overdue)
        self.assertEqual(self.customer2.maintenance_amount_due, 777.0)

    def test_buttons_open_the_open_invoices(self):
        action = self.customer.with_user(self.accountant).action_maintenance_open_invoices()
        invoices = self.env["account.move"].search(action["domain"])
        self.assertEqual(len(invoices), 5)
        self.assertEqual(sum(invoices.mapped("amount_residual")), self.due)
        action = self.contract.with_user(self.manager).action_maintenance_open_invoices()
        self.assertEqual(self.env["account.move"].search(action["domain"]), self.contract_invoice)
        action = self.dossier.with_user(self.manager).action_maintenance_open_invoices()
        self.assertEqual(len(self.env["account.move"].search(action["domain"])), 5)

    def test_technician_never_reads_amounts(self):
        checks = [
            (self.customer, "maintenance_amount_due"),
            (self.customer, "maintenance_amount_overdue"),
            (self.dossier, "maintenance_amount_due"),
            (self.dossier, "maintenance_amount_overdue"),
        ]
        for record, field in checks:
            with self.subTest(field=f"{record._name}.{field}"), self.assertRaises(AccessError):
                record.with_user(self.technician).read([field])
        # nor do they get them in the views they open
        for model, view_type in (
            ("maintenance.intervention", "form"),
            ("maintenance.intervention", "list"),
            ("maintenance.intervention", "kanban"),
            ("res.partner", "form"),
        ):
            arch = (self.env[model].with_user(self.technician).get_views([(False, view_type)]))[
                "views"
            ][view_type]["arch"]
            with self.subTest(model=model, view_type=view_type):
                self.assertNotIn("maintenance_amount", arch)
                self.assertNotIn("credit_hold", arch)
        arch = (
            self.env["maintenance.intervention"]
            .with_user(self.manager)
            .get_views([(False, "form")])["views"]["form"]["arch"]
        )
        self.assertIn("maintenance_amount_overdue", arch)
        self.assertIn("o_maintenance_credit_hold", arch)

    def test_amounts_are_computed_in_one_query_whatever_the_number(self):
        """The amounts of 10 or 100 dossiers cost the same queries."""
        customers = self.env["res.partner"].create(
            [{"name": f"Client {index}", "is_company": True} for index in range(100)]
        )
        sites = self.env["maintenance.site"].create(
            [
                {"name": f"Site {index}", "customer_id": customer.id}
                for index, customer in enumerate(customers)
            ]
        )
        dossiers = self.env["maintenance.intervention"].create(
            [{"site_id": site.id} for site in sites]
        )
        fnames = ["maintenance_amount_due", "maintenance_amount_overdue"]
        # warm the caches (the user's groups, the company) on another record
        self.dossier.with_user(self.manager).read(fnames)
        self.customer.with_user(self.manager).read(fnames)
        # dossiers: their customers, the company, the amounts query (one),
        # the access checks; customers: their commercial entity, the amounts
        for size in (10, 100):
            with self.subTest(dossiers=size):
                records = dossiers[:size].with_user(self.manager)
                self.env.invalidate_all()
                with self.assertQueryCount(5):
                    records.read(fnames)
            with self.subTest(customers=size):
                records = customers[:size].with_user(self.manager)
                self.env.invalidate_all()
                with self.assertQueryCount(2):
                    records.read(fnames)
