# Copyright 2026 Seed maintainers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The times our documents print (the signed intervention report, the
certificates, the logbook, the mails, the portal pages) are the company's
local times (Paris here: the company of the tests has no time zone of its
own, its country is France), whoever renders them: the documents job running
as the superuser without a time zone, an office worker in New York, a portal
user whose contact has another zone."""

import re
from datetime import date

from freezegun import freeze_time

from odoo import Command
from odoo.tests import HttpCase, tagged
from odoo.tools import get_lang

from odoo.addons.maintenance_contracts.tests.pdf import pdf_text
from odoo.addons.maintenance_meter.tests.meter_common import MeterCommon
from odoo.addons.maintenance_planning.tests.technician_common import NEAR

# 08:00 and 08:55 in Paris, in winter (UTC+1) and in summer (UTC+2), as UTC
WINTER = {"start": "2027-01-12 07:00:00", "in": "2027-01-12 07:55:00", "out": "2027-01-12 09:40:00"}
SUMMER = {"start": "2027-07-06 06:00:00", "in": "2027-07-06 06:55:00", "out": "2027-07-06 08:40:00"}
# a quarter past midnight on 15 January in Paris: still the 14th in UTC and in New York
AFTER_MIDNIGHT = "2027-01-14 23:15:00"


class DocumentTimeZoneCommon(MeterCommon):
    """Users in New York, and tasks planned at 08:00 in Paris."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.new_york = cls.manager.copy(
            {"login": "mp_manager_ny", "name": "Office in New York", "tz": "America/New_York"}
        )
        cls.technician.tz = "America/New_York"
        # the superuser the documents job runs as has no time zone
        cls.env.ref("base.user_root").tz = False

    def _job_env(self):
        """The environment of the documents job: the superuser, no time zone
        in its context, real PDFs (Odoo renders HTML in tests otherwise)."""
        return self.env(
            user=self.env.ref("base.user_root"), context={"force_report_rendering": True}
        )

    def _closed_task(self, times, name="Dépannage brûleur"):
        """A task planned at 08:00 Paris, the technician (whose phone is set
        to New York) arriving at 08:55 and leaving at 10:40 Paris, signed."""
        task = self.Task.with_user(self.manager).create(
            {
                "name": name,
                "intervention_id": self.dossier.id,
                "user_ids": [Command.set(self.technician.ids)],
                "planned_start": times["start"],
                "duration": 2.0,
            }
        )
        task = task.with_user(self.technician)
        with freeze_time(times["in"]):
            task.action_check_in(*NEAR)
        with freeze_time(times["out"]):
            task.write({"customer_signer_name": "Marie Durand", "work_summary": "Réglage."})
            task.action_check_out(*NEAR)
            task.action_done()
        return task.sudo()


