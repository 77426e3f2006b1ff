# Copyright 2026 Seed maintainers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The accountant's invoices: found and grouped by maintenance contract and
site, the due invoice of a contract created from its form, the invoice's
history linking to the dossiers it bills."""

import ast

from lxml import etree

from odoo import fields
from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import BillingCommon


@tagged("post_install", "-at_install")
class TestAccountant(BillingCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.contract.write({"labour_coverage": "not_covered", "parts_coverage": "not_covered"})
        cls.other_site = cls.env["maintenance.site"].create(
            {
                "name": "Résidence Les Cèdres",
                "customer_id": cls.customer.id,
                "sector_id": cls.sector.id,
            }
        )
        cls.other_boiler = cls._create_equipment(1, site=cls.other_site, name="Chaudière")
        cls.other_contract = cls._create_contract(
            [(cls.other_boiler, cls.wtype, {})],
            site=cls.other_site,
            date_start="2026-01-01",
            maintenance_calendar_id=cls.calendar.id,
            labour_coverage="not_covered",
        )
        cls.other_contract.action_maintenance_validate()

    def _dossier_invoice(self, contract, site, equipment):
        dossier = self._done_dossier(
            [(self.technician, "2026-03-17 09:00", "2026-03-17 11:00")],
            contract=contract,
            site=site,
            equipment=equipment,
        )
        return dossier, dossier.with_user(self.manager)._maintenance_create_invoices()

    def test_contract_invoice_due_created_by_the_accountant(self):
        """The contract's next invoice date is past: the accountant sees
        « Create invoice » on its form and creates the draft invoice; then
        nothing is due until the next date, and a second click refuses."""
        contract = self.contract.with_user(self.accountant)
        self.assertLessEqual(contract.recurring_next_date, fields.Date.context_today(contract))
        self.assertTrue(contract.maintenance_invoice_due)
        arch = etree.fromstring(contract.get_views([(False, "form")])["views"]["form"]["arch"])
        button = arch.xpath("//button[@name='action_maintenance_create_invoice']")
        self.assertTrue(button, "the accountant sees the button")
        self.assertEqual(button[0].get("invisible"), "not maintenance_invoice_due")
        action = contract.action_maintenance_create_invoice()
        invoice = self.env["account.move"].with_user(self.accountant).browse(action["res_id"])
        self.assertEqual(invoice.state, "draft")
        self.assertEqual(invoice.partner_id, self.customer)
        self.assertEqual(invoice.maintenance_contract_id, self.contract)
        self.assertEqual(invoice.maintenance_site_id, self.site)
        contract.invalidate_recordset()
        self.assertFalse(contract.maintenance_invoice_due)
        self.assertGreater(contract.recurring_next_date, fields.Date.context_today(contract))
        with self.assertRaises(UserError):
            contract.action_maintenance_create_invoice()
        with self.assertRaises(AccessError):
            self.other_contract.with_user(self.technician).action_maintenance_create_invoice()

    def test_invoices_searched_and_grouped_by_contract_and_site(self):
        """Two dossiers' invoices and a contract's: the accountant finds them
        by contract and by site, and groups them by site."""
        dossier, first = self._dossier_invoice(self.contract, self.site, self.boiler)
        _other, second = self._dossier_invoice(
            self.other_contract, self.other_site, self.other_boiler
        )
        recurring = self.env["account.move"].browse(
            self.other_contract.with_user(self.accountant).action_maintenance_create_invoice()[
                "res_id"
            ]
        )
        Move = self.env["account.move"].with_user(self.accountant)
        invoices = first | second | recurring
        self.assertEqual(
            Move.search(
                [
                    ("id", "in", invoices.ids),
                    ("maintenance_contract_id", "=", self.other_contract.id),
                ]
            ),
            second | recurring,
        )
        self.assertEqual(
            Move.search(
                [("id", "in", invoices.ids), ("maintenance_site_ids", "in", self.site.ids)]
            ),
            first,
        )
        # the search view's contract field: the text the accountant types
        view = Move.get_views([(False, "search")])["views"]["search"]["arch"]
        field = etree.fromstring(view).xpath("//field[@name='maintenance_contract_id']")[0]
        domain = field.get("filter_domain").replace("self", repr(self.other_contract.name))
        self.assertEqual(
            Move.search([("id", "in", invoices.ids), *ast.literal_eval(domain)]),
            second | recurring,
        )
        groups = dict(
            Move._read_group([("id", "in", invoices.ids)], ["maintenance_site_id"], ["__count"])
        )
        self.assertEqual(groups, {self.site: 1, self.other_site: 2})
        # the invoice's history links to the dossier it bills
        origin = first.message_ids.filtered(lambda m: "maintenance.intervention" in m.body)
        self.assertEqual(len(origin), 1)
        self.assertIn(f'data-oe-id="{dossier.id}"', origin.body)
        self.assertIn(dossier.name, origin.body)
