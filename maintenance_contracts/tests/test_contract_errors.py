# Copyright 2026 Seed maintainers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import psycopg2
from freezegun import freeze_time

from odoo import Command
from odoo.exceptions import UserError, ValidationError
from odoo.tools import mute_logger

from .common import MaintenanceCommon


@freeze_time("2027-01-01")
class TestContractErrors(MaintenanceCommon):
    """Invalid input gives a clear error and creates nothing."""

    def _assert_refused(self, contract, message):
        with self.assertRaisesRegex((UserError, ValidationError), message):
            contract.action_maintenance_validate()
        self.assertEqual(contract.maintenance_state, "draft")
        self.assertFalse(self.env["maintenance.visit"].search([("contract_id", "=", contract.id)]))
        self.assertFalse(
            contract.contract_line_ids.filtered(lambda line: line.maintenance_state != "draft")
        )

    def test_no_site(self):
        equipment = self._create_equipment()
        contract = self._create_contract([(equipment, self.wt_full, {})])
        contract.site_id = False
        self._assert_refused(contract, "has no installed site")

    def test_no_covered_product(self):
        contract = self._create_contract([])
        self._assert_refused(contract, "has no covered product")

    def test_no_equipment(self):
        equipment = self._create_equipment()
        contract = self._create_contract([(equipment, self.wt_full, {})])
        contract.contract_line_ids.equipment_id = False
        self._assert_refused(contract, "has no equipment")

    def test_no_warranty_type_on_the_only_line(self):
        equipment = self._create_equipment()
        contract = self._create_contract([(equipment, self.wt_full, {})])
        contract.contract_line_ids.warranty_type_id = False
        self._assert_refused(contract, "Entretien Chaudière 1 has no warranty type")

    def test_forgotten_warranty_type_refuses_the_contract(self):
        """A line with an equipment but no warranty type is a forgotten
        warranty type: refused, named, nothing created (the other line too)."""
        eq1, eq2 = self._create_equipment(2)
        contract = self._create_contract([(eq1, self.wt_full, {}), (eq2, self.wt_full, {})])
        contract.contract_line_ids[1].warranty_type_id = False
        with self.assertRaisesRegex(
            ValidationError, "Covered product Entretien Chaudière 2 has no warranty type"
        ):
            contract.with_user(self.manager).action_maintenance_validate()
        self.assertEqual(contract.maintenance_state, "draft")
        self.assertEqual(set(contract.contract_line_ids.mapped("maintenance_state")), {"draft"})
        self.assertFalse(self.env["maintenance.visit"].search([("contract_id", "=", contract.id)]))

    def test_forgotten_warranty_type_refuses_the_line(self):
        equipment = self._create_equipment()
        contract = self._create_contract([(equipment, self.wt_full, {})])
        line = contract.contract_line_ids
        line.warranty_type_id = False
        with self.assertRaisesRegex(ValidationError, "Entretien Chaudière 1 has no warranty type"):
            line.with_user(self.manager).action_maintenance_validate()
        self.assertEqual(line.maintenance_state, "draft")

    def test_plain_billing_line_stays_a_billing_line(self):
        equipment = self._create_equipment()
        contract = self._create_contract(
            [(equipment, self.wt_full, {}), (equipment, self.wt_full, {"name": "Astreinte"})]
        )
        billing = contract.contract_line_ids.filtered(lambda line: line.name == "Astreinte")
        billing.write({"equipment_id": False, "warranty_type_id": False})
        contract.with_user(self.manager).action_maintenance_validate()
        self.assertEqual(contract.maintenance_state, "active")
        self.assertEqual(billing.maintenance_state, "draft")
        self.assertTrue(billing.with_user(self.manager).action_maintenance_validate())
        self.assertEqual(len(contract.visit_ids), 2)

    def test_one_bad_line_refuses_all(self):
        eq1, eq2 = self._create_equipment(2)
        contract = self._create_contract([(eq1, self.wt_full, {}), (eq2, self.wt_full, {})])
        contract.contract_line_ids[1].equipment_id = False
        self._assert_refused(contract, "has no equipment")

    def test_periodicity_zero(self):
        with (
            self.assertRaisesRegex(ValidationError, "at least 1 week or 1 month"),
            self.env.cr.savepoint(),
        ):
            self.env["maintenance.warranty.type"].create(
                {"name": "Bad", "code": "BAD", "visit_interval_unit": "month", "visit_interval": 0}
            )
        self.assertFalse(self.env["maintenance.warranty.type"].search([("code", "=", "BAD")]))

    def test_end_before_start(self):
        """Our validation check, not OCA's invoicing checks: a covered product
        whose end date is before its start is named and nothing is created."""
        equipment = self._create_equipment()
        contract = self._create_contract([(equipment, self.wt_full, {})])
        # the contract's end date, before the line's start (OCA only compares
        # a line's own dates)
        contract.date_end = "2026-12-01"
        self._assert_refused(contract, "Entretien Chaudière 1 ends before it starts")

    def test_first_visit_after_the_end(self):
        equipment = self._create_equipment()
        contract = self._create_contract(
            [
                (
                    equipment,
                    self.wt_full,
                    {"first_visit_date": "2027-09-01", "date_end": "2027-06-30"},
                )
            ],
            line_recurrence=True,
        )
        self._assert_refused(contract, "Entretien Chaudière 1 ends before its first visit date")

    def test_terminate_before_start_refused(self):
        equipment = self._create_equipment()
        contract = self._create_contract([(equipment, self.wt_full, {})])
        contract.action_maintenance_validate()
        wizard = self.env["maintenance.contract.terminate"].create(
            {"contract_id": contract.id, "termination_date": "2026-06-01", "reason": "x"}
        )
        with self.assertRaisesRegex(UserError, "cannot end before it starts"):
            wizard.action_terminate()
        self.assertEqual(contract.maintenance_state, "active")

    def test_equipment_of_another_site(self):
        other_site = self.env["maintenance.site"].create(
            {"name": "Autre site", "customer_id": self.customer.id, "city": "Villeurbanne"}
        )
        foreign = self._create_equipment(site=other_site, name="Pompe")
        with self.assertRaisesRegex(ValidationError, "not at the contract's site"):
            self._create_contract([(foreign, self.wt_full, {})])

    def test_visit_group_of_another_site(self):
        other_site = self.env["maintenance.site"].create(
            {"name": "Autre site", "customer_id": self.customer.id}
        )
        group = self.env["maintenance.visit.group"].create({"name": "G", "site_id": other_site.id})
        equipment = self._create_equipment()
        with self.assertRaisesRegex(ValidationError, "cannot gather products"):
            self._create_contract([(equipment, self.wt_full, {"visit_group_id": group.id})])

    def test_unique_serial_per_product(self):
        self.env["maintenance.customer.equipment"].create(
            {
                "name": "A",
                "site_id": self.site.id,
                "serial_number": "SN1",
                "product_id": self.product.id,
            }
        )
        with (
            self.assertRaises(psycopg2.IntegrityError),
            mute_logger("odoo.sql_db"),
            self.env.cr.savepoint(),
        ):
            self.env["maintenance.customer.equipment"].create(
                {
                    "name": "B",
                    "site_id": self.site.id,
                    "serial_number": "SN1",
                    "product_id": self.product.id,
                }
            )
            self.env.flush_all()

    def test_contract_without_lines_command(self):
        contract = self._create_contract([], contract_line_ids=[Command.clear()])
        self.assertFalse(contract.contract_line_ids)