@tagged("post_install", "-at_install")
class TestDocumentTimeZone(DocumentTimeZoneCommon):
    def _stored_report_text(self, task):
        report = self.env["ir.attachment"].search(
            [
                ("res_model", "=", "maintenance.task"),
                ("res_id", "=", task.id),
                ("maintenance_category", "=", "report"),
            ]
        )
        self.assertEqual(len(report), 1)
        return pdf_text(report.raw)

    def _assert_local_times(self, text, utc_hour):
        """08:00 planned, 08:55 arrival, 10:40 departure: the company's local
        times, never the UTC ones (``utc_hour`` is 08:00 in UTC)."""
        for expected in ("08:00", "08:55", "10:40"):
            self.assertIn(expected, text)
        for utc in (f"{utc_hour:02d}:00", f"{utc_hour:02d}:55"):
            self.assertNotIn(utc, text)

    def test_intervention_report_rendered_by_the_job_in_winter(self):
        task = self._closed_task(WINTER)
        self._job_env()["maintenance.task"]._cron_closing_documents()
        self._assert_local_times(self._stored_report_text(task), utc_hour=7)

    def test_intervention_report_rendered_by_the_job_in_summer(self):
        task = self._closed_task(SUMMER)
        self._job_env()["maintenance.task"]._cron_closing_documents()
        self._assert_local_times(self._stored_report_text(task), utc_hour=6)

    def test_intervention_report_printed_from_new_york(self):
        task = self._closed_task(WINTER)
        pdf, _type = (
            self.env["ir.actions.report"]
            .with_user(self.new_york)
            .with_context(force_report_rendering=True)
            ._render_qweb_pdf("maintenance_planning.maintenance_task_report_action", task.ids)
        )
        self._assert_local_times(pdf_text(pdf), utc_hour=7)

    def test_company_time_zone_of_its_own(self):
        """A company in La Réunion (UTC+4, no summer time) sets its zone on
        its contact: its reports print Réunion times."""
        self.env.company.partner_id.tz = "Indian/Reunion"
        task = self._closed_task(
            {
                "start": "2027-01-12 04:00:00",
                "in": "2027-01-12 04:55:00",
                "out": "2027-01-12 06:40:00",
            }
        )
        self._job_env()["maintenance.task"]._cron_closing_documents()
        self._assert_local_times(self._stored_report_text(task), utc_hour=4)

    def test_certificate_dated_on_the_company_day(self):
        """Closed a quarter past midnight in Paris by a technician whose
        phone is in New York (still the 14th there): the certificate states
        the 15th, the day of the visit where it happened."""
        boiler_type = self.env.ref("maintenance_contracts.warranty_type_reg_boiler")
        boiler = self._create_equipment(1, name="Chaudière murale")
        contract = self._create_contract(
            [(boiler, boiler_type, {"first_visit_date": date(2027, 1, 14)})]
        )
        contract.with_user(self.manager).action_maintenance_validate()
        visit = contract.visit_ids.filtered(lambda v: str(v.due_date) == "2027-01-14")
        self._plan(visit, start="2027-01-14 19:00:00")
        task = visit.intervention_id.task_ids
        self._tick(task)
        task = task.with_user(self.technician)
        with freeze_time(AFTER_MIDNIGHT):
            task.write({"certificate_efficiency": 92.5, "certificate_co_ppm": 3.0})
            task.action_done()
        certificate = task.sudo().certificate_ids
        self.assertEqual(certificate.visit_date, date(2027, 1, 15))
        self.assertEqual(certificate.issue_date, date(2027, 1, 15))
        self._job_env()["maintenance.task"]._cron_closing_documents()
        text = pdf_text(certificate.attachment_id.raw)
        lang = self.env["res.lang"]._get_data(code=self.customer.lang or "en_US")
        self.assertIn(f"Visit date {date(2027, 1, 15).strftime(lang.date_format)}", text)
        self.assertNotIn(date(2027, 1, 14).strftime(lang.date_format), text)

    def test_logbook_entry_does_not_store_a_local_time(self):
        """A reading out of thresholds posted from New York: the entry's
        summary carries no time of the writer's zone; the logbook prints the
        entry's date in Paris time, rendered by whoever."""
        with freeze_time("2027-01-12 08:05:00"):
            reading = (
                self.env["maintenance.meter.reading"]
                .with_user(self.new_york)
                .create({"meter_id": self.gauge.id, "value": 95.0})
            )
        entry = self.env["maintenance.logbook.entry"].search([("reading_id", "=", reading.id)])
        self.assertEqual(len(entry), 1)
        self.assertEqual(entry.name, "Reading out of thresholds: Température départ: 95 °C")
        self.assertFalse(re.search(r"\d{1,2}:\d\d", entry.name), entry.name)
        # the corrective dossier the alert opened says when, in Paris time
        self.assertIn("09:05", str(reading.alert_intervention_id.description))
        pdf, _type = (
            self._job_env()["ir.actions.report"]
            .sudo()
            ._render_qweb_pdf(
                "maintenance_regulatory.maintenance_logbook_report_action", self.equipment.ids
            )
        )
        text = pdf_text(pdf)
        self.assertIn("09:05", text)
        self.assertNotIn("08:05", text)

    def test_report_mail_dates_in_the_company_zone(self):
        """The report's mail, prepared by the technician whose phone is in
        New York for a task closed a quarter past midnight in Paris, says
        the 15th."""
        self.customer.email = "syndic@horizon-immobilier.example"
        task = self._closed_task(
            {"start": "2027-01-14 22:00:00", "in": "2027-01-14 22:30:00", "out": AFTER_MIDNIGHT}
        )
        template = self.env.ref("maintenance_planning.maintenance_task_mail_template_report")
        for env in (self._job_env(), self.env(user=self.technician)):
            with self.subTest(user=env.user.name):
                lang = get_lang(env)
                body = template.with_env(env)._render_field("body_html", task.ids)[task.id]
                self.assertIn(date(2027, 1, 15).strftime(lang.date_format), body)
                self.assertNotIn(date(2027, 1, 14).strftime(lang.date_format), body)


@tagged("post_install", "-at_install")
class TestPortalTimeZone(HttpCase, DocumentTimeZoneCommon):
    """Over HTTP, with a real portal session. A class of its own: under
    HttpCase the PDFs wkhtmltopdf makes have their text drawn as shapes (no
    font in ``pdffonts``), which pdftotext cannot read."""

    def test_portal_page_times_in_the_company_zone(self):
        """A portal contact whose contact card says New York reads the
        dossier's task planned at 08:00 in Paris."""
        self._closed_task(WINTER)
        portal = self.env["res.users"].create(
            {
                "name": "Agnès Roux",
                "login": "tz_portal",
                "password": "tz_portal_pw",
                "tz": "America/New_York",
                "group_ids": [Command.set(self.env.ref("base.group_portal").ids)],
                "parent_id": self.customer.id,
            }
        )
        self.assertEqual(portal.partner_id.commercial_partner_id, self.customer)
        self.authenticate("tz_portal", "tz_portal_pw")
        page = self.url_open(f"/my/interventions/{self.dossier.id}")
        self.assertEqual(page.status_code, 200)
        self.assertIn("Dépannage brûleur", page.text)
        self.assertIn("08:00", page.text)
        self.assertNotIn("02:00", page.text, "not the New York time")
        self.assertNotIn("07:00", page.text, "not the UTC time")
