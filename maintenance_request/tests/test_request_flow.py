# Copyright 2026 Seed maintainers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import datetime

from freezegun import freeze_time

from odoo import Command
from odoo.exceptions import AccessError, UserError
from odoo.tests import new_test_user

from .request_common import RequestCommon


def utc(text):
    return datetime.fromisoformat(text)


class TestRequestFlow(RequestCommon):
    def _dossier_for(self, request, technician=None, start="2027-01-11 13:00:00"):
        """As the operations manager: the dossier from the request, a task for
        the technician."""
        action = request.with_user(self.manager).action_create_intervention()
        dossier = self.env["maintenance.intervention"].browse(action["res_id"])
        self.env["maintenance.task"].with_user(self.manager).create(
            {
                "name": "Dépannage",
                "intervention_id": dossier.id,
                "user_ids": [Command.set((technician or self.technician).ids)],
                "planned_start": start,
                "duration": 2.0,
            }
        )
        return dossier

    def test_phone_request_to_restoration(self):
        # Monday 11 January 9:00 CET, P1: response 10:00, intervention 13:00
        # (8-12 then 14:00... 4 h from 9:00: 9-12 (3 h), 14-15: 15:00 CET)
        with freeze_time("2027-01-11 08:20:00"):
            request = self._request("2027-01-11 08:00:00")
            self.assertEqual(request.state, "new")
            self.assertEqual(request.intervention_deadline, utc("2027-01-11 14:00:00"))
            dossier = self._dossier_for(request)
        self.assertEqual(dossier.intervention_type, "corrective")
        self.assertEqual(dossier.site_id, self.site)
        self.assertEqual(dossier.equipment_ids, self.boiler)
        self.assertEqual(dossier.contract_id, self.contract)
        self.assertIn("Plus de chauffage", str(dossier.description))
        self.assertEqual(request.intervention_id, dossier)
        self.assertEqual(request.state, "planned")
        # the dossier acknowledges the request: 20 minutes, met
        self.assertEqual(request.acknowledged_at, utc("2027-01-11 08:20:00"))
        self.assertAlmostEqual(request.response_hours, 20 / 60, places=4)
        self.assertEqual(request.response_met, "met")
        # the technician sees it now, and checks in at 14:30 CET (3.5 h)
        self.assertEqual(
            self.Request.with_user(self.technician).search([("id", "=", request.id)]), request
        )
        with freeze_time("2027-01-11 13:30:00"):
            dossier.task_ids.with_user(self.technician).action_check_in()
        self.assertEqual(request.state, "on_site")
        self.assertEqual(request.arrived_at, utc("2027-01-11 13:30:00"))
        self.assertEqual(request.technician_id, self.technician)
        self.assertAlmostEqual(request.intervention_hours, 3.5, places=4)
        self.assertEqual(request.intervention_met, "met")
        self.assertEqual(request.intervention_rate, 100.0)
        # closing the dossier restores the request: Tuesday 10:00 CET, 9 h
        # (Monday 9-12, 14-18, Tuesday 8-10) > 8 h: not met
        with freeze_time("2027-01-12 09:00:00"):
            dossier.task_ids.with_user(self.technician).action_check_out()
            self._tick(dossier.task_ids)
            dossier.task_ids.with_user(self.technician).action_done()
            dossier.with_user(self.manager).action_done()
        self.assertEqual(request.state, "restored")
        self.assertAlmostEqual(request.restoration_hours, 9.0, places=4)
        self.assertEqual(request.restoration_met, "missed")
        self.assertEqual(request.restoration_rate, 0.0)
        request.with_user(self.manager).action_close()
        self.assertEqual(request.state, "closed")

    @freeze_time("2027-01-12 12:00:00")
    def test_link_existing_dossier(self):
        dossier = self._dossier_with_tasks(count=1)
        request = self._request("2027-01-12 09:00:00", intervention_id=dossier.id)
        self.assertEqual(request.state, "planned")
        other = self._request("2027-01-12 10:00:00")
        other.with_user(self.manager).intervention_id = dossier
        self.assertEqual(other.state, "planned")
        self.assertEqual(dossier.customer_request_ids, request | other)
        with self.assertRaisesRegex(UserError, "already has dossier"):
            other.with_user(self.manager).action_create_intervention()

    @freeze_time("2027-01-12 12:00:00")
    def test_measured_times_exclude_pauses(self):
        with freeze_time("2027-01-11 08:00:00"):  # Monday 9:00 CET
            request = self._request("2027-01-11 08:00:00")
            self.env["maintenance.customer.request.pause"].with_user(self.manager).create(
                {"request_id": request.id, "reason": "Le client rappelle"}
            )
        with freeze_time("2027-01-11 09:00:00"):
            request.with_user(self.manager).action_resume()
        with freeze_time("2027-01-11 10:00:00"):  # 11:00 CET: 2 h, 1 h paused
            request.with_user(self.manager).action_acknowledge()
        self.assertAlmostEqual(request.paused_hours, 1.0)
        self.assertAlmostEqual(request.response_hours, 1.0, places=4)
        self.assertEqual(request.response_met, "met")

    # security, as each role ------------------------------------------------

    @freeze_time("2027-01-12 12:00:00")
    def test_technician_sees_only_requests_of_own_dossiers(self):
        mine = self._request("2027-01-12 08:00:00")
        self._dossier_for(mine)
        other = self._request("2027-01-12 09:00:00")
        self._dossier_for(other, technician=self.technician2)
        alone = self._request("2027-01-12 10:00:00")
        env = self.env(user=self.technician)
        self.assertEqual(env["maintenance.customer.request"].search([]), mine)
        with self.assertRaises(AccessError):
            env["maintenance.customer.request"].browse(alone.id).read(["name"])
        with self.assertRaises(AccessError):
            mine.with_user(self.technician).write({"priority": "3"})
        with self.assertRaises(AccessError):
            env["maintenance.customer.request"].create({"site_id": self.site.id})
        with self.assertRaises(AccessError):
            mine.with_user(self.technician).action_acknowledge()
        # managers see all, cannot delete; admins can
        self.assertEqual(
            self.Request.with_user(self.manager).search([("id", "in", (mine | other | alone).ids)]),
            mine | other | alone,
        )
        with self.assertRaises(AccessError):
            alone.with_user(self.manager).unlink()
        alone.with_user(self.admin).unlink()
        for user in (self.accountant,):
            with self.assertRaises(AccessError):
                self.Request.with_user(user).search([])

    @freeze_time("2027-01-12 12:00:00")
    def test_other_company_invisible(self):
        other_company = self.env["res.company"].create({"name": "Clim Services Sud"})
        other_manager = new_test_user(
            self.env,
            login="req_other_manager",
            groups="maintenance_contracts.group_maintenance_manager",
            company_id=other_company.id,
            company_ids=[Command.set(other_company.ids)],
        )
        other_site = self.env["maintenance.site"].create(
            {
                "name": "Lycée du Parc",
                "customer_id": self.customer2.id,
                "company_id": other_company.id,
            }
        )
        theirs = (
            self.Request.with_user(other_manager)
            .with_company(other_company)
            .create({"site_id": other_site.id, "received_at": "2027-01-12 08:00:00"})
        )
        self.assertRegex(theirs.name, r"^DEM/2027/00001$")
        ours = self._request("2027-01-12 08:00:00")
        self.assertEqual(
            self.Request.with_user(other_manager).search([("id", "in", (ours | theirs).ids)]),
            theirs,
        )
        with self.assertRaises(AccessError):
            ours.with_user(other_manager).read(["name"])
        with self.assertRaises(AccessError):
            theirs.with_user(self.manager).read(["name"])

    # alerts at the minute ------------------------------------------------------

    def test_breach_raised_once_at_the_deadline(self):
        cron = self.env.ref("maintenance_request.maintenance_customer_request_cron_alerts")
        Trigger = self.env["ir.cron.trigger"]
        Activity = self.env["mail.activity"]
        with freeze_time("2027-01-11 08:00:00"):  # Monday 9:00 CET, P1
            request = self._request("2027-01-11 08:00:00")
        # response due 10:00 CET, at risk at 75 %: 9:45 CET
        self.assertEqual(request.response_deadline, utc("2027-01-11 09:00:00"))
        self.assertEqual(request.response_risk_at, utc("2027-01-11 08:45:00"))
        calls = Trigger.search([("cron_id", "=", cron.id)]).mapped("call_at")
        self.assertIn(utc("2027-01-11 08:45:00"), calls, "the cron is woken when it is at risk")

        def breaches():
            return Activity.search(
                [
                    ("res_model", "=", request._name),
                    ("res_id", "=", request.id),
                    ("summary", "ilike", "breached"),
                ]
            )

        def risks():
            return Activity.search(
                [
                    ("res_model", "=", request._name),
                    ("res_id", "=", request.id),
                    ("summary", "ilike", "at risk"),
                ]
            )

        with freeze_time("2027-01-11 08:44:00"):
            self.Request._cron_raise_alerts()
        self.assertFalse(risks() | breaches(), "nothing before 75 %")
        with freeze_time("2027-01-11 08:45:00"):
            self.Request._cron_raise_alerts()
        self.assertEqual(len(risks().filtered(lambda a: "Response" in a.summary)), 1)
        self.assertEqual(request.sla_status, "at_risk")
        calls = Trigger.search([("cron_id", "=", cron.id)]).mapped("call_at")
        self.assertIn(utc("2027-01-11 09:00:00"), calls, "then woken again at the deadline")
        with freeze_time("2027-01-11 08:59:00"):
            self.Request._cron_raise_alerts()
        self.assertFalse(breaches(), "not before the deadline")
        with freeze_time("2027-01-11 09:00:00"):
            self.Request._cron_raise_alerts()
        self.assertEqual(len(breaches()), 1)
        self.assertEqual(breaches().user_id, self.manager)
        self.assertEqual(request.sla_status, "breached")
        self.assertTrue(request.response_breach_sent)
        with freeze_time("2027-01-11 09:30:00"):
            self.Request._cron_raise_alerts()
            self.Request._cron_raise_alerts()
        self.assertEqual(len(breaches()), 1, "a breach is never raised twice")
        self.assertEqual(len(risks().filtered(lambda a: "Response" in a.summary)), 1)

    def test_no_alert_while_waiting_or_after_the_milestone(self):
        with freeze_time("2027-01-11 08:00:00"):
            request = self._request("2027-01-11 08:00:00")
            request.with_user(self.manager).action_acknowledge()
            waiting = self._request("2027-01-11 08:00:00")
            self.env["maintenance.customer.request.pause"].with_user(self.manager).create(
                {"request_id": waiting.id, "reason": "Accès impossible"}
            )
        with freeze_time("2027-01-11 09:30:00"):
            self.Request._cron_raise_alerts()
        activities = self.env["mail.activity"].search(
            [
                ("res_model", "=", request._name),
                ("res_id", "in", (request | waiting).ids),
                ("summary", "ilike", "Response"),
            ]
        )
        self.assertFalse(activities)
