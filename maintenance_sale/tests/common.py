# Copyright 2026 Seed maintainers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import Command
from odoo.tests import new_test_user

from odoo.addons.maintenance_planning.tests.technician_common import TechnicianCommon


class SaleCommon(TechnicianCommon):
    """The technician's corrective dossier of TechnicianCommon (customer
    "Syndic Horizon Immobilier", site "Résidence Les Tilleuls") plus a second
    customer's dossier, a part and an hour of labour at known prices, and a
    sales tax of 20 % excluded."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.tax = cls.env["account.tax"].create(
            {"name": "TVA 20 % (devis)", "amount": 20.0, "type_tax_use": "sale"}
        )
        cls.part = cls.env["product.product"].create(
            {
                "name": "Vase d'expansion 8 L",
                "type": "consu",
                "list_price": 84.0,
                "taxes_id": [Command.set(cls.tax.ids)],
            }
        )
        cls.valve = cls.env["product.product"].create(
            {
                "name": "Soupape de sécurité 3 bar",
                "type": "consu",
                "list_price": 18.5,
                "taxes_id": [Command.set(cls.tax.ids)],
            }
        )
        cls.labour = cls.env["product.product"].create(
            {
                "name": "Main d'œuvre dépannage",
                "type": "service",
                "list_price": 65.0,
                "uom_id": cls.env.ref("uom.product_uom_hour").id,
                "taxes_id": [Command.set(cls.tax.ids)],
            }
        )
        manager_env = cls.env(user=cls.manager)
        cls.dossier_b = manager_env["maintenance.intervention"].create(
            {"intervention_type": "corrective", "site_id": cls.site2.id}
        )
        cls.task_b = manager_env["maintenance.task"].create(
            {
                "name": "Dépannage VMC",
                "intervention_id": cls.dossier_b.id,
                "user_ids": [Command.set(cls.technician.ids)],
                "planned_start": "2027-01-06 08:00:00",
                "duration": 1.0,
            }
        )
        cls.portal_a = new_test_user(
            cls.env, login="ms_portal_a", name="Gestionnaire Horizon", groups="base.group_portal"
        )
        cls.portal_a.partner_id.parent_id = cls.customer
        cls.portal_b = new_test_user(
            cls.env, login="ms_portal_b", name="Gestionnaire Belvédère", groups="base.group_portal"
        )
        cls.portal_b.partner_id.parent_id = cls.customer2

    def _propose(self, task, product, quantity, user=None, **vals):
        return (
            self.env["maintenance.part.proposal"]
            .with_user(user or self.technician)
            .create({"task_id": task.id, "product_id": product.id, "quantity": quantity, **vals})
        )

    def _quote(self, proposals, user=None):
        action = proposals.with_user(user or self.manager).action_create_quotation()
        return self.env["sale.order"].browse(action["res_id"])
