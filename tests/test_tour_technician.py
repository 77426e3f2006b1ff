# Copyright 2026 Seed maintainers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The technician's day, in headless Chromium on a phone (390x844, touch),
logged in as a technician: from the login to the closed task."""

from datetime import timedelta

from odoo import Command, fields
from odoo.tests import HttpCase, new_test_user, tagged

from odoo.addons.maintenance_contracts.tests.browser import FrenchBrowserMixin
from odoo.addons.maintenance_meter.tests.meter_common import MeterCommon

MY_DAY = "maintenance_planning.maintenance_task_action_my_day"


@tagged("post_install", "-at_install")
class TestTechnicianJourney(FrenchBrowserMixin, HttpCase, MeterCommon):
    """Only the task is prepared (planned for the technician today, by the
    operations manager) and a catalogue of parts; the rest is the
    technician's tapping."""

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
        category = cls.env["product.category"].create({"name": "Pièces détachées"})
        cls.part, cls.other_part = cls.env["product.product"].create(
            [
                {
                    "name": "Électrode d'allumage",
                    "default_code": "PD-ELE-101",
                    "type": "consu",
                    "categ_id": category.id,
                    "list_price": 18.5,
                },
                {
                    "name": "Vase d'expansion 8 L",
                    "default_code": "PD-VEX-008",
                    "type": "consu",
                    "categ_id": category.id,
                    "list_price": 39.0,
                },
            ]
        )

    def _session_info(self, user):
        self.authenticate(user.login, user.login)
        return self.make_jsonrpc_request("/web/session/get_session_info")

    def test_technician_day_on_a_phone(self):
        # no URL of an action: the web client opens the technician's home
        self.start_tour("/odoo", "maintenance_technician_journey", login=self.technician.login)
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
        self.assertEqual(task.part_ids.product_id, self.part)
        self.assertEqual(task.part_ids.user_id, self.technician)
        self.assertEqual(task.customer_signer_name, "Marie Durand")
        self.assertTrue(task.customer_signature)
        self.assertIn("brûleur", task.work_summary)
        # the documents job renders the report after the closing
        self.assertTrue(task.report_pending)
        self.env["maintenance.task"]._cron_closing_documents()
        report = self.env["ir.attachment"].search(
            [
                ("res_model", "in", ("maintenance.intervention", "maintenance.task")),
                ("res_id", "in", (self.dossier.id, task.id)),
                ("maintenance_category", "=", "report"),
            ]
        )
        self.assertEqual(len(report), 1, "the report is saved once, on the task")

    def test_home_action(self):
        """My day is the home of technicians, whenever they were created;
        not of operations managers; a home chosen for the user stays."""
        my_day = self.env.ref(MY_DAY)
        technician = new_test_user(
            self.env,
            login="mp_new_technician",
            password="mp_new_technician",
            groups="maintenance_contracts.group_maintenance_technician",
        )
        self.assertEqual(self._session_info(technician)["home_action_id"], my_day.id)
        self.assertFalse(self._session_info(self.manager)["home_action_id"])
        # an employee becoming a technician later
        employee = new_test_user(
            self.env, login="mp_employee", password="mp_employee", groups="base.group_user"
        )
        self.assertFalse(self._session_info(employee)["home_action_id"])
        employee.group_ids = [
            Command.link(self.env.ref("maintenance_contracts.group_maintenance_technician").id)
        ]
        self.assertEqual(self._session_info(employee)["home_action_id"], my_day.id)
        # a technician promoted operations manager gets Odoo's default back
        technician.group_ids = [
            Command.link(self.env.ref("maintenance_contracts.group_maintenance_manager").id)
        ]
        self.assertFalse(self._session_info(technician)["home_action_id"])
        chosen = self.env.ref("maintenance_planning.maintenance_task_action_my")
        self.technician.action_id = chosen.id
        self.assertEqual(self._session_info(self.technician)["home_action_id"], chosen.id)
