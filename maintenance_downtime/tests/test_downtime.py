# Copyright 2026 Seed maintainers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Downtime events: from a customer request saying the equipment is
stopped, from a corrective dossier, from a meter's alert, by hand; who may
do what."""

from freezegun import freeze_time

from odoo import Command, fields
from odoo.exceptions import AccessError, ValidationError
from odoo.tests import new_test_user

from odoo.addons.maintenance_request.tests.request_common import RequestCommon


def _dt(value):
    return fields.Datetime.to_string(value) if value else False


class TestDowntime(RequestCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Downtime = cls.env["maintenance.downtime"]
        cls.power_cut = cls.env.ref("maintenance_downtime.failure_cause_power_cut")
        cls.leak = cls.env.ref("maintenance_downtime.failure_cause_leak")
        cls.portal = new_test_user(cls.env, login="dt_portal", groups="base.group_portal")

    def _request(self, **vals):
        return self.env(user=self.manager)["maintenance.customer.request"].create(
            {"site_id": self.site.id, "equipment_id": self.boiler.id, "priority": "1", **vals}
        )

    def test_request_with_equipment_stopped_opens_and_closes_the_event(self):
        with freeze_time("2027-01-11 08:00:00"):
            request = self._request(
                equipment_stopped=True, failure_at="2027-01-11 06:30:00", title="Plus de chauffage"
            )
        event = request.downtime_ids
        self.assertEqual(len(event), 1)
        self.assertEqual(event.equipment_id, self.boiler)
        self.assertEqual(_dt(event.date_start), "2027-01-11 06:30:00")
        self.assertFalse(event.date_end)
        self.assertEqual((event.kind, event.origin), ("failure", "request"))
        # the dossier created from the request is the event's
        with freeze_time("2027-01-11 08:10:00"):
            request.with_user(self.manager).action_create_intervention()
        self.assertEqual(event.intervention_id, request.intervention_id)
        # closing the dossier restores the request: the equipment is back in service
        dossier = request.intervention_id
        task = self.env["maintenance.task"].create(
            {
                "name": "Dépannage",
                "intervention_id": dossier.id,
                "user_ids": [Command.set(self.technician.ids)],
                "planned_start": "2027-01-11 09:00:00",
                "duration": 2.0,
            }
        )
        task.sudo().checklist_ids.write({"result": "done"})
        with freeze_time("2027-01-11 11:00:00"):
            task.with_user(self.technician).action_done()
            dossier.with_user(self.manager).action_done()
        self.assertEqual(_dt(request.restored_at), "2027-01-11 11:00:00")
        self.assertEqual(_dt(event.date_end), "2027-01-11 11:00:00")
        self.assertAlmostEqual(event.duration_hours, 4.5)

    def test_request_without_failure_time_starts_at_reception(self):
        with freeze_time("2027-01-11 08:00:00"):
            request = self._request(equipment_stopped=True)
            plain = self._request()
        self.assertEqual(_dt(request.downtime_ids.date_start), "2027-01-11 08:00:00")
        self.assertFalse(plain.downtime_ids, "a request is not a stop unless it says so")
        # said later, with the failure time the customer gives
        with freeze_time("2027-01-11 09:00:00"):
            plain.with_user(self.manager).write(
                {"equipment_stopped": True, "failure_at": "2027-01-11 07:15:00"}
            )
            request.with_user(self.manager).action_restore()
        self.assertEqual(_dt(plain.downtime_ids.date_start), "2027-01-11 07:15:00")
        self.assertEqual(_dt(request.downtime_ids.date_end), "2027-01-11 09:00:00")

    def test_corrective_dossier_records_downtime_by_hand(self):
        dossier = self._dossier_with_tasks(count=1, equipment_ids=[Command.set(self.boiler.ids)])
        with freeze_time("2027-01-12 10:00:00"):
            dossier.with_user(self.manager).action_record_downtime()
            # a second click does not open a second stop
            dossier.with_user(self.manager).action_record_downtime()
        event = dossier.downtime_ids
        self.assertEqual(len(event), 1)
        self.assertEqual((event.origin, _dt(event.date_start)), ("dossier", "2027-01-12 10:00:00"))
        self.assertEqual(dossier.downtime_count, 1)
        with freeze_time("2027-01-12 15:00:00"):
            dossier.with_user(self.manager).action_cancel()
        self.assertEqual(_dt(event.date_end), "2027-01-12 15:00:00")
        with self.assertRaises(AccessError):
            dossier.with_user(self.technician).action_record_downtime()

    def test_meter_alert_opens_one_event_with_its_dossier(self):
        Meter = self.env["maintenance.meter"]
        gauge, quiet = Meter.create(
            [
                {
                    "name": "Pression",
                    "code": "PR-01",
                    "equipment_id": self.boiler.id,
                    "kind": "gauge",
                    "unit": "bar",
                    "has_max_threshold": True,
                    "max_threshold": 3.0,
                },
                {
                    "name": "Température fumées",
                    "code": "TF-01",
                    "equipment_id": self.boiler.id,
                    "kind": "gauge",
                    "unit": "°C",
                    "has_max_threshold": True,
                    "max_threshold": 200.0,
                    "downtime_on_alert": False,
                },
            ]
        )
        Reading = self.env(user=self.manager)["maintenance.meter.reading"]
        with freeze_time("2027-01-13 12:00:00"):
            Reading.create({"meter_id": gauge.id, "value": 3.6, "date": "2027-01-13 09:00:00"})
            Reading.create({"meter_id": gauge.id, "value": 3.9, "date": "2027-01-13 09:30:00"})
            Reading.create({"meter_id": quiet.id, "value": 250, "date": "2027-01-13 09:00:00"})
        dossier = self.Intervention.search([("meter_id", "=", gauge.id)])
        event = self.Downtime.search([("equipment_id", "=", self.boiler.id)])
        self.assertEqual(len(event), 1, "one stop per alert dossier; none for a quiet meter")
        self.assertEqual(event.intervention_id, dossier)
        self.assertEqual((event.origin, _dt(event.date_start)), ("sensor", "2027-01-13 09:00:00"))
        with freeze_time("2027-01-13 16:00:00"):
            dossier.with_user(self.manager).action_cancel()
        self.assertEqual(_dt(event.date_end), "2027-01-13 16:00:00")

    def test_by_hand_and_rights(self):
        manager = self.env(user=self.manager)["maintenance.downtime"]
        event = manager.create(
            {
                "equipment_id": self.boiler.id,
                "date_start": "2027-01-14 08:00:00",
                "date_end": "2027-01-14 10:00:00",
                "cause_id": self.power_cut.id,
            }
        )
        # the cause gives the kind
        self.assertEqual(event.kind, "external")
        event.cause_id = self.leak
        self.assertEqual(event.kind, "failure")
        # technicians read the equipment's history, never change it
        as_technician = event.with_user(self.technician)
        self.assertEqual(as_technician.equipment_id, self.boiler)
        with self.assertRaises(AccessError):
            as_technician.write({"date_end": "2027-01-14 11:00:00"})
        with self.assertRaises(AccessError):
            self.env(user=self.technician)["maintenance.downtime"].create(
                {"equipment_id": self.boiler.id, "date_start": "2027-01-14 08:00:00"}
            )
        with self.assertRaises(AccessError):
            as_technician.unlink()
        for user in (self.accountant, self.portal):
            with self.assertRaises(AccessError):
                self.env(user=user)["maintenance.downtime"].search([])
        # administrators keep the causes, managers only read them
        with self.assertRaises(AccessError):
            self.env(user=self.manager)["maintenance.failure.cause"].create({"name": "Gel"})
        self.env(user=self.admin)["maintenance.failure.cause"].create({"name": "Gel"})
        # the return to service cannot precede the stop: nothing changes
        with (
            self.assertRaisesRegex(ValidationError, "cannot be before the stop"),
            self.env.cr.savepoint(),
        ):
            event.write({"date_end": "2027-01-14 07:00:00"})
        event.invalidate_recordset()
        self.assertEqual(_dt(event.date_end), "2027-01-14 10:00:00")

    def test_other_company_events_stay_hidden(self):
        other_company = self.env["res.company"].create({"name": "Froid Alpes Services"})
        other_customer = self.env["res.partner"].create(
            {"name": "Hôtel des Cimes", "is_company": True, "company_id": other_company.id}
        )
        other_site = self.env["maintenance.site"].create(
            {
                "name": "Hôtel des Cimes",
                "customer_id": other_customer.id,
                "company_id": other_company.id,
            }
        )
        other = self.env["maintenance.customer.equipment"].create(
            {"name": "Groupe froid", "site_id": other_site.id, "company_id": other_company.id}
        )
        theirs = self.Downtime.create(
            {"equipment_id": other.id, "date_start": "2027-01-14 08:00:00"}
        )
        mine = self.Downtime.create(
            {"equipment_id": self.boiler.id, "date_start": "2027-01-14 08:00:00"}
        )
        self.assertEqual(theirs.company_id, other_company)
        found = self.env(user=self.manager)["maintenance.downtime"].search(
            [("id", "in", (theirs | mine).ids)]
        )
        self.assertEqual(found, mine)
