# Copyright 2026 Seed maintainers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from freezegun import freeze_time

from odoo.exceptions import AccessError
from odoo.tests import Form, new_test_user

from .common import MaintenanceCommon


@freeze_time("2027-01-01")
class TestAccess(MaintenanceCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.equipment = cls._create_equipment()
        cls.contract = cls._create_contract([(cls.equipment, cls.wt_full, {"price_unit": 950.0})])
        cls.contract.action_maintenance_validate()
        cls.other_company = cls.env["res.company"].create({"name": "Clim Services Sud"})
        cls.other_customer = cls.env["res.partner"].create(
            {"name": "Mairie de Nîmes", "is_company": True}
        )
        cls.other_site = cls.env["maintenance.site"].create(
            {
                "name": "Groupe scolaire Jean Jaurès",
                "customer_id": cls.other_customer.id,
                "company_id": cls.other_company.id,
            }
        )
        cls.other_equipment = cls.env["maintenance.customer.equipment"].create(
            {
                "name": "Climatiseur",
                "site_id": cls.other_site.id,
                "company_id": cls.other_company.id,
            }
        )

    def test_technician_reads_sites_equipment_visits(self):
        """The matrix: technicians read every site, equipment and visit of
        their company (1, not own), none of another company, and of a
        visit's contract only its name."""
        env = self.env(user=self.technician)
        self.assertEqual(env["maintenance.site"].search([]), self.site)
        self.assertEqual(env["maintenance.customer.equipment"].search([]), self.equipment)
        visits = env["maintenance.visit"].search([])
        self.assertEqual(visits, self.contract.visit_ids)
        self.assertEqual(len(visits), 2)
        other_visits = self.env["maintenance.visit"].search(
            [("company_id", "=", self.other_company.id)]
        )
        self.assertFalse(visits & other_visits)
        for record in (self.other_site, self.other_equipment):
            with self.assertRaises(AccessError):
                env[record._name].browse(record.id).read(["name"])
        # the contract's name shows on the visit, not the contract itself
        shown = visits[0].web_read({"contract_id": {"fields": {"display_name": {}}}})
        self.assertEqual(
            shown[0]["contract_id"], {"id": self.contract.id, "display_name": self.contract.name}
        )
        with self.assertRaises(AccessError):
            env["contract.contract"].browse(self.contract.id).read(["name"])

    def test_technician_never_sees_prices_or_invoices(self):
        env = self.env(user=self.technician)
        with self.assertRaises(AccessError):
            env["contract.contract"].browse(self.contract.id).read(["name"])
        with self.assertRaises(AccessError):
            env["contract.line"].browse(self.contract.contract_line_ids.id).read(["price_unit"])
        with self.assertRaises(AccessError):
            env["account.move"].search([])

    def test_technician_cannot_write(self):
        env = self.env(user=self.technician)
        with self.assertRaises(AccessError):
            env["maintenance.site"].browse(self.site.id).write({"code": "X"})
        with self.assertRaises(AccessError):
            env["maintenance.visit"].browse(self.contract.visit_ids[0].id).write({"state": "done"})
        with self.assertRaises(AccessError):
            env["maintenance.warranty.type"].create({"name": "x", "code": "x"})
        with self.assertRaises(AccessError):
            self.contract.with_user(self.technician).action_maintenance_validate()

    def test_other_company_invisible(self):
        for user in (self.technician, self.manager, self.admin):
            env = self.env(user=user)
            self.assertNotIn(self.other_site, env["maintenance.site"].search([]))
            self.assertNotIn(self.other_equipment, env["maintenance.customer.equipment"].search([]))
            with self.assertRaises(AccessError):
                env["maintenance.site"].browse(self.other_site.id).read(["name"])

    def test_manager_runs_contracts_but_not_configuration(self):
        env = self.env(user=self.manager)
        contract = env["contract.contract"].browse(self.contract.id)
        self.assertEqual(contract.contract_line_ids.price_unit, 950.0)
        with self.assertRaises(AccessError):
            env["maintenance.warranty.type"].create({"name": "x", "code": "x"})
        with self.assertRaises(AccessError):
            env["maintenance.sector"].create({"name": "x"})

    def test_admin_configures(self):
        env = self.env(user=self.admin)
        wtype = env["maintenance.warranty.type"].create(
            {"name": "Trimestriel", "code": "TRIM", "visit_interval": 3}
        )
        self.assertEqual(wtype.visits_per_year, 4.0)

    def test_accountant_reads_contracts(self):
        env = self.env(user=self.accountant)
        self.assertEqual(
            env["contract.contract"].search([("id", "=", self.contract.id)]), self.contract
        )
        with self.assertRaises(AccessError):
            env["maintenance.site"].browse(self.site.id).write({"code": "X"})


@freeze_time("2027-01-01")
class TestManagerScreens(MaintenanceCommon):
    """The operations manager opens and edits contracts without accounting rights."""

    def test_manager_opens_and_edits_a_contract_form(self):
        equipment = self._create_equipment()
        contract = self._create_contract([(equipment, self.wt_full, {})])
        view = self.env.ref("contract.contract_contract_customer_form_view")
        with Form(contract.with_user(self.manager), view=view) as form:
            form.name = "Contrat chaufferie Tilleuls"
        self.assertEqual(contract.name, "Contrat chaufferie Tilleuls")
        self.assertTrue(contract.with_user(self.manager).currency_id)
        contract.with_user(self.manager).action_maintenance_validate()
        self.assertEqual(contract.maintenance_state, "active")

    def test_manager_creates_a_contract_in_the_form(self):
        equipment = self._create_equipment()
        view = self.env.ref("contract.contract_contract_customer_form_view")
        Contract = self.env["contract.contract"].with_user(self.manager)
        with Form(Contract.with_context(default_is_maintenance=True), view=view) as form:
            form.name = "Nouveau contrat"
            form.partner_id = self.customer
            form.site_id = self.site
            with form.contract_line_fixed_ids.new() as line:
                line.product_id = self.product
                line.equipment_id = equipment
                line.warranty_type_id = self.wt_full
                line.price_unit = 800.0
        contract = form.record
        self.assertEqual(contract.contract_line_ids.equipment_id, equipment)
        contract.action_maintenance_validate()
        self.assertEqual(len(contract.visit_ids), 2)


@freeze_time("2027-01-01")
class TestPortalAccess(MaintenanceCommon):
    """A customer's contact on the portal reads their own contract lines only."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.contract = cls._create_contract(
            [(cls._create_equipment(), cls.wt_full, {"price_unit": 950.0})]
        )
        other_customer = cls.env["res.partner"].create(
            {"name": "Copropriété Le Belvédère", "is_company": True}
        )
        other_site = cls.env["maintenance.site"].create(
            {"name": "Le Belvédère", "customer_id": other_customer.id}
        )
        cls.other_contract = cls._create_contract(
            [(cls._create_equipment(site=other_site), cls.wt_full, {"price_unit": 1300.0})],
            site=other_site,
        )
        cls.portal_user = new_test_user(
            cls.env, login="mc_portal", name="Marie Roux", groups="base.group_portal"
        )
        cls.portal_user.partner_id.parent_id = cls.customer
        # the customer's contact follows their contract, as OCA's portal rule expects
        cls.contract.message_subscribe(partner_ids=cls.portal_user.partner_id.ids)

    def test_portal_reads_own_lines_not_other_customers(self):
        Line = self.env["contract.line"].with_user(self.portal_user)
        own = self.contract.contract_line_ids
        other = self.other_contract.contract_line_ids
        found = Line.search_read([], ["price_unit", "specific_price", "equipment_id"])
        self.assertEqual([row["id"] for row in found], own.ids)
        self.assertEqual(found[0]["price_unit"], 950.0)
        self.assertFalse(Line.search([("id", "in", other.ids)]))
        with self.assertRaises(AccessError):
            Line.browse(other.ids).read(["price_unit"])
        self.assertEqual(Line.browse(own.ids).read(["price_unit"])[0]["price_unit"], 950.0)


@freeze_time("2027-01-01")
class TestManagerAccounting(MaintenanceCommon):
    """Least privilege: the operations manager opens a contract form and its
    invoices, without Odoo's read-only accounting group (no bank journal,
    no other journal entry)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.contract = cls._create_contract([(cls._create_equipment(), cls.wt_full, {})])
        cls.contract.action_maintenance_validate()
        cls.invoice = cls.contract.recurring_create_invoice()
        cls.bank_journal = cls.env["account.journal"].search(
            [("type", "=", "bank"), ("company_id", "=", cls.company.id)], limit=1
        )
        cls.misc_entry = cls.env["account.move"].create(
            {
                "move_type": "entry",
                "journal_id": cls.env["account.journal"]
                .search([("type", "=", "general"), ("company_id", "=", cls.company.id)], limit=1)
                .id,
            }
        )

    def test_manager_has_no_accounting_group(self):
        self.assertFalse(self.manager.has_group("account.group_account_readonly"))
        self.assertFalse(self.manager.has_group("account.group_account_invoice"))

    def test_manager_opens_the_contract_form_and_its_invoices(self):
        contract = self.contract.with_user(self.manager)
        view = contract.get_views([(False, "form")])
        fields = contract._fields
        spec = {
            name: {"fields": {"display_name": {}}} if fields[name].type == "many2one" else {}
            for name in view["models"]["contract.contract"]["fields"]
            if name in fields and fields[name].type not in ("one2many", "many2many")
        }
        self.assertIn("journal_id", spec)
        [values] = contract.web_read(spec)
        self.assertEqual(values["journal_id"]["id"], self.contract.journal_id.id)
        self.assertEqual(
            values["journal_id"]["display_name"], self.contract.journal_id.display_name
        )
        self.assertEqual(values["invoice_count"], 1)
        action = contract.action_show_invoices()
        invoices = (
            self.env["account.move"]
            .with_user(self.manager)
            .search_read(action["domain"], ["name", "amount_total", "invoice_line_ids"])
        )
        self.assertEqual([row["id"] for row in invoices], self.invoice.ids)

    def test_manager_reads_no_bank_journal_nor_other_entries(self):
        env = self.env(user=self.manager)
        self.assertTrue(self.bank_journal)
        self.assertNotIn(self.bank_journal, env["account.journal"].search([]))
        with self.assertRaises(AccessError):
            env["account.journal"].browse(self.bank_journal.id).read(["name"])
        self.assertEqual(env["account.move"].search([]), self.invoice)
        with self.assertRaises(AccessError):
            env["account.move"].browse(self.misc_entry.id).read(["name"])
        with self.assertRaises(AccessError):
            env["account.move"].browse(self.invoice.id).write({"ref": "x"})
