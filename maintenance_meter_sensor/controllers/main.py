# Copyright 2026 Seed maintainers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Sensor gateway: readings pushed in batches over HTTP.

    POST /maintenance/api/readings
    Authorization: Bearer <API key of a user of the "Sensor gateway" group>
    Content-Type: application/json

    {"readings": [{"meter": "CH-01-H", "value": 1234.5,
                   "date": "2027-01-05T08:00:00Z", "unit": "h"}, ...]}

The key is a *sensor gateway key* (API key of scope ``maintenance_sensor``,
created from the gateway user's form): XML-RPC and ``/json/2`` refuse it,
and the endpoint refuses any other key. The gateway user is a share user
(not internal) of the "Sensor gateway" group.

Answers (JSON): 200 {"created": n, "duplicates": n, "ids": [...],
"alerts": [dossier numbers]}; 400 {"error": ..., "details": [...]} when
anything in the batch is wrong (then nothing is stored; at most
``MAX_ERRORS`` details); 401 for a missing or wrong key (or a key that is
not a sensor gateway key); 403 for a key of a user outside the gateway
group or of an internal user; 413 {"error": ..., "details": [...]} for a
body over ``MAX_BODY_SIZE`` bytes. Database errors are logged, never sent.
"""

import json
import logging
import re

import psycopg2

from odoo import http
from odoo.exceptions import UserError, ValidationError
from odoo.http import request

_logger = logging.getLogger(__name__)

SENSOR_GROUP = "maintenance_meter_sensor.group_maintenance_sensor_gateway"
# 5,000 readings of about 100 bytes each, with room to spare
MAX_BODY_SIZE = 2 * 1024 * 1024
MAX_ERRORS = 50
NOT_A_GATEWAY = (
    "The gateway user must be a share user of the Sensor gateway group, not an internal user."
)


class BatchRefused(Exception):
    """Rolls the savepoint of a refused batch back: nothing is kept."""


class MaintenanceSensorController(http.Controller):
    @http.route(
        "/maintenance/api/readings",
        type="http",
        auth="none",
        methods=["POST"],
        csrf=False,
        save_session=False,
        readonly=False,
    )
    def post_readings(self):
        # auth="none": the API key is checked here, to answer in JSON
        uid = self._authenticate()
        if not uid:
            return self._answer(
                401,
                {
                    "error": "Missing or invalid API key.",
                    "details": ['Send "Authorization: Bearer <API key>".'],
                },
                headers=[("WWW-Authenticate", 'Bearer realm="maintenance"')],
            )
        request.update_env(user=uid)
        env = request.env
        if not env.user.has_group(SENSOR_GROUP) or env.user._is_internal():
            return self._answer(
                403,
                {
                    "error": "This API key does not belong to a sensor gateway user.",
                    "details": [NOT_A_GATEWAY],
                },
            )
        # the limit is checked here, not on the route, so that the answer is
        # our JSON 413 rather than Odoo's HTML error page; the body is not
        # read when its announced length is over the limit
        httprequest = request.httprequest
        data = b""
        if (httprequest.content_length or 0) <= MAX_BODY_SIZE:
            data = httprequest.get_data()
        if (httprequest.content_length or 0) > MAX_BODY_SIZE or len(data) > MAX_BODY_SIZE:
            return self._answer(
                413,
                {
                    "error": "The body is too large: nothing was recorded.",
                    "details": [f"Send at most {MAX_BODY_SIZE} bytes per call."],
                },
            )
        try:
            payload = json.loads(data or b"null")
        except (ValueError, UnicodeDecodeError) as error:
            return self._answer(
                400,
                {
                    "error": "The body is not valid JSON: nothing was recorded.",
                    "details": [str(error)],
                },
            )
        Reading = env["maintenance.meter.reading"]
        try:
            with env.cr.savepoint():
                readings, duplicates, errors = Reading._import_sensor_readings(payload)
                if errors:
                    raise BatchRefused()
        except BatchRefused:
            pass
        except (UserError, ValidationError) as error:
            errors = [str(error.args[0] if error.args else error)]
        except (psycopg2.IntegrityError, psycopg2.DataError):
            # the database's own words may name tables and values: log them
            _logger.exception("Sensor gateway %s: batch refused by the database", env.user.login)
            errors = [env._("The database refused the batch; the server log has the details.")]
        if errors:
            if len(errors) > MAX_ERRORS:
                errors = [
                    *errors[:MAX_ERRORS],
                    env._("... and %(count)s more errors.", count=len(errors) - MAX_ERRORS),
                ]
            return self._answer(
                400,
                {"error": env._("The batch was refused: nothing was recorded."), "details": errors},
            )
        alerts = readings.sudo().alert_intervention_id
        _logger.info(
            "Sensor gateway %s: %s readings recorded, %s duplicates skipped",
            env.user.login,
            len(readings),
            duplicates,
        )
        return self._answer(
            200,
            {
                "created": len(readings),
                "duplicates": duplicates,
                "ids": readings.ids,
                "alerts": alerts.mapped("name"),
            },
        )

    def _authenticate(self):
        """The id of the user of the bearer API key, or None."""
        header = request.httprequest.headers.get("Authorization") or ""
        match = re.match(r"^bearer\s+(\S+)\s*$", header, re.IGNORECASE)
        if not match:
            return None
        # a sensor gateway key only (not a global RPC key of the same user)
        return request.env["res.users.apikeys"]._maintenance_sensor_uid(match[1])

    def _answer(self, status, body, headers=None):
        return request.make_json_response(body, headers=headers, status=status)
