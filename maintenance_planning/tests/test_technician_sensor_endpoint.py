# Copyright 2026 Seed maintainers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import json
from datetime import timedelta

from odoo import fields
from odoo.exceptions import AccessError
from odoo.tests import HttpCase, new_test_user, tagged

from .technician_common import TechnicianCommon

URL = "/maintenance/api/readings"
# the queries of one call, whatever the number of readings (up to the
# ORM's insert batches of 100 rows)
ENDPOINT_QUERIES = 22


@tagged("post_install", "-at_install")
class TestSensorEndpoint(HttpCase, TechnicianCommon):
    """POST /maintenance/api/readings: a sensor gateway authenticated by the
    API key of its user sends readings in batches, stored whole or not at
    all."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.sensor_user = new_test_user(
            cls.env,
            login="mp_sensor_gateway",
            name="Passerelle capteurs",
            groups="maintenance_planning.group_maintenance_sensor_gateway",
        )
        # the sensor gateway key, as an administrator creates it from the user's form
        cls.key = cls.sensor_user.with_user(cls.env.ref("base.user_admin"))._maintenance_generate_sensor_key()
        # a key of the same scope on an internal user (made by hand: the form refuses it)
        cls.technician_key = (
            cls.env["res.users.apikeys"]
            .with_user(cls.technician)
            .sudo()
            ._generate("maintenance_sensor", "Téléphone", None)
        )
        cls.now = fields.Datetime.now().replace(microsecond=0)

    def _iso(self, hours_ago):
        return (self.now - timedelta(hours=hours_ago)).isoformat() + "Z"

    def _post(self, payload=None, key=None, raw=None):
        headers = {"Content-Type": "application/json"}
        if key is not False:
            headers["Authorization"] = f"Bearer {key or self.key}"
        body = raw if raw is not None else json.dumps(payload)
        return self.url_open(URL, data=body, headers=headers)

    def _stored(self):
        return self.env["maintenance.meter.reading"].search_count(
            [("meter_id", "in", (self.counter | self.gauge).ids)]
        )

    def test_valid_batch_is_stored(self):
        response = self._post(
            {
                "readings": [
                    {"meter": "CH-01-H", "value": 1520, "date": self._iso(3), "unit": "h"},
                    {"meter": "CH-01-H", "value": 1522.5, "date": self._iso(1)},
                    {"meter": self.gauge.id, "value": 71.2, "unit": "°C"},
                ]
            }
        )
        self.assertEqual(response.status_code, 200, response.text)
        body = response.json()
        self.assertEqual(body["created"], 3)
        self.assertEqual(body["duplicates"], 0)
        self.assertEqual(body["alerts"], [])
        readings = self.env["maintenance.meter.reading"].browse(body["ids"])
        self.assertEqual(set(readings.mapped("source")), {"sensor"})
        self.assertEqual(readings.user_id, self.sensor_user)
        self.assertFalse(readings.task_id)
        self.assertEqual(self.counter.last_value, 1522.5)
        self.assertEqual(
            fields.Datetime.to_string(self.counter.last_date),
            fields.Datetime.to_string(self.now - timedelta(hours=1)),
            "dates with a time zone are stored in UTC",
        )
        # the same batch sent again (a gateway retrying) is not stored twice
        response = self._post(
            {"readings": [{"meter": "CH-01-H", "value": 1522.5, "date": self._iso(1)}]}
        )
        self.assertEqual(response.status_code, 200, response.text)
        self.assertEqual(response.json(), {"created": 0, "duplicates": 1, "ids": [], "alerts": []})
        self.assertEqual(self._stored(), 3)

    def test_wrong_or_missing_key_is_401_and_nothing_stored(self):
        payload = {"readings": [{"meter": "CH-01-H", "value": 10}]}
        for key in ("not-a-key", self.key[:-1] + ("0" if self.key[-1] != "0" else "1"), False):
            with self.subTest(key=key):
                response = self._post(payload, key=key)
                self.assertEqual(response.status_code, 401)
                self.assertIn("API key", response.json()["error"])
                self.assertIn("Bearer", response.headers["WWW-Authenticate"])
        self.assertEqual(self._stored(), 0)

    def test_key_of_another_user_is_403(self):
        response = self._post(
            {"readings": [{"meter": "CH-01-H", "value": 10}]}, key=self.technician_key
        )
        self.assertEqual(response.status_code, 403)
        self.assertEqual(self._stored(), 0)

    def test_bad_payloads_are_400_and_nothing_stored(self):
        good = {"meter": "CH-01-H", "value": 1500, "date": self._iso(5)}
        cases = [
            ("not json", None, "not valid JSON"),
            (None, {"values": []}, 'list "readings"'),
            (None, {"readings": [good, {"meter": "INCONNU", "value": 3}]}, "unknown meter"),
            (
                None,
                {"readings": [good, {"meter": "CH-01-H", "value": 9, "unit": "kWh"}]},
                "does not match the unit",
            ),
            (
                None,
                {"readings": [good, {"meter": "CH-01-H", "value": 1400, "date": self._iso(2)}]},
                "lower than the previous reading",
            ),
            (None, {"readings": [good, {"meter": "CH-01-T", "value": None}]}, "must be a number"),
        ]
        for raw, payload, error in cases:
            with self.subTest(error=error):
                response = self._post(payload, raw=raw)
                self.assertEqual(response.status_code, 400, response.text)
                body = response.json()
                self.assertIn("error", body)
                self.assertTrue(
                    any(error in line for line in [body["error"], *body["details"]]), body
                )
        self.assertEqual(self._stored(), 0, "not even the good readings of a refused batch")

    def test_threshold_alert_opens_one_dossier(self):
        response = self._post(
            {
                "readings": [
                    {"meter": "CH-01-T", "value": 93.0, "date": self._iso(2)},
                    {"meter": "CH-01-T", "value": 96.0, "date": self._iso(1)},
                ]
            }
        )
        self.assertEqual(response.status_code, 200, response.text)
        alerts = response.json()["alerts"]
        self.assertEqual(len(alerts), 1)
        dossier = self.Intervention.search([("meter_id", "=", self.gauge.id)])
        self.assertEqual(dossier.name, alerts[0])
        self.assertEqual(dossier.intervention_type, "corrective")
        response = self._post({"readings": [{"meter": "CH-01-T", "value": 98.0}]})
        self.assertEqual(response.json()["alerts"], alerts, "the same dossier")
        self.assertEqual(len(self.Intervention.search([("meter_id", "=", self.gauge.id)])), 1)

    def test_sensor_user_has_no_other_door(self):
        env = self.env(user=self.sensor_user)
        with self.assertRaises(AccessError):
            env["maintenance.meter.reading"].create({"meter_id": self.counter.id, "value": 1})
        with self.assertRaises(AccessError):
            env["maintenance.meter"].search([])
        with self.assertRaises(AccessError):
            env["maintenance.task"].search([])

    def test_query_count_is_flat(self):
        meters = self.env["maintenance.meter"].create(
            [
                {
                    "name": f"Sonde {index}",
                    "code": f"PERF-{index}",
                    "equipment_id": self.equipment.id,
                    "kind": "counter" if index % 2 else "gauge",
                    "unit": "kWh",
                }
                for index in range(10)
            ]
        )

        def batch(size, start):
            return {
                "readings": [
                    {
                        "meter": meters[index % 10].code,
                        "value": start + index,
                        "date": (
                            self.now - timedelta(hours=6) + timedelta(minutes=start, seconds=index)
                        ).isoformat(),
                        "unit": "kWh",
                    }
                    for index in range(size)
                ]
            }

        self.assertEqual(self._post(batch(10, 0)).status_code, 200)  # warm-up
        counts = {}
        for size, start in ((10, 20), (100, 40)):
            count0 = self.cr.sql_log_count
            with self.assertQueryCount(ENDPOINT_QUERIES):
                response = self._post(batch(size, start))
            counts[size] = self.cr.sql_log_count - count0
            self.assertEqual(response.status_code, 200, response.text)
            self.assertEqual(response.json()["created"], size)
        self.assertEqual(counts[10], counts[100], "one batch costs the same queries")
