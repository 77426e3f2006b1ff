# Copyright 2026 Seed maintainers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The demo company's year of history (data/demo_history.py): done, late,
missed and overdue preventive visits in closed dossiers with their check-ins,
corrective dossiers for the customer requests; requests that fit their
equipment; contracts whose price revision can be tried on demo index values;
idempotent."""

from datetime import timedelta

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
class TestDemoYear(TransactionCase):
    """One load of the demo company, its requests, its year of history and
    its price-revision indices (as data/demo.py runs them), checked by each
    test: loading the demo is the costly part (about 20 s)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.demo = demo = _demo_module()
        demo.Loader(cls.env).load()
        demo.demo_requests.load(demo.Loader(cls.env))
        cls.history_created = demo.demo_history.load(demo.Loader(cls.env))
        cls.revision_created = demo.demo_price_revision.load(demo.Loader(cls.env))

    def test_a_year_of_history(self):
        demo = self.demo
        self.assertGreater(self.history_created, 100)
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

    def test_requests_match_their_equipment(self):
        demo = self.demo
        # the year of history added older requests, closed with their dossiers
        requests = self.env["maintenance.customer.request"].search([])
        self.assertGreaterEqual(len(requests), 100)
        on_equipment = requests.filtered("equipment_id")
        self.assertGreater(len(on_equipment), 80)
        for request in on_equipment:
            name = request.equipment_id.name.lower()
            title = request.title
            with self.subTest(request=request.name, title=title, equipment=name):
                self.assertIn(title, demo.demo_requests.subjects_for(request.equipment_id))
                if "ascenseur" in title.lower():
                    self.assertTrue(name.startswith("ascenseur"))
                if "chauffage" in title.lower() and "pompe" not in title.lower():
                    self.assertTrue(name.startswith(("chaudière", "chaufferie")))
                if title.startswith(("Plus de froid", "Chambre froide", "Climatisation")):
                    self.assertTrue(
                        name.startswith(("groupe froid", "climatisation", "chambre froide"))
                    )
        # no heating complaint at the clinic (it has no boiler)
        clinic = self.env.ref("maintenance_demo.site_clinique_bloc")
        self.assertFalse(
            requests.filtered(lambda r: r.site_id == clinic and "chauffage" in r.title.lower())
        )
        self.assertTrue(requests.filtered(lambda r: r.site_id == clinic))
        # the business hours the committed times count on, in French
        calendar = self.env.ref("maintenance_demo.calendar_business_hours")
        self.assertEqual(self.env.ref("base.main_company").resource_calendar_id, calendar)
        self.assertEqual(calendar.name, "Heures ouvrées (lun.–ven. 8 h–12 h, 13 h–17 h)")
        counted = requests.filtered(
            lambda r: r.contract_id and not r.contract_id.maintenance_calendar_id
        )
        self.assertTrue(counted)
        self.assertEqual(counted.calendar_id, calendar)
        self.assertEqual(
            calendar.leave_ids.filtered(lambda l: l.name == "Noël").mapped("name")[:1], ["Noël"]
        )
        # idempotent: a second run creates nothing
        again = demo.Loader(self.env)
        self.assertEqual(demo.demo_requests.load(again), 0)
        self.assertEqual(self.env["maintenance.customer.request"].search_count([]), len(requests))

    def test_price_revision_on_the_demo(self):
        demo = self.demo
        self.assertGreater(self.revision_created, 13 * 4)
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
