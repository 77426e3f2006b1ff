# Copyright 2026 Seed maintainers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from freezegun import freeze_time

from odoo import Command, fields
from odoo.exceptions import AccessError, UserError

from odoo.addons.maintenance_planning.models.maintenance_task_checkin import haversine_m

from .technician_common import FAR, NEAR, TechnicianCommon


class TestTechnicianCheckin(TechnicianCommon):
    """Check-in and check-out: one tap records the time and the position;
    refusals say what to do; times on site and travel come from the pairs."""

    def _check_in(self, task=None, position=NEAR, user=None, at="2027-01-05 08:00:00"):
        with freeze_time(at):
            return self._as(user or self.technician, task or self.task).action_check_in(*position)

    def _check_out(self, task=None, position=NEAR, user=None, at="2027-01-05 09:00:00"):
        with freeze_time(at):
            return self._as(user or self.technician, task or self.task).action_check_out(*position)

    def test_haversine(self):
        # Lyon (Bellecour) - Paris (Notre-Dame): 392 km as the crow flies
        self.assertAlmostEqual(haversine_m(45.7578, 4.8320, 48.8530, 2.3499) / 1000, 392, delta=2)
        self.assertEqual(haversine_m(45.0, 4.0, 45.0, 4.0), 0.0)

    def test_check_in_and_out_sequence(self):
        result = self._check_in(at="2027-01-05 07:58:00")
        checkin = self.task.checkin_ids
        self.assertEqual(len(checkin), 1)
        self.assertEqual(checkin.user_id, self.technician)
        self.assertEqual(fields.Datetime.to_string(checkin.check_in), "2027-01-05 07:58:00")
        self.assertFalse(checkin.check_out)
        self.assertTrue(checkin.has_position)
        self.assertAlmostEqual(checkin.latitude, NEAR[0])
        self.assertAlmostEqual(checkin.accuracy, NEAR[2])
        self.assertTrue(checkin.distance_known)
        self.assertLess(checkin.distance_m, 100)
        self.assertFalse(checkin.is_far)
        self.assertFalse(result["is_far"])
        self.assertEqual(self.task.state, "in_progress", "checking in starts the task")
        self.assertTrue(self._as(self.technician, self.task).is_checked_in)
        self.assertFalse(self._as(self.manager, self.task).is_checked_in, "per user")

        with self.assertRaisesRegex(UserError, "already checked in on this task"):
            self._check_in(at="2027-01-05 08:10:00")

        self._check_out(at="2027-01-05 09:28:00")
        self.assertEqual(fields.Datetime.to_string(checkin.check_out), "2027-01-05 09:28:00")
        self.assertAlmostEqual(checkin.duration, 1.5)
        self.assertTrue(checkin.out_has_position)
        self.assertFalse(self._as(self.technician, self.task).is_checked_in)
        with self.assertRaisesRegex(UserError, "not checked in on task"):
            self._check_out(at="2027-01-05 09:30:00")

        # gone to fetch a part, back on site
        self._check_in(at="2027-01-05 10:10:00")
        self._check_out(at="2027-01-05 10:55:00")
        task = self._as(self.technician, self.task)
        self.assertEqual(task.checkin_count, 2)
        self.assertAlmostEqual(task.time_on_site, 1.5 + 0.75)
        second = task.checkin_ids.sorted("check_in")[1]
        self.assertAlmostEqual(second.travel_duration, 42 / 60, msg="from the previous check-out")
        self.assertAlmostEqual(task.travel_time, 42 / 60)

    def test_check_out_without_check_in_is_refused(self):
        with self.assertRaisesRegex(UserError, "You are not checked in on task .*: check in first"):
            self._check_out()
        self.assertFalse(self.task.checkin_ids)

    def test_far_check_in_is_flagged_not_blocked(self):
        result = self._check_in(position=FAR)
        checkin = self.task.checkin_ids
        self.assertTrue(checkin.is_far)
        self.assertGreater(checkin.distance_m, 1000)
        self.assertTrue(result["is_far"])
        self.assertIn("km from the site", result["message"])
        self.assertTrue(self.task.has_far_checkin)
        # a wider radius for this company: not flagged any more
        self.company.maintenance_checkin_radius = 5000
        self._check_out(at="2027-01-05 08:30:00")
        self._check_in(position=FAR, at="2027-01-05 08:40:00")
        self.assertFalse(self.task.checkin_ids.sorted("check_in")[-1].is_far)

    def test_check_in_without_position_records_the_time(self):
        with freeze_time("2027-01-05 08:05:00"):
            result = self._as(self.technician, self.task).action_check_in()
        checkin = self.task.checkin_ids
        self.assertEqual(fields.Datetime.to_string(checkin.check_in), "2027-01-05 08:05:00")
        self.assertFalse(checkin.has_position)
        self.assertFalse(checkin.distance_known)
        self.assertFalse(checkin.is_far)
        self.assertIn("without position", result["message"])
        # nonsense from a browser is no position either
        self._check_out(position=("abc", None, None), at="2027-01-05 08:50:00")
        self.assertFalse(checkin.out_has_position)

    def test_site_without_coordinates_gives_no_distance(self):
        self.site.write({"partner_latitude": 0.0, "partner_longitude": 0.0})
        self._check_in(position=FAR)
        self.assertFalse(self.task.checkin_ids.distance_known)
        self.assertFalse(self.task.checkin_ids.is_far)

    def test_travel_time_from_the_previous_check_out_of_the_day(self):
        morning = self.Task.with_user(self.manager).create(
            {
                "name": "Contrôle matinal",
                "intervention_id": self.dossier.id,
                "user_ids": [Command.set(self.technician.ids)],
                "planned_start": "2027-01-05 06:00:00",
            }
        )
        self._check_in(task=morning, at="2027-01-05 06:00:00")
        self._check_out(task=morning, at="2027-01-05 07:15:00")
        self._check_in(at="2027-01-05 07:45:00")
        self.assertAlmostEqual(self.task.checkin_ids.travel_duration, 0.5)
        self._check_out(at="2027-01-05 09:00:00")
        # the next day starts without travel from the day before
        next_day = self.Task.with_user(self.manager).create(
            {
                "name": "Lendemain",
                "intervention_id": self.dossier.id,
                "user_ids": [Command.set(self.technician.ids)],
                "planned_start": "2027-01-06 07:00:00",
            }
        )
        self._check_in(task=next_day, at="2027-01-06 07:00:00")
        self.assertEqual(next_day.checkin_ids.travel_duration, 0.0)

    def test_checked_in_elsewhere_is_refused(self):
        other = self.Task.with_user(self.manager).create(
            {
                "name": "Autre tâche",
                "intervention_id": self.dossier.id,
                "user_ids": [Command.set(self.technician.ids)],
                "planned_start": "2027-01-05 10:00:00",
            }
        )
        self._check_in()
        with self.assertRaisesRegex(UserError, "still checked in on task .*Dépannage chaudière"):
            self._check_in(task=other, at="2027-01-05 08:30:00")
        self.assertFalse(other.checkin_ids)

    def test_only_the_assigned_technician_or_a_manager_checks_in(self):
        with self.assertRaisesRegex(UserError, "not assigned to you"):
            self._check_in(user=self.technician2)
        with self.assertRaisesRegex(UserError, "not assigned to you"):
            self._check_out(task=self.task2, user=self.technician)
        with self.assertRaises(AccessError):
            self._as(self.technician, self.task2).read(["name"])
        self.assertFalse(self.task.checkin_ids | self.task2.checkin_ids)
        # the operations manager may check in on any task
        self._check_in(user=self.manager)
        self.assertEqual(self.task.checkin_ids.user_id, self.manager)

    def test_technicians_cannot_forge_check_ins(self):
        self._check_in()
        checkin = self._as(self.technician, self.task.checkin_ids)
        with self.assertRaises(AccessError):
            checkin.write({"check_in": "2027-01-05 06:00:00"})
        with self.assertRaises(AccessError):
            self.env["maintenance.task.checkin"].with_user(self.technician).create(
                {"task_id": self.task.id, "check_in": "2027-01-05 06:00:00"}
            )
        with self.assertRaises(AccessError):
            checkin.unlink()

    def test_closing_checks_out_and_closed_task_refuses_check_in(self):
        self._check_in()
        self.task.sudo().checklist_ids.write({"result": "done"})
        with freeze_time("2027-01-05 09:15:00"):
            self._as(self.technician, self.task).action_done()
        self.assertEqual(
            fields.Datetime.to_string(self.task.checkin_ids.check_out), "2027-01-05 09:15:00"
        )
        with self.assertRaisesRegex(UserError, "closed or cancelled"):
            self._check_in(at="2027-01-05 09:20:00")

    def test_check_in_on_a_dossier_shared_with_another_technician(self):
        """The dossier follows all its tasks, also those the technician
        cannot read: starting one's task there must not fail."""
        dossier = self._dossier_with_tasks(count=1)
        shared = dossier.task_ids
        other = self.Task.with_user(self.manager).create(
            {
                "name": "Partie électrique",
                "intervention_id": dossier.id,
                "user_ids": [Command.set(self.technician2.ids)],
                "planned_start": "2027-01-05 08:00:00",
            }
        )
        self.assertEqual(dossier.state, "planned")
        # what the other technician's task looks like in the cache of the day
        self.assertEqual(dossier.task_ids, shared | other)
        self._check_in(task=shared)
        self.assertEqual(shared.state, "in_progress")
        self.assertEqual(dossier.state, "in_progress")
        self.assertEqual(other.state, "todo")
