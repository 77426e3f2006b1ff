# Copyright 2026 Seed maintainers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import psycopg2
from freezegun import freeze_time

from odoo import fields
from odoo.tools import mute_logger

from .common import MaintenanceCommon


@freeze_time("2027-01-01")
class TestVisitGeneration(MaintenanceCommon):
    """Customer -> site -> contract -> covered products -> validation -> visits."""

    def test_full_cover_two_visits_a_year(self):
        equipment = self._create_equipment()
        contract = self._create_contract(
            [(equipment, self.wt_full, {"first_visit_date": "2027-01-15"})]
        )
        self.assertEqual(contract.maintenance_state, "draft")
        self.assertFalse(contract.visit_ids, "no visit before validation")
        contract.with_user(self.manager).action_maintenance_validate()
        self.assertEqual(contract.maintenance_state, "active")
        visits = contract.visit_ids
        # 12-month horizon from 2027-01-01: every 6 months from 15 Jan
        self.assertEqual(self._dates(visits), ["2027-01-15", "2027-07-15"])
        first = visits.sorted("due_date")[0]
        self.assertEqual(first.window_start, fields.Date.to_date("2026-12-31"))
        self.assertEqual(first.window_end, fields.Date.to_date("2027-01-30"))
        self.assertEqual(first.site_id, self.site)
        self.assertEqual(first.customer_id, self.customer)
        self.assertEqual(first.sector_id, self.sector)
        self.assertEqual(first.equipment_id, equipment)
        self.assertEqual(first.warranty_type_id, self.wt_full)
        self.assertEqual(first.state, "to_plan")
        self.assertEqual(first.duration, 2.0)
        self.assertIn("Check safety devices", first.operations)
        line = contract.contract_line_ids
        self.assertEqual(line.maintenance_state, "validated")
        self.assertEqual(line.visits_generated_until, fields.Date.to_date("2027-12-31"))

    def test_periodicities(self):
        boiler, vmc, lift, pump = self._create_equipment(4)
        contract = self._create_contract(
            [
                (boiler, self.wt_preventive, {"first_visit_date": "2027-03-01"}),
                (vmc, self.wt_corrective, {}),
                (lift, self.wt_lift, {"first_visit_date": "2027-01-04"}),
                (pump, self.wt_full, {}),
            ]
        )
        contract.action_maintenance_validate()
        visits = contract.visit_ids
        by_equipment = {
            eq: visits.filtered(lambda v, eq=eq: v.equipment_id == eq)
            for eq in (boiler, vmc, lift, pump)
        }
        self.assertEqual(self._dates(by_equipment[boiler]), ["2027-03-01"])
        self.assertFalse(by_equipment[vmc], "corrective-only cover has no preventive visit")
        # every 6 weeks from 4 Jan 2027 up to 1 Jan 2028: 9 visits, the last on 6 Dec
        lift_dates = self._dates(by_equipment[lift])
        self.assertEqual(len(lift_dates), 9)
        self.assertEqual(lift_dates[:2], ["2027-01-04", "2027-02-15"])
        self.assertEqual(lift_dates[-1], "2027-12-06")
        # no first visit date: the line's start date
        self.assertEqual(self._dates(by_equipment[pump]), ["2027-01-01", "2027-07-01"])

    def test_month_end_does_not_drift(self):
        equipment = self._create_equipment()
        wtype = self.wt_full.copy(
            {"code": "M1", "visit_interval": 1, "window_after_days": 0, "window_before_days": 0}
        )
        contract = self._create_contract([(equipment, wtype, {"first_visit_date": "2027-01-31"})])
        contract.action_maintenance_validate()
        dates = self._dates(contract.visit_ids)
        self.assertEqual(dates[:4], ["2027-01-31", "2027-02-28", "2027-03-31", "2027-04-30"])

    def test_line_end_date_limits_visits(self):
        equipment = self._create_equipment()
        contract = self._create_contract(
            [
                (
                    equipment,
                    self.wt_lift,
                    {"first_visit_date": "2027-01-04", "date_end": "2027-03-31"},
                )
            ]
        )
        contract.action_maintenance_validate()
        self.assertEqual(
            self._dates(contract.visit_ids), ["2027-01-04", "2027-02-15", "2027-03-29"]
        )

    def test_validate_single_covered_product(self):
        eq1, eq2 = self._create_equipment(2)
        contract = self._create_contract([(eq1, self.wt_full, {}), (eq2, self.wt_preventive, {})])
        line1, line2 = contract.contract_line_ids
        line1.action_maintenance_validate()
        self.assertEqual(line1.maintenance_state, "validated")
        self.assertEqual(line2.maintenance_state, "draft")
        self.assertEqual(contract.visit_ids.equipment_id, eq1)

    def test_visit_group_different_periodicities(self):
        """Rule: occurrences follow the most frequent member; each member's
        due date joins the nearest occurrence."""
        boiler, vmc = self._create_equipment(2)
        group = self.env["maintenance.visit.group"].create(
            {"name": "Chaufferie + VMC", "site_id": self.site.id, "first_visit_date": "2027-02-01"}
        )
        contract = self._create_contract(
            [
                (
                    boiler,
                    self.wt_full,
                    {"first_visit_date": "2027-02-01", "visit_group_id": group.id},
                ),
                (
                    vmc,
                    self.wt_preventive,
                    {"first_visit_date": "2027-07-20", "visit_group_id": group.id},
                ),
            ]
        )
        contract.action_maintenance_validate()
        visits = group.visit_ids.sorted("due_date")
        self.assertEqual(self._dates(visits), ["2027-02-01", "2027-08-01"])
        self.assertFalse(
            contract.visit_ids.filtered("equipment_id"),
            "grouped products have no visit of their own",
        )
        self.assertEqual(visits[0].equipment_ids, boiler)
        self.assertEqual(
            visits[1].equipment_ids, boiler | vmc, "VMC due 20 Jul joins the 1 Aug visit"
        )
        self.assertEqual(visits[1].duration, 2.0 + 1.5)
        self.assertEqual(visits[1].contract_id, contract)
        # members keep exactly their own number of visits
        self.assertEqual(len(visits.filtered(lambda v: vmc in v.equipment_ids)), 1)

    def test_visit_group_equal_periodicities_one_visit(self):
        eq1, eq2, eq3 = self._create_equipment(3)
        group = self.env["maintenance.visit.group"].create(
            {"name": "Bâtiment A", "site_id": self.site.id}
        )
        contract = self._create_contract(
            [
                (eq, self.wt_full, {"visit_group_id": group.id, "first_visit_date": "2027-04-01"})
                for eq in (eq1, eq2, eq3)
            ]
        )
        contract.action_maintenance_validate()
        self.assertEqual(self._dates(group.visit_ids), ["2027-04-01", "2027-10-01"])
        for visit in group.visit_ids:
            self.assertEqual(visit.equipment_ids, eq1 | eq2 | eq3)
            self.assertEqual(visit.duration, 6.0)

    def test_idempotent_validation_and_cron(self):
        equipment = self._create_equipment(3)
        contract = self._create_contract([(eq, self.wt_lift, {}) for eq in equipment])
        contract.action_maintenance_validate()
        count = len(contract.visit_ids)
        self.assertEqual(count, 27)
        contract.action_maintenance_validate()
        contract.contract_line_ids.action_maintenance_validate()
        contract.contract_line_ids._generate_visits()
        self.env["contract.line"]._cron_generate_visits()
        contract.invalidate_recordset()
        self.assertEqual(len(contract.visit_ids), count)

    def test_duplicate_visit_refused_by_database(self):
        equipment = self._create_equipment()
        contract = self._create_contract([(equipment, self.wt_full, {})])
        contract.action_maintenance_validate()
        visit = contract.visit_ids[0]
        with (
            self.assertRaises(psycopg2.IntegrityError),
            mute_logger("odoo.sql_db"),
            self.env.cr.savepoint(),
        ):
            visit.copy({"generation_key": visit.generation_key})

    def test_cron_extends_horizon(self):
        equipment = self._create_equipment()
        contract = self._create_contract(
            [(equipment, self.wt_full, {"first_visit_date": "2027-01-15"})]
        )
        contract.action_maintenance_validate()
        self.assertEqual(len(contract.visit_ids), 2)
        with freeze_time("2027-07-01"):
            self.env["contract.line"]._cron_generate_visits()
            contract.invalidate_recordset()
            # horizon now 2028-07-01: 2028-01-15 added, nothing duplicated
            self.assertEqual(
                self._dates(contract.visit_ids), ["2027-01-15", "2027-07-15", "2028-01-15"]
            )
            self.env["contract.line"]._cron_generate_visits()
            contract.invalidate_recordset()
            self.assertEqual(len(contract.visit_ids), 3)

    def test_change_warranty_type_regenerates_future_unplanned_only(self):
        equipment = self._create_equipment()
        contract = self._create_contract(
            [(equipment, self.wt_full, {"first_visit_date": "2027-01-15"})]
        )
        contract.action_maintenance_validate()
        planned = contract.visit_ids.sorted("due_date")[0]
        planned.state = "planned"
        line = contract.contract_line_ids
        # the operations manager does it, with their own rights
        line.with_user(self.manager).warranty_type_id = self.wt_lift
        contract.invalidate_recordset()
        visits = contract.visit_ids
        self.assertIn(planned, visits, "a planned visit is never touched")
        self.assertEqual(planned.warranty_type_id, self.wt_full)
        others = visits - planned
        self.assertTrue(others)
        self.assertEqual(set(others.mapped("warranty_type_id")), {self.wt_lift})
        self.assertNotIn(fields.Date.to_date("2027-07-15"), others.mapped("due_date"))

    def test_terminate_cancels_future_unplanned_visits(self):
        equipment = self._create_equipment()
        contract = self._create_contract(
            [(equipment, self.wt_lift, {"first_visit_date": "2027-01-04"})]
        )
        contract.action_maintenance_validate()
        by_date = contract.visit_ids.sorted("due_date")
        done = by_date[0]
        done.write({"state": "done", "done_date": "2027-01-05"})
        # after the termination date: one planned and one done (early) visit
        planned_after, done_after = by_date[4], by_date[5]
        planned_after.state = "planned"
        done_after.write({"state": "done", "done_date": "2027-03-30"})
        wizard = (
            self.env["maintenance.contract.terminate"]
            .with_user(self.manager)
            .create(
                {
                    "contract_id": contract.id,
                    "termination_date": "2027-03-31",
                    "reason": "Déménagement",
                }
            )
        )
        wizard.action_terminate()
        self.assertEqual(contract.maintenance_state, "terminated")
        self.assertEqual(contract.contract_line_ids.date_end, fields.Date.to_date("2027-03-31"))
        kept = contract.visit_ids.filtered(lambda v: v.state != "cancelled")
        self.assertEqual(
            self._dates(kept),
            ["2027-01-04", "2027-02-15", "2027-03-29", "2027-06-21", "2027-08-02"],
        )
        self.assertEqual(done.state, "done")
        self.assertEqual(planned_after.state, "planned", "planned after the date: kept")
        self.assertEqual(done_after.state, "done", "done after the date: kept")
        cancelled = contract.visit_ids.filtered(lambda v: v.state == "cancelled")
        self.assertEqual(len(cancelled), 4, "history kept: cancelled, not deleted")
        self.assertTrue(all(v.due_date > fields.Date.to_date("2027-03-31") for v in cancelled))
