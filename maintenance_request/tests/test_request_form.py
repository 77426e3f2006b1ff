# Copyright 2026 Seed maintainers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Issue 24: the request form as the operations manager logs a call: why a
P1 received at night is due tomorrow, the customer's only site chosen
(maintenance_downtime: a P1 is an equipment down)."""

from datetime import datetime

from freezegun import freeze_time

from odoo.tests import Form

from .request_common import RequestCommon


def utc(text):
    return datetime.fromisoformat(text)


class TestRequestForm(RequestCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.manager.tz = "Europe/Paris"
        cls.customer_one = cls.env["res.partner"].create(
            {"name": "Copropriété Le Parc", "is_company": True}
        )
        cls.site_one = cls.env["maintenance.site"].create(
            {"name": "Résidence Le Parc", "customer_id": cls.customer_one.id, "city": "Lyon"}
        )

    def _form(self):
        return Form(self.Request.with_user(self.manager))

    @freeze_time("2027-01-11 20:10:00")
    def test_p1_at_night_says_why_it_is_due_tomorrow(self):
        # Monday 11 January 21:05 CET: the office opens on Tuesday at 8:00,
        # the 1 h response is due Tuesday 9:00
        form = self._form()
        form.received_at = utc("2027-01-11 20:05:00")
        form.priority = "1"
        form.site_id = self.site
        self.assertEqual(form.response_deadline, utc("2027-01-12 08:00:00"))
        self.assertEqual(
            form.deadline_note,
            "Received outside business hours: the committed times count from tomorrow "
            '08:00 on the calendar "Bureau Lyon"; next deadline tomorrow 09:00.',
        )
        request = form.save()
        self.assertEqual(request.next_deadline, utc("2027-01-12 08:00:00"))
        self.assertIn("tomorrow 09:00", request.deadline_note)
        # received within the business hours: nothing to explain
        with freeze_time("2027-01-12 09:30:00"):
            day = self._request("2027-01-12 09:00:00", user=self.manager)
            self.assertFalse(day.deadline_note)
        # out of contract: no committed time, nothing to explain
        with freeze_time("2027-01-12 09:30:00"):
            night = self._request("2027-01-11 22:00:00", site=self.site_one, equipment=False)
            self.assertTrue(night.out_of_contract)
            self.assertFalse(night.deadline_note)

    def test_the_customers_only_site_is_chosen(self):
        form = self._form()
        self.assertFalse(form.site_id)
        form.customer_id = self.customer_one
        self.assertEqual(form.site_id, self.site_one)
        # a customer with two sites: the office chooses
        form.customer_id = self.customer
        self.assertFalse(form.site_id, "the site of another customer is cleared")
        form.site_id = self.site3
        form.title = "Plus de chauffage"
        request = form.save()
        self.assertEqual((request.customer_id, request.site_id), (self.customer, self.site3))
