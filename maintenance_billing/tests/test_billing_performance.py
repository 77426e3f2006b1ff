# Copyright 2026 Seed maintainers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
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

    def test_compute_and_invoice_flat(self):
        counts = {}
        self._dossiers(5).action_compute_billing_lines()  # warm-up (caches, not measured)
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
            self.env.invalidate_all()
            queries = self.env.cr.sql_log_count
            invoice = dossiers._maintenance_create_invoices()
            invoice_queries = self.env.cr.sql_log_count - queries
            self.assertAlmostEqual(invoice.amount_untaxed, round(count * 246.15, 2))
            counts[count] = (compute_queries, invoice_queries)
        # computing the lines: the same queries for 10 and 100 dossiers, but
        # for Odoo's INSERT of the lines in batches of 100 rows (40 vs 400 lines)
        self.assertLessEqual(counts[100][0] - counts[10][0], 3, counts)
        # invoicing: our code is flat; Odoo's creation of the invoice lines
        # costs less than one query per line (analytic distribution models,
        # tax tags): 90 more dossiers are 360 more lines
        self.assertLess(counts[100][1] - counts[10][1], 360, counts)
