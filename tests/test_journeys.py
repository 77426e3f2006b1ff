# Copyright 2026 Seed maintainers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Each office role's daily journey in headless Chromium, logged in as a user
of that role (never the administrator): the tours create their records
through the screens; these tests check what they left in the database."""

from odoo import Command, fields
from odoo.tests import HttpCase, new_test_user, tagged

from odoo.addons.maintenance_contracts.tests.browser import FrenchBrowserMixin


@tagged("post_install", "-at_install")
class TestOfficeJourneys(FrenchBrowserMixin, HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.manager = new_test_user(
            cls.env,
            login="journey_manager",
            name="Sophie Martin",
            groups="maintenance_contracts.group_maintenance_manager",
            tz="Europe/Paris",
        )
        cls.admin = new_test_user(
            cls.env,
            login="journey_admin",
            name="Thomas Lefèvre",
            groups="maintenance_contracts.group_maintenance_admin",
            tz="Europe/Paris",
        )
        cls.technician = new_test_user(
            cls.env,
            login="journey_technician",
            name="Julien Moreau",
            groups="maintenance_contracts.group_maintenance_technician",
            tz="Europe/Paris",
        )
        cls.accountant = new_test_user(
            cls.env,
            login="journey_accountant",
            name="Claire Dubois",
            groups="account.group_account_invoice",
            tz="Europe/Paris",
        )
        cls.product = cls.env["product.product"].create(
            {"name": "Entretien chaudière Tour", "type": "service", "list_price": 800.0}
        )

    def test_manager_journey(self):
        self.start_tour(
            "/odoo/action-maintenance_contracts.res_partner_action_customer?view_type=list",
            "maintenance_manager_journey",
            login=self.manager.login,
        )
        customer = self.env["res.partner"].search([("name", "=", "Copropriété Tour Saxe")])
        self.assertEqual(customer.create_uid, self.manager)
        site = self.env["maintenance.site"].search([("customer_id", "=", customer.id)])
        self.assertEqual(site.name, "Tour Saxe - chaufferie")
        self.assertEqual(site.equipment_ids.name, "Chaudière Tour Saxe")
        contract = self.env["contract.contract"].search([("site_id", "=", site.id)])
        self.assertEqual(contract.maintenance_state, "active")
        self.assertRegex(contract.code, r"^CTR/\d{4}/\d{5}$")
        dossier = contract.visit_ids.intervention_id
        self.assertEqual(len(dossier), 1)
        self.assertEqual(dossier.state, "done")
        self.assertEqual(dossier.task_ids.user_ids, self.technician)
        self.assertEqual(dossier.task_ids.closed_by, self.manager)

    def test_accountant_journey(self):
        self.env["res.lang"]._activate_lang("fr_FR")
        self.env.ref("base.module_maintenance_contracts")._update_translations(["fr_FR"])
        customer = self.env["res.partner"].create(
            {"name": "Syndic Tour Bellecour", "is_company": True, "lang": "fr_FR"}
        )
        site = self.env["maintenance.site"].create(
            {"name": "Tour Bellecour", "customer_id": customer.id, "city": "Lyon"}
        )
        equipment = self.env["maintenance.customer.equipment"].create(
            {"name": "Chaudière Bellecour", "site_id": site.id, "serial_number": "BEL-1"}
        )
        contract = self.env["contract.contract"].create(
            {
                "name": "Contrat Tour Facturé",
                "partner_id": customer.id,
                "site_id": site.id,
                "is_maintenance": True,
                "contract_type": "sale",
                "date_start": fields.Date.to_date("2027-01-01"),
                "recurring_rule_type": "monthly",
                "contract_line_ids": [
                    Command.create(
                        {
                            "product_id": self.product.id,
                            "name": "Entretien chaudière",
                            "quantity": 1,
                            "price_unit": 90.0,
                            "equipment_id": equipment.id,
                            "warranty_type_id": self.env.ref(
                                "maintenance_contracts.warranty_type_full_2"
                            ).id,
                        }
                    )
                ],
            }
        )
        contract.action_maintenance_validate()
        invoice = contract.with_context(lang="en_US").recurring_create_invoice()
        invoice.action_post()
        self.start_tour(
            "/odoo/action-contract.action_customer_contract",
            "maintenance_accountant_journey",
            login=self.accountant.login,
        )

    def test_admin_journey(self):
        self.start_tour(
            "/odoo/action-maintenance_contracts.maintenance_warranty_type_action?view_type=list",
            "maintenance_admin_warranty_type",
            login=self.admin.login,
        )
        warranty_type = self.env["maintenance.warranty.type"].search([("code", "=", "TRIM-TOUR")])
        self.assertEqual(warranty_type.visits_per_year, 4.0)
        self.assertEqual(warranty_type.create_uid, self.admin)
        index = self.env["maintenance.price.index"].create(
            {"name": "Tour index", "code": "TOURIDX", "frequency": "monthly"}
        )
        self.start_tour(
            "/odoo/action-maintenance_price_revision.maintenance_price_index_value_action",
            "maintenance_admin_index_value",
            login=self.admin.login,
        )
        self.assertEqual(index.value_ids.value, 198.5)
        self.assertEqual(index.value_ids.month, fields.Date.to_date("2026-11-01"))
        self.assertEqual(index.value_ids.create_uid, self.admin)
