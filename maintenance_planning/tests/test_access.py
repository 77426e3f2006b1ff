# Copyright 2026 Seed maintainers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from freezegun import freeze_time

from odoo import Command
from odoo.exceptions import AccessError

from .common import PlanningCommon


@freeze_time("2027-01-01")
class TestPlanningAccess(PlanningCommon):
    """Technicians see their own tasks and the dossiers they work on;
    another company's dossiers and tasks are invisible."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        visits1 = cls._first_visits(cls._validated_visits(cls.site))
        visits2 = cls._first_visits(cls._validated_visits(cls.site2, name="Ascenseur"))
        manager_env = cls.env(user=cls.manager)
        plan = manager_env["maintenance.visit.plan"]
        plan.create(
            {
                "visit_ids": [Command.set(visits1.ids)],
                "user_ids": [Command.set(cls.technician.ids)],
                "planned_start": "2027-01-05 08:00:00",
            }
        ).action_plan()
        plan.create(
            {
                "visit_ids": [Command.set(visits2.ids)],
                "user_ids": [Command.set(cls.technician2.ids)],
                "planned_start": "2027-01-05 08:00:00",
            }
        ).action_plan()
        cls.dossier1 = visits1.intervention_id
        cls.dossier2 = visits2.intervention_id
        cls.task1 = cls.dossier1.task_ids
        cls.task2 = cls.dossier2.task_ids
        # the technician also helps on one task of the second dossier
        cls.shared_task = manager_env["maintenance.task"].create(
            {
                "name": "Aide à la dépose du moteur",
                "intervention_id": cls.dossier2.id,
                "user_ids": [Command.set((cls.technician | cls.technician2).ids)],
                "planned_start": "2027-01-06 08:00:00",
            }
        )
        cls.dossier3 = manager_env["maintenance.intervention"].create({"site_id": cls.site3.id})
        # another company, with its own manager and technician
        cls.other_company = cls.env["res.company"].create({"name": "Clim Services Sud"})
        other_site = cls.env["maintenance.site"].create(
            {
                "name": "Groupe scolaire Jean Jaurès",
                "customer_id": cls.customer2.id,
                "company_id": cls.other_company.id,
            }
        )
        cls.other_dossier = cls.Intervention.with_company(cls.other_company).create(
            {"site_id": other_site.id, "company_id": cls.other_company.id}
        )
        cls.other_task = cls.Task.create(
            {
                "name": "Contrôle annuel",
                "intervention_id": cls.other_dossier.id,
                "user_ids": [Command.set(cls.technician.ids)],
                "planned_start": "2027-01-07 08:00:00",
            }
        )

    def test_technician_sees_own_tasks_and_their_dossiers(self):
        env = self.env(user=self.technician)
        self.assertEqual(env["maintenance.task"].search([]), self.task1 | self.shared_task)
        self.assertEqual(env["maintenance.intervention"].search([]), self.dossier1 | self.dossier2)
        self.assertEqual(env["maintenance.task.checklist"].search([]), self.task1.checklist_ids)
        with self.assertRaises(AccessError):
            env["maintenance.task"].browse(self.task2.id).read(["name"])
        with self.assertRaises(AccessError):
            env["maintenance.intervention"].browse(self.dossier3.id).read(["name"])
        with self.assertRaises(AccessError):
            env["maintenance.task.checklist"].browse(self.task2.checklist_ids[0].id).read(["name"])
        # what the technician's day shows
        dossier = env["maintenance.intervention"].browse(self.dossier1.id)
        self.assertEqual(dossier.customer_id.name, self.customer.name)
        self.assertEqual(dossier.site_id.name, self.site.name)

    def test_technician_cannot_create_dossiers_or_tasks(self):
        env = self.env(user=self.technician)
        with self.assertRaises(AccessError):
            env["maintenance.intervention"].create({"site_id": self.site.id})
        with self.assertRaises(AccessError):
            env["maintenance.task"].create({"name": "Tâche perso"})
        with self.assertRaises(AccessError):
            env["maintenance.intervention"].browse(self.dossier1.id).write({"priority": "2"})
        with self.assertRaises(AccessError):
            env["maintenance.intervention"].browse(self.dossier1.id).action_done()
        with self.assertRaises(AccessError):
            env["maintenance.task"].browse(self.task1.id).unlink()
        with self.assertRaises(AccessError):
            env["maintenance.visit.plan"].create({})
        with self.assertRaises(AccessError):
            env["maintenance.workload.report"].search([])

    def test_manager_sees_all_of_the_company(self):
        env = self.env(user=self.manager)
        self.assertEqual(
            env["maintenance.intervention"].search([]),
            self.dossier1 | self.dossier2 | self.dossier3,
        )
        self.assertEqual(
            env["maintenance.task"].search([]), self.task1 | self.task2 | self.shared_task
        )
        self.assertTrue(env["maintenance.workload.report"].search([]))

    def test_other_company_invisible(self):
        for user in (self.technician, self.manager, self.admin):
            env = self.env(user=user)
            self.assertNotIn(self.other_dossier, env["maintenance.intervention"].search([]))
            self.assertNotIn(self.other_task, env["maintenance.task"].search([]))
            with self.assertRaises(AccessError):
                env["maintenance.intervention"].browse(self.other_dossier.id).read(["name"])
            with self.assertRaises(AccessError):
                env["maintenance.task"].browse(self.other_task.id).read(["name"])
        rows = self.env(user=self.manager)["maintenance.workload.report"].search([])
        self.assertNotIn(self.other_company, rows.company_id)

    def test_numbers_are_per_company(self):
        self.assertRegex(self.other_dossier.name, r"^INT/2027/00001$")
        sequence = self.env["ir.sequence"].search(
            [("code", "=", "maintenance.intervention"), ("company_id", "=", self.other_company.id)]
        )
        self.assertEqual(len(sequence), 1)

    def test_accountant_has_no_access(self):
        env = self.env(user=self.accountant)
        with self.assertRaises(AccessError):
            env["maintenance.intervention"].search([])
        with self.assertRaises(AccessError):
            env["maintenance.task"].search([])
