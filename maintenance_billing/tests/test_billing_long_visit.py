# Copyright 2026 Seed maintainers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Issue 23 item 2: a visit of nearly a week, recorded offline, is not
billed until the operations manager confirms its duration."""

import uuid
from datetime import timedelta

from odoo import Command, fields
from odoo.exceptions import UserError
from odoo.tests import HttpCase, tagged
from odoo.tools import SQL

from .common import BillingCommon


def _iso(value):
    return value.strftime("%Y-%m-%dT%H:%M:%SZ")


@tagged("post_install", "-at_install")
class TestBillingLongVisit(HttpCase, BillingCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        now = fields.Datetime.now().replace(microsecond=0)
        cls.dossier = cls.env["maintenance.intervention"].create(
            {
                "intervention_type": "corrective",
                "site_id": cls.site.id,
                "contract_id": cls.contract.id,
                "equipment_ids": [Command.set(cls.boiler.ids)],
                "user_id": cls.manager.id,
            }
        )
        cls.task = cls.env["maintenance.task"].create(
            {
                "name": "Dépannage chaudière",
                "intervention_id": cls.dossier.id,
                "user_ids": [Command.set(cls.technician.ids)],
                "planned_start": now - timedelta(days=7),
                "duration": 2.0,
            }
        )
        # planned a week ago, created the day before
        cls.env.flush_all()
        cls.env.cr.execute(
            SQL(
                "UPDATE maintenance_task SET create_date = %s WHERE id = %s",
                now - timedelta(days=8),
                cls.task.id,
            )
        )
        cls.task.invalidate_recordset(["create_date"])

    def _sync(self, actions):
        self.authenticate("mc_technician", "mc_technician")
        return self.make_jsonrpc_request(
            "/maintenance/offline/sync",
            {"actions": actions, "device_now": _iso(fields.Datetime.now())},
        )

    def _action(self, action_type, when):
        return {
            "uuid": str(uuid.uuid4()),
            "task_id": self.task.id,
            "type": action_type,
            "device_time": _iso(when),
            "payload": {},
        }

    def test_week_long_visit_billed_once_confirmed(self):
        now = fields.Datetime.now().replace(microsecond=0)
        answer = self._sync(
            [
                self._action("check_in", now - timedelta(days=6, hours=23)),
                self._action("check_out", now),
                self._action("close", now),
            ]
        )
        self.assertEqual([r["status"] for r in answer["results"]], ["applied"] * 3, answer)
        checkin = self.task.checkin_ids
        self.assertFalse(checkin.time_flagged, "within the task's bounds")
        self.assertGreater(checkin.duration, 166)
        self.assertTrue(checkin.is_long)
        self.assertTrue(checkin.to_confirm)
        # the operations manager of the dossier is told, with a link to it
        activity = self.task.activity_ids.filtered(
            lambda a: f"maintenance.task.checkin/{checkin.id}" in (a.note or "")
        )
        self.assertEqual(activity.user_id, self.manager)
        self.assertEqual(checkin.confirm_activity_id, activity)
        # closed: the labour of the unconfirmed visit is not billed
        self.dossier.with_user(self.manager).action_done()
        self.assertFalse(self._lines(self.dossier, "labour"))
        # a technician cannot confirm it
        with self.assertRaises(UserError):
            checkin.with_user(self.technician).action_confirm_duration()
        self.assertTrue(checkin.to_confirm)
        # the manager confirms: billed, the activity done
        checkin.with_user(self.manager).action_confirm_duration()
        self.assertFalse(checkin.to_confirm)
        self.assertEqual(checkin.duration_confirmed_by, self.manager)
        self.assertFalse(activity.exists() and activity.active, "the activity is marked done")
        labour = self._lines(self.dossier, "labour")
        self.assertTrue(labour)
        self.assertGreater(sum(labour.mapped("quantity")), 166)
