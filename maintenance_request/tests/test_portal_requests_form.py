# Copyright 2026 Seed maintainers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Issue 24, the portal over HTTP as the customer's portal user: the request
form pairs each equipment with its site and refuses a wrong pair; the
request page carries the conversation with the office; late visits are not
« to come »; a missing document and another customer's contract answer our
404 page."""

import re
from datetime import timedelta

from odoo import fields
from odoo.tests import HttpCase, tagged
from odoo.tests.common import JsonRpcException

from .portal_common import RequestPortalCommon

# Werkzeug's own page, in English, outside the portal
WERKZEUG_404 = "The requested URL was not found on the server"


@tagged("post_install", "-at_install")
class TestPortalRequestsForm(HttpCase, RequestPortalCommon):
    def setUp(self):
        super().setUp()
        self.authenticate("portal_a", "portal_a" * 2)

    def _get(self, url):
        return self.url_open(url, allow_redirects=False)

    def test_form_pairs_equipment_with_its_site(self):
        a, a3 = self.data[self.site], self.data[self.site3]
        page = self._get("/my/requests/new").text
        options = dict(
            re.findall(r'<option value="(\d+)" data-site-id="(\d+)"', page),
        )
        self.assertEqual(
            options,
            {
                str(a["equipment"].id): str(self.site.id),
                str(a3["equipment"].id): str(self.site3.id),
            },
        )
        self.assertNotIn(self.data[self.site2]["equipment"].name, page)
        # the equipment of another of their sites is refused, nothing created
        Request = self.env["maintenance.customer.request"]
        count = Request.search_count([])
        response = self.url_open(
            "/my/requests/new",
            data={
                "csrf_token": self._csrf(),
                "site_id": self.site.id,
                "equipment_id": a3["equipment"].id,
                "priority": "2",
                "title": "Plus de chauffage",
            },
        )
        self.assertEqual(response.status_code, 200)
        self.assertIn("is not on the site", response.text)
        self.assertEqual(Request.search_count([]), count)
        # the right pair is accepted
        response = self.url_open(
            "/my/requests/new",
            data={
                "csrf_token": self._csrf(),
                "site_id": self.site3.id,
                "equipment_id": a3["equipment"].id,
                "priority": "2",
                "title": "Plus de chauffage",
            },
        )
        created = Request.search([], order="id desc", limit=1)
        self.assertEqual((created.site_id, created.equipment_id), (self.site3, a3["equipment"]))
        self.assertTrue(response.url.endswith(f"/my/requests/{created.id}?created=1"))

    def test_conversation_on_the_request(self):
        a, b = self.data[self.site], self.data[self.site2]
        page = self._get(f"/my/requests/{a['request'].id}").text
        self.assertIn('data-res_model="maintenance.customer.request"', page)
        self.assertIn(f'data-res_id="{a["request"].id}"', page)
        self.assertIn('data-allow_composer="1"', page)

        def post(request, body):
            return self.make_jsonrpc_request(
                "/mail/message/post",
                {
                    "thread_model": "maintenance.customer.request",
                    "thread_id": request.id,
                    # what the portal's composer sends (store_service.js)
                    "post_data": {
                        "body": body,
                        "message_type": "comment",
                        "subtype_xmlid": "mail.mt_comment",
                    },
                },
            )

        post(a["request"], "Le gardien sera présent à 14 h.")
        message = a["request"].message_ids[:1]
        self.assertIn("Le gardien sera présent", str(message.body))
        self.assertEqual(message.author_id, self.portal_a.partner_id)
        self.assertFalse(message.subtype_id.internal)
        # the office's answer reaches them; internal notes do not show
        a["request"].with_user(self.manager).message_post(
            body="Technicien prévu demain matin.",
            message_type="comment",
            subtype_xmlid="mail.mt_comment",
        )
        a["request"].with_user(self.manager).message_post(
            body="Note interne : client difficile.", subtype_xmlid="mail.mt_note"
        )
        messages = self.make_jsonrpc_request(
            "/mail/thread/messages",
            {"thread_model": "maintenance.customer.request", "thread_id": a["request"].id},
        )
        bodies = " ".join(str(m["body"]) for m in messages["data"]["mail.message"])
        self.assertIn("Technicien prévu demain matin.", bodies)
        self.assertNotIn("client difficile", bodies)
        # another customer's request: nothing read, nothing posted
        before = len(b["request"].message_ids)
        with self.assertRaises(JsonRpcException):
            post(b["request"], "Intrusion")
        self.assertEqual(len(b["request"].message_ids), before)

    def test_late_visits_are_not_to_come(self):
        visits = self.data[self.site]["contract"].visit_ids
        today = fields.Date.today()
        late, coming = visits.sorted("due_date")[:2]
        late.due_date = today - timedelta(days=20)
        coming.due_date = today + timedelta(days=20)
        (late | coming).state = "to_plan"
        page = self._get(f"/my/sites/{self.site.id}").text
        upcoming = page.split("Visits to come")[1].split("Past visits")[0]
        late_part = page.split("Late visits")[1].split("Visits to come")[0]
        self.assertIn(fields.Date.to_string(coming.due_date), self._dates(upcoming))
        self.assertNotIn(fields.Date.to_string(late.due_date), self._dates(upcoming))
        self.assertIn(fields.Date.to_string(late.due_date), self._dates(late_part))
        self.assertIn("o_maintenance_portal_visit_late", late_part)
        # the next visit of the site is the one to come
        self.assertEqual(
            self.site.with_user(self.portal_a)._portal_next_visit_dates()[self.site.id],
            coming.due_date,
        )
        listed = self._get("/my/visits").text
        self.assertNotIn(fields.Date.to_string(late.due_date), self._dates(listed))
        late_list = self._get("/my/visits?filterby=late").text
        self.assertIn(fields.Date.to_string(late.due_date), self._dates(late_list))

    def _csrf(self):
        page = self._get("/my/requests/new").text
        marker = 'name="csrf_token" value="'
        start = page.index(marker) + len(marker)
        return page[start : page.index('"', start)]

    def _dates(self, html):
        """The dates of a portal page (shown as MM/DD/YYYY in English)."""
        return {
            f"{year}-{month}-{day}"
            for month, day, year in re.findall(r"(\d{2})/(\d{2})/(\d{4})", html)
        }

    def test_missing_document_and_other_contract_answer_our_404(self):
        b = self.data[self.site2]
        ours = self._get("/my/requests/999999")
        self.assertEqual(ours.status_code, 404)
        for url in (
            "/my/documents/999999",
            f"/my/documents/{b['shared'].id}",
            f"/my/requests/{self.data[self.site]['request'].id}/photos/999999",
            f"/my/contracts/{b['contract'].id}",
            "/my/contracts/999999",
        ):
            with self.subTest(url=url):
                response = self._get(url)
                self.assertEqual(response.status_code, 404)
                self.assertNotIn(WERKZEUG_404, response.text)
                self.assertNotIn(b["contract"].name, response.text)
                # the portal's page (its layout and title), as /my/requests/<id>
                self.assertIn('id="wrap"', response.text)
        # their own contract still opens
        own = self._get(f"/my/contracts/{self.data[self.site]['contract'].id}")
        self.assertEqual(own.status_code, 200)
