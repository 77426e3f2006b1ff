# Copyright 2026 Seed maintainers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Issue 24, in headless Chromium, from where each user lands (/odoo): the
operations manager's dashboard shows the current month and its « Open
corrective » card opens the open corrective dossiers only; the accountant
lands on the customer invoices, finds a contract's invoices and groups
them by site."""

from datetime import datetime, timedelta

from odoo import Command, fields
from odoo.tests import HttpCase, new_test_user, tagged

from odoo.addons.maintenance_contracts.tests.browser import FrenchBrowserMixin


@tagged("post_install", "-at_install")
class TestDashboardAndInvoicesTour(FrenchBrowserMixin, HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.technician = new_test_user(
            cls.env,
            login="tour_julien",
            name="Julien Moreau",
            groups="maintenance_contracts.group_maintenance_technician",
            tz="Europe/Paris",
        )
        cls.sector = cls.env["maintenance.sector"].create(
            {"name": "Lyon Centre", "code": "LYC", "travel_flat_fee": 35.0}
        )
        cls.customer = cls.env["res.partner"].create(
            {
                "name": "Syndic Horizon",
                "is_company": True,
                "street": "4 place Bellecour",
                "zip": "69002",
                "city": "Lyon",
                "country_id": cls.env.ref("base.fr").id,
            }
        )
        cls.cedres = cls.env["maintenance.site"].create(
            {
                "name": "Résidence Les Cèdres",
                "customer_id": cls.customer.id,
                "sector_id": cls.sector.id,
            }
        )
        cls.tilleuls = cls.env["maintenance.site"].create(
            {
                "name": "Résidence Les Tilleuls",
                "customer_id": cls.customer.id,
                "sector_id": cls.sector.id,
            }
        )

    @classmethod
    def _dossier(cls, site, start, *, state="open", contract=None, hours=2.0):
        """A corrective dossier of ``site`` whose task starts at ``start``
        (UTC); done: its task done after ``hours`` on site, then closed."""
        dossier = cls.env["maintenance.intervention"].create(
            {
                "intervention_type": "corrective",
                "site_id": site.id,
                "contract_id": contract.id if contract else False,
                "task_ids": [
                    Command.create(
                        {
                            "name": "Dépannage",
                            "user_ids": [Command.set(cls.technician.ids)],
                            "planned_start": start,
                            "duration": hours,
                        }
                    )
                ],
            }
        )
        if state == "done":
            cls.env["maintenance.task.checkin"].create(
                {
                    "task_id": dossier.task_ids.id,
                    "user_id": cls.technician.id,
                    "check_in": start,
                    "check_out": start + timedelta(hours=hours),
                }
            )
            dossier.task_ids.write({"state": "done"})
            dossier.action_done()
        elif state == "cancelled":
            dossier.action_cancel()
        return dossier

    def test_manager_dashboard_current_month_and_open_correctives(self):
        manager = new_test_user(
            self.env,
            login="tour_sophie",
            name="Sophie Martin",
            groups="maintenance_contracts.group_maintenance_manager",
            tz="Europe/Paris",
        )
        now = fields.Datetime.now().replace(minute=0, second=0, microsecond=0)
        # open: one of today (a P1 just called in), one of two years ago
        self._dossier(self.cedres, now)
        self._dossier(self.cedres, now - timedelta(days=730))
        # not open: closed, cancelled
        self._dossier(self.cedres, datetime(2026, 3, 2, 8, 0), state="done")
        self._dossier(self.cedres, now, state="cancelled")
        self.start_tour("/odoo", "maintenance_dashboard_month_tour", login=manager.login)

    def test_accountant_lands_on_invoices_by_contract_and_site(self):
        accountant = new_test_user(
            self.env,
            login="tour_claire",
            name="Claire Dubois",
            groups="account.group_account_invoice",
            tz="Europe/Paris",
        )
        # as the demo's accountant: her home is the customer invoices
        accountant.action_id = self.env.ref("account.action_move_out_invoice").id
        self.env.company.maintenance_labour_product_id.list_price = 60.0
        product = self.env["product.product"].create(
            {"name": "Entretien chaudière T24", "type": "service", "list_price": 600.0}
        )
        equipment = self.env["maintenance.customer.equipment"].create(
            {"name": "Chaudière Tilleuls", "site_id": self.tilleuls.id, "serial_number": "T24-1"}
        )
        contract = self.env["contract.contract"].create(
            {
                "name": "Contrat Les Tilleuls",
                "partner_id": self.customer.id,
                "site_id": self.tilleuls.id,
                "is_maintenance": True,
                "contract_type": "sale",
                "date_start": fields.Date.to_date("2026-01-01"),
                "recurring_rule_type": "yearly",
                "labour_coverage": "not_covered",
                "contract_line_ids": [
                    Command.create(
                        {
                            "product_id": product.id,
                            "name": "Entretien chaudière",
                            "quantity": 1,
                            "price_unit": 600.0,
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
        recurring = contract.recurring_create_invoice()
        start = datetime(2026, 3, 17, 8, 0)
        tilleuls = self._dossier(self.tilleuls, start, state="done", contract=contract)
        cedres = self._dossier(self.cedres, start, state="done")
        # an invoice per dossier (one per site)
        first = tilleuls._maintenance_create_invoices()
        second = cedres._maintenance_create_invoices()
        self.assertEqual(recurring.maintenance_contract_id, contract)
        self.assertEqual(first.maintenance_contract_id, contract)
        self.assertEqual((recurring | first).maintenance_site_id, self.tilleuls)
        self.assertEqual(second.maintenance_site_id, self.cedres)
        self.start_tour("/odoo", "maintenance_accountant_invoices_tour", login=accountant.login)
