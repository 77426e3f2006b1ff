# Copyright 2026 Seed maintainers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from contextlib import nullcontext

from freezegun import freeze_time

from odoo import Command

from .common import PlanningCommon

# one wizard run, whatever the number of visits (up to the ORM's insert
# batches of 100 rows per model: see tests/perf/bench_planning.py)
# (the dossiers' "ready to close" flag is stored)
PLAN_QUERIES = 36  # + the customers on credit hold the wizard warns about


@freeze_time("2027-01-01")
class TestPlanningQueries(PlanningCommon):
    """Planning 10 or 100 visits costs the same queries."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # one operation per visit keeps every model under 100 new rows
        cls.wt_annual = cls.env["maintenance.warranty.type"].create(
            {
                "name": "Annual check",
                "code": "PERF1",
                "visit_interval_unit": "month",
                "visit_interval": 12,
                "visit_duration": 0.5,
                "operation_ids": [Command.create({"name": "Annual check"})],
            }
        )
        cls.batches = {}
        for size, site_count in ((1, 1), (2, 2), (10, 2), (100, 20)):
            visits = cls.env["maintenance.visit"]
            for index in range(site_count):
                site = cls.env["maintenance.site"].create(
                    {"name": f"Site {size}-{index}", "customer_id": cls.customer.id}
                )
                visits |= cls._validated_visits(
                    site,
                    count=size // site_count,
                    warranty_type=cls.wt_annual,
                    name=f"Split {size}-{index}",
                )
            cls.batches[size] = visits

    def _wizard(self, visits):
        return (
            self.env["maintenance.visit.plan"]
            .with_user(self.manager)
            .create(
                {
                    "visit_ids": [Command.set(visits.ids)],
                    "user_ids": [Command.set((self.technician | self.technician2).ids)],
                    "planned_start": "2027-01-04 08:00:00",
                    "split_mode": "equipment",
                    "chain_tasks": False,
                }
            )
        )

    def _plan_counting(self, size, expected=None):
        """Plan the batch of ``size`` visits in one wizard run, from cold
        record caches; return the number of queries (precommit included)."""
        wizard = self._wizard(self.batches[size])
        self.env.flush_all()
        self.env.cr.flush()
        self.env.invalidate_all()
        # what every request reads, whatever it does: the current users
        # (the test's one for assertQueryCount), their company and time zone
        for env in (self.env, wizard.env):
            env.user.read(["login", "tz", "company_id"])
            env.company.read(["name"])
        with self.assertQueryCount(__system__=expected) if expected else nullcontext():
            before = self.cr.sql_log_count
            wizard.action_plan()
            self.env.flush_all()
            self.env.cr.flush()
            count = self.cr.sql_log_count - before
        return count

    def test_planning_query_count_is_flat(self):
        self.assertEqual(len(self.batches[10]), 10)
        self.assertEqual(len(self.batches[100]), 100)
        # warm the caches that do not depend on the batch (access rules,
        # xml ids, the sequence), one and several dossiers
        self._plan_counting(1)
        self._plan_counting(2)
        counts = [self._plan_counting(size, PLAN_QUERIES) for size in (10, 100)]
        self.assertEqual(counts[0], counts[1], "planning 100 visits costs what 10 cost")
        visits = self.batches[100]
        self.assertEqual(set(visits.mapped("state")), {"planned"})
        self.assertEqual(len(visits.intervention_id), 20)
        self.assertEqual(len(visits.intervention_id.task_ids), 100)
        self.assertEqual(len(visits.intervention_id.task_ids.checklist_ids), 100)
