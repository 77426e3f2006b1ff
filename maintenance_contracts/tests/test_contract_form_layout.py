# Copyright 2026 Seed maintainers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The maintenance contract form: the period the line prices are for is said
in words, validation asks a confirmation, the covered products' product
field offers services only, short tab labels."""

from lxml import etree

from odoo.tests import tagged

from .common import MaintenanceCommon


@tagged("post_install", "-at_install")
class TestContractFormLayout(MaintenanceCommon):
    def test_invoicing_period_in_words(self):
        contract = (
            self.env["contract.contract"]
            .with_user(self.manager)
            .new({"recurring_rule_type": "monthly", "recurring_interval": 1})
        )
        cases = [
            ("monthly", 1, "Invoiced every month"),
            ("monthly", 3, "Invoiced every 3 months"),
            ("quarterly", 1, "Invoiced every quarter"),
            ("quarterly", 2, "Invoiced every 6 months"),
            ("semesterly", 1, "Invoiced every six months"),
            ("yearly", 1, "Invoiced every year"),
            ("weekly", 2, "Invoiced every 2 weeks"),
        ]
        for rule, interval, label in cases:
            with self.subTest(rule=rule, interval=interval):
                contract.recurring_rule_type = rule
                contract.recurring_interval = interval
                self.assertEqual(contract.invoicing_period_label, label)
        contract.line_recurrence = True
        self.assertFalse(contract.invoicing_period_label, "each line has its own period")

    def test_form_validation_confirmed_and_services_offered(self):
        view = (
            self.env["contract.contract"]
            .with_user(self.manager)
            .get_views(
                [(self.env.ref("contract.contract_contract_customer_form_view").id, "form")]
            )["views"]["form"]
        )
        arch = etree.fromstring(view["arch"])
        validate = arch.xpath("//header/button[@name='action_maintenance_validate']")[0]
        self.assertIn("preventive visits to plan", validate.get("confirm"))
        for lines in ("contract_line_fixed_ids", "contract_line_ids"):
            product = arch.xpath(f"//field[@name='{lines}']/list/field[@name='product_id']")[0]
            self.assertIn("('type', '=', 'service')", product.get("domain"))
            price = arch.xpath(f"//field[@name='{lines}']/list/field[@name='price_unit']")[0]
            self.assertEqual(price.get("string"), "Price per period")
        pages = [page.get("string") for page in arch.xpath("//notebook/page")]
        self.assertLessEqual(sum(len(label) for label in pages), 80, pages)
        # the services only: a part is not offered for a covered product
        part = self.env["product.product"].create({"name": "Vanne 3 voies", "type": "consu"})
        domain = [("type", "=", "service"), ("sale_ok", "=", True)]
        offered = self.env["product.product"].with_user(self.manager).search(domain)
        self.assertIn(self.product, offered)
        self.assertNotIn(part, offered)
