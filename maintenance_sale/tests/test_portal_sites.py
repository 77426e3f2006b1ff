# Copyright 2026 Seed maintainers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""A contact restricted to the sites they are the on-site contact of (a
caretaker) sees on the portal only the invoices and orders of those sites;
the customer's unrestricted contact (the syndic's manager) sees them all."""

from odoo import Command
from odoo.tests import HttpCase, tagged

from odoo.addons.maintenance_planning.tests.portal_common import PortalCommon


@tagged("post_install", "-at_install")
class TestPortalSiteInvoices(HttpCase, PortalCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.product = cls.env["product.product"].create(
            {"name": "Dépannage chaudière", "type": "service", "list_price": 150.0}
        )
        Order = cls.env["sale.order"]
        cls.order_site, cls.order_site3, cls.order_none = Order.create(
            [
                {
                    "partner_id": cls.customer.id,
                    "maintenance_site_id": site.id if site else False,
                    "order_line": [Command.create({"product_id": cls.product.id})],
                }
                for site in (cls.site, cls.site3, None)
            ]
        )
        (cls.order_site | cls.order_site3 | cls.order_none).action_quotation_sent()
        contract_line = cls.data[cls.site]["contract"].contract_line_ids[:1]
        cls.invoice_contract = cls._invoice({"contract_line_id": contract_line.id})
        cls.invoice_dossier3 = cls._invoice({"maintenance_site_id": cls.site3.id})
        cls.invoice_order3 = cls._invoice(
            {"sale_line_ids": [Command.set(cls.order_site3.order_line.ids)]}
        )
        cls.invoice_none = cls._invoice({})

    @classmethod
    def _invoice(cls, line_values):
        invoice = cls.env["account.move"].create(
            {
                "move_type": "out_invoice",
                "partner_id": cls.customer.id,
                "invoice_line_ids": [
                    Command.create(
                        {
                            "product_id": cls.product.id,
                            "price_unit": 150.0,
                            "tax_ids": [Command.clear()],
                            **line_values,
                        }
                    )
                ],
            }
        )
        invoice.action_post()
        return invoice

    def _get(self, url):
        return self.url_open(url, allow_redirects=False)

    def _assert_refused(self, url):
        response = self._get(url)
        self.assertIn(response.status_code, (302, 303, 403, 404), url)
        self.assertNotIn(url, response.headers.get("Location", ""))

    def test_caretaker_sees_only_their_sites(self):
        caretaker = self.portal_a_site
        self.authenticate(caretaker.login, caretaker.login * 2)
        own = self.invoice_dossier3 | self.invoice_order3
        others = self.invoice_contract | self.invoice_none
        invoices = self._get("/my/invoices")
        self.assertEqual(invoices.status_code, 200)
        for invoice in own:
            self.assertIn(f"/my/invoices/{invoice.id}?", invoices.text)
            self.assertEqual(self._get(f"/my/invoices/{invoice.id}").status_code, 200)
        for invoice in others:
            self.assertNotIn(f"/my/invoices/{invoice.id}?", invoices.text)
            self._assert_refused(f"/my/invoices/{invoice.id}")
            self._assert_refused(f"/my/invoices/{invoice.id}?report_type=pdf")
        quotes = self._get("/my/quotes").text
        self.assertIn(f"/my/orders/{self.order_site3.id}?", quotes)
        self.assertEqual(self._get(f"/my/orders/{self.order_site3.id}").status_code, 200)
        for order in self.order_site | self.order_none:
            self.assertNotIn(f"/my/orders/{order.id}?", quotes)
            self._assert_refused(f"/my/orders/{order.id}")
        # the contract of another site neither
        self._assert_refused(f"/my/contracts/{self.data[self.site]['contract'].id}")
        # the same through the ORM, as the caretaker
        Move = self.env["account.move"].with_user(caretaker)
        self.assertEqual(Move.search([("partner_id", "=", self.customer.id)]), own)
        Order = self.env["sale.order"].with_user(caretaker)
        self.assertEqual(Order.search([]), self.order_site3)

    def test_syndic_sees_all(self):
        manager = self.portal_a
        self.authenticate(manager.login, manager.login * 2)
        invoices = self._get("/my/invoices").text
        every = self.invoice_contract | self.invoice_dossier3 | self.invoice_order3
        for invoice in every | self.invoice_none:
            self.assertIn(f"/my/invoices/{invoice.id}?", invoices)
            self.assertEqual(self._get(f"/my/invoices/{invoice.id}").status_code, 200)
        quotes = self._get("/my/quotes").text
        for order in self.order_site | self.order_site3 | self.order_none:
            self.assertIn(f"/my/orders/{order.id}?", quotes)
        self.assertEqual(
            self._get(f"/my/contracts/{self.data[self.site]['contract'].id}").status_code, 200
        )
        # the sites an invoice bills, read by the invoice's reader
        invoice = self.invoice_order3.with_user(manager)
        self.assertEqual(invoice.maintenance_site_ids, self.site3)
