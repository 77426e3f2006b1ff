# Copyright 2026 Seed maintainers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Stored values that depend on a day are computed in the company's time
zone: the same whoever triggers the computation (an office in Auckland, one
in Los Angeles, the scheduled jobs running as the superuser without a time
zone), also near midnight."""

from datetime import datetime, time, timedelta

from freezegun import freeze_time

from odoo import SUPERUSER_ID
from odoo.tests import new_test_user, tagged

from .request_common import RequestCommon

ZONES = ("Pacific/Auckland", "America/Los_Angeles")


@tagged("post_install", "-at_install")
class TestStoredTimeZone(RequestCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env.company.partner_id.tz = "Europe/Paris"
        cls.managers = [
            new_test_user(
                cls.env,
                login=f"tz_manager_{index}",
                name=f"Manager {zone}",
                tz=zone,
                groups="maintenance_contracts.group_maintenance_manager",
            )
            for index, zone in enumerate(ZONES)
        ]

    def _job_env(self):
        """The environment of a scheduled job: the superuser, no time zone."""
        return self.env(user=SUPERUSER_ID, su=True, context={})

    def test_task_outside_window_same_for_every_zone(self):
        visit = self._first_visits(self._validated_visits())[:1]
        self._plan(visit)
        task = visit.task_ids
        self.assertEqual(len(task), 1)
        # 22:30 in Paris on the last day of the window (summer or winter):
        # already the next day in Auckland, still that day in Los Angeles
        last_evening = datetime.combine(visit.window_end, time(20, 30))
        next_evening = last_evening + timedelta(days=1)
        for start, outside in ((last_evening, False), (next_evening, True)):
            for manager in self.managers:
                task.with_user(manager).write({"planned_start": start - timedelta(hours=1)})
                task.with_user(manager).write({"planned_start": start})
                self.env.invalidate_all()
                self.assertEqual(task.planned_outside_window, outside, (manager.tz, start))
            job_task = self._job_env()["maintenance.task"].browse(task.id)
            job_task.write({"planned_start": start - timedelta(hours=1)})
            job_task.write({"planned_start": start})
            self.env.invalidate_all()
            self.assertEqual(task.planned_outside_window, outside, ("job", start))

    def test_request_contract_same_for_every_zone(self):
        """A request received at 00:30 in Paris on the first day of the
        contract (the day before in Los Angeles and for the job in UTC) is
        covered by the contract, whoever records it."""
        start = self.contract.contract_line_ids[:1].date_start
        received = datetime.combine(start, time(0, 30)) - timedelta(hours=1)  # Paris in winter
        with freeze_time(received + timedelta(hours=2)):
            for manager in self.managers:
                request = self._request(received, user=manager)
                self.assertEqual(request.contract_id, self.contract, manager.tz)
            request = self._job_env()["maintenance.customer.request"].create(
                {
                    "site_id": self.site.id,
                    "equipment_id": self.boiler.id,
                    "priority": "1",
                    "received_at": received,
                }
            )
            self.assertEqual(request.contract_id, self.contract, "job")
