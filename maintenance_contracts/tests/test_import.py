# Copyright 2026 Seed maintainers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The import templates, imported as the import screen does it: the
manager uploads each template's example file, Odoo maps its French headers
(``parse_preview``), tests it (``execute_import`` with ``dryrun``), imports
it, and validates the imported contracts in bulk from the list."""

import io

import openpyxl
from freezegun import freeze_time

from odoo.exceptions import AccessError, UserError
from odoo.tests import TransactionCase, new_test_user, tagged
from odoo.tools.misc import file_open

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
# the options the import screen sends
OPTIONS = {
    "has_headers": True,
    "advanced": True,
    "keep_matches": False,
    "quoting": '"',
    "separator": ",",
    "encoding": "",
    "sheet": "",
    "date_format": "",
    "datetime_format": "",
    "float_thousand_separator": ",",
    "float_decimal_separator": ".",
    "fallback_values": {},
    "name_create_enabled_fields": {},
    "import_set_empty_fields": [],
    "import_skip_records": [],
    "limit": 2000,
    "skip": 0,
    "tracking_disable": True,
}
# the list action's context (contract_contract_action_maintenance)
CONTRACT_CONTEXT = {
    "is_contract": 1,
    "default_contract_type": "sale",
    "default_is_maintenance": True,
}
TEMPLATES = {
    "res.partner": "customers_import_template.xlsx",
    "maintenance.site": "sites_import_template.xlsx",
    "maintenance.customer.equipment": "equipment_import_template.xlsx",
    "contract.contract": "contracts_import_template.xlsx",
}


class ImportCommon(TransactionCase):
    """The manager, French loaded, and the import screen's steps."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("fr_FR")
        cls.env["ir.module.module"]._load_module_terms(
            [
                "base",
                "uom",
                "product",
                "account",
                "contract",
                "base_import",
                "maintenance_contracts",
            ],
            ["fr_FR"],
        )
        # the salesperson of the example contracts, who imports them
        cls.manager = new_test_user(
            cls.env,
            login="import_manager",
            name="Sophie Martin",
            groups="maintenance_contracts.group_maintenance_manager",
            lang="fr_FR",
            salesperson_code="SM",
        )
        cls.technician = new_test_user(
            cls.env,
            login="import_technician",
            name="Julien Moreau",
            groups="maintenance_contracts.group_maintenance_technician",
            lang="fr_FR",
        )
        # the company's catalogue: the service products its contracts invoice
        cls.env["product.product"].create(
            [
                {"name": name, "type": "service"}
                for name in (
                    "Contrat d'entretien chaudière",
                    "Contrat d'entretien climatisation",
                    "Contrat d'entretien froid commercial",
                )
            ]
        )

    def _template_path(self, model):
        return f"maintenance_contracts/static/xls/{TEMPLATES[model]}"

    def _file(self, model):
        with file_open(self._template_path(model), "rb") as file:
            return file.read()

    def _import(self, model, content=None, dryrun=False):
        """Upload ``content`` (the template's example file by default) as the
        manager in French, map its columns as the screen proposes, then test
        (``dryrun``) or import it. Returns (result, columns, fields)."""
        context = {"lang": "fr_FR", **(CONTRACT_CONTEXT if model == "contract.contract" else {})}
        importer = (
            self.env["base_import.import"]
            .with_user(self.manager)
            .with_context(context)
            .create(
                {
                    "res_model": model,
                    "file": content or self._file(model),
                    "file_name": TEMPLATES[model],
                    "file_type": XLSX,
                }
            )
        )
        preview = importer.parse_preview(dict(OPTIONS))
        self.assertNotIn("error", preview)
        columns = preview["headers"]
        matches = preview["matches"] or {}
        fields = [
            "/".join(matches[index]) if index in matches else False for index in range(len(columns))
        ]
        self.assertNotIn(False, fields, f"columns the import screen does not map: {columns}")
        result = importer.execute_import(fields, columns, dict(OPTIONS), dryrun=dryrun)
        return result, columns, fields

    def _import_all(self):
        for model in TEMPLATES:
            result, _columns, _fields = self._import(model)
            self.assertFalse(
                [m for m in result["messages"] if m["type"] == "error"], f"{model}: {result}"
            )
            self.assertTrue(result["ids"])


