# Copyright 2026 Seed maintainers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import base64

from odoo.http import Request
from odoo.tests import HttpCase, tagged

from odoo.addons.maintenance_planning.tests.technician_common import PNG

from .common import SaleCommon


@tagged("post_install", "-at_install")
class TestPortalSignature(HttpCase, SaleCommon):
    """The customer signs their own quotation on Odoo's portal (which
    confirms it and creates the dossier of the work); another customer's
    portal user can neither see nor sign it."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.proposal_a = cls.env["maintenance.part.proposal"].create(
            {"task_id": cls.task.id, "product_id": cls.part.id, "quantity": 1}
        )
        cls.proposal_b = cls.env["maintenance.part.proposal"].create(
            {"task_id": cls.task_b.id, "product_id": cls.valve.id, "quantity": 2}
        )
        manager_env = cls.env(user=cls.manager)
        cls.order_a = manager_env["sale.order"].browse(
            cls.proposal_a.with_user(cls.manager).action_create_quotation()["res_id"]
        )
        cls.order_b = manager_env["sale.order"].browse(
            cls.proposal_b.with_user(cls.manager).action_create_quotation()["res_id"]
        )
        (cls.order_a | cls.order_b).action_quotation_sent()

    def _accept(self, order):
        return self.make_jsonrpc_request(
            f"/my/orders/{order.id}/accept",
            {"name": "Gestionnaire Horizon", "signature": base64.b64encode(PNG).decode()},
        )

    def test_customer_signs_own_quotation(self):
        self.authenticate("ms_portal_a", "ms_portal_a")
        page = self.url_open(f"/my/orders/{self.order_a.id}")
        self.assertEqual(page.status_code, 200)
        self.assertIn(self.order_a.name, page.text)
        result = self._accept(self.order_a)
        self.assertNotIn("error", result)
        self.assertEqual(self.order_a.state, "sale")
        self.assertEqual(self.order_a.signed_by, "Gestionnaire Horizon")
        self.assertEqual(self.proposal_a.state, "accepted")
        dossier = self.order_a.maintenance_intervention_id
        self.assertEqual(dossier.site_id, self.site)
        self.assertEqual(dossier.task_ids.part_ids.product_id, self.part)
        # signed by the customer: the dossier has no portal user as responsible
        self.assertEqual(dossier.user_id, self.manager)

    def test_customer_cannot_sign_another_customers_quotation(self):
        self.authenticate("ms_portal_a", "ms_portal_a")
        page = self.url_open(f"/my/orders/{self.order_b.id}", allow_redirects=False)
        self.assertIn(page.status_code, (302, 303))
        self.assertNotIn(f"/my/orders/{self.order_b.id}", page.headers.get("Location", ""))
        result = self._accept(self.order_b)
        self.assertEqual(result, {"error": "Invalid order."})
        self.assertEqual(self.order_b.state, "sent")
        self.assertFalse(self.order_b.signature)
        self.assertFalse(self.order_b.maintenance_intervention_id)
        self.assertEqual(self.proposal_b.state, "quoted")

    def test_customer_declines(self):
        self.authenticate("ms_portal_b", "ms_portal_b")
        self.url_open(
            f"/my/orders/{self.order_b.id}/decline",
            data={
                "decline_message": "Trop cher, nous verrons l'an prochain",
                "csrf_token": Request.csrf_token(self),
            },
        )
        self.assertEqual(self.order_b.state, "cancel")
        self.assertEqual(self.proposal_b.state, "refused")
        self.assertFalse(self.order_b.maintenance_intervention_id)
