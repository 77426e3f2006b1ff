# Copyright 2026 Seed maintainers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""A closed task is history: technicians do not reopen it, its signed
report is frozen for everyone until an operations manager reopens it (which
the chatter records), and done or signed work is never deleted."""

import base64
from contextlib import contextmanager

from freezegun import freeze_time

from odoo import Command
from odoo.exceptions import AccessError, UserError, ValidationError

from odoo.addons.maintenance_meter.tests.meter_common import MeterCommon
from odoo.addons.maintenance_planning.tests.technician_common import PNG


@freeze_time("2027-01-05 09:00:00")
class TestTaskHistory(MeterCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.part_product = cls.env["product.product"].create(
            {"name": "Joint de brûleur", "type": "consu"}
        )

    def _close_as_technician(self):
        """The technician's day on the task: operations ticked, a reading,
        a part, the customer's signature, then closing."""
        task = self._as(self.technician, self.task)
        task.checklist_ids.write({"result": "done"})
        task.write(
            {
                "reading_ids": [Command.create({"meter_id": self.counter.id, "value": 1520.0})],
                "part_ids": [Command.create({"product_id": self.part_product.id})],
                "work_summary": "Brûleur nettoyé",
                "customer_signer_name": "Mme Girard",
                "customer_signature": base64.b64encode(PNG),
            }
        )
        task.action_done()
        self.assertEqual(self.task.state, "done")
        return task

    # item 4: cancelled stays cancelled for technicians ----------------------

    def test_technician_cannot_reopen_a_cancelled_task(self):
        self.task.with_user(self.manager).action_cancel()
        task = self._as(self.technician, self.task)
        for state in ("todo", "in_progress", "done"):
            with self.subTest(state=state), self.assertRaisesRegex(UserError, "only an operations"):
                task.write({"state": state})
        with self.assertRaisesRegex(UserError, "only an operations"):
            task.action_reopen()
        self.assertEqual(self.task.state, "cancelled")
        self.assertFalse(self.task.closed_by)

    def test_technician_cannot_reopen_a_done_task(self):
        task = self._close_as_technician()
        with self.assertRaisesRegex(UserError, "only an operations"):
            task.write({"state": "in_progress"})
        self.assertEqual(self.task.state, "done")

    def test_manager_reopens_a_cancelled_task_logged(self):
        self.task.with_user(self.manager).action_cancel()
        self._as(self.manager, self.task).action_reopen()
        self.assertEqual(self.task.state, "todo")
        self.assertIn("reopened by", self.task.message_ids[0].body)
        # and the technician can then work and close it
        task = self._as(self.technician, self.task)
        task.checklist_ids.write({"result": "done"})
        task.action_done()
        self.assertEqual(self.task.closed_by, self.technician)

    # item 5: a done task's report is frozen ----------------------------------

    def _assert_frozen(self, user):
        task = self._as(user, self.task)
        attempts = {
            "checklist result": lambda: task.checklist_ids[0].write({"result": "anomaly"}),
            "checklist line added": lambda: (
                self.env["maintenance.task.checklist"]
                .with_user(user)
                .create({"task_id": self.task.id, "name": "Ajout"})
            ),
            "checklist line removed": task.checklist_ids[0].unlink,
            "reading value": lambda: task.reading_ids.write({"value": 1600.0}),
            "reading added": lambda: (
                self.env["maintenance.meter.reading"]
                .with_user(user)
                .create({"meter_id": self.gauge.id, "value": 60.0, "task_id": self.task.id})
            ),
            "reading removed": task.reading_ids.unlink,
            "part quantity": lambda: task.part_ids.write({"quantity": 3.0}),
            "part removed": task.part_ids.unlink,
            "signature": lambda: task.write({"customer_signature": base64.b64encode(b"x")}),
            "signer": lambda: task.write({"customer_signer_name": "Quelqu'un d'autre"}),
            "summary": lambda: task.write({"work_summary": "Autre chose"}),
            "readings through the task": lambda: task.write(
                {"reading_ids": [Command.update(self.task.reading_ids.id, {"value": 1.0})]}
            ),
        }
        for name, attempt in attempts.items():
            with self.subTest(user=user.login, change=name), self.assertRaises(UserError):
                attempt()
        self.env.invalidate_all()
        self.assertEqual(self.task.checklist_ids.mapped("result"), ["done"] * 3)
        self.assertEqual(len(self.task.checklist_ids), 3)
        self.assertEqual(self.task.reading_ids.value, 1520.0)
        self.assertEqual(self.task.part_ids.quantity, 1.0)
        self.assertEqual(self.task.customer_signer_name, "Mme Girard")
        self.assertEqual(self.task.work_summary, "Brûleur nettoyé")

    def test_done_task_frozen_for_technician(self):
        self._close_as_technician()
        self._assert_frozen(self.technician)

    def test_done_task_frozen_for_manager_and_admin(self):
        self._close_as_technician()
        self._assert_frozen(self.manager)
        self._assert_frozen(self.admin)

    def test_done_task_is_not_cancelled_by_writing_its_state(self):
        self._close_as_technician()
        for user in (self.manager, self.admin):
            with self.subTest(user=user.login), self.assertRaisesRegex(UserError, "cannot be"):
                self._as(user, self.task).write({"state": "cancelled"})
        self.assertEqual(self.task.state, "done")

    def test_closing_stamp_is_never_written_by_hand(self):
        task = self._close_as_technician()
        stamp = (self.task.closed_by, self.task.closed_date, self.task.customer_signed_on)
        for user in (self.technician, self.manager, self.admin):
            for vals in (
                {"closed_by": self.manager.id},
                {"closed_date": "2027-01-01 08:00:00"},
                {"customer_signed_on": "2027-01-01 08:00:00"},
            ):
                with self.subTest(user=user.login, vals=vals), self.assertRaises(UserError):
                    self._as(user, self.task).write(vals)
        # closing again re-stamps nothing, as anyone
        with freeze_time("2027-01-06 15:00:00"):
            task.write({"state": "done"})
            self._as(self.manager, self.task).write({"state": "done"})
        self.env.invalidate_all()
        self.assertEqual(
            (self.task.closed_by, self.task.closed_date, self.task.customer_signed_on), stamp
        )
        self.assertEqual(self.task.closed_by, self.technician)

    def test_manager_reopens_then_corrects_logged(self):
        self._close_as_technician()
        manager_task = self._as(self.manager, self.task)
        manager_task.action_reopen()
        self.assertEqual(self.task.state, "todo")
        self.assertFalse(self.task.closed_by)
        note = self.task.message_ids[0].body
        self.assertIn("reopened by", note)
        self.assertIn(self.technician.name, note, "who had closed it")
        self.assertIn("reopened by", self.dossier.message_ids[0].body)
        # now the manager (or the technician) may correct the report
        manager_task.checklist_ids[0].write({"result": "anomaly", "comment": "Fuite"})
        manager_task.reading_ids.write({"value": 1521.0})
        manager_task.action_done()
        self.assertEqual(self.task.closed_by, self.manager)

    # item 7: history is never deleted --------------------------------------

    def test_done_or_signed_task_cannot_be_deleted(self):
        self._close_as_technician()
        for user in (self.manager, self.admin):
            with self.subTest(user=user.login), self.assertRaisesRegex(UserError, "Cancel it"):
                self._as(user, self.task).unlink()
        self.assertTrue(self.task.exists())
        self.assertTrue(self.task.checklist_ids and self.task.part_ids and self.task.reading_ids)
        # signed but still open: kept too
        signed = self.Task.with_user(self.manager).create(
            {"name": "Signé", "intervention_id": self.dossier.id}
        )
        signed.write({"customer_signature": base64.b64encode(PNG)})
        with self.assertRaisesRegex(UserError, "Cancel it"):
            signed.unlink()
        # a task never worked on is deleted by a manager
        plain = self.Task.with_user(self.manager).create({"name": "Erreur de saisie"})
        plain.unlink()
        self.assertFalse(plain.exists())

    def test_dossier_with_visits_or_work_cannot_be_deleted(self):
        visits = self._first_visits(self._validated_visits(site=self.site3))
        planned = self._plan(visits)
        self.assertEqual(visits.state, "planned")
        with self.assertRaisesRegex(UserError, "Cancel it instead"):
            planned.with_user(self.admin).unlink()
        self.assertTrue(planned.exists())
        self.assertEqual(visits.state, "planned")
        self.assertEqual(visits.intervention_id, planned)
        # a dossier whose task is done
        self._close_as_technician()
        with self.assertRaisesRegex(UserError, "Cancel it instead"):
            self.dossier.with_user(self.admin).unlink()
        self.assertTrue(self.task.exists())
        # managers have no delete right on dossiers at all
        empty = self.Intervention.with_user(self.manager).create(
            {"intervention_type": "corrective", "site_id": self.site.id}
        )
        with self.assertRaises(AccessError):
            empty.with_user(self.manager).unlink()
        # a dossier created by mistake, nothing done: the admin deletes it
        self.Task.with_user(self.manager).create({"name": "À faire", "intervention_id": empty.id})
        empty.with_user(self.admin).unlink()
        self.assertFalse(empty.exists())


