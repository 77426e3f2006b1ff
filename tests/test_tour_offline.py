# Copyright 2026 Seed maintainers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The technician's day without network (issue 15), in headless Chromium on
a phone (390x844, touch), logged in as a technician: the network is cut by
the browser itself (DevTools network emulation), the task is done offline,
the network returns and the queue reaches the server, once."""

import base64
import os
from datetime import timedelta
from unittest.mock import patch

from odoo import fields
from odoo.tests import HttpCase, new_test_user, tagged
from odoo.tests.common import ChromeBrowser

from odoo.addons.maintenance_contracts.tests.browser import FrenchBrowserMixin
from odoo.addons.maintenance_meter.tests.meter_common import MeterCommon

# set to a path (e.g. docs/screenshot-offline.png) to keep the screen of the
# offline task: banner and counter
SCREENSHOT = os.environ.get("MAINTENANCE_OFFLINE_SCREENSHOT")


def _network_hook(original):
    """ChromeBrowser's console handler, which also reacts to the markers the
    tour logs: "MAINTENANCE_NETWORK:offline" / ":online" cut or restore the
    network of the page with DevTools (Network.emulateNetworkConditions;
    the service worker is bypassed so that every request meets the cut).
    While the network is cut, the web client's background requests (Discuss,
    the bus) fail for want of network and Odoo logs them as errors: that is
    the condition under test, so those (ConnectionLostError only) are logged
    as information; any other error still fails the tour."""

    def handle_console(browser, type, args=None, stackTrace=None, **kw):  # pylint: disable=redefined-builtin
        message = str(browser._from_remoteobject(args[0])) if args else ""
        if message in ("MAINTENANCE_NETWORK:offline", "MAINTENANCE_NETWORK:online"):
            offline = message.endswith("offline")
            browser.maintenance_offline = offline
            browser._websocket_send("Network.enable")
            browser._websocket_send("Network.setBypassServiceWorker", params={"bypass": offline})
            browser._websocket_send(
                "Network.emulateNetworkConditions",
                params={
                    "offline": offline,
                    "latency": 0,
                    "downloadThroughput": -1,
                    "uploadThroughput": -1,
                },
            )
        elif message == "MAINTENANCE_SCREENSHOT" and SCREENSHOT:
            future = browser._websocket_send(
                "Page.captureScreenshot", params={"format": "png"}, with_future=True
            )

            def save(done):
                with open(SCREENSHOT, "wb") as image:
                    image.write(base64.b64decode(done.result()["data"]))

            future.add_done_callback(save)
        elif (
            type == "error"
            and getattr(browser, "maintenance_offline", False)
            and message.startswith("ConnectionLostError:")
        ):
            type = "info"
        return original(browser, type, args=args, stackTrace=stackTrace, **kw)

    return handle_console


@tagged("post_install", "-at_install")
class TestOfflineTechnicianJourney(FrenchBrowserMixin, HttpCase, MeterCommon):
    browser_size = "390x844"
    shared_http_cache = False
    touch_enabled = True

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # a French technician: banner, counter and buttons in French
        cls.env["res.lang"]._activate_lang("fr_FR")
        modules = cls.env["ir.module.module"].search(
            [("name", "in", ("web", "maintenance_planning"))]
        )
        modules._update_translations(["fr_FR"])
        cls.technician.write({"lang": "fr_FR"})
        now = fields.Datetime.now().replace(second=0, microsecond=0)
        cls.task.with_user(cls.manager).write({"planned_start": now - timedelta(minutes=30)})
        cls.site.access_instructions = "<p>Code portail 1234B, chaufferie au sous-sol</p>"
        cls.env["maintenance.meter.reading"].create(
            {"meter_id": cls.gauge.id, "value": 62.0, "date": now - timedelta(days=30)}
        )
        category = cls.env["product.category"].create({"name": "Pièces détachées"})
        cls.part = cls.env["product.product"].create(
            {
                "name": "Électrode d'allumage",
                "default_code": "PD-ELE-101",
                "type": "consu",
                "categ_id": category.id,
                "list_price": 18.5,
            }
        )

    def _task_figures(self):
        task = self.task
        photos = self.env["ir.attachment"].search(
            [
                ("res_model", "=", "maintenance.task"),
                ("res_id", "=", task.id),
                ("name", "=", "chaufferie.png"),
            ]
        )
        return {
            "checkins": len(task.checkin_ids),
            "readings": len(task.reading_ids.filtered(lambda r: r.meter_id == self.gauge)),
            "parts": len(task.part_ids),
            "photos": len(photos),
        }

    def test_offline_day_on_a_phone(self):
        self.assertFalse(self.task.checkin_ids)
        with patch.object(
            ChromeBrowser, "_handle_console", _network_hook(ChromeBrowser._handle_console)
        ):
            self.start_tour(
                "/odoo",
                "maintenance_offline_journey",
                login=self.technician.login,
            )
        task = self.task
        # every action of the phone is on the server, once
        self.assertEqual(
            self._task_figures(), {"checkins": 1, "readings": 1, "parts": 1, "photos": 1}
        )
        self.assertEqual(task.state, "done")
        self.assertEqual(task.closed_by, self.technician)
        checkin = task.checkin_ids
        self.assertAlmostEqual(checkin.latitude, 45.7601)
        self.assertTrue(checkin.check_out, "closing checked the technician out")
        self.assertEqual(
            task.checklist_ids.filtered("is_required").mapped("result"), ["done", "done"]
        )
        reading = task.reading_ids
        self.assertEqual(reading.value, 64.5)
        self.assertEqual(reading.meter_id, self.gauge)
        self.assertEqual(task.part_ids.product_id, self.part)
        self.assertEqual(task.part_ids.quantity, 2.0)
        self.assertTrue(task.customer_signature)
        # the forged action touched nothing
        self.assertFalse(self.env["mail.message"].search([("body", "ilike", "Note égarée")]))
        # the device's times were kept: the check-in is before the closing
        self.assertLessEqual(checkin.check_in, task.closed_date or checkin.check_out)


@tagged("post_install", "-at_install")
class TestOfflineKey(FrenchBrowserMixin, HttpCase, MeterCommon):
    """The key that encrypts the phone's offline data lives in the HTTP
    session: the same while the session lasts, another one after logout, and
    none for a user who is not a technician."""

    def _key(self):
        info = self.make_jsonrpc_request("/web/session/get_session_info")
        return info.get("maintenance_offline_key")

    def test_key_per_session(self):
        self.authenticate(self.technician.login, self.technician.login)
        key = self._key()
        self.assertRegex(key, r"^[0-9a-f]{64}$")
        self.assertEqual(self._key(), key, "the same for the whole session")
        self.logout()
        self.authenticate(self.technician.login, self.technician.login)
        self.assertNotEqual(self._key(), key, "after logout, the phone's data is unreadable")
        # another technician's session never gets the first one's key
        self.authenticate(self.technician2.login, self.technician2.login)
        self.assertNotEqual(self._key(), key)

    def test_no_key_without_technician_rights(self):
        employee = new_test_user(
            self.env, login="mp_off_employee", password="mp_off_employee", groups="base.group_user"
        )
        self.authenticate(employee.login, employee.login)
        self.assertIsNone(self._key())
