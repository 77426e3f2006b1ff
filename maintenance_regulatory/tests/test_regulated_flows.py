# Copyright 2026 Seed maintainers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Regulated equipment in the planning: certificates produced at closing
(boiler service certificate, F-gas leak check record), their deadline and
reminder, and the equipment's append-only logbook."""

from datetime import date, datetime

from freezegun import freeze_time

from odoo import Command
from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from odoo.addons.maintenance_contracts.tests.pdf import pdf_fonts, pdf_pages, pdf_text
from odoo.addons.maintenance_planning.tests.common import PlanningCommon


@tagged("post_install", "-at_install")
@freeze_time("2027-01-04 09:00:00")
class TestRegulatedFlows(PlanningCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.customer.email = "syndic@horizon-immobilier.fr"
        cls.boiler_type = cls.env.ref("maintenance_contracts.warranty_type_reg_boiler")
        cls.fgas_type = cls.env.ref("maintenance_contracts.warranty_type_reg_fgas")
        Equipment = cls.env["maintenance.customer.equipment"]
        cls.boiler = Equipment.create(
            {
                "name": "Chaudière gaz murale 24 kW",
                "site_id": cls.site.id,
                "brand": "Saunier Duval",
                "model": "ThemaPlus Condens",
                "serial_number": "SD-24-0042",
            }
        )
        cls.split = Equipment.create(
            {
                "name": "Climatiseur split bureau",
                "site_id": cls.site.id,
                "refrigerant_id": cls.env.ref("maintenance_contracts.refrigerant_r410a").id,
                "refrigerant_charge": 5.0,
            }
        )
        cls.admin_user = cls.admin
        contract = cls._create_contract(
            [
                (cls.boiler, cls.boiler_type, {"first_visit_date": date(2027, 1, 4)}),
                (cls.split, cls.fgas_type, {"first_visit_date": date(2027, 1, 4)}),
            ]
        )
        contract.with_user(cls.manager).action_maintenance_validate()
        cls.contract = contract

    def _visit_task(self, equipment):
        visit = self.contract.visit_ids.filtered(
            lambda v: v.equipment_id == equipment and str(v.due_date) == "2027-01-04"
        )
        self.assertEqual(len(visit), 1)
        self._plan(visit, start="2027-01-04 08:00:00")
        task = visit.intervention_id.task_ids
        self._tick(task)
        return task.with_user(self.technician)

    def _logbook(self, equipment):
        return self.env["maintenance.logbook.entry"].search([("equipment_id", "=", equipment.id)])

    def test_boiler_certificate_at_closing(self):
        self.company.write(
            {"name": "Thermi-Services Rhône", "email": "contact@thermi-services-rhone.fr"}
        )
        task = self._visit_task(self.boiler)
        self.assertEqual(task.certificate_type, "boiler")
        # the certificate states the measured efficiency: no closing without it
        with self.assertRaisesRegex(UserError, "efficiency"):
            task.action_done()
        self.assertEqual(task.state, "todo")
        self.assertFalse(self.env["maintenance.certificate"].search([]))
        task.write(
            {
                "certificate_efficiency": 92.5,
                "certificate_co_ppm": 3.0,
                "certificate_advice": "Installation en bon état.",
                "work_summary": "Entretien annuel, nettoyage du corps de chauffe.",
            }
        )
        task.action_done()
        certificate = task.sudo().certificate_ids
        self.assertEqual(len(certificate), 1)
        self.assertEqual(certificate.certificate_type, "boiler")
        self.assertEqual(certificate.equipment_id, self.boiler)
        self.assertEqual(certificate.visit_date, date(2027, 1, 4))
        # arrêté du 15 septembre 2009: within 15 days, 4 + 15 = 19 January
        self.assertEqual(certificate.deadline, date(2027, 1, 19))
        self.assertEqual(certificate.efficiency, 92.5)
        # its PDF is rendered by the documents job a moment after the closing,
        # not in the closing request: the job is woken, nothing is sent yet
        self.assertFalse(certificate.attachment_id)
        self.assertEqual(certificate.state, "to_send")
        job = self.env.ref("maintenance_planning.ir_cron_closing_documents")
        self.assertTrue(self.env["ir.cron.trigger"].search([("cron_id", "=", job.id)]))
        # a real PDF (Odoo renders HTML in tests without force_report_rendering)
        self.env["maintenance.task"].with_context(
            force_report_rendering=True
        )._cron_closing_documents()
        # attached to the equipment, as a certificate
        attachment = certificate.attachment_id
        self.assertEqual(
            (attachment.res_model, attachment.res_id, attachment.maintenance_category),
            ("maintenance.customer.equipment", self.boiler.id, "certificate"),
        )
        self.assertEqual(attachment.mimetype, "application/pdf")
        self.assertTrue(attachment.name.endswith(f"{certificate.name.replace('/', '-')}.pdf"))
        # styled, its text as text (Lato embedded), numbered and stamped
        fonts = pdf_fonts(attachment.raw)
        self.assertTrue(fonts.get("Lato-Regular"), fonts)
        self.assertFalse([font for font in fonts if font.startswith("DejaVuSerif")], fonts)
        pages = pdf_pages(attachment.raw)
        for number, page in enumerate(pages, start=1):
            self.assertIn(f"{number} / {len(pages)}", page)
            self.assertIn(self.env.company.name, page)
        text = pdf_text(attachment.raw)
        for mention in (
            f"Boiler service certificate {certificate.name}",
            "2009-649",
            self.customer.name,
            self.site.name,
            "Chaudière gaz murale 24 kW",
            "Brand and model Saunier Duval ThemaPlus Condens",
            "Serial number SD-24-0042",
            "Efficiency (%) 92.5",
            "Carbon monoxide in the room (ppm) 3.0",
            "Installation en bon état.",
            "Entretien annuel, nettoyage du corps de chauffe.",
            self.technician.name,
        ):
            self.assertIn(mention, text)
        # nothing of the split's F-gas record, nor of another customer
        for foreign in ("2024/573", self.split.name, self.customer2.name, self.site2.name):
            self.assertNotIn(foreign, text)
        # sent to the customer with the PDF: the deadline is met
        mail = self.env["mail.mail"].search(
            [("model", "=", "maintenance.certificate"), ("res_id", "=", certificate.id)]
        )
        self.assertEqual(len(mail), 1)
        self.assertIn(self.customer, mail.recipient_ids)
        self.assertEqual(mail.attachment_ids.ids, attachment.ids)
        # from the company, not from the job's OdooBot (« System »)
        self.assertTrue(self.env.su)
        self.assertEqual(mail.author_id, self.company.partner_id)
        self.assertEqual(
            mail.email_from, '"Thermi-Services Rhône" <contact@thermi-services-rhone.fr>'
        )
        self.assertEqual(certificate.state, "sent")
        self.assertFalse(certificate.is_late)
        # the logbook: the visit done, then the certificate issued
        entries = self._logbook(self.boiler)
        self.assertEqual(entries.mapped("entry_type"), ["visit", "certificate"])
        self.assertEqual(entries[1].certificate_id, certificate)
        self.assertIn(certificate.name, entries[1].name)

    def test_certificate_deadline_tracked_and_reminded(self):
        self.customer.email = False
        task = self._visit_task(self.boiler)
        task.write({"certificate_efficiency": 91.0})
        task.action_done()
        certificate = task.sudo().certificate_ids
        self.assertEqual(certificate.state, "to_send")
        # the reminder cron wakes 3 days before the deadline, 7:00 on 16 January
        cron = self.env.ref("maintenance_regulatory.ir_cron_certificate_reminder")
        trigger = self.env["ir.cron.trigger"].search([("cron_id", "=", cron.id)])
        self.assertIn(datetime(2027, 1, 16, 7, 0), trigger.mapped("call_at"))
        # sending refuses while the customer has no address, and changes nothing
        with self.assertRaisesRegex(UserError, "no e-mail address"):
            certificate.with_user(self.manager).action_send()
        self.assertEqual(certificate.state, "to_send")
        Activity = self.env["mail.activity"]
        with freeze_time("2027-01-15 09:00:00"):
            self.env["maintenance.certificate"]._cron_remind()
            self.assertFalse(Activity.search([("res_id", "=", certificate.id)]))
        with freeze_time("2027-01-16 08:00:00"):
            self.env["maintenance.certificate"]._cron_remind()
            activity = Activity.search(
                [("res_model", "=", "maintenance.certificate"), ("res_id", "=", certificate.id)]
            )
            self.assertEqual(len(activity), 1)
            # the dossier's responsible: the manager who planned it
            self.assertEqual(activity.user_id, self.manager)
            self.env["maintenance.certificate"]._cron_remind()
            self.assertEqual(len(Activity.search([("res_id", "=", certificate.id)])), 1)
        with freeze_time("2027-01-20 08:00:00"):
            certificate.invalidate_recordset(["is_late"])
            self.assertTrue(certificate.is_late)
            late = self.env["maintenance.certificate"].search([("is_late", "=", True)])
            self.assertEqual(late, certificate)
            certificate.with_user(self.manager).action_mark_sent()
            self.assertEqual(certificate.state, "sent")

    def test_fgas_record_at_closing(self):
        task = self._visit_task(self.split)
        task.write({"leak_found": False, "refrigerant_added": 0.0})
        task.action_done()
        self.env["maintenance.task"]._cron_closing_documents()
        record = task.sudo().certificate_ids
        self.assertEqual(record.certificate_type, "fgas")
        self.assertEqual(record.refrigerant_id.name, "R410A")
        # 2088 x 5 / 1000 = 10.44 t: a check every 12 months, next by 4 January 2028
        self.assertAlmostEqual(record.fgas_co2e, 10.44, places=2)
        self.assertEqual(record.next_check_date, date(2028, 1, 4))
        self.assertIn("2024/573", record.attachment_id.raw.decode())

    def test_logbook_is_append_only_for_everyone(self):
        task = self._visit_task(self.split)
        task.action_done()
        entry = self._logbook(self.split)[0]
        name = entry.name
        for user in (self.manager, self.admin):
            with self.subTest(user=user.login):
                with self.assertRaisesRegex(UserError, "never changed"):
                    entry.with_user(user).write({"name": "Visite non faite"})
                with self.assertRaisesRegex(UserError, "never deleted"):
                    entry.with_user(user).unlink()
        # not even the superuser, through the ORM
        with self.assertRaises(UserError):
            entry.sudo().write({"name": "Visite non faite"})
        with self.assertRaises(UserError):
            entry.sudo().unlink()
        self.assertEqual(entry.name, name)
        # a correction is a new entry referring to the wrong one
        correction = (
            self.env["maintenance.logbook.entry"]
            .with_user(self.manager)
            .create(
                {
                    "equipment_id": self.split.id,
                    "corrected_entry_id": entry.id,
                    "name": "Contrôle fait avec le détecteur n° 12, non n° 21",
                }
            )
        )
        self.assertEqual(correction.entry_type, "correction")
        self.assertEqual(self._logbook(self.split)[-1], correction)
        self.assertEqual(entry.name, name)
        # technicians read the logbook, and never write in it by hand
        self.assertTrue(entry.with_user(self.technician).name)
        with self.assertRaises(AccessError):
            self.env["maintenance.logbook.entry"].with_user(self.technician).create(
                {"equipment_id": self.split.id, "name": "Note"}
            )
        # a correction stays in its own equipment's logbook
        with self.assertRaisesRegex(UserError, "same equipment"):
            self.env["maintenance.logbook.entry"].with_user(self.manager).create(
                {"equipment_id": self.boiler.id, "corrected_entry_id": entry.id, "name": "x"}
            )

    def test_reading_out_of_thresholds_and_parts_in_the_logbook(self):
        equipment = self.split
        gauge = self.env["maintenance.meter"].create(
            {
                "name": "Haute pression",
                "code": "SPLIT-HP",
                "equipment_id": equipment.id,
                "kind": "gauge",
                "unit": "bar",
                "has_max_threshold": True,
                "max_threshold": 40.0,
            }
        )
        part = self.env["product.product"].create({"name": "Filtre déshydrateur", "type": "consu"})
        dossier = (
            self.env["maintenance.intervention"]
            .with_user(self.manager)
            .create(
                {
                    "intervention_type": "corrective",
                    "site_id": self.site.id,
                    "equipment_ids": [Command.set(equipment.ids)],
                }
            )
        )
        task = (
            self.env["maintenance.task"]
            .with_user(self.manager)
            .create(
                {
                    "name": "Dépannage climatiseur",
                    "intervention_id": dossier.id,
                    "user_ids": [Command.set(self.technician.ids)],
                    "planned_start": "2027-01-04 08:00:00",
                    "equipment_ids": [Command.set(equipment.ids)],
                }
            )
        )
        task = task.with_user(self.technician)
        with freeze_time("2027-01-04 09:10:00"):
            self.env["maintenance.meter.reading"].with_user(self.technician).create(
                [
                    {"meter_id": gauge.id, "value": 38.0, "task_id": task.id},
                    {
                        "meter_id": gauge.id,
                        "value": 43.5,
                        "task_id": task.id,
                        "date": "2027-01-04 09:05:00",
                    },
                ]
            )
        with freeze_time("2027-01-04 10:00:00"):
            task.write({"part_ids": [Command.create({"product_id": part.id, "quantity": 1})]})
            task.action_done()
        entries = self._logbook(equipment)
        self.assertEqual(entries.mapped("entry_type"), ["reading", "intervention", "part"])
        self.assertIn("43.5", entries[0].name)
        self.assertIn("Filtre déshydrateur", entries[2].name)
        # another customer's equipment has its own logbook
        foreign = self.env["maintenance.customer.equipment"].create(
            {"name": "Pompe à chaleur Belvédère", "site_id": self.site2.id}
        )
        self.env["maintenance.logbook.entry"].with_user(self.manager).create(
            {"equipment_id": foreign.id, "name": "Remplacement du compresseur Belvédère"}
        )
        # the logbook printed for an inspector lists them in order (a real
        # PDF: Odoo renders HTML in tests without force_report_rendering)
        pdf, report_type = (
            self.env["ir.actions.report"]
            .with_user(self.manager)
            .with_context(force_report_rendering=True)
            ._render_qweb_pdf(
                "maintenance_regulatory.maintenance_logbook_report_action", equipment.ids
            )
        )
        self.assertEqual(report_type, "pdf")
        self.assertTrue(pdf_fonts(pdf).get("Lato-Regular"), pdf_fonts(pdf))
        self.assertIn("1 / 1", pdf_pages(pdf)[0])
        text = pdf_text(pdf)
        for expected in (
            "Logbook Climatiseur split bureau",
            self.customer.name,
            self.site.name,
            "R410A, 5.0 kg, 10.44 t CO2e",
            "43.5",
            "Filtre déshydrateur",
        ):
            self.assertIn(expected, text)
        positions = [text.index(entry.name) for entry in entries]
        self.assertEqual(positions, sorted(positions))
        for name in (
            self.customer2.name,
            self.site2.name,
            foreign.name,
            "Remplacement du compresseur",
            self.boiler.name,
        ):
            self.assertNotIn(name, text)
