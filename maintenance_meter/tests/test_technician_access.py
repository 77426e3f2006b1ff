# Copyright 2026 Seed maintainers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from freezegun import freeze_time

from odoo import Command
from odoo.exceptions import AccessError, UserError

from odoo.addons.maintenance_planning.tests.technician_common import NEAR

from .meter_common import MeterCommon


@freeze_time("2027-01-05 09:00:00")
class TestTechnicianAccess(MeterCommon):
    """A technician reaches their own tasks and what belongs to them, and
    nothing of the other technicians' or of another company."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.product_part = cls.env["product.product"].create({"name": "Joint", "type": "consu"})
        # the other technician's work on their task
        with freeze_time("2027-01-05 08:00:00"):
            cls.task2.with_user(cls.technician2).action_check_in(*NEAR)
        cls.task2.with_user(cls.technician2).write(
            {"part_ids": [Command.create({"product_id": cls.product_part.id})]}
        )
        lift = cls._create_equipment(1, cls.site2)
        cls.task2.equipment_ids = lift
        cls.other_meter = cls.env["maintenance.meter"].create(
            {"name": "Compteur ascenseur", "equipment_id": lift.id}
        )
        cls.reading2 = (
            cls.env["maintenance.meter.reading"]
            .with_user(cls.technician2)
            .create({"meter_id": cls.other_meter.id, "value": 10, "task_id": cls.task2.id})
        )
        # another company
        cls.other_company = cls.env["res.company"].create({"name": "Clim Services Sud"})
        other_site = cls.env["maintenance.site"].create(
            {
                "name": "Groupe scolaire Jean Jaurès",
                "customer_id": cls.customer2.id,
                "company_id": cls.other_company.id,
            }
        )
        other_equipment = cls.env["maintenance.customer.equipment"].create(
            {"name": "CTA", "site_id": other_site.id, "company_id": cls.other_company.id}
        )
        cls.foreign_meter = cls.env["maintenance.meter"].create(
            {"name": "Compteur CTA", "equipment_id": other_equipment.id}
        )

    def test_technician_cannot_sign_a_part_in_another_name(self):
        """Issue 23 item 8: a part used stays signed by who recorded it."""
        env = self.env(user=self.technician)
        with freeze_time("2027-01-05 08:00:00"):
            self.task.with_user(self.technician).action_check_in(*NEAR)
        part = env["maintenance.task.part"].create(
            {"task_id": self.task.id, "product_id": self.product_part.id}
        )
        self.assertEqual(part.user_id, self.technician)
        for vals in ({"user_id": self.technician2.id}, {"user_id": False}):
            with self.subTest(vals=vals), self.assertRaises(UserError):
                part.write(vals)
        with self.assertRaises(UserError):
            env["maintenance.task.part"].create(
                {
                    "task_id": self.task.id,
                    "product_id": self.product_part.id,
                    "user_id": self.technician2.id,
                }
            )
        part.write({"quantity": 2, "user_id": self.technician.id})
        self.assertEqual((part.quantity, part.user_id), (2, self.technician))

    def test_technician_cannot_read_other_technicians_work(self):
        env = self.env(user=self.technician)
        self.assertEqual(env["maintenance.task"].search([]), self.task)
        self.assertFalse(env["maintenance.task.checkin"].search([]))
        self.assertFalse(env["maintenance.task.part"].search([]))
        self.assertFalse(env["maintenance.meter.reading"].search([]))
        for records in (self.task2, self.task2.checkin_ids, self.task2.part_ids, self.reading2):
            with self.subTest(model=records._name), self.assertRaises(AccessError):
                records.with_user(self.technician).read(["id"])
        with self.assertRaises(AccessError):
            self.task2.part_ids.with_user(self.technician).write({"quantity": 3})

    def test_technician_cannot_check_in_on_another_task(self):
        with self.assertRaisesRegex(UserError, "not assigned to you"):
            self.task2.with_user(self.technician).action_check_in(*NEAR)
        with self.assertRaisesRegex(UserError, "not assigned to you"):
            self.task2.with_user(self.technician).action_check_out()
        self.assertEqual(len(self.task2.checkin_ids), 1)
        self.assertEqual(self.task2.checkin_ids.user_id, self.technician2)
        self.assertFalse(self.task2.checkin_ids.check_out)

    def test_meters_readable_by_technicians_within_their_companies(self):
        Meter = self.env["maintenance.meter"].with_user(self.technician)
        self.assertIn(self.counter, Meter.search([]))
        self.assertIn(self.other_meter, Meter.search([]), "meters are not restricted to tasks")
        self.assertNotIn(self.foreign_meter, Meter.search([]))
        with self.assertRaises(AccessError):
            self.foreign_meter.with_user(self.technician).read(["name"])
        with self.assertRaises(AccessError):
            Meter.create({"name": "Nouveau", "equipment_id": self.equipment.id})

    def test_other_roles(self):
        for user in (self.accountant,):
            env = self.env(user=user)
            for model in (
                "maintenance.task.checkin",
                "maintenance.meter",
                "maintenance.meter.reading",
                "maintenance.task.part",
            ):
                with self.subTest(model=model), self.assertRaises(AccessError):
                    env[model].search([])
        manager = self.env(user=self.manager)
        self.assertEqual(manager["maintenance.task.checkin"].search([]), self.task2.checkin_ids)
        self.assertEqual(manager["maintenance.meter.reading"].search([]), self.reading2)
        self.assertNotIn(self.foreign_meter, manager["maintenance.meter"].search([]))
        with self.assertRaises(AccessError):
            self.task2.checkin_ids.with_user(self.manager).unlink()
        self.task2.checkin_ids.with_user(self.admin).unlink()


@freeze_time("2027-01-05 09:00:00")
class TestTechnicianDay(MeterCommon):
    """What the cards of My day show, and where My day is."""

    def test_card_values(self):
        task = self._as(self.technician, self.task)
        self.assertEqual(task.time_window, "09:00 - 11:00", "in the technician's time zone")
        self.assertEqual(task.site_address, "12 rue des Tilleuls, 69003 Lyon")
        self.assertEqual(task.site_map_url, "https://maps.google.com/?q=45.7597,4.8422")
        self.assertFalse(task.is_overdue)
        yesterday = self.Task.with_user(self.manager).create(
            {
                "name": "Reprise",
                "intervention_id": self.dossier.id,
                "user_ids": [Command.set(self.technician.ids)],
                "planned_start": "2027-01-04 08:00:00",
            }
        )
        yesterday = self._as(self.technician, yesterday)
        self.assertTrue(yesterday.is_overdue)
        self.assertEqual(yesterday.time_window, "01/04/2027 09:00 - 10:00", "another day: dated")
        directions = task.action_open_directions()
        self.assertEqual(directions["type"], "ir.actions.act_url")
        self.assertEqual(directions["url"], task.site_map_url)

    def test_my_day_is_the_technicians_first_screen(self):
        my_work = self.env.ref("maintenance_planning.maintenance_technician_menu")
        first = my_work.child_id.sorted("sequence")[0]
        self.assertEqual(first, self.env.ref("maintenance_planning.maintenance_task_menu_my_day"))
        action = self.env.ref("maintenance_planning.maintenance_task_action_my_day")
        self.assertEqual(action.mobile_view_mode, "kanban")
        self.assertIn("search_default_my_day", action.context)
        kanban = action.view_ids.filtered(lambda view: view.view_mode == "kanban").view_id
        self.assertEqual(
            kanban, self.env.ref("maintenance_planning.maintenance_task_view_kanban_my_day")
        )
        tomorrow = self.Task.with_user(self.technician).action_open_tomorrow()
        self.assertIn("search_default_tomorrow", tomorrow["context"])
        self.assertIn(
            "search_default_my_day",
            self.Task.with_user(self.technician).action_open_my_day()["context"],
        )
