# Copyright 2026 Seed maintainers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""What records what happened is written only by the flows that establish
it (issue 23): the committed times' milestones and alerts and the pauses refuse
any other write, run as the
operations manager who found each hole through JSON-RPC."""

from datetime import datetime

from freezegun import freeze_time

from odoo import Command
from odoo.exceptions import UserError
from odoo.tests import tagged

from .request_common import RequestCommon


def utc(text):
    return datetime.fromisoformat(text)


@tagged("post_install", "-at_install")
class TestFrozenRequest(RequestCommon):
    def _closed_request(self):
        """Monday 11 January 2027 9:00 CET, P1: acknowledged, restored and
        closed by the flows, all on time."""
        with freeze_time("2027-01-11 08:10:00"):
            request = self._request("2027-01-11 08:00:00")
            request.with_user(self.manager).action_acknowledge()
        with freeze_time("2027-01-11 09:00:00"):
            request.with_user(self.manager).action_restore()
            request.with_user(self.manager).action_close()
        return request.with_user(self.manager)

    @freeze_time("2027-01-20 09:00:00")
    def test_milestones_and_alerts_cannot_be_rewritten(self):
        request = self._closed_request()
        self.assertEqual(request.state, "closed")
        self.assertEqual(request.response_met, "met")
        forged = {
            "acknowledged_at": "2027-01-11 08:01:00",
            "arrived_at": "2027-01-10 08:00:00",  # before the call
            "restored_at": False,
            "response_met": "met",
            "sla_status": "breached",
            "response_breach_sent": True,
            "received_at": "2027-01-11 07:00:00",
        }
        for field, value in forged.items():
            with self.subTest(field=field), self.assertRaises(UserError):
                request.write({field: value})
        self.assertEqual(request.acknowledged_at, utc("2027-01-11 08:10:00"))
        self.assertFalse(request.arrived_at)
        self.assertEqual(request.restored_at, utc("2027-01-11 09:00:00"))
        self.assertEqual(request.received_at, utc("2027-01-11 08:00:00"))
        self.assertEqual(request.sla_status, "ok")
        # an alert raised stays raised: a breached request is not made on time
        with freeze_time("2027-01-20 09:00:00"):
            late = self._request("2027-01-18 08:00:00")
            self.Request._cron_raise_alerts()
        self.assertEqual(late.sla_status, "breached")
        self.assertTrue(late.response_breach_sent)
        for vals in ({"sla_status": "ok"}, {"response_breach_sent": False}):
            with self.subTest(vals=vals), self.assertRaisesRegex(UserError, "cannot be"):
                late.with_user(self.manager).write(vals)
        self.assertEqual(late.sla_status, "breached")
        # nor a milestone in the future, nor before the call, on an open one
        with self.assertRaisesRegex(UserError, "between the reception and now"):
            late.with_user(self.manager).write({"acknowledged_at": "2027-01-21 09:00:00"})
        with self.assertRaisesRegex(UserError, "between the reception and now"):
            late.with_user(self.manager).write({"acknowledged_at": "2027-01-17 09:00:00"})
        self.assertFalse(late.acknowledged_at)

    @freeze_time("2027-01-20 09:00:00")
    def test_pauses_cannot_be_forged(self):
        request = self._closed_request()
        Pause = self.env["maintenance.customer.request.pause"].with_user(self.manager)
        # the probe: on the closed request, from 20 days before the call,
        # "paused by" the technician
        with self.assertRaisesRegex(UserError, "cannot be paused in its current state"):
            Pause.create(
                {
                    "request_id": request.id,
                    "reason": "Client absent",
                    "date_start": "2026-12-22 08:00:00",
                    "date_end": "2027-01-11 08:30:00",
                    "user_id": self.technician.id,
                }
            )
        self.assertFalse(request.pause_ids)
        self.assertEqual(request.paused_hours, 0.0)
        # on an open request: a running pause starts now, by its author
        open_request = self._request("2027-01-20 08:00:00")
        for vals, message in (
            ({"user_id": self.technician.id}, "person who pauses"),
            ({"date_start": "2027-01-20 08:01:00"}, "starts when it is recorded"),
            (
                {"date_start": "2027-01-19 08:00:00", "date_end": "2027-01-20 08:30:00"},
                "between the reception",
            ),
        ):
            with self.subTest(vals=vals), self.assertRaisesRegex(UserError, message):
                Pause.create({"request_id": open_request.id, "reason": "Pas d'accès", **vals})
        self.assertFalse(open_request.pause_ids)
        # a pause that ended is what happened
        pause = Pause.create({"request_id": open_request.id, "reason": "Pas d'accès"})
        self.assertEqual(open_request.state, "waiting")
        with freeze_time("2027-01-20 10:00:00"):
            open_request.with_user(self.manager).action_resume()
        self.assertEqual(pause.date_end, utc("2027-01-20 10:00:00"))
        for vals in (
            {"date_end": "2027-01-20 12:00:00"},
            {"date_start": "2027-01-19 09:00:00"},
            {"user_id": self.technician.id},
            {"reason": "Autre"},
        ):
            with self.subTest(vals=vals), self.assertRaisesRegex(UserError, "cannot be changed"):
                pause.write(vals)
        # (the manager has no right to delete; the superuser neither can)
        with self.assertRaisesRegex(UserError, "never deleted"):
            pause.sudo().unlink()
        self.assertEqual(open_request.paused_hours, 1.0)

    def test_normal_request_flow_still_works(self):
        """Acknowledge, pause, resume, arrive (check-in), restore, close."""
        with freeze_time("2027-01-11 08:10:00"):
            request = self._request("2027-01-11 08:00:00").with_user(self.manager)
            request.action_acknowledge()
            pause = self.env["maintenance.customer.request.pause"].with_user(self.manager)
            pause.create({"request_id": request.id, "reason": "Gardien absent"})
        with freeze_time("2027-01-11 08:40:00"):
            request.action_resume()
            action = request.action_create_intervention()
            dossier = self.env["maintenance.intervention"].browse(action["res_id"])
            self.env["maintenance.task"].with_user(self.manager).create(
                {
                    "name": "Dépannage",
                    "intervention_id": dossier.id,
                    "user_ids": [Command.set(self.technician.ids)],
                    "planned_start": "2027-01-11 09:00:00",
                    "duration": 2.0,
                }
            )
        with freeze_time("2027-01-11 09:00:00"):
            dossier.task_ids.with_user(self.technician).action_check_in()
        with freeze_time("2027-01-11 10:00:00"):
            request.action_restore()
            request.action_close()
        self.assertEqual(request.state, "closed")
        self.assertEqual(request.acknowledged_at, utc("2027-01-11 08:10:00"))
        self.assertEqual(request.arrived_at, utc("2027-01-11 09:00:00"))
        self.assertEqual(request.restored_at, utc("2027-01-11 10:00:00"))
        self.assertAlmostEqual(request.paused_hours, 0.5)
        self.assertEqual(request.intervention_met, "met")