@tagged("post_install", "-at_install")
class TestImportTemplates(ImportCommon):
    def test_templates_offered_in_french(self):
        """Each of the four models offers its template, whose French
        headers the import screen maps to the fields its Notes sheet names,
        with a note per column and an example line."""
        for model, filename in TEMPLATES.items():
            with self.subTest(model=model):
                templates = self.env[model].get_import_templates()
                self.assertIn(
                    f"/maintenance_contracts/static/xls/{filename}",
                    [template["template"] for template in templates],
                )
                book = openpyxl.load_workbook(io.BytesIO(self._file(model)))
                data, notes = book.worksheets
                self.assertEqual(notes.title, "Notes")
                headers = [cell.value for cell in data[1]]
                documented = {
                    row[0]: row[1] for row in notes.iter_rows(min_row=2, values_only=True) if row[1]
                }
                self.assertEqual(list(documented), headers)
                self.assertTrue(all(cell.comment for cell in data[1]), "a note per column")
                self.assertGreaterEqual(data.max_row, 3, "an example line at least")
                _result, columns, fields = self._import(model, dryrun=True)
                self.assertEqual(columns, headers)
                self.assertEqual(fields, [documented[header] for header in headers])

    def test_import_examples(self):
        """The four examples imported in order: relations found by name,
        VAT number, e-mail, code or serial number; contracts stay drafts."""
        self._import_all()
        Partner = self.env["res.partner"]
        horizon = Partner.search([("vat", "=", "FR19812345676"), ("is_company", "=", True)])
        self.assertEqual(horizon.name, "Syndic Horizon Immobilier")
        self.assertEqual(horizon.company_registry, "81234567600017")
        self.assertEqual(
            horizon.property_payment_term_id, self.env.ref("account.account_payment_term_30days")
        )
        self.assertEqual(horizon.ref, "CLI-00412")
        self.assertEqual(horizon.maintenance_origin_id.code, "TAKEOVER")
        contact = Partner.search([("email", "=", "c.durand@horizon-immo.fr")])
        self.assertEqual(contact.parent_id, horizon)
        martin = Partner.search([("vat", "=", "FR62904561230"), ("is_company", "=", True)])
        self.assertEqual(martin.property_payment_term_id.name, "End of Following Month")

        sites = self.env["maintenance.site"].search([("code", "in", ("TIL-01", "BML-01"))])
        tilleuls = sites.filtered(lambda site: site.code == "TIL-01")
        bakery = sites - tilleuls
        self.assertEqual(tilleuls.customer_id, horizon)
        self.assertEqual(tilleuls.site_contact_id, contact)
        self.assertIn("Digicode 4521B", str(tilleuls.access_instructions))
        self.assertEqual(bakery.customer_id, martin, "the customer found by its VAT number")

        Equipment = self.env["maintenance.customer.equipment"]
        boiler = Equipment.search([("serial_number", "=", "CHG-2019-0457")])
        cooler = Equipment.search([("serial_number", "=", "CLIM-22-8812")])
        cold_room = Equipment.search([("serial_number", "=", "CF-2020-113")])
        self.assertEqual(boiler.site_id, tilleuls)
        self.assertEqual(str(boiler.installation_date), "2019-10-15")
        self.assertEqual(cooler.refrigerant_id.name, "R410A")
        self.assertEqual(cooler.refrigerant_charge, 12.5)
        self.assertEqual(cooler.fgas_check_interval, 12)
        self.assertEqual(cold_room.site_id, bakery)
        self.assertTrue(cold_room.leak_detection)

        contracts = self.env["contract.contract"].search([("site_id", "in", sites.ids)])
        self.assertEqual(len(contracts), 2)
        heating = contracts.filtered(lambda contract: contract.site_id == tilleuls)
        self.assertEqual(heating.code, "CT-2019-0112")
        self.assertEqual(heating.partner_id, horizon)
        self.assertEqual(heating.salesperson_id, self.manager)
        self.assertEqual(heating.recurring_rule_type, "yearly")
        self.assertEqual(heating.contract_origin_id.code, "TAKEOVER")
        lines = heating.contract_line_ids.sorted("equipment_id")
        self.assertEqual(lines.equipment_id, boiler | cooler)
        self.assertEqual(set(lines.mapped("warranty_type_id.code")), {"REG-CHAUD", "REG-FGAS"})
        self.assertEqual(sum(lines.mapped("price_unit")), 1120.0)
        cold = contracts - heating
        self.assertEqual(cold.partner_id, martin)
        self.assertEqual(cold.salesperson_id, self.manager, "found by the salesperson code")
        self.assertEqual((cold.recurring_rule_type, cold.recurring_interval), ("monthly", 3))
        self.assertTrue(cold.code, "numbered by Odoo when the file gives no reference")
        self.assertEqual(cold.contract_line_ids.warranty_type_id.code, "COMPLET2")
        # imported contracts are not validated: no visit yet
        self.assertEqual(set(contracts.mapped("maintenance_state")), {"draft"})
        self.assertTrue(contracts.mapped("is_maintenance")[0])
        self.assertFalse(contracts.visit_ids)

    def _equipment_file(self, count):
        """``count`` equipment of the same site and refrigerant."""
        book = openpyxl.Workbook()
        sheet = book.active
        sheet.append(["Nom", "Site installé", "Numéro de série", "Fluide frigorigène"])
        for index in range(count):
            sheet.append([f"Climatiseur {index}", "TIL-01", f"CL-{count}-{index:04d}", "R32"])
        buffer = io.BytesIO()
        book.save(buffer)
        return buffer.getvalue()

    def test_a_value_is_searched_once_per_import(self):
        """The site and the refrigerant repeated on every line are searched
        once per import, not once per line: 40 lines cost the queries of 10."""
        for model in ("res.partner", "maintenance.site"):
            self._import(model)
        counts = []
        # the first import warms the caches up (registry, fields, rules)
        for count in (5, 10, 40):
            before = self.env.cr.sql_log_count
            result, _columns, _fields = self._import(
                "maintenance.customer.equipment", self._equipment_file(count)
            )
            counts.append(self.env.cr.sql_log_count - before)
            self.assertEqual(len(result["ids"]), count, result["messages"])
        # measured: 23 and 23 queries; 41 and 101 when each line searched
        # its site and its refrigerant
        self.assertLess(counts[2] - counts[1], 10, counts)

    def _with_cell(self, model, header, row, value):
        """The example file of ``model`` with the cell of column ``header``
        on spreadsheet line ``row`` replaced by ``value``."""
        book = openpyxl.load_workbook(io.BytesIO(self._file(model)))
        sheet = book.worksheets[0]
        column = [cell.value for cell in sheet[1]].index(header) + 1
        sheet.cell(row=row, column=column, value=value)
        buffer = io.BytesIO()
        book.save(buffer)
        return buffer.getvalue()

    def test_wrong_warranty_type_named_in_french(self):
        """A warranty type the database does not know: « Tester » names the
        line and the column in French, and neither the test nor the import
        writes anything."""
        for model in ("res.partner", "maintenance.site", "maintenance.customer.equipment"):
            self._import(model)
        Contract = self.env["contract.contract"]
        before = Contract.search_count([])
        content = self._with_cell(
            "contract.contract", "Lignes de contrat/Type de garantie", 4, "Entretien express"
        )
        for dryrun in (True, False):
            with self.subTest(dryrun=dryrun):
                result, _columns, _fields = self._import(
                    "contract.contract", content, dryrun=dryrun
                )
                errors = [m for m in result["messages"] if m["type"] == "error"]
                self.assertEqual(len(errors), 1, result["messages"])
                error = errors[0]
                # spreadsheet line 4: the third data line (rows count from 0)
                self.assertEqual(error["rows"], {"from": 2, "to": 2})
                self.assertEqual(error["field_path"], ["contract_line_ids", "warranty_type_id"])
                self.assertEqual(
                    error["message"],
                    "Aucun enregistrement trouvé pour nom 'Entretien express' dans le champ "
                    "'Lignes de contrat/Type de garantie'",
                )
                self.assertFalse(result["ids"])
                self.assertEqual(Contract.search_count([]), before)
        # the test of the right file writes nothing either
        result, _columns, _fields = self._import("contract.contract", dryrun=True)
        self.assertEqual(len(result["ids"]), 2)
        self.assertFalse([m for m in result["messages"] if m["type"] == "error"])
        self.assertEqual(Contract.search_count([]), before)

    @freeze_time("2026-12-08")
    def test_bulk_validation_creates_the_visits(self):
        """« Valider les contrats » on the list: the manager validates the
        imported drafts in one batch, which creates their visits; a
        technician cannot run it."""
        self._import_all()
        contracts = self.env["contract.contract"].search(
            [("site_id.code", "in", ("TIL-01", "BML-01"))]
        )
        action = self.env.ref("maintenance_contracts.contract_contract_action_validate_drafts")
        self.assertEqual(action.binding_model_id.model, "contract.contract")
        self.assertEqual(action.binding_view_types, "list")
        run_context = {"active_model": "contract.contract", "active_ids": contracts.ids}
        with self.assertRaises(AccessError):
            action.with_user(self.technician).with_context(run_context).run()
        self.assertFalse(contracts.visit_ids)
        result = action.with_user(self.manager).with_context(run_context, lang="fr_FR").run()
        self.assertEqual(result["params"]["message"], "2 contrats validés.")
        self.assertEqual(set(contracts.mapped("maintenance_state")), {"active"})
        for line in contracts.contract_line_ids:
            with self.subTest(line=line.name):
                self.assertEqual(line.maintenance_state, "validated")
                self.assertTrue(line.visit_ids)
                self.assertEqual(
                    min(line.visit_ids.mapped("due_date")), line.first_visit_date or line.date_start
                )
        # the drafts are done: running it again on them says so
        with self.assertRaisesRegex(UserError, "Aucun des contrats sélectionnés"):
            action.with_user(self.manager).with_context(run_context, lang="fr_FR").run()
