# Copyright 2026 Seed maintainers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Issue 23 item 8, the logbook: what an entry records is never deleted
under it, and every closed task is in it, however it was recorded."""

from datetime import datetime

from freezegun import freeze_time

from odoo import Command
from odoo.exceptions import UserError
from odoo.tests import tagged

from odoo.addons.maintenance_planning.tests.common import PlanningCommon


@tagged("post_install", "-at_install")
@freeze_time("2027-01-04 09:00:00")
class TestLogbookIntegrity(PlanningCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.boiler = cls.env["maintenance.customer.equipment"].create(
            {"name": "Chaudière gaz 90 kW", "site_id": cls.site.id}
        )
        cls.gauge = cls.env["maintenance.meter"].create(
            {
                "name": "Pression circuit",
                "code": "CH90-P",
                "equipment_id": cls.boiler.id,
                "kind": "gauge",
                "unit": "bar",
                "has_max_threshold": True,
                "max_threshold": 3.0,
            }
        )
        cls.part = cls.env["product.product"].create({"name": "Vase d'expansion", "type": "consu"})

    def _task(self):
        dossier = self.Intervention.with_user(self.manager).create(
            {
                "intervention_type": "corrective",
                "site_id": self.site.id,
                "equipment_ids": [Command.set(self.boiler.ids)],
            }
        )
        return self.Task.with_user(self.manager).create(
            {
                "name": "Dépannage chaudière",
                "intervention_id": dossier.id,
                "user_ids": [Command.set(self.technician.ids)],
                "planned_start": "2027-01-04 08:00:00",
                "equipment_ids": [Command.set(self.boiler.ids)],
            }
        )

    def _logbook(self):
        return self.env["maintenance.logbook.entry"].search([("equipment_id", "=", self.boiler.id)])

    def test_logged_reading_and_part_cannot_be_deleted(self):
        """The technician deletes the reading the logbook recorded (their
        task is still open): refused, the entry keeps its reading; a reading
        the logbook does not refer to is still theirs to delete."""
        task = self._task().with_user(self.technician)
        Reading = self.env["maintenance.meter.reading"].with_user(self.technician)
        high, normal = Reading.create(
            [
                {"meter_id": self.gauge.id, "value": 3.8, "task_id": task.id},
                {
                    "meter_id": self.gauge.id,
                    "value": 1.6,
                    "task_id": task.id,
                    "date": "2027-01-04 08:55:00",
                },
            ]
        )
        entry = self._logbook()
        self.assertEqual(entry.reading_id, high)
        for user in (self.technician, self.manager):
            with self.subTest(user=user.login), self.assertRaisesRegex(UserError, "logbook"):
                high.with_user(user).unlink()
        self.assertTrue(high.exists())
        self.assertEqual(entry.reading_id, high)
        normal.unlink()
        self.assertFalse(normal.exists())
        # a part replaced: logged at the closing; reopened, it stays
        task.write({"part_ids": [Command.create({"product_id": self.part.id, "quantity": 1})]})
        task.action_done()
        part_entry = self._logbook().filtered(lambda e: e.entry_type == "part")
        self.assertEqual(part_entry.part_id, task.part_ids)
        task.with_user(self.manager).action_reopen()
        with self.assertRaisesRegex(UserError, "logbook"):
            task.part_ids.with_user(self.manager).unlink()
        self.assertTrue(part_entry.part_id)

    def test_task_recorded_done_is_in_the_logbook(self):
        """Why a boiler's logbook held 1 entry for 6 closed dossiers: its
        history was recorded as tasks already done, which no closing
        logged. Recorded done (a history import, as the superuser), a task
        is logged as of its closing; nobody else records a task done."""
        dossier = self.Intervention.create(
            {
                "intervention_type": "preventive",
                "site_id": self.site.id,
                "equipment_ids": [Command.set(self.boiler.ids)],
                "task_ids": [
                    Command.create(
                        {
                            "name": "Visite préventive",
                            "user_ids": [Command.set(self.technician.ids)],
                            "planned_start": "2026-10-05 08:00:00",
                            "equipment_ids": [Command.set(self.boiler.ids)],
                            "state": "done",
                            "closed_by": self.technician.id,
                            "closed_date": "2026-10-05 10:30:00",
                            "work_summary": "Entretien annuel, brûleur nettoyé",
                        }
                    )
                ],
            }
        )
        dossier.action_done()
        entry = self._logbook()
        self.assertEqual(len(entry), 1)
        self.assertEqual(
            (entry.entry_type, entry.date, entry.user_id, entry.task_id),
            ("intervention", datetime(2026, 10, 5, 10, 30), self.technician, dossier.task_ids),
        )
        self.assertIn("brûleur nettoyé", entry.description)
        # the operations manager records a task to do, then closes it
        with self.assertRaisesRegex(UserError, "closing"):
            self.Task.with_user(self.manager).create(
                {
                    "name": "Visite fantôme",
                    "intervention_id": self._task().intervention_id.id,
                    "equipment_ids": [Command.set(self.boiler.ids)],
                    "state": "done",
                    "closed_date": "2001-01-01 08:00:00",
                }
            )
        self.assertEqual(len(self._logbook()), 1)
