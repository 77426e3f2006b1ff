# Copyright 2026 Seed maintainers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Issue 23 item 8: the portal request form takes a form's text and a few
requests an hour, over HTTP with a real portal session."""

from odoo.tests import HttpCase, tagged

from .portal_common import RequestPortalCommon


@tagged("post_install", "-at_install")
class TestPortalRequestLimits(HttpCase, RequestPortalCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("fr_FR")
        cls.portal_a.lang = "fr_FR"

    def setUp(self):
        super().setUp()
        self.authenticate("portal_a", "portal_a" * 2)
        self.Request = self.env["maintenance.customer.request"]

    def _csrf(self):
        page = self.url_open("/my/requests/new").text
        marker = 'name="csrf_token" value="'
        start = page.index(marker) + len(marker)
        return page[start : page.index('"', start)]

    def _post(self, title="Fuite", description="Fuite sous la chaudière"):
        return self.url_open(
            "/my/requests/new",
            data={
                "csrf_token": self._csrf(),
                "site_id": self.site.id,
                "equipment_id": self.data[self.site]["equipment"].id,
                "priority": "2",
                "title": title,
                "description": description,
            },
        )

    def test_description_size_capped(self):
        before = self.Request.search_count([])
        response = self._post(description="x" * (2 * 1024 * 1024))
        self.assertEqual(response.status_code, 200)
        self.assertIn("Le sujet est limité à 200 caractères", response.text)
        self.assertEqual(self.Request.search_count([]), before)
        response = self._post(title="y" * 5000)
        self.assertIn("Le sujet est limité à 200 caractères", response.text)
        self.assertEqual(self.Request.search_count([]), before)
        # the longest accepted
        response = self._post(description="z" * 10000)
        self.assertIn("?created=1", response.url)
        self.assertEqual(self.Request.search_count([]), before + 1)

    def test_requests_per_hour_limited(self):
        before = self.Request.search_count([])
        for index in range(10):
            response = self._post(title=f"Fuite {index}")
            self.assertIn("?created=1", response.url, index)
        response = self._post(title="Fuite 11")
        self.assertEqual(response.status_code, 200)
        self.assertIn("dans la dernière heure", response.text)
        self.assertEqual(self.Request.search_count([]), before + 10)
        # another customer's contact is not held back by A's requests
        self.authenticate("portal_b", "portal_b" * 2)
        response = self.url_open(
            "/my/requests/new",
            data={
                "csrf_token": self._csrf(),
                "site_id": self.site2.id,
                "priority": "2",
                "title": "Panne",
            },
        )
        self.assertIn("?created=1", response.url)
