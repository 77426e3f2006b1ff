# Copyright 2026 Seed maintainers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Portal isolation over HTTP, with real portal sessions: customer A's
portal user guesses customer B's ids on every /my route, on report URLs, on
/web/content and through JSON-RPC (call_kw), and gets nothing."""

import base64
from datetime import timedelta

from odoo.tests import HttpCase, tagged
from odoo.tests.common import JsonRpcException

from odoo.addons.maintenance_planning.tests.portal_common import PNG

from .portal_common import RequestPortalCommon


@tagged("post_install", "-at_install")
class TestPortalIsolation(HttpCase, RequestPortalCommon):
    def setUp(self):
        super().setUp()
        self.authenticate("portal_a", "portal_a" * 2)

    def _get(self, url):
        return self.url_open(url, allow_redirects=False)

    def _call(self, model, method, *args, **kwargs):
        return self.make_jsonrpc_request(
            f"/web/dataset/call_kw/{model}/{method}",
            {"model": model, "method": method, "args": list(args), "kwargs": kwargs},
        )

    def test_own_pages_list_own_records_only(self):
        a, a3, b = self.data[self.site], self.data[self.site3], self.data[self.site2]
        pages = {
            "/my/sites": (self.site.name, self.site2.name),
            "/my/equipment": (a["equipment"].name, b["equipment"].name),
            "/my/visits": (self.site3.name, self.site2.name),
            "/my/interventions": (a["dossier"].name, b["dossier"].name),
            "/my/requests": (a["request"].name, b["request"].name),
            "/my/documents": (a["shared"].name, b["shared"].name),
            "/my/contracts": (a["contract"].name, b["contract"].name),
        }
        for url, (own, other) in pages.items():
            with self.subTest(url=url):
                response = self._get(url)
                self.assertEqual(response.status_code, 200)
                self.assertIn(own, response.text)
                self.assertNotIn(other, response.text)
        documents = self._get("/my/documents").text
        self.assertIn(a3["shared"].name, documents)
        self.assertNotIn(a["internal"].name, documents)
        # the equipment page: status, next visit, its dossier and signed report
        page = self._get(f"/my/equipment/{a['equipment'].id}").text
        self.assertIn("In service", page)
        self.assertIn(a["dossier"].name, page)
        self.assertIn(f"/my/interventions/{a['dossier'].id}/reports/{a['report'].id}", page)
        self.assertIn(a["shared"].name, page)
        report = self._get(f"/my/interventions/{a['dossier'].id}/reports/{a['report'].id}")
        self.assertEqual(report.status_code, 200)
        self.assertEqual(report.content, b"%PDF-1.4 report of TILLEULS")
        self.assertEqual(
            self._get(f"/my/documents/{a['shared'].id}").content, b"notice of TILLEULS"
        )

    def test_unsigned_report_not_shown_signed(self):
        """Issue 23: the report of a task the customer did not sign is an
        unsigned report on the portal, not « Rapport signé »; once the task
        was signed before its report was rendered, it is a signed one."""
        data = self.data[self.site]
        url = f"/my/interventions/{data['dossier'].id}"
        for page in (url, "/my/interventions"):
            text = self._get(page).text
            self.assertIn("Unsigned report", text, page)
            self.assertNotIn("Signed report", text, page)
        task, report = data["task"], data["report"]
        signed_before = report.create_date - timedelta(minutes=5)
        task.with_context(maintenance_action_time=signed_before).write(
            {"customer_signature": base64.b64encode(PNG).decode()}
        )
        text = self._get(url).text
        self.assertIn("Signed report", text)
        self.assertNotIn("Unsigned report", text)

    def test_guessing_other_ids_gives_404(self):
        a, b = self.data[self.site], self.data[self.site2]
        urls = [
            f"/my/sites/{self.site2.id}",
            f"/my/equipment/{b['equipment'].id}",
            f"/my/interventions/{b['dossier'].id}",
            f"/my/interventions/{b['dossier'].id}/reports/{b['report'].id}",
            # their own dossier, another customer's report
            f"/my/interventions/{a['dossier'].id}/reports/{b['report'].id}",
            # a shared document is not a report
            f"/my/interventions/{a['dossier'].id}/reports/{a['shared'].id}",
            f"/my/requests/{b['request'].id}",
            f"/my/documents/{b['shared'].id}",
            # their own site's internal document
            f"/my/documents/{a['internal'].id}",
            f"/my/documents/{b['report'].id}",
            # ids that do not exist
            "/my/sites/999999",
            "/my/equipment/999999",
            "/my/interventions/999999",
            "/my/requests/999999",
            "/my/documents/999999",
        ]
        for url in urls:
            with self.subTest(url=url):
                response = self._get(url)
                self.assertEqual(response.status_code, 404)
                self.assertNotIn("Traceback", response.text)
                self.assertNotIn("BELV", response.text)
        # OCA's contract page answers 404 as ours do (it redirected to /my)
        response = self._get(f"/my/contracts/{b['contract'].id}")
        self.assertEqual(response.status_code, 404)
        self.assertNotIn(b["contract"].name, response.text)

    def test_report_and_content_urls_leak_nothing(self):
        b, a = self.data[self.site2], self.data[self.site]
        for url in (
            f"/report/pdf/maintenance_planning.report_maintenance_task/{b['task'].id}",
            f"/report/html/maintenance_planning.report_maintenance_task/{b['task'].id}",
            f"/web/content/{b['report'].id}",
            f"/web/content/{b['shared'].id}",
            f"/web/content/{a['internal'].id}",
            f"/web/content/ir.attachment/{b['report'].id}/raw",
        ):
            with self.subTest(url=url):
                response = self._get(url)
                self.assertNotEqual(response.status_code, 200)
                self.assertNotIn(b"report of BELV", response.content)
                self.assertNotIn(b"notice of BELV", response.content)
                self.assertNotIn(b"internal quote", response.content)

        # /web/image answers a placeholder image, never the file
        response = self._get(f"/web/image/{b['shared'].id}")
        self.assertNotIn(b"notice of BELV", response.content)
        self.assertEqual(response.headers["Content-Type"].split(";")[0], "image/png")

    def test_rpc_with_the_portal_session(self):
        a, a3, b = self.data[self.site], self.data[self.site3], self.data[self.site2]
        lines = self._call("contract.line", "search_read", [], ["price_unit", "contract_id"])
        self.assertEqual(
            sorted(line["id"] for line in lines),
            sorted((a["contract"] | a3["contract"]).contract_line_ids.ids),
        )
        sites = self._call("maintenance.site", "search_read", [], ["name"])
        self.assertEqual({row["name"] for row in sites}, {self.site.name, self.site3.name})
        refused = [
            ("contract.line", "read", [b["contract"].contract_line_ids.ids, ["price_unit"]]),
            ("contract.contract", "read", [b["contract"].ids, ["name"]]),
            ("maintenance.site", "read", [self.site2.ids, ["name"]]),
            ("maintenance.customer.equipment", "read", [b["equipment"].ids, ["name"]]),
            ("maintenance.intervention", "read", [b["dossier"].ids, ["name"]]),
            ("maintenance.customer.request", "read", [b["request"].ids, ["name"]]),
            ("maintenance.task", "read", [a["task"].ids, ["name"]]),
            ("ir.attachment", "read", [(a["shared"] | b["report"]).ids, ["raw"]]),
            ("maintenance.site", "write", [self.site.ids, {"name": "Piraté"}]),
            ("maintenance.customer.request", "create", [{"title": "x", "site_id": self.site.id}]),
        ]
        for model, method, args in refused:
            with self.subTest(model=model, method=method), self.assertRaises(JsonRpcException):
                self._call(model, method, *args)
        self.assertEqual(
            self._call("ir.attachment", "search_read", [("res_model", "!=", False)], ["name"]), []
        )

    def test_new_request_from_the_portal(self):
        a, b = self.data[self.site], self.data[self.site2]
        page = self._get(f"/my/requests/new?equipment_id={a['equipment'].id}")
        self.assertEqual(page.status_code, 200)
        self.assertIn(a["equipment"].name, page.text)
        self.assertNotIn(b["equipment"].name, page.text)
        Request = self.env["maintenance.customer.request"]
        before = Request.search_count([])
        data = {
            "csrf_token": self._csrf(),
            "site_id": self.site.id,
            "equipment_id": b["equipment"].id,
            "priority": "1",
            "title": "Fuite",
        }
        # another customer's equipment: refused, nothing created
        response = self.url_open("/my/requests/new", data=data)
        self.assertEqual(response.status_code, 200)
        self.assertIn("Choose one of your equipment", response.text)
        self.assertEqual(Request.search_count([]), before)
        data["equipment_id"] = a["equipment"].id
        response = self.url_open(
            "/my/requests/new",
            data=data,
            files={"photos": ("fuite.png", PNG, "image/png")},
        )
        created = Request.search([], limit=1, order="id desc")
        self.assertEqual(Request.search_count([]), before + 1)
        self.assertTrue(response.url.endswith(f"/my/requests/{created.id}?created=1"))
        self.assertEqual(
            (created.channel, created.site_id, created.equipment_id, created.priority),
            ("portal", self.site, a["equipment"], "1"),
        )
        photo = created.attachment_ids
        self.assertEqual(photo.raw, PNG)
        self.assertIn(f"/my/requests/{created.id}/photos/{photo.id}", response.text)
        self.assertEqual(self._get(f"/my/requests/{created.id}/photos/{photo.id}").content, PNG)
        # B does not see it, nor its photo
        self.authenticate("portal_b", "portal_b" * 2)
        self.assertEqual(self._get(f"/my/requests/{created.id}").status_code, 404)
        self.assertEqual(self._get(f"/my/requests/{created.id}/photos/{photo.id}").status_code, 404)

    def _csrf(self):
        page = self._get("/my/requests/new").text
        marker = 'name="csrf_token" value="'
        start = page.index(marker) + len(marker)
        return page[start : page.index('"', start)]


@tagged("post_install", "-at_install")
class TestPortalSiteContact(HttpCase, RequestPortalCommon):
    def test_site_restricted_contact_sees_only_their_site(self):
        self.authenticate("portal_a_site", "portal_a_site" * 2)
        a, a3 = self.data[self.site], self.data[self.site3]
        sites = self.url_open("/my/sites").text
        self.assertIn(self.site3.name, sites)
        self.assertNotIn(self.site.name, sites)
        for url in (
            f"/my/sites/{self.site.id}",
            f"/my/equipment/{a['equipment'].id}",
            f"/my/interventions/{a['dossier'].id}",
            f"/my/interventions/{a['dossier'].id}/reports/{a['report'].id}",
            f"/my/requests/{a['request'].id}",
            f"/my/documents/{a['shared'].id}",
        ):
            with self.subTest(url=url):
                self.assertEqual(self.url_open(url, allow_redirects=False).status_code, 404)
        self.assertEqual(
            self.url_open(
                f"/my/interventions/{a3['dossier'].id}/reports/{a3['report'].id}"
            ).content,
            b"%PDF-1.4 report of LUTINS",
        )
