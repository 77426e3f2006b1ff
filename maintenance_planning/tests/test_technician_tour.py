# Copyright 2026 Seed maintainers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from odoo import Command, fields
from odoo.tests import HttpCase, tagged

from .technician_common import TechnicianCommon


@tagged("post_install", "-at_install")
class TestTechnicianPhoneTour(HttpCase, TechnicianCommon):
    """On a phone (390x844, touch): the technician opens My day, checks in
    (the browser's position is stubbed), ticks the operations, enters a
    reading, has the customer sign and closes the task."""

    browser_size = "390x844"
    touch_enabled = True

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.technician.write({"lang": "en_US"})
        # today's task, and one for tomorrow (in real time: the browser's clock)
        now = fields.Datetime.now().replace(second=0, microsecond=0)
        cls.task.with_user(cls.manager).write({"planned_start": now - timedelta(minutes=30)})
        cls.Task.with_user(cls.manager).create(
            {
                "name": "Préparation du lendemain",
                "intervention_id": cls.dossier.id,
                "user_ids": [Command.set(cls.technician.ids)],
                "planned_start": fields.Datetime.to_datetime(
                    fields.Date.context_today(cls.technician.with_context(tz="Europe/Paris"))
                    + timedelta(days=1)
                ).replace(hour=9),
            }
        )

    def test_technician_phone_tour(self):
        self.start_tour(
            "/odoo/action-maintenance_planning.maintenance_task_action_my_day",
            "maintenance_technician_phone_tour",
            login=self.technician.login,
        )
        task = self.task
        self.assertEqual(task.state, "done")
        self.assertEqual(task.closed_by, self.technician)
        checkin = task.checkin_ids
        self.assertEqual(len(checkin), 1)
        self.assertTrue(checkin.has_position, "the stubbed position of the phone")
        self.assertAlmostEqual(checkin.latitude, 45.7601)
        self.assertFalse(checkin.is_far)
        self.assertTrue(checkin.check_out, "closing checked the technician out")
        self.assertEqual(
            task.checklist_ids.filtered("is_required").mapped("result"), ["done", "done"]
        )
        self.assertEqual(task.reading_ids.meter_id, self.counter)
        self.assertEqual(task.reading_ids.value, 1520.0)
        self.assertEqual(task.customer_signer_name, "Marie Durand")
        self.assertTrue(task.customer_signature)
        self.assertIn("brûleur", task.work_summary)
        report = self.env["ir.attachment"].search(
            [
                ("res_model", "in", ("maintenance.intervention", "maintenance.task")),
                ("res_id", "in", (self.dossier.id, task.id)),
                ("maintenance_category", "=", "report"),
            ]
        )
        self.assertEqual(len(report), 1, "the report is saved once, on the task")
