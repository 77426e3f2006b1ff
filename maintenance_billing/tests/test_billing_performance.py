# Copyright 2026 Seed maintainers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Computing the billing lines and invoicing dossiers: the same number of
queries for 10 and for 100 dossiers."""

from odoo import Command
from odoo.tests import tagged

from .common import BillingCommon, utc


@tagged("post_install", "-at_install")
class TestBillingPerformance(BillingCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.contract.write({"labour_coverage": "not_covered", "parts_coverage": "not_covered"})

    def _dossiers(self, count):
        """``count`` dossiers with a done task, two check-ins (one out of
        hours) and a part each, built in one create per model."""
        dossiers = self.env["maintenance.intervention"].create(
            [
                {
                    "site_id": self.site.id,
                    "contract_id": self.contract.id,
                    "equipment_ids": [Command.set(self.boiler.ids)],
                }
                for _index in range(count)
            ]
        )
        tasks = self.env["maintenance.task"].create(
            [
                {
                    "name": "Dépannage",
                    "intervention_id": dossier.id,
                    "user_ids": [Command.set(self.technician.ids)],
                    "planned_start": utc("2026-03-16 16:00"),
                    "duration": 3.0,
                }
                for dossier in dossiers
            ]
        )
        self.env["maintenance.task.checkin"].create(
            [
                {
                    "task_id": task.id,
                    "user_id": self.technician.id,
                    "check_in": utc(start),
                    "check_out": utc(end),
                }
                for task in tasks
                for start, end in (
                    ("2026-03-16 16:00", "2026-03-16 17:00"),
                    ("2026-03-16 17:30", "2026-03-16 19:00"),
                )
            ]
        )
        self.env["maintenance.task.part"].create(
            [{"task_id": task.id, "product_id": self.part.id, "quantity": 1.0} for task in tasks]
        )
        tasks.write({"state": "done"})
        dossiers.write({"state": "done", "date_done": "2026-03-16"})
        self.env.invalidate_all()
        return dossiers.with_user(self.manager)

    def _plain_invoice_values(self, dossiers):
        """An invoice with the same lines as our invoicing of ``dossiers``
        (a section per dossier, then its billable lines with the same
        products, quantities, prices and discounts) and none of ours: no
        dossier, site or contract on the lines, no billing line to link."""
        lines = []
        for dossier in dossiers:
            lines.append(Command.create({"display_type": "line_section", "name": dossier.name}))
            lines += [
                Command.create(
                    {
                        "display_type": "product",
                        "product_id": line.product_id.id,
                        "name": line.name,
                        "quantity": line.quantity,
                        "product_uom_id": line.product_uom_id.id,
                        "price_unit": line.price_unit,
                        "discount": line.covered_percent,
                    }
                )
                for line in dossier.billing_line_ids
                if line.billable_amount and not line.is_invoiced
            ]
        journal = self.env["account.journal"].search(
            [
                *self.env["account.journal"]._check_company_domain(self.company),
                ("type", "=", "sale"),
            ],
            limit=1,
        )
        return {
            "move_type": "out_invoice",
            "company_id": self.company.id,
            "journal_id": journal.id,
            "partner_id": dossiers.billing_partner_id.id,
            "invoice_origin": ", ".join(dossiers.mapped("name")),
            "invoice_line_ids": lines,
        }

    def _invoice_queries(self, dossiers):
        """(queries of Odoo's creation of the same invoice lines without our
        code, queries of our invoicing of ``dossiers``), each from cold
        caches, with both invoices."""
        # the operations manager's environment, as superuser like our
        # invoicing creates the draft invoice (managers have no accounting
        # right): only what our code adds differs
        Move = dossiers.env["account.move"].sudo().with_context(default_move_type="out_invoice")
        values = self._plain_invoice_values(dossiers)
        self.env.invalidate_all()
        queries = self.env.cr.sql_log_count
        baseline = Move.create(values)
        self.env.flush_all()
        baseline_queries = self.env.cr.sql_log_count - queries
        self.env.invalidate_all()
        queries = self.env.cr.sql_log_count
        invoice = dossiers._maintenance_create_invoices()
        self.env.flush_all()
        invoice_queries = self.env.cr.sql_log_count - queries
        self.assertEqual(len(invoice.invoice_line_ids), len(baseline.invoice_line_ids))
        self.assertAlmostEqual(invoice.amount_untaxed, baseline.amount_untaxed)
        return baseline_queries, invoice_queries, invoice

    def test_compute_and_invoice_flat(self):
        counts = {}
        # warm-up (caches, not measured)
        warm_up = self._dossiers(5)
        warm_up.action_compute_billing_lines()
        self._invoice_queries(warm_up)
        for count in (10, 100):
            dossiers = self._dossiers(count)
            self.env.invalidate_all()
            queries = self.env.cr.sql_log_count
            dossiers.action_compute_billing_lines()
            compute_queries = self.env.cr.sql_log_count - queries
            # 2 h 30 x 62.50 + the part 89.90; the out-of-hours hour is covered
            self.assertAlmostEqual(
                sum(dossiers.mapped("amount_billable")), round(count * 246.15, 2)
            )
            baseline_queries, invoice_queries, invoice = self._invoice_queries(dossiers)
            self.assertAlmostEqual(invoice.amount_untaxed, round(count * 246.15, 2))
            billed = dossiers.billing_line_ids.filtered("billable_amount")
            self.assertTrue(billed and all(billed.mapped("is_invoiced")))
            counts[count] = (compute_queries, invoice_queries - baseline_queries)
        # computing the lines: the same queries for 10 and 100 dossiers, but
        # for Odoo's INSERT of the lines in batches of 100 rows (40 vs 400 lines)
        self.assertLessEqual(counts[100][0] - counts[10][0], 3, counts)
        # invoicing: the queries our code adds to Odoo's creation of the same
        # invoice lines (14 today) are the same for 10 and 100 dossiers; the
        # ORM's batches of 100 rows (UPDATE of the billing lines, INSERT of
        # the notes) may add one or two, a query per dossier adds 90
        self.assertLessEqual(abs(counts[100][1] - counts[10][1]), 2, counts)
