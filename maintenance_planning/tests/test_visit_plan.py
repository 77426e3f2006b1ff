# Copyright 2026 Seed maintainers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import re
from datetime import timedelta

from freezegun import freeze_time

from odoo import Command, fields
from odoo.exceptions import AccessError, UserError

from .common import PlanningCommon


@freeze_time("2027-01-01")
class TestVisitPlanning(PlanningCommon):
    """Planning visits to plan: dossiers per site, tasks, operations."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.visits1 = cls._validated_visits(cls.site, count=2)
        cls.visits2 = cls._validated_visits(cls.site2, name="Ascenseur", warranty_type=cls.wt_lift)
        cls.visits3 = cls._validated_visits(
            cls.site3, name="Pompe", warranty_type=cls.wt_preventive
        )
        cls.due1 = cls._first_visits(cls.visits1)
        cls.due2 = cls._first_visits(cls.visits2)
        cls.due3 = cls._first_visits(cls.visits3)

    def test_one_dossier_per_site_numbered_in_sequence(self):
        visits = self.due1 | self.due2 | self.due3
        self.assertEqual(len(visits), 4)
        dossiers = self._plan(visits)
        self.assertEqual(len(dossiers), 3, "one dossier per site")
        self.assertEqual(dossiers.site_id, self.site | self.site2 | self.site3)
        for visit in visits:
            self.assertEqual(visit.state, "planned")
            self.assertEqual(visit.intervention_id.site_id, visit.site_id)
        # numbers: INT/<year>/<5 digits>, unique, consecutive
        numbers = dossiers.sorted("id").mapped("name")
        self.assertEqual(len(set(numbers)), 3)
        for number in numbers:
            self.assertRegex(number, r"^INT/2027/\d{5}$")
        counters = [int(re.search(r"(\d+)$", number).group(1)) for number in numbers]
        self.assertEqual(counters, list(range(counters[0], counters[0] + 3)))
        # a dossier is preventive, planned, on the visits' contract, followed
        # by the planner
        dossier1 = self.due1.intervention_id
        self.assertEqual(dossier1.intervention_type, "preventive")
        self.assertEqual(dossier1.state, "planned")
        self.assertEqual(dossier1.customer_id, self.customer)
        self.assertEqual(dossier1.contract_id, self.due1.contract_id)
        self.assertEqual(dossier1.user_id, self.manager)
        self.assertEqual(dossier1.equipment_ids, self.due1.equipment_id)
        self.assertEqual(dossier1.visit_ids, self.due1)

    def test_one_task_per_dossier_with_durations_and_operations(self):
        self._plan(self.due1 | self.due2, technicians=self.technician | self.technician2)
        dossier1, dossier2 = self.due1.intervention_id, self.due2.intervention_id
        task1 = dossier1.task_ids
        self.assertEqual(len(task1), 1)
        self.assertEqual(task1.visit_ids, self.due1)
        self.assertEqual(task1.user_ids, self.technician | self.technician2)
        self.assertEqual(task1.customer_id, self.customer)
        self.assertEqual(task1.site_id, self.site)
        # two boilers under "Full cover, 2 visits a year": 2 x 2 hours
        self.assertEqual(task1.duration, 4.0)
        self.assertEqual(task1.planned_end - task1.planned_start, timedelta(hours=4))
        # the operations of the warranty type, for each boiler
        self.assertEqual(len(task1.checklist_ids), 2 * len(self.wt_full.operation_ids))
        self.assertEqual(task1.checklist_ids.equipment_id, self.due1.equipment_id)
        self.assertEqual(set(task1.checklist_ids.mapped("result")), {"todo"})
        optional = task1.checklist_ids.filtered(lambda line: not line.is_required)
        self.assertEqual(optional.mapped("name"), ["Replace wear parts if needed"] * 2)
        # one site after the other: the lift's site (no sector) comes first
        task2 = dossier2.task_ids
        self.assertEqual(fields.Datetime.to_string(task2.planned_start), "2027-01-05 08:00:00")
        self.assertEqual(task2.duration, self.wt_lift.visit_duration)
        self.assertEqual(task1.planned_start, task2.planned_end)
        self.assertFalse(task1.has_conflict or task2.has_conflict)

    def test_all_dossiers_at_the_same_time(self):
        self._plan(self.due1 | self.due2, chain_tasks=False, technicians=self.technician2)
        task1, task2 = self.due1.intervention_id.task_ids, self.due2.intervention_id.task_ids
        self.assertEqual(task1.planned_start, task2.planned_start)
        # same technician at the same time: flagged, not refused
        self.assertTrue(task1.has_conflict)
        self.assertTrue(task2.has_conflict)

    def test_one_task_per_equipment(self):
        self._plan(self.due1, split_mode="equipment")
        tasks = self.due1.intervention_id.task_ids.sorted("planned_start")
        self.assertEqual(len(tasks), 2)
        self.assertEqual(tasks.visit_ids, self.due1)
        for task in tasks:
            self.assertEqual(len(task.visit_ids), 1)
            self.assertEqual(task.equipment_ids, task.visit_ids.equipment_id)
            self.assertEqual(task.duration, 2.0)
            self.assertEqual(len(task.checklist_ids), len(self.wt_full.operation_ids))
            self.assertIn(task.equipment_ids.name, task.name)
        self.assertEqual(tasks[1].planned_start, tasks[0].planned_end)

    def test_visit_group_checks_each_product(self):
        boiler, pump = self._create_equipment(1, name="Chaudière sol") | self._create_equipment(
            1, name="Pompe relevage"
        )
        group = self.env["maintenance.visit.group"].create(
            {"name": "Chaufferie", "site_id": self.site.id}
        )
        contract = self._create_contract(
            [
                (boiler, self.wt_full, {"visit_group_id": group.id}),
                (pump, self.wt_preventive, {"visit_group_id": group.id}),
            ]
        )
        contract.action_maintenance_validate()
        visit = self._first_visits(group.visit_ids)
        self.assertEqual(len(visit), 1)
        self._plan(visit, split_mode="equipment")
        tasks = visit.intervention_id.task_ids
        self.assertEqual(tasks.equipment_ids, boiler | pump)
        pump_task = tasks.filtered(lambda task: task.equipment_ids == pump)
        self.assertEqual(pump_task.duration, self.wt_preventive.visit_duration)
        self.assertEqual(
            pump_task.checklist_ids.mapped("name"),
            self.wt_preventive.operation_ids.mapped("name"),
        )

    def test_planning_twice_is_refused(self):
        self._plan(self.due1)
        count = self.Intervention.search_count([])
        with self.assertRaisesRegex(UserError, "not to plan any more"):
            self._plan(self.due1 | self.due2)
        self.assertEqual(self.Intervention.search_count([]), count, "nothing created")
        self.assertEqual(self.due2.state, "to_plan")

    def test_outside_window_needs_confirmation(self):
        # due 2027-01-01, window 2026-12-17 .. 2027-01-16
        self.assertEqual(fields.Date.to_string(self.due3.window_end), "2027-01-31")
        with self.assertRaisesRegex(UserError, "outside their tolerance window"):
            self._plan(self.due1 | self.due3, start="2027-01-20 08:00:00")
        self.assertEqual(self.due1.mapped("state"), ["to_plan", "to_plan"])
        self._plan(self.due1 | self.due3, start="2027-01-20 08:00:00", confirm_outside_window=True)
        self.assertTrue(all(self.due1.mapped("planned_outside_window")))
        self.assertTrue(self.due1.intervention_id.task_ids.planned_outside_window)
        self.assertTrue(self.due1.intervention_id.planned_outside_window)
        # the preventive-only pump has a wider window: not flagged
        self.assertFalse(self.due3.planned_outside_window)
        self.assertFalse(self.due3.intervention_id.task_ids.planned_outside_window)

    def test_wizard_shows_visits_outside_window(self):
        wizard = (
            self.env["maintenance.visit.plan"]
            .with_user(self.manager)
            .create(
                {
                    "visit_ids": [Command.set((self.due1 | self.due3).ids)],
                    "user_ids": [Command.set(self.technician.ids)],
                    "planned_start": "2027-01-20 08:00:00",
                }
            )
        )
        self.assertEqual(wizard.outside_window_visit_ids, self.due1)
        self.assertEqual(wizard.dossier_count, 2)
        self.assertEqual(wizard.total_duration, 4.0 + self.wt_preventive.visit_duration)

    def test_rescheduled_task_is_flagged_and_logged(self):
        self._plan(self.due1)
        task = self.due1.intervention_id.task_ids
        task.with_user(self.manager).planned_start = "2027-01-25 08:00:00"
        # the end moves with the start: the task keeps its length
        self.assertEqual(fields.Datetime.to_string(task.planned_end), "2027-01-25 12:00:00")
        self.assertTrue(task.planned_outside_window)
        self.assertTrue(all(self.due1.mapped("planned_outside_window")))
        # the visits did not move; the dossier says what moved
        self.assertEqual(fields.Date.to_string(self.due1[0].due_date), "2027-01-01")
        self.assertEqual(self.due1.mapped("state"), ["planned", "planned"])
        message = self.due1.intervention_id.message_ids[:1]
        self.assertIn("outside the window", message.body)
        self.assertIn("Other tasks and visits were not moved", message.body)
        task.with_user(self.manager).planned_start = "2027-01-06 08:00:00"
        self.assertFalse(task.planned_outside_window)
        self.assertFalse(any(self.due1.mapped("planned_outside_window")))

    def test_only_managers_plan(self):
        with self.assertRaises(AccessError):
            self._plan(self.due1, user=self.technician)
        self.assertEqual(self.due1.mapped("state"), ["to_plan", "to_plan"])

    def test_list_button_opens_wizard(self):
        action = self.due1.with_user(self.manager).action_open_plan_wizard()
        self.assertEqual(action["res_model"], "maintenance.visit.plan")
        wizard = (
            self.env["maintenance.visit.plan"]
            .with_user(self.manager)
            .with_context(action["context"])
            .create({"user_ids": [Command.set(self.technician.ids)]})
        )
        self.assertEqual(wizard.visit_ids, self.due1)
        # tomorrow 8:00 by default
        self.assertEqual(fields.Datetime.to_string(wizard.planned_start), "2027-01-02 08:00:00")
        result = wizard.action_plan()
        self.assertEqual(result["res_model"], "maintenance.intervention")
        self.assertEqual(result["res_id"], self.due1.intervention_id.id)
