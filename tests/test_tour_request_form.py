# Copyright 2026 Seed maintainers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Issue 24, clicked in headless Chromium as each role: the operations
manager logs a request from the web client's home (title, no contract
ribbon before the customer, their only site chosen, a P1 stops the
equipment); a customer on the portal reports a problem (only the chosen
site's equipment offered) and writes to the office on a request."""

from odoo.tests import HttpCase, new_test_user, tagged

from odoo.addons.maintenance_contracts.tests.browser import FrenchBrowserMixin
from odoo.addons.maintenance_planning.tests.common import PlanningCommon


@tagged("post_install", "-at_install")
class TestRequestFormTour(FrenchBrowserMixin, HttpCase, PlanningCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        square = cls.env["res.partner"].create(
            {"name": "Copropriété Le Square", "is_company": True, "city": "Lyon"}
        )
        cls.square_site = cls.env["maintenance.site"].create(
            {"name": "Résidence Le Square", "customer_id": square.id, "city": "Lyon"}
        )
        cls.square_boiler = cls.env["maintenance.customer.equipment"].create(
            {"name": "Chaudière Le Square", "site_id": cls.square_site.id}
        )
        # the portal customer: two sites (``site``, ``site3``), each its equipment
        cls.boiler = cls.env["maintenance.customer.equipment"].create(
            {"name": "Chaudière Tilleuls", "site_id": cls.site.id}
        )
        cls.heat_pump = cls.env["maintenance.customer.equipment"].create(
            {"name": "Pompe à chaleur Lutins", "site_id": cls.site3.id}
        )
        cls.request = cls.env["maintenance.customer.request"].create(
            {
                "site_id": cls.site.id,
                "equipment_id": cls.boiler.id,
                "title": "Panne chaudière Tilleuls",
                "priority": "2",
            }
        )
        cls.portal_user = new_test_user(
            cls.env,
            login="portal_request_form",
            password="portal_request_form",
            name="Agnès Roux",
            groups="base.group_portal",
        )
        cls.portal_user.partner_id.parent_id = cls.customer

    def test_office_logs_a_request(self):
        self.start_tour("/odoo", "maintenance_request_form_office_tour", login=self.manager.login)
        request = self.env["maintenance.customer.request"].search(
            [("title", "=", "Chaudière à l'arrêt")]
        )
        self.assertEqual(len(request), 1)
        self.assertEqual(request.create_uid, self.manager)
        self.assertEqual(
            (request.customer_id, request.site_id, request.equipment_id, request.priority),
            (self.square_site.customer_id, self.square_site, self.square_boiler, "1"),
        )
        self.assertTrue(request.equipment_stopped)
        self.assertTrue(request.out_of_contract)
        self.assertEqual(len(request.downtime_ids), 1)
        self.assertEqual(self.square_boiler.state, "out_of_service")

    def test_portal_request_form_and_conversation(self):
        self.start_tour("/my", "maintenance_request_form_portal_tour", login="portal_request_form")
        message = self.request.message_ids.filtered(
            lambda m: "Le gardien sera présent" in str(m.body)
        )
        self.assertEqual(len(message), 1)
        self.assertEqual(message.author_id, self.portal_user.partner_id)
