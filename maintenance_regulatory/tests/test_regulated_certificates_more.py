# Copyright 2026 Seed maintainers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The heat pump service certificate (décret n° 2020-912, arrêté du 24
juillet 2020) and the lift maintenance visit report (CCH art. R134-1 and
following) are issued at closing like the boiler's, with what each states."""

from datetime import date

from freezegun import freeze_time

from odoo.tests import tagged

from odoo.addons.maintenance_contracts.tests.pdf import pdf_text
from odoo.addons.maintenance_planning.tests.common import PlanningCommon


@tagged("post_install", "-at_install")
@freeze_time("2027-01-04 09:00:00")
class TestRegulatedCertificatesMore(PlanningCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.customer.email = "syndic@horizon-immobilier.fr"
        Equipment = cls.env["maintenance.customer.equipment"]
        cls.heat_pump = Equipment.create(
            {
                "name": "PAC air-eau 11 kW",
                "site_id": cls.site.id,
                "brand": "Atlantic",
                "model": "Alfea Extensa",
                "refrigerant_id": cls.env.ref("maintenance_contracts.refrigerant_r32").id,
                "refrigerant_charge": 1.3,
            }
        )
        # installed five years ago: its five-yearly technical inspection is due today
        cls.lift = Equipment.create(
            {
                "name": "Ascenseur bâtiment B",
                "site_id": cls.site.id,
                "installation_date": date(2022, 1, 4),
            }
        )
        cls.contract = cls._create_contract(
            [
                (
                    cls.heat_pump,
                    cls.env.ref("maintenance_contracts.warranty_type_reg_heat_pump"),
                    {"first_visit_date": date(2027, 1, 4)},
                ),
                (
                    cls.lift,
                    cls.env.ref("maintenance_contracts.warranty_type_reg_lift"),
                    {"first_visit_date": date(2027, 1, 4)},
                ),
            ]
        )
        cls.contract.with_user(cls.manager).action_maintenance_validate()

    def _close(self, equipment, **vals):
        visits = self.contract.visit_ids.filtered(
            lambda v: v.equipment_id == equipment and str(v.due_date) == "2027-01-04"
        )
        self._plan(visits, start="2027-01-04 08:00:00")
        tasks = visits.task_ids
        self._tick(tasks)
        tasks = tasks.with_user(self.technician)
        tasks.write(vals)
        tasks.action_done()
        self.env["maintenance.task"].with_context(
            force_report_rendering=True
        )._cron_closing_documents()
        return tasks.sudo().certificate_ids

    def test_heat_pump_service_certificate(self):
        certificate = self._close(
            self.heat_pump,
            leak_found=False,
            certificate_advice="Dégager l'unité extérieure des feuilles.",
            work_summary="Nettoyage des filtres et de l'échangeur.",
        )
        self.assertEqual(len(certificate), 1)
        self.assertEqual(certificate.certificate_type, "heat_pump")
        # handed over within 15 days; the next service within two years
        self.assertEqual(certificate.deadline, date(2027, 1, 19))
        self.assertEqual(certificate.next_check_date, date(2029, 1, 4))
        self.assertEqual(certificate.refrigerant_charge, 1.3)
        text = pdf_text(certificate.attachment_id.raw)
        for mention in (
            f"Heat pump service certificate {certificate.name}",
            "2020-912",
            "PAC air-eau 11 kW",
            "Refrigerant R32",
            "No leak found",
            "Next service by 01/04/2029",
            "Dégager l'unité extérieure des feuilles.",
        ):
            self.assertIn(mention, text)
        self.assertNotIn("2009-649", text)

    def test_lift_maintenance_visit_report(self):
        certificate = self._close(self.lift, work_summary="Visite d'entretien, RAS.")
        self.assertEqual(len(certificate), 1, "one report for the visit, not one per obligation")
        self.assertEqual(certificate.certificate_type, "lift")
        # the technical inspection was attended at the same visit
        self.assertIn("Five-yearly technical inspection", certificate.obligations_done)
        # the next maintenance visit within six weeks
        self.assertEqual(certificate.next_check_date, date(2027, 2, 15))
        text = pdf_text(certificate.attachment_id.raw)
        for mention in (
            f"Lift maintenance visit report {certificate.name}",
            "R134-1",
            "every five years",
            "Five-yearly technical inspection",
            "Next maintenance visit by 02/15/2027",
            "Visite d'entretien, RAS.",
        ):
            self.assertIn(mention, text)