@freeze_time("2027-01-05 09:00:00")
class TestManualReadings(MeterCommon):
    """A technician's reading: on a meter of the task's equipment, not in
    the future, on their own task, and never with the server's fields."""

    @contextmanager
    def _refused(self, exception, regex):
        """assertRaisesRegex within a savepoint (the constraint is checked
        after the row is written)."""
        with self.assertRaises(exception) as caught:
            yield
        self.assertRegex(str(caught.exception), regex)

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.other_equipment = cls._create_equipment(1, name="Pompe de relevage")
        cls.other_meter = cls.env["maintenance.meter"].create(
            {
                "name": "Compteur pompe",
                "code": "PR-01-H",
                "equipment_id": cls.other_equipment.id,
                "kind": "counter",
                "unit": "h",
            }
        )
        cls.Reading = cls.env["maintenance.meter.reading"]

    def _create(self, user=None, **vals):
        return self.Reading.with_user(user or self.technician).create(
            {"meter_id": self.counter.id, "value": 100.0, "task_id": self.task.id, **vals}
        )

    def test_meter_must_be_on_the_task_equipment(self):
        with self._refused(ValidationError, "not on the equipment of task"):
            self._create(meter_id=self.other_meter.id)
        reading = self._create()
        with self._refused(ValidationError, "not on the equipment of task"):
            reading.write({"meter_id": self.other_meter.id})
        self.assertEqual(reading.meter_id, self.counter)
        self.assertFalse(self.Reading.search([("meter_id", "=", self.other_meter.id)]))
        # without a task (an operations manager's reading): any meter of the company
        self.Reading.with_user(self.manager).create({"meter_id": self.other_meter.id, "value": 5})

    def test_no_reading_in_the_future(self):
        for date in ("2099-01-01 00:00:00", "2027-01-05 09:06:00"):
            with self.subTest(date=date), self._refused(ValidationError, "future"):
                self._create(date=date)
        reading = self._create(date="2027-01-05 09:04:00")  # within the clock tolerance
        with self._refused(ValidationError, "future"):
            reading.write({"date": "2099-01-01 00:00:00"})
        self.assertFalse(self.Reading.search([("date", ">", "2027-01-06")]))
        self.assertFalse(self.Intervention.search([("meter_id", "!=", False)]))

    def test_server_fields_are_never_written(self):
        reading = self._create()
        attempts = [
            {"source": "sensor"},
            {"user_id": self.technician2.id},
            {"is_out_of_range": True},
            {"alert_intervention_id": self.dossier.id},
        ]
        for user in (self.technician, self.manager):
            for vals in attempts:
                with self.subTest(user=user.login, vals=vals), self.assertRaises(UserError):
                    reading.with_user(user).write(vals)
                with self.subTest(user=user.login, create=vals), self.assertRaises(UserError):
                    self._create(user=user, date="2027-01-05 08:00:00", **vals)
        self.assertEqual(
            (reading.source, reading.user_id, reading.is_out_of_range),
            ("manual", self.technician, False),
        )

    def test_technician_cannot_move_a_reading_to_another_task(self):
        reading = self._create()
        # task2 is another technician's; give it the same equipment so only
        # the ownership stops the move
        self.task2.equipment_ids = self.equipment
        with self.assertRaises(AccessError):
            reading.with_user(self.technician).write({"task_id": self.task2.id})
        self.assertEqual(reading.task_id, self.task)
        with self.assertRaises(AccessError):
            self._create(task_id=self.task2.id, date="2027-01-05 08:00:00")
        # the manager may
        reading.with_user(self.manager).write({"task_id": self.task2.id})
        self.assertEqual(reading.task_id, self.task2)

    def test_overflowing_value_refused(self):
        for value in (1e308, -1e300):
            with self.subTest(value=value), self._refused(ValidationError, "value"):
                self._create(value=value)
