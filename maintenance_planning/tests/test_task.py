# Copyright 2026 Seed maintainers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from freezegun import freeze_time

from odoo import Command, fields
from odoo.exceptions import AccessError, UserError, ValidationError

from .common import PlanningCommon


@freeze_time("2027-01-05 10:00:00")
class TestTaskClosing(PlanningCommon):
    """Who closes a task, and what a technician may change."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.visits = cls._first_visits(cls._validated_visits(count=1))

    def setUp(self):
        super().setUp()
        self.dossier = self._plan(self.visits)
        self.task = self.dossier.task_ids
        # the work is done: these tests are about who closes
        self._tick(self.task)

    def test_assigned_technician_closes(self):
        task = self.task.with_user(self.technician)
        task.action_start()
        self.assertEqual(self.dossier.state, "in_progress", "the dossier follows its tasks")
        task.action_done()
        self.assertEqual(self.task.state, "done")
        self.assertEqual(self.task.closed_by, self.technician)
        self.assertEqual(fields.Datetime.to_string(self.task.closed_date), "2027-01-05 10:00:00")

    def test_manager_closes_any_task(self):
        self.task.with_user(self.manager).action_done()
        self.assertEqual(self.task.state, "done")
        self.assertEqual(self.task.closed_by, self.manager)

    def test_other_technician_cannot_close(self):
        with self.assertRaisesRegex(UserError, "is not assigned to you"):
            self.task.with_user(self.technician2).action_done()
        with self.assertRaisesRegex(UserError, "is not assigned to you"):
            self.task.with_user(self.technician2).write({"state": "done"})
        self.assertEqual(self.task.state, "todo")
        self.assertFalse(self.task.closed_by)

    def test_technician_updates_progress_not_planning(self):
        task = self.task.with_user(self.technician)
        line = task.checklist_ids[0]
        line.write({"result": "anomaly", "comment": "Joint de porte usé"})
        self.assertEqual(line.result, "anomaly")
        with self.assertRaisesRegex(UserError, "result and a comment"):
            line.write({"name": "Autre chose"})
        with self.assertRaisesRegex(
            UserError, "Only an operations manager can change the planning"
        ):
            task.write({"planned_start": "2027-01-08 08:00:00"})
        with self.assertRaisesRegex(
            UserError, "Only an operations manager can change the planning"
        ):
            task.write({"user_ids": [Command.link(self.technician2.id)]})
        with self.assertRaisesRegex(UserError, "cancel"):
            task.action_cancel()
        with self.assertRaises(AccessError):
            task.checklist_ids[0].unlink()
        task.action_done()
        with self.assertRaisesRegex(UserError, "reopen"):
            task.action_reopen()
        self.task.with_user(self.manager).action_reopen()
        self.assertEqual(self.task.state, "todo")
        self.assertFalse(self.task.closed_by)

    def test_closed_task_cannot_be_closed_again(self):
        self.task.with_user(self.manager).action_done()
        with self.assertRaisesRegex(UserError, "already closed"):
            self.task.with_user(self.manager).action_done()
        with self.assertRaisesRegex(UserError, "done task cannot be cancelled"):
            self.task.with_user(self.manager).action_cancel()

    def test_end_before_start_is_refused(self):
        with self.assertRaisesRegex(ValidationError, "cannot end before it starts"):
            self.task.with_user(self.manager).write(
                {"planned_start": "2027-01-08 10:00:00", "planned_end": "2027-01-08 09:00:00"}
            )
