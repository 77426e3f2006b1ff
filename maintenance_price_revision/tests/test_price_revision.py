# Copyright 2026 Seed maintainers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from decimal import Decimal

from freezegun import freeze_time

from odoo import Command, fields
from odoo.exceptions import ValidationError
from odoo.tests import Form

from .price_revision_common import PriceRevisionCommon


@freeze_time("2027-01-01")
class TestPriceRevisionComputation(PriceRevisionCommon):
    """Worked examples computed by hand: P = P0 x (a + sum(b x I / I0))."""

    def test_worked_example_syntec_15_85(self):
        contract = self._revisable_contract()
        self.assertEqual(contract.price_revision_next_date, fields.Date.to_date("2028-01-01"))
        self.assertEqual(contract.contract_line_ids.price_initial, 1200.0, "P0 set at validation")
        result = self._preview(contract)
        self.assertFalse(result["error"])
        # by hand: 0.15 + 0.85 x 281.1 / 270.5 = 0.15 + 0.85 x 1.0391866913...
        #        = 1.0333086876..., rounded up to the thousandth: 1.034
        self.assertAlmostEqual(float(result["coefficient_raw"]), 1.0333086876, places=9)
        self.assertEqual(result["coefficient"], Decimal("1.034"))
        # 1,200.00 x 1.034 = 1,240.80
        self.assertEqual(result["lines"][0]["new_price"], 1240.80)
        self.assertEqual(
            [(t["month"], t["value"], t["base_month"], t["base_value"]) for t in result["terms"]],
            [("2027-10", "281.1", "2026-10", "270.5")],
        )
        self.assertEqual(self._prices(contract), [1200.0], "a preview writes nothing")
        self.assertFalse(contract.price_revision_ids)

    def test_coefficient_rounding_methods(self):
        expected = {
            "up": (Decimal("1.034"), 1240.80),
            "half_up": (Decimal("1.033"), 1239.60),
            "down": (Decimal("1.033"), 1239.60),
        }
        for method, (coefficient, price) in expected.items():
            self.syntec_formula.coefficient_rounding = method
            result = self._preview(self._revisable_contract())
            self.assertEqual(result["coefficient"], coefficient, method)
            self.assertEqual(result["lines"][0]["new_price"], price, method)
        # 4 digits, half up: 1.0333086... -> 1.0333 -> 1,239.96
        self.syntec_formula.write({"coefficient_digits": 4, "coefficient_rounding": "half_up"})
        result = self._preview(self._revisable_contract())
        self.assertEqual(result["coefficient"], Decimal("1.0333"))
        self.assertEqual(result["lines"][0]["new_price"], 1239.96)

    def test_price_rounding_digits(self):
        # 1,000.25 x 1.034 = 1,034.2585: currency 1,034.26; 0 decimals 1,034
        result = self._preview(self._revisable_contract(price=1000.25))
        self.assertEqual(result["lines"][0]["new_price"], 1034.26)
        self.syntec_formula.write({"price_rounding": "digits", "price_digits": 0})
        result = self._preview(self._revisable_contract(price=1000.25))
        self.assertEqual(result["lines"][0]["new_price"], 1034.0)

    def test_weights_must_add_up_to_one(self):
        with self.assertRaises(ValidationError), self.cr.savepoint():
            self._formula("Bad", 0.2, [(self.syntec, 0.85)])
        with self.assertRaises(ValidationError), self.cr.savepoint():
            self.syntec_formula.term_ids.weight = 0.80
        # within the 1e-6 tolerance
        formula = self._formula("Tolerance", 0.15, [(self.syntec, 0.8499995)])
        self.assertTrue(formula)
        # the form saves the fixed part and the weights together
        self.syntec_formula.write(
            {
                "fixed_part": 0.2,
                "term_ids": [Command.update(self.syntec_formula.term_ids.id, {"weight": 0.8})],
            }
        )
        self.assertEqual(
            self.syntec_formula.computed_expression, "P = P0 x (0.2 + 0.8 x T-SYNTEC/T-SYNTEC0)"
        )

    def test_floor_keeps_the_price(self):
        # never below P0: I fell to 260.0 -> 0.15 + 0.85 x 260 / 270.5 = 0.96700..., floor 1.0
        self.syntec.value_ids.filtered(lambda v: v.month.year == 2027).value = 260.0
        self.syntec_formula.floor_coefficient = 1.0
        result = self._preview(self._revisable_contract())
        self.assertEqual(result["coefficient_rounded"], Decimal("0.968"))
        self.assertEqual(result["coefficient"], Decimal(1))
        self.assertEqual(result["limit_effect"], "floor")
        self.assertEqual(result["lines"][0]["new_price"], 1200.0)

    def test_cap_limits_the_increase(self):
        # I rose to 300.0 -> 0.15 + 0.85 x 300 / 270.5 = 1.0926987..., up 1.093, cap 1.05
        self.syntec.value_ids.filtered(lambda v: v.month.year == 2027).value = 300.0
        self.syntec_formula.cap_coefficient = 1.05
        result = self._preview(self._revisable_contract())
        self.assertEqual(result["coefficient_rounded"], Decimal("1.093"))
        self.assertEqual(result["coefficient"], Decimal("1.05"))
        self.assertEqual(result["limit_effect"], "cap")
        self.assertEqual(result["lines"][0]["new_price"], 1260.0)

    def test_threshold_leaves_price_and_base_unchanged(self):
        # I = 272.0 -> 0.15 + 0.85 x 272 / 270.5 = 1.0047134..., up 1.005: +0.5 % < 1 %
        self.syntec.value_ids.filtered(lambda v: v.month.year == 2027).value = 272.0
        self.syntec_formula.threshold = 0.01
        contract = self._revisable_contract()
        with freeze_time("2028-01-01"):
            revisions, errors = self._revise(contract)
        self.assertFalse(errors)
        self.assertEqual(revisions.state, "skipped")
        self.assertEqual(revisions.limit_effect, "threshold")
        self.assertEqual(self._prices(contract), [1200.0])
        self.assertEqual(contract.price_revision_next_date, fields.Date.to_date("2029-01-01"))
        # next year the variation is measured from I0 (2026-10), not from 272.0:
        # 0.15 + 0.85 x 276.0 / 270.5 = 1.0172828..., up 1.018 -> 1,221.60
        self._values(self.syntec, {"2028-10": 276.0})
        with freeze_time("2029-01-01"):
            revisions, errors = self._revise(contract)
        self.assertEqual(revisions.state, "done")
        self.assertEqual(revisions.index_values["terms"][0]["base_value"], "270.5")
        self.assertEqual(self._prices(contract), [1221.60])

    def test_lag_rule(self):
        contract = self._revisable_contract()
        self._values(self.syntec, {"2027-11": 283.0, "2027-12": 284.0})
        # 3 months before January 2028: October 2027, whatever is published after
        self.assertEqual(self._preview(contract)["terms"][0]["month"], "2027-10")
        self.syntec_formula.reference_lag_months = 1
        self.assertEqual(self._preview(contract)["terms"][0]["value"], "284")
        # the month of the revision itself: not known, not guessed
        self.syntec_formula.reference_lag_months = 0
        result = self._preview(contract)
        self.assertIn("No value of index", result["error"])
        self.assertIn("for January 2028", result["error"])

    def test_last_published_rule(self):
        self.syntec_formula.reference_month_rule = "last_published"
        contract = self._revisable_contract()
        self.syntec.value_ids.filtered(
            lambda v: v.month.year == 2027
        ).publication_date = "2027-11-28"
        # November's value came out after the revision date: not usable then
        self._values(self.syntec, {"2027-11": 283.0}, publication_date="2028-01-05")
        # a value for the month of the revision is never "published" at its start
        self._values(self.syntec, {"2028-01": 299.0})
        result = self._preview(contract)
        self.assertEqual(
            (result["terms"][0]["month"], result["terms"][0]["value"]), ("2027-10", "281.1")
        )
        # revising later, on 10 January: November's value is the last published
        result = self._preview(contract, "2028-01-10")
        self.assertEqual(
            (result["terms"][0]["month"], result["terms"][0]["value"]), ("2027-11", "283")
        )

    def test_last_published_too_old(self):
        self.syntec_formula.write(
            {"reference_month_rule": "last_published", "max_index_age_months": 2}
        )
        contract = self._revisable_contract()
        # on the revision day, the last known value (2027-10) is 3 months
        # before January 2028: the registry is behind
        with freeze_time("2028-01-01"):
            result = self._preview(contract)
        self.assertIn("last known value of index", result["error"])
        # months before the revision, its values are not published yet: too
        # early, nothing to load; it says from when it can be previewed
        with freeze_time("2027-06-01"):
            result = self._preview(contract)
        self.assertEqual(
            result["error"],
            "Too early: the revision of 01/01/2028 needs a value of T-SYNTEC for November "
            "2027 or later; the last known one is for October 2027.",
        )
        self.syntec_formula.max_index_age_months = 3
        with freeze_time("2028-01-01"):
            self.assertFalse(self._preview(contract)["error"])

    def test_chained_versus_initial_base(self):
        self._values(self.syntec, {"2028-10": 290.0})
        initial_formula = self.syntec_formula.copy(
            {"name": "Syntec from P0", "base_mode": "initial"}
        )
        chained = self._revisable_contract()
        initial = self._revisable_contract(formula=initial_formula)
        with freeze_time("2028-01-01"):
            self._revise(chained | initial)
        # year 1 is the same for both: 1,240.80
        self.assertEqual(self._prices(chained), [1240.80])
        self.assertEqual(self._prices(initial), [1240.80])
        with freeze_time("2029-01-01"):
            revisions, errors = self._revise(chained | initial)
        self.assertFalse(errors)
        # chained: 0.15 + 0.85 x 290 / 281.1 = 1.0269130..., up 1.027 x 1,240.80 = 1,274.30
        self.assertEqual(self._prices(chained), [1274.30])
        # initial: 0.15 + 0.85 x 290 / 270.5 = 1.0612754..., up 1.062 x 1,200.00 = 1,274.40
        self.assertEqual(self._prices(initial), [1274.40])
        by_contract = {revision.contract_id: revision for revision in revisions}
        self.assertEqual(by_contract[chained].line_ids.base_price, 1240.80)
        self.assertEqual(by_contract[initial].line_ids.base_price, 1200.0)

    def test_initial_base_needs_p0(self):
        initial_formula = self.syntec_formula.copy(
            {"name": "Syntec from P0", "base_mode": "initial"}
        )
        contract = self._revisable_contract(formula=initial_formula)
        contract.contract_line_ids.price_initial = 0.0
        self.assertIn("no initial price (P0)", self._preview(contract)["error"])

    def test_syntec_revised_chaining(self):
        # the old series stopped, the new one starts in 2022; the contract's
        # I0 (October 2021) only exists in the old series
        old = self.env["maintenance.price.index"].create(
            {"code": "T-SYN-OLD", "name": "Old series"}
        )
        new = self.env["maintenance.price.index"].create(
            {"code": "T-SYN-NEW", "name": "New series", "chained_from_id": old.id}
        )
        self._values(old, {"2021-10": 270.5})
        self._values(new, {"2022-01": 400.0, "2027-10": 410.0})
        formula = self._formula("Revised series", 0.15, [(new, 0.85)], base_mode="initial")
        contract = self._revisable_contract(formula=formula, base_month="2021-10-01")
        result = self._preview(contract)
        self.assertIn("chaining coefficient", result["error"], "no coefficient: nothing guessed")
        new.chaining_coefficient = 1.5
        result = self._preview(contract)
        self.assertFalse(result["error"])
        # I0 = 270.5 x 1.5 = 405.75; 0.15 + 0.85 x 410 / 405.75 = 1.0089038..., up 1.009
        self.assertEqual(result["terms"][0]["base_value"], "405.75")
        self.assertIn("T-SYN-OLD 270.5 x 1.5", result["index_values_text"])
        self.assertEqual(result["coefficient"], Decimal("1.009"))
        self.assertEqual(result["lines"][0]["new_price"], 1210.80)
        # a month of the new series that is missing is not taken from the old one
        contract.price_revision_base_month = "2022-02-01"
        self._values(old, {"2022-02": 280.0})
        self.assertIn("No value of index", self._preview(contract)["error"])

    def test_two_indices(self):
        # ICHT-IME 70 + BT47 15: 0.15 + 0.70 x 130.6/125.2 + 0.15 x 140.4/133.0
        self._values(self.icht, {"2026-10": 125.2, "2027-10": 130.6})
        self._values(self.bt47, {"2026-10": 133.0, "2027-10": 140.4})
        formula = self._formula(
            "ICHT 70 BT47 15",
            0.15,
            [(self.icht, 0.70), (self.bt47, 0.15)],
            coefficient_rounding="half_up",
        )
        result = self._preview(self._revisable_contract(price=800.0, formula=formula))
        raw = 0.15 + 0.70 * 130.6 / 125.2 + 0.15 * 140.4 / 133.0  # 1.0385...
        self.assertAlmostEqual(float(result["coefficient_raw"]), raw, places=9)
        self.assertEqual(result["coefficient"], Decimal("1.039"))
        self.assertEqual(result["lines"][0]["new_price"], 831.20)

    def test_revision_date_rules(self):
        contract = self._revisable_contract(date_start="2027-03-15")
        self.assertEqual(contract.price_revision_next_date, fields.Date.to_date("2028-03-15"))
        self.syntec_formula.write(
            {"revision_date_rule": "fixed", "revision_day": 1, "revision_month": "1"}
        )
        self.assertEqual(contract.price_revision_next_date, fields.Date.to_date("2028-01-01"))
        with freeze_time("2028-01-01"):
            self._revise(contract)
        self.assertEqual(contract.price_revision_next_date, fields.Date.to_date("2029-01-01"))
        contract.date_end = "2028-06-30"
        self.assertFalse(contract.price_revision_next_date, "no revision after the end")
        with self.assertRaises(ValidationError), self.cr.savepoint():
            self.syntec_formula.write({"revision_day": 30, "revision_month": "2"})

    def test_reference_month_is_first_of_month(self):
        contract = self._revisable_contract(base_month="2026-10-17")
        self.assertEqual(contract.price_revision_base_month, fields.Date.to_date("2026-10-01"))
        value = self._values(self.syntec, {"2025-03": 260.0})
        value.month = "2025-04-20"
        self.assertEqual(value.month, fields.Date.to_date("2025-04-01"))

    def test_presets_are_valid(self):
        syntec = self.env.ref("maintenance_price_revision.price_revision_formula_syntec_15_85")
        self.assertEqual(syntec.fixed_part + sum(syntec.term_ids.mapped("weight")), 1.0)
        self.assertEqual(
            syntec.term_ids.index_id,
            self.env.ref("maintenance_price_revision.price_index_syntec_revised"),
        )
        icht = self.env.ref("maintenance_price_revision.price_revision_formula_icht_ime_70_bt47_15")
        self.assertEqual(sorted(icht.term_ids.mapped("weight")), [0.15, 0.70])
        presets = self.env["maintenance.price.index"].search(
            [
                (
                    "id",
                    "in",
                    [
                        self.env.ref(f"maintenance_price_revision.price_index_{code}").id
                        for code in (
                            "syntec",
                            "syntec_revised",
                            "ichtrev_ts_ime",
                            "bt01",
                            "bt38",
                            "bt40",
                            "bt41",
                            "bt47",
                            "bt48",
                            "bt50",
                            "fsd2",
                            "fsd3",
                        )
                    ],
                )
            ]
        )
        self.assertEqual(len(presets), 12)
        self.assertFalse(
            presets.value_ids.filtered(lambda v: not v.is_demo), "no invented figure in data"
        )
        self.assertFalse(
            self.env.ref(
                "maintenance_price_revision.price_index_syntec_revised"
            ).chaining_coefficient,
            "the published chaining coefficient is entered by the administrator",
        )

    def test_initial_price_set_at_validation_only(self):
        contract = self._revisable_contract(price=950.0)
        line = contract.contract_line_ids
        self.assertEqual(line.price_initial, 950.0)
        line.price_unit = 990.0
        self.assertEqual(line.price_initial, 950.0, "P0 does not follow later price changes")
        # a P0 entered before validation is kept
        equipment = self.env["maintenance.customer.equipment"].create(
            {"name": "Chaudière P0", "site_id": self.site.id, "serial_number": "PR-P0"}
        )
        contract = self._create_contract(
            [(equipment, self.wt_full, {"price_unit": 950.0, "price_initial": 900.0})]
        )
        contract.action_maintenance_validate()
        self.assertEqual(contract.contract_line_ids.price_initial, 900.0)

    def test_initial_price_of_each_kind_of_line_in_one_validation(self):
        """One validation, three kinds of P0: the fixed price, a P0 entered
        before, and the pricelist's price of an automatic price (computed by
        the ORM while the others are written in bulk)."""
        equipment = self.env["maintenance.customer.equipment"].create(
            [{"name": f"Chaudière P0 {index}", "site_id": self.site.id} for index in range(3)]
        )
        self.product.list_price = 432.0
        contract = self._create_contract(
            [
                (equipment[0], self.wt_full, {"price_unit": 950.0}),
                (equipment[1], self.wt_full, {"price_unit": 950.0, "price_initial": 900.0}),
                (equipment[2], self.wt_full, {}),
            ]
        )
        fixed, entered, automatic = contract.contract_line_ids.sorted(
            lambda line: line.equipment_id.name
        )
        automatic.automatic_price = True
        self.assertEqual(automatic.price_unit, 432.0)
        contract.with_user(self.manager).action_maintenance_validate()
        self.assertEqual(
            [fixed.price_initial, entered.price_initial, automatic.price_initial],
            [950.0, 900.0, 432.0],
        )
        lines = fixed | entered | automatic
        self.assertEqual(set(lines.mapped("maintenance_state")), {"validated"})
        self.assertEqual(lines.mapped("write_uid"), self.manager)
        self.assertEqual(len(set(lines.mapped("visits_generated_until"))), 1)
        self.assertTrue(lines[0].visits_generated_until)
        self.assertEqual([len(line.visit_ids) for line in lines], [len(fixed.visit_ids)] * 3)

    def test_quarterly_index(self):
        quarterly = self.env["maintenance.price.index"].create(
            {"code": "T-QUARTER", "name": "Quarterly (test)", "frequency": "quarterly"}
        )
        self._values(quarterly, {"2026-10": 120.0, "2027-07": 123.6})
        formula = self._formula("Quarterly", 0.15, [(quarterly, 0.85)])
        contract = self._revisable_contract(formula=formula, base_month="2026-11-01")
        # 3 months before January 2028: the fourth quarter of 2027, not published
        self.assertIn("for October 2027", self._preview(contract)["error"])
        formula.reference_lag_months = 4
        result = self._preview(contract)
        # September 2027 is in the third quarter; November 2026 in the fourth
        self.assertEqual(result["terms"][0]["month"], "2027-07")
        self.assertEqual(result["terms"][0]["base_month"], "2026-10")
        # 0.15 + 0.85 x 123.6 / 120 = 1.0255 -> up 1.026
        self.assertEqual(result["coefficient"], Decimal("1.026"))

    def test_contract_form_computes_next_revision(self):
        Contract = self.env["contract.contract"].with_context(
            default_is_maintenance=True, default_contract_type="sale"
        )
        with Form(Contract) as form:
            form.name = "Contrat Tilleuls"
            form.partner_id = self.customer
            form.site_id = self.site
            form.date_start = fields.Date.to_date("2027-04-01")
            form.price_revision_formula_id = self.syntec_formula
            form.price_revision_base_month = fields.Date.to_date("2027-01-15")
            self.assertEqual(form.price_revision_next_date, fields.Date.to_date("2028-04-01"))
        contract = form.record
        self.assertEqual(contract.price_revision_base_month, fields.Date.to_date("2027-01-01"))
        self.assertEqual(contract.price_revision_next_date, fields.Date.to_date("2028-04-01"))
