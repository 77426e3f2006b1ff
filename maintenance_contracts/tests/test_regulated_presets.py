# Copyright 2026 Seed maintainers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Presets of French regulated equipment: each legal due date is generated
exactly once over three years of monthly generation runs, and the F-gas
leak-check pace follows the equipment's refrigerant charge."""

from collections import Counter
from datetime import date

from dateutil.relativedelta import relativedelta
from freezegun import freeze_time

from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import MaintenanceCommon

# the lift's visits, every 6 weeks (42 days) from Monday 4 January 2027,
# counted on a calendar
LIFT_6_WEEKS = [
    "2027-01-04", "2027-02-15", "2027-03-29", "2027-05-10", "2027-06-21", "2027-08-02",
    "2027-09-13", "2027-10-25", "2027-12-06", "2028-01-17", "2028-02-28", "2028-04-10",
    "2028-05-22", "2028-07-03", "2028-08-14", "2028-09-25", "2028-11-06", "2028-12-18",
    "2029-01-29", "2029-03-12", "2029-04-23", "2029-06-04", "2029-07-16", "2029-08-27",
    "2029-10-08", "2029-11-19", "2029-12-31",
]  # fmt: skip
YEARLY = ["2027-01-04", "2028-01-04", "2029-01-04"]
SIX_MONTHLY = ["2027-01-04", "2027-07-04", "2028-01-04", "2028-07-04", "2029-01-04", "2029-07-04"]