@freeze_time("2027-01-01")
class TestErrorsInFrench(MaintenanceCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("fr_FR")
        cls.env["ir.module.module"]._load_module_terms(["maintenance_contracts"], ["fr_FR"])

    def test_validation_error_is_in_french(self):
        equipment = self._create_equipment()
        contract = self._create_contract([(equipment, self.wt_full, {})])
        contract.contract_line_ids.equipment_id = False
        french = contract.with_user(self.manager).with_context(lang="fr_FR")
        with self.assertRaises(ValidationError) as caught:
            french.action_maintenance_validate()
        message = str(caught.exception)
        self.assertIn("n'a pas d'équipement", message)
        self.assertIn("Entretien Chaudière 1", message)
        self.assertEqual(contract.maintenance_state, "draft")


@freeze_time("2027-01-01")
class TestCompanyAndSizeChecks(MaintenanceCommon):
    def test_warranty_type_of_another_company_refused(self):
        other_company = self.env["res.company"].create({"name": "Clim Services Sud"})
        foreign_type = self.wt_full.copy({"code": "SUD", "company_id": other_company.id})
        contract = self._create_contract([(self._create_equipment(), self.wt_full, {})])
        line = contract.contract_line_ids
        self.admin.write({"company_ids": [Command.link(other_company.id)]})
        with self.assertRaises(UserError), self.env.cr.savepoint():
            line.with_user(self.admin).write({"warranty_type_id": foreign_type.id})
        self.assertEqual(line.warranty_type_id, self.wt_full)
        # a shared warranty type (no company) fits every company
        line.with_user(self.manager).warranty_type_id = self.wt_preventive
        self.assertFalse(self.wt_preventive.company_id)

    def test_termination_reason_too_long_refused(self):
        contract = self._create_contract([(self._create_equipment(), self.wt_full, {})])
        contract.action_maintenance_validate()
        with self.assertRaisesRegex(ValidationError, "The reason is too long"):
            self.env["maintenance.contract.terminate"].with_user(self.manager).create(
                {"contract_id": contract.id, "termination_date": "2027-06-30", "reason": "x" * 2001}
            )
        self.assertEqual(contract.maintenance_state, "active")
