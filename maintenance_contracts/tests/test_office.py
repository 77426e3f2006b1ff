# Copyright 2026 Seed maintainers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The office's daily work, as each role: the operations manager creates
customers, contacts and sites; the accountant opens a maintenance contract;
invoices speak the customer's language."""

from freezegun import freeze_time
from lxml import etree
from psycopg2 import IntegrityError

from odoo.tests import Form
from odoo.tools import mute_logger
from odoo.tools.safe_eval import safe_eval

from .common import MaintenanceCommon


def form_spec(env, model, view_id=None):
    """The web client's ``web_read`` specification of a form view: every
    field of the form, many2ones with their name, x2manys with the fields of
    their embedded views (as ``get_views`` gives them)."""
    views = env[model].get_views([(view_id, "form")])
    models = views["models"]

    def spec_of(model_name, field_names, depth=0):
        fields_info = env[model_name].fields_get(list(field_names))
        spec = {}
        for name in field_names:
            field = fields_info.get(name, {})
            if field.get("type") in ("many2one", "many2many") and field.get("relation"):
                spec[name] = {"fields": {"display_name": {}}}
            elif field.get("type") == "one2many" and depth < 2:
                comodel = field["relation"]
                sub = [f for f in models.get(comodel, {}).get("fields", {}) if f != "id"]
                spec[name] = {"fields": spec_of(comodel, sub, depth + 1)}
            else:
                spec[name] = {}
        return spec

    arch = etree.fromstring(views["views"]["form"]["arch"])
    # only the fields of the form itself (not those of its embedded views)
    names = {
        node.get("name")
        for node in arch.iter("field")
        if not any(parent.tag in ("list", "kanban", "form") for parent in node.iterancestors())
        or next(node.iterancestors("form", "list", "kanban")) is arch
    }
    return spec_of(model, sorted(names))


@freeze_time("2027-01-01")
class TestManagerCreatesCustomers(MaintenanceCommon):
    def test_manager_creates_customer_contact_and_site(self):
        Partner = self.env["res.partner"].with_user(self.manager)
        customer = Partner.create({"name": "Résidence Le Parc", "is_company": True})
        contact = Partner.create(
            {"name": "Mme Durand", "parent_id": customer.id, "type": "contact"}
        )
        customer.write({"phone": "+33 4 78 00 00 00"})
        site = (
            self.env["maintenance.site"]
            .with_user(self.manager)
            .create(
                {
                    "name": "Résidence Le Parc - Bâtiment A",
                    "customer_id": customer.id,
                    "site_contact_id": contact.id,
                    "city": "Lyon",
                }
            )
        )
        self.assertEqual(site.partner_id.parent_id, customer)
        self.assertEqual(contact.parent_id, customer)

    def test_manager_creates_a_customer_in_the_form(self):
        Partner = self.env["res.partner"].with_user(self.manager)
        with Form(Partner.with_context(default_is_company=True)) as form:
            form.name = "Syndic Confluence"
        self.assertTrue(form.record.is_company)
        self.assertTrue(Partner.has_access("create"))

    def test_admin_creates_a_site(self):
        site = (
            self.env["maintenance.site"]
            .with_user(self.admin)
            .create({"name": "Gymnase", "customer_id": self.customer.id})
        )
        self.assertEqual(site.customer_id, self.customer)


@freeze_time("2027-01-01")
class TestAccountantOpensContract(MaintenanceCommon):
    def test_accountant_opens_a_maintenance_contract(self):
        equipment = self._create_equipment()
        contract = self._create_contract([(equipment, self.wt_full, {"price_unit": 950.0})])
        contract.action_maintenance_validate()
        contract.recurring_create_invoice()
        accountant_env = self.env(user=self.accountant)
        # Invoicing > Customers > Contracts: OCA's action and form view
        action = accountant_env["ir.actions.act_window"]._for_xml_id(
            "contract.action_customer_contract"
        )
        context = safe_eval(action.get("context") or "{}", {"active_id": False})
        Contract = accountant_env["contract.contract"].with_context(**context)
        form_view = next((v for v, mode in action["views"] if mode == "form"), None)
        spec = form_spec(accountant_env, "contract.contract", form_view)
        self.assertIn("visit_count", spec)
        self.assertIn("contract_line_fixed_ids", spec)
        [values] = Contract.browse(contract.id).web_read(spec)
        self.assertEqual(values["visit_count"], 2)
        # the list of the form and the contract's invoices
        Contract.get_views([(False, "list"), (False, "search")])
        invoices = Contract.browse(contract.id)._get_related_invoices()
        self.assertTrue(invoices)
        invoices.with_user(self.accountant).web_read(form_spec(accountant_env, "account.move"))