@tagged("post_install", "-at_install")
class TestRegulatedPresets(MaintenanceCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        ref = cls.env.ref
        cls.types = {
            code: ref(f"maintenance_contracts.warranty_type_reg_{code}")
            for code in (
                "lift",
                "boiler",
                "extinguisher",
                "fire_alarm",
                "vmc_gas",
                "heat_pump",
                "heat_pump_large",
                "fgas",
            )
        }
        cls.r410a = ref("maintenance_contracts.refrigerant_r410a")
        cls.r404a = ref("maintenance_contracts.refrigerant_r404a")
        cls.r32 = ref("maintenance_contracts.refrigerant_r32")
        cls.r744 = ref("maintenance_contracts.refrigerant_r744")
        Equipment = cls.env["maintenance.customer.equipment"]

        def equipment(name, **vals):
            return Equipment.create({"name": name, "site_id": cls.site.id, **vals})

        cls.lift = equipment("Ascenseur bâtiment A", installation_date=date(2024, 3, 15))
        cls.boiler = equipment("Chaudière gaz 35 kW")
        cls.extinguishers = equipment(
            "Extincteurs hall et parking", installation_date=date(2019, 6, 1)
        )
        cls.alarm = equipment("Alarme incendie type 4")
        cls.vmc = equipment("VMC gaz collective")
        cls.heat_pump = equipment("PAC air-eau 14 kW")
        cls.big_heat_pump = equipment("Groupe froid 120 kW")
        cls.split = equipment(
            "Split R410A bureau", refrigerant_id=cls.r410a.id, refrigerant_charge=5
        )
        cls.cold_room = equipment(
            "Chambre froide R404A", refrigerant_id=cls.r404a.id, refrigerant_charge=15
        )

    def test_preset_records_legal_basis_and_source_of_every_frequency(self):
        for code, wtype in self.types.items():
            with self.subTest(preset=code):
                self.assertTrue(wtype.regulation)
                self.assertTrue(wtype.legal_reference)
                self.assertTrue(wtype.legal_basis)
                self.assertTrue(wtype._visit_operations(), "each preset brings its checklist")
                for obligation in wtype.obligation_ids:
                    self.assertTrue(obligation.legal_reference, obligation.name)
                    self.assertTrue(wtype._visit_operations(obligation), obligation.name)
        self.assertEqual(self.types["boiler"].certificate_type, "boiler")
        self.assertEqual(self.types["boiler"].certificate_deadline_days, 15)
        self.assertEqual(self.types["fgas"].certificate_type, "fgas")
        lift = self.types["lift"]
        self.assertEqual((lift.visit_interval_unit, lift.visit_interval), ("week", 6))
        self.assertEqual(
            sorted(lift.obligation_ids.mapped("interval")), [6, 12, 60], "cables, yearly, 5 years"
        )

    def test_gwp_table_and_bands(self):
        # GWP x kg / 1000, by hand: R410A 2088 x 5 = 10.44 t; R404A 3922 x 15 = 58.83 t
        self.assertAlmostEqual(self.split.fgas_co2e, 10.44, places=2)
        self.assertEqual(self.split.fgas_check_interval, 12)
        self.assertAlmostEqual(self.cold_room.fgas_co2e, 58.83, places=2)
        self.assertEqual(self.cold_room.fgas_check_interval, 6)
        Equipment = self.env["maintenance.customer.equipment"]
        cases = [
            # (refrigerant, kg, sealed, detection) -> months
            (self.r410a, 2.0, False, False, 0),  # 4.176 t < 5 t
            (self.r410a, 2.4, False, False, 12),  # 5.0112 t: 12 months
            (self.r410a, 4.0, True, False, 0),  # 8.352 t sealed < 10 t: exempt
            (self.r410a, 5.0, True, False, 12),  # 10.44 t sealed: not exempt
            (self.r410a, 5.0, False, True, 24),  # detection doubles
            (self.r404a, 130.0, False, False, 3),  # 509.86 t
            (self.r404a, 130.0, False, True, 6),
            (self.r32, 100.0, False, False, 6),  # 675 x 100 = 67.5 t
            (self.r744, 500.0, False, False, 0),  # CO2 is not a fluorinated gas
        ]
        for refrigerant, kg, sealed, detection, months in cases:
            item = Equipment.new(
                {
                    "name": "x",
                    "site_id": self.site.id,
                    "refrigerant_id": refrigerant.id,
                    "refrigerant_charge": kg,
                    "hermetically_sealed": sealed,
                    "leak_detection": detection,
                }
            )
            with self.subTest(refrigerant=refrigerant.name, kg=kg, sealed=sealed):
                self.assertEqual(item.fgas_check_interval, months)
        self.assertEqual(round(2.4 * 2088 / 1000, 4), 5.0112)

    def _regulated_contract(self):
        lines = [
            (self.lift, self.types["lift"], {}),
            (self.boiler, self.types["boiler"], {}),
            (self.extinguishers, self.types["extinguisher"], {}),
            (self.alarm, self.types["fire_alarm"], {}),
            (self.vmc, self.types["vmc_gas"], {}),
            (self.heat_pump, self.types["heat_pump"], {}),
            (self.big_heat_pump, self.types["heat_pump_large"], {}),
            (self.split, self.types["fgas"], {}),
            (self.cold_room, self.types["fgas"], {}),
        ]
        return self._create_contract(
            [(eq, wt, {"first_visit_date": date(2027, 1, 4), **extra}) for eq, wt, extra in lines]
        )

    def test_three_years_every_legal_due_date_once(self):
        """Validate on 1 January 2027, then run the monthly generation on the
        first of each month for three years (12-month horizon): every legal
        due date up to 31 December 2029 exists exactly once."""
        with freeze_time("2027-01-01"):
            contract = self._regulated_contract()
            contract.with_user(self.manager).action_maintenance_validate()
        month = date(2027, 2, 1)
        while month <= date(2029, 12, 1):
            with freeze_time(month):
                self.env["contract.line"]._cron_generate_visits()
            month += relativedelta(months=1)
        visits = self.env["maintenance.visit"].search(
            [("contract_id", "=", contract.id), ("due_date", "<=", "2029-12-31")]
        )
        found = Counter(
            (visit.equipment_id.name, visit.obligation_id.name or "", str(visit.due_date))
            for visit in visits
        )
        self.assertFalse([key for key, count in found.items() if count > 1], "duplicates")
        lift_types = self.types["lift"].obligation_ids
        cables = lift_types.filtered(lambda o: o.interval == 6).name
        yearly = lift_types.filtered(lambda o: o.interval == 12).name
        inspection = lift_types.filtered(lambda o: o.interval == 60).name
        overhaul = self.types["extinguisher"].obligation_ids.name
        expected = {
            (self.lift.name, ""): LIFT_6_WEEKS,
            # one period after the first visit date, every six months / year
            (self.lift.name, cables): [
                "2027-07-04",
                "2028-01-04",
                "2028-07-04",
                "2029-01-04",
                "2029-07-04",
            ],
            (self.lift.name, yearly): ["2028-01-04", "2029-01-04"],
            # five years after the installation (15 March 2024)
            (self.lift.name, inspection): ["2029-03-15"],
            (self.boiler.name, ""): YEARLY,
            (self.extinguishers.name, ""): YEARLY,
            # ten years after the commissioning (1 June 2019)
            (self.extinguishers.name, overhaul): ["2029-06-01"],
            (self.alarm.name, ""): YEARLY,
            (self.vmc.name, ""): YEARLY,
            (self.heat_pump.name, ""): ["2027-01-04", "2029-01-04"],
            (self.big_heat_pump.name, ""): ["2027-01-04"],
            # 10.44 t CO2e: every 12 months; 58.83 t: every 6 months
            (self.split.name, ""): YEARLY,
            (self.cold_room.name, ""): SIX_MONTHLY,
        }
        got = {}
        for name, obligation, due in sorted(found):
            got.setdefault((name, obligation), []).append(due)
        self.assertEqual(got, expected)
        self.assertEqual(len(visits), sum(len(dates) for dates in expected.values()))
        # each obligation's visit carries its own checklist
        inspection_visit = visits.filtered(lambda v: v.obligation_id.interval == 60)
        self.assertIn("technical inspection", inspection_visit.operations)
        self.assertNotIn("landing doors", inspection_visit.operations)

    def test_fgas_band_follows_the_charge(self):
        """More refrigerant in the split: its leak checks to come go from
        yearly to six-monthly; down to an exempt charge: none to come. Done
        as the operations manager, who edits equipment."""
        with freeze_time("2027-01-01"):
            contract = self._create_contract(
                [(self.split, self.types["fgas"], {"first_visit_date": date(2027, 1, 4)})]
            )
            contract.with_user(self.manager).action_maintenance_validate()
            line = contract.contract_line_ids
            # horizon: 12 months from 1 January 2027, i.e. up to 31 December 2027
            self.assertEqual(self._dates(line.visit_ids), ["2027-01-04"])
        with freeze_time("2027-03-01"):
            # 30 kg of R410A: 2088 x 30 / 1000 = 62.64 t -> every 6 months
            self.split.with_user(self.manager).write({"refrigerant_charge": 30})
            self.assertEqual(self.split.fgas_check_interval, 6)
            line.invalidate_recordset(["visit_ids"])
            # the past visit stays; 4 July 2027, 4 January 2028 up to 29 February 2028
            self.assertEqual(
                self._dates(line.visit_ids), ["2027-01-04", "2027-07-04", "2028-01-04"]
            )
            # 2 kg: 4.176 t, below 5 t: no leak check to come
            self.split.with_user(self.manager).write({"refrigerant_charge": 2})
            line.invalidate_recordset(["visit_ids"])
            self.assertEqual(self._dates(line.visit_ids), ["2027-01-04"])

    def test_technician_cannot_change_the_charge(self):
        with self.assertRaises(AccessError):
            self.split.with_user(self.technician).write({"refrigerant_charge": 30})


@tagged("post_install", "-at_install")
@freeze_time("2027-01-01")
class TestRegulatedGenerationQueries(MaintenanceCommon):
    """The obligations and the F-gas pace ride on the set-based generator:
    validating 10 or 100 lifts and cold rooms costs the same queries."""

    def _contract(self, count):
        lift_type = self.env.ref("maintenance_contracts.warranty_type_reg_lift")
        fgas_type = self.env.ref("maintenance_contracts.warranty_type_reg_fgas")
        r404a = self.env.ref("maintenance_contracts.refrigerant_r404a")
        Equipment = self.env["maintenance.customer.equipment"]
        lifts = Equipment.create(
            [
                {"name": f"Ascenseur {count}-{i}", "site_id": self.site.id,
                 "installation_date": date(2023, 6, 1)}
                for i in range(count // 2)
            ]
        )  # fmt: skip
        rooms = Equipment.create(
            [
                {"name": f"Chambre froide {count}-{i}", "site_id": self.site.id,
                 "refrigerant_id": r404a.id, "refrigerant_charge": 15.0}
                for i in range(count // 2)
            ]
        )  # fmt: skip
        contract = self._create_contract(
            [(eq, lift_type, {"first_visit_date": date(2027, 1, 4)}) for eq in lifts]
            + [(eq, fgas_type, {"first_visit_date": date(2027, 1, 4)}) for eq in rooms]
        )
        self.env.flush_all()
        self.env.invalidate_all()
        return contract

    def test_validation_with_obligations_is_flat(self):
        self._contract(2).action_maintenance_validate()
        counts = []
        for count in (10, 100):
            contract = self._contract(count)
            self.env.invalidate_all()
            before = self.cr.sql_log_count
            contract.action_maintenance_validate()
            self.env.flush_all()
            counts.append(self.cr.sql_log_count - before)
            # per lift up to 31 Dec 2027: 9 visits every 6 weeks (4 Jan ... 6 Dec)
            # + the cable check of 4 July; per cold room (58.83 t): 4 Jan, 4 July
            self.assertEqual(len(contract.visit_ids), count // 2 * (9 + 1) + count // 2 * 2)
        self.assertEqual(counts[0], counts[1], "validating 100 costs what 10 cost")
