# Copyright 2026 Seed maintainers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The contracts' import template with their price revision: the formula
found by its code or name, the base month (I0) read as a date."""

from odoo.tests import tagged

from odoo.addons.maintenance_contracts.tests.test_import import ImportCommon

REVISION_TEMPLATE = "maintenance_price_revision/static/xls/contracts_revision_import_template.xlsx"


@tagged("post_install", "-at_install")
class TestImportRevision(ImportCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # the formula's and the base month's French labels: their headers
        cls.env["ir.module.module"]._load_module_terms(["maintenance_price_revision"], ["fr_FR"])

    def _template_path(self, model):
        if model == "contract.contract":
            return REVISION_TEMPLATE
        return super()._template_path(model)

    def test_contracts_imported_with_their_formula(self):
        templates = self.env["contract.contract"].get_import_templates()
        self.assertIn(f"/{REVISION_TEMPLATE}", [template["template"] for template in templates])
        self._import_all()
        contracts = self.env["contract.contract"].search([("code", "=", "CT-2019-0112")])
        self.assertEqual(contracts.price_revision_formula_id.code, "ICHT60-BT40-25")
        self.assertEqual(str(contracts.price_revision_base_month), "2026-09-01")
        bakery = self.env["contract.contract"].search([("site_id.code", "=", "BML-01")])
        self.assertEqual(bakery.price_revision_formula_id.name, "Syntec 15/85")
