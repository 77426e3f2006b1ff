# Copyright 2026 Seed maintainers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""A regulated warranty type is set up in one step: choosing its regulation
applies the preset (periodicity, legal reference and basis, certificate,
operations, obligations with their own operations) and says so; a type
created with only its regulation gets the same. HFOs are leak-checked by kg
of charge (Regulation (EU) 2024/573, art. 5)."""

from odoo.tests import Form, tagged

from .common import MaintenanceCommon


@tagged("post_install", "-at_install")
class TestWarrantyTypePresets(MaintenanceCommon):
    def test_fgas_preset_applied_in_the_form(self):
        preset = self.env.ref("maintenance_contracts.warranty_type_reg_fgas")
        form = Form(self.env["maintenance.warranty.type"].with_user(self.admin))
        form.code = "FGAS-CLIENT"
        self.assertEqual((form.visit_interval_unit, form.visit_interval), ("month", 12))
        form.regulation = "fgas"
        # the pace follows each equipment's charge, not 12 months
        self.assertEqual(form.visit_interval_unit, "fgas")
        self.assertEqual(form.visit_interval, 0)
        self.assertEqual(form.certificate_type, "fgas")
        self.assertIn("2024/573", form.legal_reference)
        self.assertIn("HFO", form.legal_basis)
        self.assertEqual(form.name, preset.name)
        self.assertEqual(len(form.operation_ids), len(preset.operation_ids))
        wtype = form.save()
        self.assertEqual(wtype.operation_ids.mapped("name"), preset.operation_ids.mapped("name"))
        self.assertEqual(wtype.visits_per_year, 0.0)

    def test_the_preset_says_what_it_applied(self):
        wtype = (
            self.env["maintenance.warranty.type"].with_user(self.admin).new({"regulation": "fgas"})
        )
        warning = wtype._onchange_regulation()["warning"]
        self.assertEqual(warning["type"], "notification")
        self.assertEqual(warning["title"], "Preset applied")
        self.assertIn("Refrigerating equipment, F-gas leak check. Visits: ", warning["message"])
        self.assertIn("from the refrigerant charge", warning["message"])
        self.assertIn("F-gas leak check record", warning["message"])
        lift = wtype.new({"regulation": "lift"})._onchange_regulation()["warning"]["message"]
        self.assertIn("Visits: every 6 weeks; certificate: Lift maintenance visit report.", lift)
        self.assertIn("Further obligations: Six-monthly cable check, ", lift)
        self.assertIn("Five-yearly technical inspection", lift)
        self.assertIsNone(wtype.new({})._onchange_regulation(), "nothing said without a regulation")

    def test_lift_preset_copies_obligations_with_their_operations(self):
        preset = self.env.ref("maintenance_contracts.warranty_type_reg_lift")
        form = Form(self.env["maintenance.warranty.type"].with_user(self.admin))
        form.code = "ASC-CLIENT"
        form.name = "Ascenseurs du client"
        form.regulation = "lift"
        wtype = form.save()
        self.assertEqual(wtype.name, "Ascenseurs du client", "a name typed is kept")
        self.assertEqual((wtype.visit_interval_unit, wtype.visit_interval), ("week", 6))
        self.assertEqual(wtype.certificate_type, "lift")
        self.assertEqual(
            wtype.obligation_ids.mapped("interval"), preset.obligation_ids.mapped("interval")
        )
        inspection = wtype.obligation_ids.filtered(lambda ob: ob.interval == 60)
        self.assertEqual(inspection.anchor, "installation")
        self.assertEqual(
            inspection.operation_ids.mapped("name"),
            preset.obligation_ids.filtered(lambda ob: ob.interval == 60).operation_ids.mapped(
                "name"
            ),
        )
        # the visits' own operations and the obligations' ones, nothing twice
        self.assertEqual(len(wtype.operation_ids), len(preset.operation_ids))
        self.assertFalse(wtype.operation_ids.obligation_id - wtype.obligation_ids)

    def test_created_with_only_its_regulation(self):
        wtype = (
            self.env["maintenance.warranty.type"]
            .with_user(self.admin)
            .create({"code": "SSI-CLIENT", "regulation": "fire_alarm", "response_time": 4.0})
        )
        self.assertEqual(wtype.response_time, 4.0, "what is given is kept")
        self.assertIn("MS 73", wtype.legal_reference)
        triennial = wtype.obligation_ids.filtered(lambda ob: ob.interval == 36)
        self.assertTrue(triennial, "the triennial check by an approved body")
        self.assertIn("organisme agréé", triennial.legal_basis)
        self.assertEqual(len(triennial.operation_ids), 2)

    def test_heat_pump_preset(self):
        wtype = (
            self.env["maintenance.warranty.type"]
            .with_user(self.admin)
            .create({"code": "PAC-CLIENT", "regulation": "heat_pump"})
        )
        self.assertEqual((wtype.visit_interval_unit, wtype.visit_interval), ("month", 24))
        self.assertEqual(wtype.certificate_type, "heat_pump")
        self.assertEqual(wtype.certificate_deadline_days, 15)
        self.assertIn("2020-912", wtype.legal_reference)

    def test_hfo_leak_checks_by_kg(self):
        r1234yf = self.env.ref("maintenance_contracts.refrigerant_r1234yf")
        Equipment = self.env["maintenance.customer.equipment"]

        def interval(charge, **vals):
            return Equipment.create(
                dict(
                    name=f"PAC R1234yf {charge} kg",
                    site_id=self.site.id,
                    refrigerant_id=r1234yf.id,
                    refrigerant_charge=charge,
                    **vals,
                )
            ).fgas_check_interval

        # GWP 1: in tonnes of CO2 equivalent it would never be checked
        self.assertEqual(interval(0.8), 0)
        self.assertEqual(interval(1.0), 12)
        self.assertEqual(interval(12.0), 6)
        self.assertEqual(interval(150.0), 3)
        self.assertEqual(interval(12.0, leak_detection=True), 12)
        self.assertEqual(interval(1.5, hermetically_sealed=True), 0)
        self.assertEqual(interval(2.0, hermetically_sealed=True), 12)
        # an HFC keeps its thresholds in tonnes of CO2 equivalent
        r32 = self.env.ref("maintenance_contracts.refrigerant_r32")
        split = Equipment.create(
            {"name": "Split R32", "site_id": self.site.id, "refrigerant_id": r32.id,
             "refrigerant_charge": 5.0}
        )  # fmt: skip
        self.assertEqual(split.fgas_check_interval, 0, "675 x 5 kg = 3.4 t CO2e: below 5 t")
