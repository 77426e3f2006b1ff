# Copyright 2026 Seed maintainers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Billing lines computed from the real work, figures computed by hand
(prices in common.py)."""

from odoo import Command, fields
from odoo.tests import tagged

from .common import BillingCommon


@tagged("post_install", "-at_install")
class TestBillingLines(BillingCommon):
    def _contract(self, **rules):
        equipment = self._create_equipment(1, name="Chaudière fioul")
        contract = self._create_contract(
            [(equipment, self.wtype, {})],
            date_start="2026-01-01",
            maintenance_calendar_id=self.calendar.id,
            **rules,
        )
        contract.action_maintenance_validate()
        return contract, equipment

    def test_rounding_minimum_and_two_technicians(self):
        """20 min -> the 1 h minimum; 1 h 05 -> 1 h 15 (started quarter hour);
        each technician billed on their own check-ins."""
        contract, equipment = self._contract(labour_coverage="not_covered")
        dossier = self._done_dossier(
            [
                (self.technician, "2026-03-17 09:00", "2026-03-17 09:20"),
                (self.technician2, "2026-03-17 09:00", "2026-03-17 10:05"),
            ],
            contract=contract,
            equipment=equipment,
        )
        labour = self._lines(dossier, "labour")
        by_user = {line.user_id: line for line in labour}
        self.assertAlmostEqual(by_user[self.technician].quantity, 1.0)
        self.assertAlmostEqual(by_user[self.technician].billable_amount, 62.50)
        self.assertAlmostEqual(by_user[self.technician2].quantity, 1.25)
        self.assertAlmostEqual(by_user[self.technician2].billable_amount, 78.13)  # 78.125
        # travel is covered by the warranty type: one line per technician, 0 to bill
        travel = self._lines(dossier, "travel")
        self.assertEqual(len(travel), 2)
        self.assertEqual(travel.mapped("billable_amount"), [0.0, 0.0])
        self.assertAlmostEqual(sum(travel.mapped("covered_amount")), 90.0)
        self.assertFalse(self._lines(dossier, "surcharge"))
        # a technician leaving to fetch a part: both pairs summed, then rounded
        dossier = self._done_dossier(
            [
                (self.technician, "2026-03-18 09:00", "2026-03-18 09:40"),
                (self.technician, "2026-03-18 11:00", "2026-03-18 11:40"),
            ],
            contract=contract,
            equipment=equipment,
        )
        self.assertAlmostEqual(self._lines(dossier, "labour").quantity, 1.5)  # 80 min -> 1 h 30

    def test_settings_change_the_rounding(self):
        self.company.write(
            {"maintenance_billing_rounding": 30, "maintenance_billing_minimum_hours": 2.0}
        )
        contract, equipment = self._contract(labour_coverage="not_covered")
        dossier = self._done_dossier(
            [(self.technician, "2026-03-17 09:00", "2026-03-17 11:10")],
            contract=contract,
            equipment=equipment,
        )
        self.assertAlmostEqual(self._lines(dossier, "labour").quantity, 2.5)  # 2 h 10 -> 2 h 30
        dossier = self._done_dossier(
            [(self.technician, "2026-03-19 09:00", "2026-03-19 09:45")],
            contract=contract,
            equipment=equipment,
        )
        self.assertAlmostEqual(self._lines(dossier, "labour").quantity, 2.0)  # minimum

    def test_public_holiday_and_weekend_are_out_of_hours(self):
        contract, equipment = self._contract(after_hours_coverage="surcharge")
        # Tuesday 14 July 2026, 09:00-11:00: a public holiday of the calendar
        holiday = self._done_dossier(
            [(self.technician, "2026-07-14 09:00", "2026-07-14 11:00")],
            contract=contract,
            equipment=equipment,
        )
        surcharge = self._lines(holiday, "surcharge")
        self.assertAlmostEqual(surcharge.quantity, 2.0)
        self.assertAlmostEqual(surcharge.billable_amount, 62.50)  # 2 h x 31.25
        # labour itself stays covered by the warranty type
        self.assertAlmostEqual(self._lines(holiday, "labour").billable_amount, 0.0)
        self.assertAlmostEqual(holiday.amount_billable, 62.50)
        # the same hours the next day: no surcharge
        workday = self._done_dossier(
            [(self.technician, "2026-07-15 09:00", "2026-07-15 11:00")],
            contract=contract,
            equipment=equipment,
        )
        self.assertFalse(self._lines(workday, "surcharge"))
        self.assertEqual(workday.billing_status, "nothing")
        # Saturday 18 July 2026, 10:00-11:30: 1 h 30 out of hours
        weekend = self._done_dossier(
            [(self.technician, "2026-07-18 10:00", "2026-07-18 11:30")],
            contract=contract,
            equipment=equipment,
        )
        self.assertAlmostEqual(self._lines(weekend, "surcharge").billable_amount, 46.88)  # 46.875
        # 07:30-08:30 on a workday: half an hour before the calendar -> a started quarter
        early = self._done_dossier(
            [(self.technician, "2026-07-16 07:30", "2026-07-16 08:30")],
            contract=contract,
            equipment=equipment,
        )
        self.assertAlmostEqual(self._lines(early, "surcharge").quantity, 0.5)

    def test_labour_hours_a_year(self):
        """3 h covered a year: 2 h on the first dossier, then 1 h covered and
        1 h billed on the second; a new year starts again."""
        contract, equipment = self._contract(labour_coverage="hours", labour_hours_per_year=3.0)
        first = self._done_dossier(
            [(self.technician, "2026-03-17 09:00", "2026-03-17 11:00")],
            contract=contract,
            equipment=equipment,
        )
        self.assertAlmostEqual(self._lines(first, "labour").billable_amount, 0.0)
        second = self._done_dossier(
            [(self.technician, "2026-04-07 09:00", "2026-04-07 11:00")],
            contract=contract,
            equipment=equipment,
        )
        labour = self._lines(second, "labour").sorted("covered_percent")
        self.assertEqual(len(labour), 2)
        self.assertAlmostEqual(labour[0].quantity, 1.0)
        self.assertAlmostEqual(labour[0].billable_amount, 62.50)
        self.assertIn("3", labour[0].reason)
        self.assertAlmostEqual(labour[1].quantity, 1.0)
        self.assertAlmostEqual(labour[1].covered_amount, 62.50)
        # computed again, the second dossier still sees the first one's 2 h
        second.with_user(self.manager).action_compute_billing_lines()
        self.assertAlmostEqual(second.amount_billable, 62.50)
        next_year = self._done_dossier(
            [(self.technician, "2027-01-12 09:00", "2027-01-12 11:00")],
            contract=contract,
            equipment=equipment,
        )
        self.assertAlmostEqual(self._lines(next_year, "labour").billable_amount, 0.0)

    def test_parts_except_categories_and_percentage(self):
        contract, equipment = self._contract(
            parts_coverage="except_categories",
            parts_excluded_categ_ids=[Command.set(self.wear_categ.ids)],
        )
        dossier = self._done_dossier(
            [(self.technician, "2026-03-17 09:00", "2026-03-17 10:00")],
            parts=[(self.part, 1.0), (self.gasket, 3.0)],
            contract=contract,
            equipment=equipment,
        )
        parts = {line.product_id: line for line in self._lines(dossier, "part")}
        self.assertAlmostEqual(parts[self.part].billable_amount, 0.0)
        self.assertAlmostEqual(parts[self.gasket].billable_amount, 36.0)  # 3 x 12.00
        self.assertIn("Pièces d'usure", parts[self.gasket].reason)
        self.assertAlmostEqual(dossier.amount_billable, 36.0)
        contract.write({"parts_coverage": "percent", "parts_covered_percent": 40.0})
        dossier.with_user(self.manager).action_compute_billing_lines()
        parts = {line.product_id: line for line in self._lines(dossier, "part")}
        self.assertAlmostEqual(parts[self.part].billable_amount, 53.94)  # 89.90 x 60 %
        self.assertAlmostEqual(parts[self.gasket].billable_amount, 21.60)  # 36.00 x 60 %
        self.assertAlmostEqual(parts[self.part].covered_amount, 35.96)

    def test_warranty_type_defaults_and_contract_overrides(self):
        self.wtype.write({"parts_coverage": "not_covered", "travel_coverage": "km"})
        contract, equipment = self._contract()
        coverage = contract._maintenance_parts_coverage(
            self.part | self.gasket, equipment=equipment, on_date=fields.Date.to_date("2026-05-04")
        )
        self.assertEqual(coverage[self.part.id][0], 0.0)
        dossier = self._done_dossier(
            [(self.technician, "2026-05-04 09:00", "2026-05-04 10:00")],
            parts=[(self.part, 1.0)],
            contract=contract,
            equipment=equipment,
        )
        travel = self._lines(dossier, "travel")
        self.assertAlmostEqual(travel.quantity, 30.0)
        self.assertAlmostEqual(travel.billable_amount, 18.0)  # 30 km x 0.60
        self.assertAlmostEqual(self._lines(dossier, "part").billable_amount, 89.90)
        contract.parts_coverage = "covered"
        coverage = contract._maintenance_parts_coverage(
            self.part, equipment=equipment, on_date=fields.Date.to_date("2026-05-04")
        )
        self.assertEqual(coverage[self.part.id][0], 1.0)

    def test_out_of_contract_is_wholly_billable(self):
        """No contract, a contract ended before the work, equipment the
        contract does not cover: everything billed, travel at the flat fee,
        out-of-hours at the company's surcharge."""
        other_equipment = self._create_equipment(1, name="Pompe de relevage")
        ended, ended_equipment = self._contract()
        ended.write({"date_end": fields.Date.to_date("2026-02-28")})
        cases = {
            "none": (self.env["contract.contract"], self.boiler),
            "ended": (ended, ended_equipment),
            "not covered": (self.contract, other_equipment),
        }
        for label, (contract, equipment) in cases.items():
            with self.subTest(case=label):
                dossier = self._done_dossier(
                    [(self.technician, "2026-03-16 17:00", "2026-03-16 19:00")],
                    parts=[(self.part, 2.0)],
                    contract=contract,
                    equipment=equipment,
                )
                # 125.00 + (1 h after 18:00 or after 17:00 on the company's calendar) + 45 + 179.80
                self.assertFalse(dossier.billing_line_ids.filtered("covered_percent"))
                self.assertAlmostEqual(self._lines(dossier, "labour").billable_amount, 125.0)
                self.assertAlmostEqual(self._lines(dossier, "travel").billable_amount, 45.0)
                self.assertAlmostEqual(self._lines(dossier, "part").billable_amount, 179.80)
                self.assertTrue(
                    all("Out of contract" in line.reason for line in dossier.billing_line_ids)
                )
                self.assertEqual(dossier.billing_status, "to_invoice")
        empty = self.env["contract.contract"]._maintenance_parts_coverage(self.part)
        self.assertEqual(empty, {self.part.id: (0.0, "Out of contract")})

    def test_manager_adjusts_and_it_is_logged(self):
        contract, equipment = self._contract(labour_coverage="not_covered")
        dossier = self._done_dossier(
            [(self.technician, "2026-03-17 09:00", "2026-03-17 10:00")],
            contract=contract,
            equipment=equipment,
        )
        labour = self._lines(dossier, "labour").with_user(self.manager)
        labour.write({"quantity": 0.5})
        self.assertTrue(labour.is_adjusted)
        self.assertAlmostEqual(dossier.amount_billable, 31.25)
        message = dossier.message_ids[0]
        self.assertIn("1.0 → 0.5", message.body)
        self.assertEqual(message.author_id, self.manager.partner_id)
        self.env["maintenance.billing.line"].with_user(self.manager).create(
            {
                "intervention_id": dossier.id,
                "kind": "other",
                "product_id": self.part.id,
                "name": "Geste commercial",
                "quantity": 1.0,
                "price_unit": -10.0,
            }
        )
        self.assertAlmostEqual(dossier.amount_billable, 21.25)
        self.assertIn("Geste commercial", dossier.message_ids[0].body)
