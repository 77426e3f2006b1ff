# Copyright 2026 Seed maintainers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Issue 24: a P1 request logged by the operations manager is an equipment
down, and a stop puts the equipment out of service until its return to
service."""

from datetime import datetime

from freezegun import freeze_time

from odoo.tests import Form

from odoo.addons.maintenance_request.tests.request_common import RequestCommon


def utc(text):
    return datetime.fromisoformat(text)


class TestRequestEquipmentDown(RequestCommon):
    """A request that says the equipment is down opens its downtime."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.manager.tz = "Europe/Paris"

    def _form(self):
        return Form(self.Request.with_user(self.manager))

    def test_p1_is_an_equipment_down_that_goes_out_of_service(self):
        form = self._form()
        form.site_id = self.site
        form.equipment_id = self.boiler
        form.priority = "2"
        self.assertFalse(form.equipment_stopped)
        form.priority = "1"
        self.assertTrue(form.equipment_stopped, "P1: Equipment down / safety")
        form.title = "Chaudière à l'arrêt"
        request = form.save()
        self.assertTrue(request.equipment_stopped)
        self.assertEqual(len(request.downtime_ids), 1)
        self.assertFalse(request.downtime_ids.date_end)
        self.assertEqual(self.boiler.state, "out_of_service")
        # restored: the stop ends, the equipment is back in service
        request.with_user(self.manager).action_restore()
        self.assertTrue(request.downtime_ids.date_end)
        self.assertEqual(self.boiler.state, "in_service")
        # a safety call on a running equipment: P1 unticked by the office
        form = self._form()
        form.site_id = self.site
        form.equipment_id = self.boiler
        form.priority = "1"
        form.equipment_stopped = False
        form.title = "Odeur de gaz"
        safety = form.save()
        self.assertFalse(safety.downtime_ids)
        self.assertEqual(self.boiler.state, "in_service")

    @freeze_time("2027-01-11 10:00:00")
    def test_hand_set_out_of_service_is_left_alone(self):
        """An equipment the office put out of service without a stop
        recorded stays so when another equipment's stop ends."""
        other = self._create_equipment(1, name="VMC")
        other.state = "out_of_service"
        request = self._request("2027-01-11 09:00:00", user=self.manager, equipment_stopped=True)
        self.assertEqual(self.boiler.state, "out_of_service")
        request.with_user(self.manager).action_restore()
        self.assertEqual(self.boiler.state, "in_service")
        self.assertEqual(other.state, "out_of_service")
