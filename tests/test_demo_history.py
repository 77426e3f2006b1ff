# Copyright 2026 Seed maintainers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The demo company's year of history (data/demo_history.py): done, late,
missed and overdue preventive visits in closed dossiers with their check-ins,
corrective dossiers for the customer requests; idempotent."""

from datetime import timedelta

from odoo import fields
from odoo.tests import TransactionCase, tagged

from .test_demo_catalogue import _demo_module


@tagged("post_install", "-at_install")
class TestDemoHistory(TransactionCase):
    def test_a_year_of_history(self):
        demo = _demo_module()
        demo.Loader(self.env).load()
        demo.demo_requests.load(demo.Loader(self.env))
        created = demo.demo_history.load(demo.Loader(self.env))
        self.assertGreater(created, 100)
        today = fields.Date.context_today(self.env.user)
        Visit = self.env["maintenance.visit"]
        past = Visit.search([("due_date", "<", today - timedelta(days=31))])
        self.assertTrue(past)
        self.assertGreaterEqual(min(past.mapped("due_date")), today - timedelta(days=365))
        done = past.filtered(lambda visit: visit.state == "done")
        late = done.filtered(lambda visit: visit.done_date > visit.window_end)
        missed = past.filtered(lambda visit: visit.state == "missed")
        self.assertGreater(len(done), 30)
        self.assertTrue(late, "some visits were done late")
        self.assertTrue(missed, "a few were missed")
        self.assertLess(len(late) + len(missed), len(done) / 2)
        # every done visit in a closed preventive dossier, on its real date,
        # with a signed task and a check-in/out pair
        self.assertEqual(set(done.intervention_id.mapped("state")), {"done"})
        self.assertEqual(set(done.intervention_id.mapped("intervention_type")), {"preventive"})
        tasks = done.task_ids
        self.assertEqual(set(tasks.mapped("state")), {"done"})
        self.assertTrue(all(tasks.mapped("customer_signer_name")))
        self.assertTrue(all(tasks.mapped("work_summary")))
        for visit in done[:10]:
            self.assertEqual(visit.done_date, fields.Date.to_date(visit.intervention_id.date_done))
        checkins = tasks.checkin_ids
        self.assertEqual(len(checkins), len(tasks))
        self.assertTrue(all(checkins.mapped("check_out")))
        self.assertTrue(tasks.reading_ids, "the boilers' meters are read at the visits")
        # every closed task is in its equipment's logbook, dated when it was
        # closed (issue 23: a boiler's page showed 6 closed dossiers, its
        # logbook 1 entry)
        Logbook = self.env["maintenance.logbook.entry"]
        closed = self.env["maintenance.task"].search(
            [("state", "=", "done"), ("equipment_ids", "!=", False)]
        )
        self.assertGreater(len(closed), 30)
        logged = Logbook.search([("task_id", "in", closed.ids)])
        self.assertEqual(logged.task_id, closed)
        for entry in logged[:20]:
            self.assertEqual(entry.date, entry.task_id.closed_date)
            self.assertEqual(entry.user_id, entry.task_id.closed_by)
        # corrective dossiers closed for the restored requests, from the
        # arrival to the restoration
        requests = self.env["maintenance.customer.request"].search(
            [("state", "in", ("restored", "closed")), ("site_id", "!=", False)]
        )
        self.assertTrue(requests)
        self.assertFalse(requests.filtered(lambda r: not r.intervention_id))
        self.assertEqual(set(requests.intervention_id.mapped("intervention_type")), {"corrective"})
        self.assertLess(min(requests.mapped("received_at")).date(), today - timedelta(days=300))
        for request in requests[:10]:
            checkin = request.intervention_id.task_ids.checkin_ids
            self.assertEqual(checkin.check_in, request.arrived_at)
            self.assertEqual(checkin.check_out, request.restored_at)
        open_corrective = self.env["maintenance.intervention"].search(
            [("intervention_type", "=", "corrective"), ("state", "not in", ("done", "cancelled"))]
        )
        self.assertGreaterEqual(len(open_corrective), 3)
        # idempotent: a second run creates nothing
        counts = {
            model: self.env[model].search_count([])
            for model in (
                "maintenance.visit",
                "maintenance.intervention",
                "maintenance.task.checkin",
                "maintenance.customer.request",
                "maintenance.meter.reading",
            )
        }
        self.assertEqual(demo.demo_history.load(demo.Loader(self.env)), 0)
        for model, count in counts.items():
            self.assertEqual(self.env[model].search_count([]), count, model)
