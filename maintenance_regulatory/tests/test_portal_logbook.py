# Copyright 2026 Seed maintainers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""An equipment's logbook on the portal: customer A's contact sees A's
logbooks only; B's, or an unknown id, is a 404, and the ORM (what RPC
reaches) refuses portal users the logbook model."""

from odoo.exceptions import AccessError
from odoo.tests import HttpCase, new_test_user, tagged
from odoo.tests.common import JsonRpcException

from odoo.addons.maintenance_planning.tests.common import PlanningCommon


@tagged("post_install", "-at_install")
class TestPortalLogbook(HttpCase, PlanningCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Equipment = cls.env["maintenance.customer.equipment"]
        cls.equipment_a = Equipment.create({"name": "Chaudière Tilleuls", "site_id": cls.site.id})
        cls.equipment_b = Equipment.create({"name": "Ascenseur Belvédère", "site_id": cls.site2.id})
        Entry = cls.env["maintenance.logbook.entry"].with_user(cls.manager)
        Entry.create(
            [
                {"equipment_id": cls.equipment_a.id, "name": "Ramonage du conduit fait"},
                {"equipment_id": cls.equipment_b.id, "name": "Remplacement du câble de traction"},
            ]
        )
        Partner = cls.env["res.partner"]
        contact_a = Partner.create(
            {"name": "Isabelle Garnier", "parent_id": cls.customer.id, "email": "ig@example.com"}
        )
        contact_b = Partner.create(
            {"name": "Marc Rivière", "parent_id": cls.customer2.id, "email": "mr@example.com"}
        )
        cls.portal_a = new_test_user(
            cls.env, login="portal_a", groups="base.group_portal", partner_id=contact_a.id
        )
        cls.portal_b = new_test_user(
            cls.env, login="portal_b", groups="base.group_portal", partner_id=contact_b.id
        )

    def test_customer_sees_own_logbook_only(self):
        self.authenticate("portal_a", "portal_a")
        page = self.url_open(f"/my/equipment/{self.equipment_a.id}/logbook")
        self.assertEqual(page.status_code, 200)
        self.assertIn("Ramonage du conduit fait", page.text)
        self.assertNotIn("câble de traction", page.text)
        pdf = self.url_open(f"/my/equipment/{self.equipment_a.id}/logbook/pdf")
        self.assertEqual(pdf.status_code, 200)
        self.assertIn("Ramonage du conduit fait", pdf.content.decode())
        # customer B's equipment, or an id that does not exist: not found
        for equipment_id in (self.equipment_b.id, self.equipment_b.id + 1000):
            for suffix in ("", "/pdf"):
                with self.subTest(equipment_id=equipment_id, suffix=suffix):
                    response = self.url_open(f"/my/equipment/{equipment_id}/logbook{suffix}")
                    self.assertEqual(response.status_code, 404)
                    self.assertNotIn("câble de traction", response.text)

    def test_other_customer_is_refused(self):
        self.authenticate("portal_b", "portal_b")
        response = self.url_open(f"/my/equipment/{self.equipment_a.id}/logbook")
        self.assertEqual(response.status_code, 404)
        self.assertNotIn("Ramonage", response.text)
        self.assertEqual(
            self.url_open(f"/my/equipment/{self.equipment_b.id}/logbook").status_code, 200
        )

    def test_rpc_refuses_the_logbook_model_to_portal_users(self):
        for model in ("maintenance.logbook.entry", "maintenance.certificate"):
            with self.subTest(model=model), self.assertRaises(AccessError):
                self.env[model].with_user(self.portal_a).search_read([], ["name"])
        # through the web client's RPC, with the portal session
        self.authenticate("portal_a", "portal_a")
        with self.assertRaises(JsonRpcException) as refused:
            self.make_jsonrpc_request(
                "/web/dataset/call_kw/maintenance.logbook.entry/search_read",
                {
                    "model": "maintenance.logbook.entry",
                    "method": "search_read",
                    "args": [[]],
                    "kwargs": {"fields": ["name"]},
                },
            )
        self.assertIn("AccessError", refused.exception.args[0])

    def test_anonymous_is_sent_to_login(self):
        response = self.url_open(
            f"/my/equipment/{self.equipment_a.id}/logbook", allow_redirects=False
        )
        self.assertIn(response.status_code, (302, 303))
        self.assertIn("/web/login", response.headers["Location"])
