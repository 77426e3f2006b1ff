# Copyright 2026 Seed maintainers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import json
from datetime import timedelta
from xmlrpc.client import Fault

from odoo import fields
from odoo.exceptions import AccessError, UserError
from odoo.tests import HttpCase, new_test_user, tagged

from odoo.addons.maintenance_meter.tests.meter_common import MeterCommon

from ..controllers.main import MAX_BODY_SIZE, MAX_ERRORS

URL = "/maintenance/api/readings"
# the queries of one call, whatever the number of readings (up to the
# ORM's insert batches of 100 rows)
ENDPOINT_QUERIES = 22


@tagged("post_install", "-at_install")
class TestSensorEndpoint(HttpCase, MeterCommon):
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
            groups="maintenance_meter_sensor.group_maintenance_sensor_gateway",
        )
        # the sensor gateway key, as an administrator creates it from the user's form
        cls.key = cls.sensor_user.with_user(
            cls.env.ref("base.user_admin")
        )._maintenance_generate_sensor_key()
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


@tagged("post_install", "-at_install")
class TestSensorGatewayKey(HttpCase, MeterCommon):
    """The gateway's key opens the readings endpoint and nothing else, and
    the endpoint answers every bad payload in JSON without leaking the
    database's words."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.sensor_user = new_test_user(
            cls.env,
            login="mp_gateway_key",
            groups="maintenance_meter_sensor.group_maintenance_sensor_gateway",
        )
        cls.admin_user = cls.env.ref("base.user_admin")
        cls.key = cls.sensor_user.with_user(cls.admin_user)._maintenance_generate_sensor_key()

    def _post(self, body, key=None):
        return self.url_open(
            URL,
            data=body if isinstance(body, (str, bytes)) else json.dumps(body),
            headers={
                "Content-Type": "application/json",
                "Authorization": f"Bearer {key or self.key}",
            },
        )

    def _xmlrpc_read_partners(self, key):
        return self.xmlrpc_object.execute_kw(
            self.env.cr.dbname,
            self.sensor_user.id,
            key,
            "res.partner",
            "search_read",
            [[]],
            {"limit": 1},
        )

    def test_key_is_a_sensor_key_only(self):
        self.assertFalse(self.sensor_user._is_internal(), "the gateway is a share user")
        response = self._post({"readings": [{"meter": "CH-01-H", "value": 10}]})
        self.assertEqual(response.status_code, 200, response.text)
        # XML-RPC refuses the key as a password
        self.assertFalse(
            self.xmlrpc_common.authenticate(
                self.env.cr.dbname, self.sensor_user.login, self.key, {}
            )
        )
        with self.assertRaisesRegex(Fault, "Access Denied"):
            self._xmlrpc_read_partners(self.key)
        # /json/2 refuses it as a bearer token
        response = self.url_open(
            "/json/2/res.partner/search_read",
            data=json.dumps({"domain": [], "fields": ["name"], "limit": 1}),
            headers={"Content-Type": "application/json", "Authorization": f"Bearer {self.key}"},
        )
        self.assertEqual(response.status_code, 401, response.text)

    def test_global_key_and_internal_users_refused(self):
        global_key = (
            self.env["res.users.apikeys"]
            .with_user(self.sensor_user)
            .sudo()
            ._generate(None, "Clé RPC", None)
        )
        response = self._post({"readings": [{"meter": "CH-01-H", "value": 10}]}, key=global_key)
        self.assertEqual(response.status_code, 401, "a global RPC key is not a sensor key")
        # an internal user in the gateway group, even with a sensor-scoped key
        internal = new_test_user(
            self.env,
            login="mp_gateway_internal",
            groups="base.group_user,maintenance_meter_sensor.group_maintenance_sensor_gateway",
        )
        internal_key = (
            self.env["res.users.apikeys"]
            .with_user(internal)
            .sudo()
            ._generate("maintenance_sensor", "Passerelle", None)
        )
        response = self._post({"readings": [{"meter": "CH-01-H", "value": 10}]}, key=internal_key)
        self.assertEqual(response.status_code, 403, response.text)
        self.assertEqual(
            response.json()["error"], "This API key does not belong to a sensor gateway user."
        )
        # the form's button refuses to make one for an internal user, and
        # only an administrator makes one
        with self.assertRaisesRegex(UserError, "not a sensor gateway user"):
            internal.with_user(self.admin_user)._maintenance_generate_sensor_key()
        with self.assertRaisesRegex(UserError, "administrator"):
            self.sensor_user.with_user(self.manager)._maintenance_generate_sensor_key()
        self.assertFalse(
            self.env["maintenance.meter.reading"].search([("meter_id", "=", self.counter.id)])
        )

    def test_oversized_body_is_a_json_413(self):
        body = json.dumps({"readings": [], "padding": "x" * (MAX_BODY_SIZE + 1)})
        response = self._post(body)
        self.assertEqual(response.status_code, 413, response.text[:200])
        self.assertIn("too large", response.json()["error"])

    def test_overflowing_and_non_finite_values_are_400(self):
        for raw in ("1e308", "1e999", "-1e999", "NaN", "1" + "0" * 400):
            with self.subTest(value=raw[:20]):
                response = self._post('{"readings": [{"meter": "CH-01-H", "value": ' + raw + "}]}")
                self.assertEqual(response.status_code, 400, response.text)
                self.assertIn('"value" must be a number', response.json()["details"][0])
        self.assertFalse(
            self.env["maintenance.meter.reading"].search([("meter_id", "=", self.counter.id)])
        )

    def test_echoes_and_error_lists_are_capped(self):
        name = "X" * 10000
        response = self._post({"readings": [{"meter": name, "value": 1}] * 120})
        self.assertEqual(response.status_code, 400)
        details = response.json()["details"]
        self.assertEqual(len(details), MAX_ERRORS + 1)
        self.assertIn("70 more errors", details[-1])
        self.assertLess(max(len(line) for line in details), 200)

    def test_database_errors_are_not_sent_back(self):
        # a meter whose code is also another meter's id-less twin: make the
        # database refuse the insert (a reading already stored at that date
        # by a concurrent call is the real-life case)
        self.env.cr.execute(
            "ALTER TABLE maintenance_meter_reading "
            "ADD CONSTRAINT test_value_below_1000 CHECK (value < 1000)"
        )
        response = self._post({"readings": [{"meter": "CH-01-H", "value": 5000}]})
        self.assertEqual(response.status_code, 400, response.text)
        text = response.text
        self.assertNotIn("test_value_below_1000", text)
        self.assertNotIn("maintenance_meter_reading", text)
        self.assertIn("server log", text)