@freeze_time("2027-01-01")
class TestInvoiceLanguage(MaintenanceCommon):
    """Invoice lines and the invoice's chatter in the customer's language,
    with its date format, whatever the language of the job."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("fr_FR")
        cls.env["res.lang"]._activate_lang("en_US")
        cls.env.ref("base.module_maintenance_contracts")._update_translations(["fr_FR"])

    def _invoice_of(self, lang, job_lang):
        self.customer.lang = lang
        equipment = self._create_equipment()
        contract = self._create_contract(
            [(equipment, self.wt_full, {"price_unit": 1200.0})],
            recurring_rule_type="monthly",
            recurring_invoicing_type="pre-paid",
        )
        contract.action_maintenance_validate()
        return contract.with_context(lang=job_lang).recurring_create_invoice()

    def test_french_customer_gets_french_lines(self):
        invoice = self._invoice_of("fr_FR", job_lang="en_US")
        name = invoice.invoice_line_ids.name
        self.assertIn("Site : Résidence Les Tilleuls", name)
        self.assertIn("Période du 01/01/2027 au 31/01/2027", name)
        self.assertNotIn("Period from", name)
        chatter = invoice.message_ids.mapped("body")
        self.assertTrue(any("par contrat" in body for body in chatter), chatter)

    def test_english_customer_gets_english_lines(self):
        invoice = self._invoice_of("en_US", job_lang="fr_FR")
        name = invoice.invoice_line_ids.name
        self.assertIn("Site: Résidence Les Tilleuls", name)
        self.assertIn("Period from 01/01/2027 to 01/31/2027", name)

    def test_oca_markers_in_customer_format(self):
        self.customer.lang = "fr_FR"
        equipment = self._create_equipment()
        contract = self._create_contract(
            [(equipment, self.wt_full, {"name": "Entretien du #START# au #END#"})],
            recurring_rule_type="monthly",
        )
        contract.action_maintenance_validate()
        invoice = contract.with_context(lang="en_US").recurring_create_invoice()
        self.assertIn("Entretien du 01/01/2027 au 31/01/2027", invoice.invoice_line_ids.name)


@freeze_time("2027-01-01")
class TestOfficeScreens(MaintenanceCommon):
    def test_equipment_created_from_a_new_site(self):
        """The equipment tab of a site not saved yet: one save for both."""
        Site = self.env["maintenance.site"].with_user(self.manager)
        with Form(Site) as form:
            form.name = "Résidence Le Parc"
            form.customer_id = self.customer
            with form.equipment_ids.new() as equipment:
                equipment.name = "Chaudière gaz 120 kW"
                equipment.serial_number = "PARC-0001"
        site = form.record
        self.assertEqual(site.equipment_ids.mapped("name"), ["Chaudière gaz 120 kW"])
        self.assertEqual(site.equipment_ids.site_id, site)

    def test_new_contract_gets_a_unique_reference(self):
        equipment = self._create_equipment(2)
        first = self._create_contract([(equipment[0], self.wt_full, {})])
        second = self._create_contract([(equipment[1], self.wt_full, {})])
        self.assertRegex(first.code, r"^CTR/2027/\d{5}$")
        self.assertNotEqual(first.code, second.code)
        with self.assertRaises(IntegrityError), mute_logger("odoo.sql_db"):
            second.code = first.code
            second.flush_recordset()

    def test_validation_confirms(self):
        equipment = self._create_equipment()
        contract = self._create_contract([(equipment, self.wt_full, {})])
        action = contract.with_user(self.manager).action_maintenance_validate()
        self.assertEqual(action["tag"], "display_notification")
        self.assertIn("2", action["params"]["message"])
        self.assertEqual(action["params"]["next"]["tag"], "soft_reload")
        self.assertIn("Contract validated", contract.message_ids[:1].body)

    def test_only_site_proposed(self):
        Contract = self.env["contract.contract"].with_user(self.manager)
        view = self.env.ref("contract.contract_contract_customer_form_view")
        with Form(Contract.with_context(default_is_maintenance=True), view=view) as form:
            form.name = "Contrat"
            form.partner_id = self.customer
            self.assertEqual(form.site_id, self.site)
            other = self.env["res.partner"].create({"name": "Deux sites", "is_company": True})
            self.env["maintenance.site"].create(
                [{"name": f"Site {i}", "customer_id": other.id} for i in (1, 2)]
            )
            form.partner_id = other
            self.assertFalse(form.site_id, "two sites: the manager chooses")
            form.partner_id = self.customer
            form.site_id = self.site

    def test_invoicing_type_in_french(self):
        self.env["res.lang"]._activate_lang("fr_FR")
        self.env.ref("base.module_maintenance_contracts")._update_translations(["fr_FR"])
        for model in ("contract.contract", "contract.line"):
            labels = dict(
                self.env[model]
                .with_context(lang="fr_FR")
                .fields_get(["recurring_invoicing_type"])["recurring_invoicing_type"]["selection"]
            )
            self.assertEqual(labels, {"pre-paid": "À échoir", "post-paid": "Échu"})

    def test_contract_created_from_the_site(self):
        """The site's Contracts button creates a maintenance contract of
        that site and customer."""
        action = self.site.with_user(self.manager).action_view_contracts()
        Contract = self.env["contract.contract"].with_user(self.manager)
        view = self.env.ref("contract.contract_contract_customer_form_view")
        with Form(Contract.with_context(**action["context"]), view=view) as form:
            form.name = "Contrat du site"
            self.assertEqual(form.site_id, self.site)
            self.assertEqual(form.partner_id, self.customer)
        self.assertTrue(form.record.is_maintenance)

    def test_visit_name_with_a_french_date(self):
        self.env["res.lang"]._activate_lang("fr_FR")
        equipment = self._create_equipment()
        contract = self._create_contract([(equipment, self.wt_full, {})])
        contract.action_maintenance_validate()
        visit = contract.visit_ids.sorted("due_date")[0]
        self.assertEqual(
            visit.with_context(lang="fr_FR").display_name, f"{equipment.name} - 01/01/2027"
        )
