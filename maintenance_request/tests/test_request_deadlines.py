# Copyright 2026 Seed maintainers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Deadlines computed by hand: office hours Monday-Friday 8-12 and 14-18
Europe/Paris (CET = UTC+1 in winter, CEST = UTC+2 in summer); every
datetime below is the UTC one the database stores."""

from datetime import datetime

from freezegun import freeze_time

from odoo import Command
from odoo.exceptions import UserError, ValidationError

from .request_common import RequestCommon


def utc(text):
    return datetime.fromisoformat(text)


class TestRequestDeadlines(RequestCommon):
    @freeze_time("2027-01-12 12:00:00")
    def test_across_a_weekend(self):
        # Friday 8 January 16:00 CET, P1
        request = self._request("2027-01-08 15:00:00")
        self.assertEqual(request.contract_id, self.contract)
        self.assertEqual(request.warranty_type_id, self.wt_full)
        self.assertFalse(request.out_of_contract)
        self.assertEqual(request.calendar_id, self.cal_lyon)
        self.assertRegex(request.name, r"^DEM/2027/\d{5}$")
        # response 1 h: Friday 17:00 CET
        self.assertEqual(request.response_deadline, utc("2027-01-08 16:00:00"))
        # intervention 4 h: Friday 16-18 (2 h), Monday 8-10: Monday 10:00 CET
        self.assertEqual(request.intervention_deadline, utc("2027-01-11 09:00:00"))
        # restoration 8 h: Friday 2 h, Monday 8-12 (4 h), 14-16: Monday 16:00 CET
        self.assertEqual(request.restoration_deadline, utc("2027-01-11 15:00:00"))
        # at risk at 75 %: 3 h of intervention: Monday 9:00 CET
        self.assertEqual(request.intervention_risk_at, utc("2027-01-11 08:00:00"))
        self.assertEqual(request.next_deadline, utc("2027-01-08 16:00:00"))

    @freeze_time("2027-07-20 12:00:00")
    def test_across_14_july(self):
        # Tuesday 13 July 16:00 CEST: 2 h on Tuesday, Wednesday 14 July is a
        # public holiday, Thursday 8-10: 10:00 CEST
        request = self._request("2027-07-13 14:00:00")
        self.assertEqual(request.intervention_deadline, utc("2027-07-15 08:00:00"))

    @freeze_time("2027-05-10 12:00:00")
    def test_across_ascension(self):
        # Wednesday 5 May 17:00 CEST, P2 intervention 8 h: Wednesday 17-18
        # (1 h), Thursday 6 May Ascension, Friday 8-12 (4 h), 14-17: 17:00 CEST
        request = self._request("2027-05-05 15:00:00", priority="2")
        self.assertEqual(request.intervention_deadline, utc("2027-05-07 15:00:00"))

    @freeze_time("2027-04-02 12:00:00")
    def test_good_friday_strasbourg_and_lyon(self):
        # Thursday 25 March 16:00 CET, P1 intervention 4 h: 2 h on Thursday
        lyon = self._request("2027-03-25 15:00:00")
        strasbourg = self._request("2027-03-25 15:00:00", site=self.site_strasbourg)
        self.assertEqual(strasbourg.calendar_id, self.cal_strasbourg)
        # Lyon works on Good Friday: Friday 26 March 8-10 CET
        self.assertEqual(lyon.intervention_deadline, utc("2027-03-26 09:00:00"))
        # Strasbourg: Good Friday off, weekend (summer time from Sunday 28),
        # Easter Monday 29 off: Tuesday 30 March 8-10 CEST
        self.assertEqual(strasbourg.intervention_deadline, utc("2027-03-30 08:00:00"))
        self.assertEqual(self.site_strasbourg.holiday_zone, "alsace_moselle")
        self.assertEqual(self.site.holiday_zone, "metropole")

    @freeze_time("2027-04-02 12:00:00")
    def test_across_easter_monday(self):
        # Friday 26 March 16:00 CET in Lyon: 2 h on Friday, weekend (summer
        # time from Sunday), Easter Monday off, Tuesday 8-10 CEST
        request = self._request("2027-03-26 15:00:00")
        self.assertEqual(request.intervention_deadline, utc("2027-03-30 08:00:00"))

    @freeze_time("2027-01-14 12:00:00")
    def test_received_outside_business_hours(self):
        # Tuesday 12 January 21:30 CET: response 1 h from Wednesday 8:00
        request = self._request("2027-01-12 20:30:00")
        self.assertEqual(request.response_deadline, utc("2027-01-13 08:00:00"))
        # Saturday 9 January 10:00 CET: Monday 9:00 CET
        request = self._request("2027-01-09 09:00:00")
        self.assertEqual(request.response_deadline, utc("2027-01-11 08:00:00"))

    def test_paused_over_a_night(self):
        # Monday 11 January 16:00 CET, P1 intervention 4 h: Tuesday 10:00
        with freeze_time("2027-01-11 15:30:00"):
            request = self._request("2027-01-11 15:00:00")
            request.with_user(self.manager).action_acknowledge()
        self.assertEqual(request.intervention_deadline, utc("2027-01-12 09:00:00"))
        # waiting on the customer from Monday 17:00 to Tuesday 9:00 CET
        with freeze_time("2027-01-11 16:00:00"):
            self.env["maintenance.customer.request.pause"].with_user(self.manager).create(
                {"request_id": request.id, "reason": "Pas d'accès à la chaufferie ce soir"}
            )
        self.assertEqual(request.state, "waiting")
        self.assertEqual(request.pause_ids.user_id, self.manager)
        with freeze_time("2027-01-12 08:00:00"):
            request.with_user(self.manager).action_resume()
        self.assertEqual(request.state, "acknowledged")
        # 2 business hours paused (Monday 17-18, Tuesday 8-9): 1 h worked
        # on Monday, 3 h from Tuesday 9:00: Tuesday 12:00 CET
        self.assertEqual(request.intervention_deadline, utc("2027-01-12 11:00:00"))
        self.assertEqual(request.pause_ids.date_end, utc("2027-01-12 08:00:00"))

    @freeze_time("2027-01-11 09:00:00")
    def test_priority_change_midway(self):
        # Monday 11 January 8:00 CET, P3 intervention 24 h: Wednesday 18:00
        request = self._request("2027-01-11 07:00:00", priority="3")
        self.assertEqual(request.intervention_deadline, utc("2027-01-13 17:00:00"))
        self.assertFalse(request.response_deadline, "no response time committed in P3")
        # raised to P1 at 10:00: 4 h from the reception, Monday 12:00 CET
        request.with_user(self.manager).priority = "1"
        self.assertEqual(request.intervention_deadline, utc("2027-01-11 11:00:00"))
        self.assertEqual(request.response_deadline, utc("2027-01-11 08:00:00"))

    @freeze_time("2027-01-12 12:00:00")
    def test_contract_24_7(self):
        self.contract.maintenance_commitment_ids = [
            Command.create(
                {"priority": "1", "kind": "intervention", "hours": 4.0, "basis": "continuous"}
            )
        ]
        # Saturday 9 January 22:00 CET: Sunday 2:00 CET
        request = self._request("2027-01-09 21:00:00")
        self.assertEqual(request.intervention_deadline, utc("2027-01-10 01:00:00"))
        # the other commitments stay those of the warranty type, in office hours
        self.assertEqual(request.response_deadline, utc("2027-01-11 08:00:00"))

    @freeze_time("2027-11-05 12:00:00")
    def test_daylight_saving_change_october(self):
        # Friday 29 October 16:00 CEST (14:00 UTC): 2 h on Friday, weekend
        # (winter time from Sunday 31), Monday 1 November All Saints' Day,
        # Tuesday 8-10 CET: 9:00 UTC
        request = self._request("2027-10-29 14:00:00")
        self.assertEqual(request.intervention_deadline, utc("2027-11-02 09:00:00"))
        # 24/7: four real hours across the night of the change
        self.contract.maintenance_commitment_ids = [
            Command.create(
                {"priority": "2", "kind": "intervention", "hours": 4.0, "basis": "continuous"}
            )
        ]
        # Saturday 30 October 23:00 CEST (21:00 UTC): 1:00 UTC on Sunday,
        # that is 2:00 CET after the clocks went back at 3:00 CEST
        request = self._request("2027-10-30 21:00:00", priority="2")
        self.assertEqual(request.intervention_deadline, utc("2027-10-31 01:00:00"))

    @freeze_time("2027-01-12 12:00:00")
    def test_no_contract(self):
        request = self._request("2027-01-11 09:00:00", site=self.site3, equipment=False)
        self.assertTrue(request.out_of_contract)
        self.assertFalse(request.contract_id)
        self.assertFalse(request.intervention_deadline)
        self.assertFalse(request.next_deadline)

    @freeze_time("2027-01-12 12:00:00")
    def test_equipment_not_covered_is_out_of_contract(self):
        other = self._create_equipment(1, name="Adoucisseur")
        request = self._request("2027-01-11 09:00:00", equipment=other)
        self.assertTrue(request.out_of_contract)

    # bad input: clear French errors, nothing written ------------------------

    def _french(self, user=None):
        self.env["res.lang"]._activate_lang("fr_FR")
        self.env["ir.module.module"]._load_module_terms(
            ["maintenance_planning", "maintenance_request"], ["fr_FR"]
        )
        return self.Request.with_user(user or self.manager).with_context(lang="fr_FR")

    @freeze_time("2027-01-12 12:00:00")
    def test_received_in_the_future_is_refused(self):
        before = self.Request.search_count([])
        with self.assertRaisesRegex(ValidationError, "ne peut pas être reçue dans le futur"):
            self._french().create(
                {"site_id": self.site.id, "priority": "1", "received_at": "2027-01-13 09:00:00"}
            )
        self.assertEqual(self.Request.search_count([]), before)
        request = self._request("2027-01-12 09:00:00")
        with self.assertRaisesRegex(ValidationError, "ne peut pas être reçue dans le futur"):
            request.with_user(self.manager).with_context(
                lang="fr_FR"
            ).received_at = "2027-01-12 13:00:00"
        self.assertEqual(request.received_at, utc("2027-01-12 09:00:00"))

    @freeze_time("2027-01-12 12:00:00")
    def test_pause_without_reason_is_refused(self):
        self._french()
        request = self._request("2027-01-12 09:00:00")
        Pause = self.env["maintenance.customer.request.pause"]
        with self.assertRaisesRegex(ValidationError, "Dites pourquoi la demande attend le client"):
            Pause.with_user(self.manager).with_context(lang="fr_FR").create(
                {"request_id": request.id, "reason": "  "}
            )
        self.assertEqual(request.state, "new")
        self.assertFalse(Pause.search([("request_id", "=", request.id)]))

    @freeze_time("2027-01-12 12:00:00")
    def test_calendar_without_working_time_is_refused(self):
        empty = self.env["resource.calendar"].create(
            {"name": "Vide", "tz": "Europe/Paris", "attendance_ids": [Command.clear()]}
        )
        self.contract.maintenance_calendar_id = empty
        before = self.Request.search_count([])
        with self.assertRaisesRegex(UserError, "n'a aucune heure de travail"):
            self._french().create(
                {
                    "site_id": self.site.id,
                    "equipment_id": self.boiler.id,
                    "priority": "1",
                    "received_at": "2027-01-12 09:00:00",
                }
            )
        self.assertEqual(self.Request.search_count([]), before)

    @freeze_time("2027-03-01 08:00:00")
    def test_alert_cron_woken_once_per_create(self):
        """The alert job is woken by the create, once for the batch, at the
        earliest at-risk moment (response 1 h, at risk at 75 %: 08:45 UTC),
        not by each computation of the deadlines."""
        cron = self.env.ref("maintenance_request.maintenance_customer_request_cron_alerts")
        Trigger = self.env["ir.cron.trigger"]
        before = Trigger.search([("cron_id", "=", cron.id)])
        self.Request.with_user(self.manager).create(
            [
                {"site_id": self.site.id, "priority": "1", "received_at": "2027-03-01 08:00:00"},
                {"site_id": self.site.id, "priority": "2", "received_at": "2027-03-01 08:00:00"},
            ]
        )
        added = Trigger.search([("cron_id", "=", cron.id)]) - before
        self.assertEqual(added.mapped("call_at"), [datetime(2027, 3, 1, 8, 45)])
        # a write that moves no deadline wakes nothing more, nor does a
        # computation of the deadlines (a compute has no side effect)
        requests = self.Request.search([("received_at", "=", "2027-03-01 08:00:00")])
        requests.with_user(self.manager).write({"title": "Plus de chauffage"})
        self.env.add_to_compute(self.Request._fields["response_deadline"], requests)
        requests.mapped("response_deadline")
        self.assertEqual(Trigger.search([("cron_id", "=", cron.id)]) - before, added)
