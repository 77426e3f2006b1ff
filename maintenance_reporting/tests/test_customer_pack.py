# Copyright 2026 Seed maintainers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import date

from freezegun import freeze_time

from odoo import Command
from odoo.exceptions import AccessError
from odoo.tools import SQL

from odoo.addons.maintenance_contracts.tests.pdf import (
    pdf_fonts,
    pdf_pages,
    pdf_text,
    pdf_top_text,
)
from odoo.addons.maintenance_request.tests.request_common import RequestCommon

REPORT = "maintenance_reporting.maintenance_customer_pack_report_action"


class TestCustomerPack(RequestCommon):
    """Customer A (Syndic Horizon Immobilier, Résidence Les Tilleuls) and
    customer B (Copropriété Le Belvédère, Clinique de l'Orangerie) in
    January 2027: visits, requests, a corrective dossier, readings and
    documents of both. Every figure below is counted by hand."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("fr_FR")
        cls.env["ir.module.module"]._load_module_terms(
            ["maintenance_contracts", "maintenance_planning", "maintenance_reporting"], ["fr_FR"]
        )
        (cls.customer | cls.customer2).write({"lang": "fr_FR", "tz": "Europe/Paris"})
        cls.customer.email = "gestion@horizon-immobilier.fr"
        cls.customer2.email = "syndic@belvedere.fr"
        # the visits the contracts generated are replaced by hand-made ones
        (cls.contract | cls.contract_sxb).visit_ids.write({"state": "cancelled"})
        Visit = cls.env["maintenance.visit"]

        def visit(scope, due, window, state, done=None):
            site, equipment, contract = scope
            return {
                "site_id": site.id,
                "equipment_id": equipment.id,
                "contract_id": contract.id,
                "due_date": due,
                "window_start": window[0],
                "window_end": window[1],
                "state": state,
                "done_date": done,
            }

        a = (cls.site, cls.boiler, cls.contract)
        Visit.create(
            [
                # done before its due date, within the window: on time
                visit(a, "2027-01-05", ("2026-12-29", "2027-01-12"), "done", "2027-01-04"),
                # done within the window: on time
                visit(a, "2027-01-10", ("2027-01-03", "2027-01-17"), "done", "2027-01-12"),
                # done after the window: late
                visit(a, "2027-01-20", ("2027-01-13", "2027-01-27"), "done", "2027-01-29"),
                visit(a, "2027-01-25", ("2027-01-18", "2027-02-01"), "missed"),
                # still to plan after its window (today 15 February): overdue
                visit(a, "2027-01-28", ("2027-01-21", "2027-02-04"), "to_plan"),
                # due after the period: not counted
                visit(a, "2027-02-10", ("2027-02-03", "2027-02-17"), "done", "2027-02-09"),
                # customer B
                visit(
                    (cls.site_strasbourg, cls.boiler_sxb, cls.contract_sxb),
                    "2027-01-15",
                    ("2027-01-08", "2027-01-22"),
                    "done",
                    "2027-01-14",
                ),
            ]
        )
        with freeze_time("2027-01-11 08:00:00"):
            cls.quick = cls._request_as_manager("2027-01-11 08:00:00", title="Chaudière en panne")
        with freeze_time("2027-01-11 08:30:00"):
            cls.quick.with_user(cls.manager).action_acknowledge()  # 30 min: met
        with freeze_time("2027-01-18 08:00:00"):
            cls.slow = cls._request_as_manager("2027-01-18 08:00:00", title="Radiateurs froids")
        with freeze_time("2027-01-18 10:00:00"):
            cls.slow.with_user(cls.manager).action_acknowledge()  # 2 h: not met
        with freeze_time("2027-01-12 08:00:00"):
            cls.other = cls._request_as_manager(
                "2027-01-12 08:00:00",
                site=cls.site_strasbourg,
                equipment=cls.boiler_sxb,
                title="Ventilation Orangerie arrêtée",
            )
        # a corrective dossier no request opened (its task on 4 January)
        cls.dossier = cls.env(user=cls.manager)["maintenance.intervention"].create(
            {
                "intervention_type": "corrective",
                "site_id": cls.site.id,
                "equipment_ids": [Command.set(cls.boiler.ids)],
                "task_ids": [
                    Command.create(
                        {
                            "name": "Fuite circuit primaire",
                            "user_ids": [Command.set(cls.technician.ids)],
                            "planned_start": "2027-01-04 08:00:00",
                            "duration": 2.0,
                        }
                    )
                ],
            }
        )
        Meter = cls.env["maintenance.meter"]
        cls.meter = Meter.create(
            {
                "name": "Température départ",
                "kind": "gauge",
                "unit": "°C",
                "equipment_id": cls.boiler.id,
            }
        )
        cls.meter_b = Meter.create(
            {
                "name": "Pression réseau Orangerie",
                "kind": "gauge",
                "unit": "bar",
                "equipment_id": cls.boiler_sxb.id,
            }
        )
        with freeze_time("2027-02-15 10:00:00"):
            cls.env["maintenance.meter.reading"].create(
                [
                    {"meter_id": cls.meter.id, "value": 60.0, "date": "2027-01-05 09:00:00"},
                    {"meter_id": cls.meter.id, "value": 64.0, "date": "2027-01-05 13:00:00"},
                    {"meter_id": cls.meter.id, "value": 70.5, "date": "2027-01-20 09:00:00"},
                    # after the period
                    {"meter_id": cls.meter.id, "value": 99.0, "date": "2027-02-02 09:00:00"},
                    {"meter_id": cls.meter_b.id, "value": 2.5, "date": "2027-01-06 09:00:00"},
                    {"meter_id": cls.meter_b.id, "value": 2.7, "date": "2027-01-07 09:00:00"},
                ]
            )
        # downtime in January (24/7 equipment, 744 h required): a 4-hour
        # failure, a 10-hour power cut (external cause, left out), and a
        # failure of customer B's equipment
        with freeze_time("2027-02-15 10:00:00"):
            cls.env["maintenance.downtime"].create(
                [
                    {
                        "equipment_id": cls.boiler.id,
                        "kind": "failure",
                        "date_start": "2027-01-10 08:00:00",
                        "date_end": "2027-01-10 12:00:00",
                    },
                    {
                        "equipment_id": cls.boiler.id,
                        "kind": "external",
                        "date_start": "2027-01-15 08:00:00",
                        "date_end": "2027-01-15 18:00:00",
                    },
                    {
                        "equipment_id": cls.boiler_sxb.id,
                        "kind": "failure",
                        "date_start": "2027-01-12 08:00:00",
                        "date_end": "2027-01-13 08:00:00",
                    },
                ]
            )
        Attachment = cls.env["ir.attachment"]
        documents = Attachment.create(
            [
                {
                    "name": "Attestation entretien Tilleuls 2027.pdf",
                    "raw": b"%PDF-1.4",
                    "res_model": "maintenance.intervention",
                    "res_id": cls.dossier.id,
                    "maintenance_category": "certificate",
                },
                {
                    "name": "photo_fuite.jpg",
                    "raw": b"jpeg",
                    "res_model": "maintenance.intervention",
                    "res_id": cls.dossier.id,
                    "maintenance_category": "photo",
                },
                {
                    "name": "Attestation Orangerie 2027.pdf",
                    "raw": b"%PDF-1.4",
                    "res_model": "maintenance.site",
                    "res_id": cls.site_strasbourg.id,
                    "maintenance_category": "certificate",
                },
            ]
        )
        # documents issued in January (the database stamps the real day)
        cls.env.cr.execute(
            SQL(
                "UPDATE ir_attachment SET create_date = '2027-01-15 10:00:00' WHERE id IN %s",
                tuple(documents.ids),
            )
        )
        documents.invalidate_recordset(["create_date"])

    @classmethod
    def _request_as_manager(cls, received, site=None, equipment=None, **vals):
        site = site or cls.site
        return (
            cls.env["maintenance.customer.request"]
            .with_user(cls.manager)
            .create(
                {
                    "site_id": site.id,
                    "equipment_id": (equipment or cls.boiler).id,
                    "priority": "1",
                    "received_at": received,
                    **vals,
                }
            )
        )

    def _pack(self, customer=None, user=None, **vals):
        return (
            self.env["maintenance.customer.pack"]
            .with_user(user or self.manager)
            .create(
                {
                    "customer_id": (customer or self.customer).id,
                    "date_from": "2027-01-01",
                    "date_to": "2027-01-31",
                    **vals,
                }
            )
        )

    def _pdf_text(self, pack):
        pdf, report_type = (
            self.env["ir.actions.report"]
            .with_user(pack.env.user)
            .with_context(force_report_rendering=True)
            ._render_qweb_pdf(REPORT, pack.ids)
        )
        self.assertEqual(report_type, "pdf")
        return pdf_text(pdf)

    @freeze_time("2027-02-15 10:00:00")
    def test_figures_counted_by_hand(self):
        pack = self._pack()
        self.assertEqual(pack.name, "Rapport Syndic Horizon Immobilier - janvier 2027")
        self.assertEqual(pack.partner_id, self.customer)
        data = pack._pack_data()
        visits = data["visits"]
        # 5 due in January: 3 done (2 on time, 1 late), 1 missed, 1 overdue
        self.assertEqual(
            (visits["due"], visits["done"], visits["on_time"], visits["late"]), (5, 3, 2, 1)
        )
        self.assertEqual((visits["missed"], visits["overdue"]), (1, 1))
        self.assertAlmostEqual(visits["done_rate"], 100.0 * 3 / 5)
        self.assertAlmostEqual(visits["on_time_rate"], 100.0 * 2 / 3)
        self.assertEqual([row["due"] for row in visits["rows"]][:2], ["05/01/2027", "10/01/2027"])
        self.assertEqual(
            [row["late"] for row in visits["rows"]], [False, False, True, False, False]
        )
        self.assertTrue(visits["chart"])
        # response times: 0.5 h (met) and 2 h (not met) against 1 h
        requests = data["requests"]
        self.assertEqual(requests["count"], 2)
        response = requests["kinds"][0]
        self.assertEqual(response["kind"], "response")
        self.assertEqual((response["measured"], response["met"], response["missed"]), (2, 1, 1))
        self.assertAlmostEqual(response["rate"], 50.0)
        self.assertEqual(response["hours"], "1 h 15")  # (0.5 + 2) / 2 = 1.25 h
        self.assertEqual(response["allowed"], "1 h 00")
        self.assertEqual(requests["kinds"][2]["measured"], 0)  # nothing restored yet
        self.assertEqual(requests["corrective_count"], 1)
        self.assertEqual([row["name"] for row in requests["other_dossiers"]], [self.dossier.name])
        # readings of January: 60 and 64 on the 5th (daily average 62), 70.5
        [meter] = data["meters"]
        self.assertEqual((meter["name"], meter["count"]), ("Température départ", 3))
        self.assertEqual((meter["min"], meter["max"]), ("60,00 °C", "70,50 °C"))
        self.assertTrue(meter["chart"])
        # the certificate, not the photo, nor customer B's certificate
        self.assertEqual(
            [row["name"] for row in data["documents"]], ["Attestation entretien Tilleuls 2027.pdf"]
        )
        self.assertEqual([row["name"] for row in data["equipment"]], ["Chaudière Lyon 1"])
        self.assertTrue(data["equipment"][0]["covered"])
        # availability: the power cut is neither downtime nor required
        # time: required 744 - 10 = 734 h, uptime 734 - 4 = 730 h,
        # 730 / 734 = 99.46 %; MTBF 730 h / 1 failure; MTTR 4 h
        [row] = data["availability"]["rows"]
        self.assertEqual(row["failures"], 1)
        self.assertAlmostEqual(row["availability_value"], 730 / 734)
        self.assertEqual(
            (row["availability"], row["downtime"], row["required"], row["mtbf"], row["mttr"]),
            ("99,5 %", "4 h 00", "734 h", "730 h 00", "4 h 00"),
        )
        self.assertTrue(data["availability"]["chart"])
        cards = dict(data["summary"])
        self.assertEqual(cards["Disponibilité"], "99,5 %")
        self.assertEqual(cards["Pannes"], "1")
        self.assertEqual(cards["Visites préventives réalisées"], "3 / 5")
        self.assertEqual(cards["Visites réalisées dans les délais"], "66,7 %")
        self.assertEqual(cards["Demandes du client"], "2")

    @freeze_time("2027-02-15 10:00:00")
    def test_pdf_holds_the_customer_figures_and_nothing_of_another(self):
        text = self._pdf_text(self._pack())
        for expected in (
            "Syndic Horizon Immobilier",
            "Résidence Les Tilleuls",
            "Chaudière Lyon 1",
            "janvier 2027",
            "3 / 5",
            "66,7 %",
            "50,0 %",
            "1 h 15",
            self.quick.name,
            "Chaudière en panne",
            self.dossier.name,
            "Température départ",
            "70,50 °C",
            "Attestation entretien Tilleuls 2027.pdf",
            "99,5 %",
            "730 h 00",
            "Thermi" if "Thermi" in self.env.company.name else self.env.company.name,
        ):
            self.assertIn(expected, text)
        for foreign in (
            self.customer2.name,
            self.site_strasbourg.name,
            "Orangerie",
            self.other.name,
            self.boiler_sxb.name,
            self.contract_sxb.code,
            "Pression réseau",
            "photo_fuite",
        ):
            self.assertNotIn(foreign, text)

    @freeze_time("2027-02-15 10:00:00")
    def test_pdf_styled_numbered_and_stamped_on_every_page(self):
        """The pack, several pages: styled with real text (Lato embedded as
        a font), the letterhead at the top of its first page, each page
        numbered "N / M" with the company's legal lines, and the times of
        the requests table never cut in two ("1 h 15" on one line)."""
        self.env.company.write({"street": "18 rue de la Villette", "zip": "69003", "city": "Lyon"})
        self.env.company.company_registry = "812 345 678 00021"
        pack = self._pack()
        pdf, _report_type = (
            self.env["ir.actions.report"]
            .with_user(self.manager)
            .with_context(force_report_rendering=True)
            ._render_qweb_pdf(REPORT, pack.ids)
        )
        fonts = pdf_fonts(pdf)
        self.assertTrue(fonts.get("Lato-Regular"), fonts)
        self.assertFalse([font for font in fonts if font.startswith("DejaVuSerif")], fonts)
        self.assertIn(self.env.company.name, pdf_top_text(pdf, 25))
        pages = pdf_pages(pdf)
        self.assertGreater(len(pages), 1)
        legal = f"{self.env.company.name} - 18 rue de la Villette, 69003 Lyon - SIRET : 812 345 678 00021"
        for number, page in enumerate(pages, start=1):
            self.assertIn(f"{number} / {len(pages)}", page)
            self.assertIn(legal, page)
        self.assertIn("1 h 15", " ".join(pages))

    @freeze_time("2027-02-15 10:00:00")
    def test_pdf_of_the_other_customer(self):
        text = self._pdf_text(self._pack(customer=self.customer2))
        self.assertIn("Clinique de l'Orangerie", text)
        self.assertIn("Ventilation Orangerie arrêtée", text)
        self.assertIn("1 / 1", text)
        for foreign in ("Horizon", "Tilleuls", "Chaudière Lyon", "Température départ"):
            self.assertNotIn(foreign, text)

    @freeze_time("2027-02-15 10:00:00")
    def test_site_scope(self):
        """A pack for one site: another site of the same customer is left out."""
        equipment = self._create_equipment(1, site=self.site3, name="Chaudière Crèche")
        self.env["maintenance.visit"].create(
            {"site_id": self.site3.id, "equipment_id": equipment.id, "due_date": "2027-01-08"}
        )
        data = self._pack(site_id=self.site.id)._pack_data()
        self.assertEqual(data["visits"]["due"], 5)
        self.assertEqual(self._pack()._pack_data()["visits"]["due"], 6)

    def test_technicians_and_accountants_cannot_print(self):
        pack = self._pack()
        for user in (self.technician, self.accountant):
            with self.assertRaises(AccessError):
                self._pack(user=user)
            with self.assertRaises(AccessError):
                self.env["ir.actions.report"].with_user(user)._render_qweb_html(REPORT, pack.ids)

    @freeze_time("2027-02-15 10:00:00")
    def test_wizard_prints_and_sends(self):
        Wizard = self.env["maintenance.customer.pack.wizard"].with_user(self.manager)
        wizard = Wizard.with_context(default_contract_id=self.contract.id).create(
            {"period": "last_month"}
        )
        self.assertEqual(wizard.customer_id, self.customer)
        self.assertEqual((wizard.date_from, wizard.date_to), (date(2027, 1, 1), date(2027, 1, 31)))
        action = wizard.action_print()
        self.assertEqual(action["report_name"], "maintenance_reporting.report_customer_pack")
        pack = self.env["maintenance.customer.pack"].browse(action["context"]["active_ids"])
        self.assertEqual(pack.contract_id, self.contract)
        action = wizard.action_send()
        context = action["context"]
        composer = (
            self.env["mail.compose.message"]
            .with_user(self.manager)
            .with_context(context)
            .create({})
        )
        self.assertIn("janvier 2027", composer.subject)
        self.assertIn("Veuillez trouver ci-joint", str(composer.body))
        self.assertEqual(composer.partner_ids, self.customer)
        composer.action_send_mail()
        pack = self.env["maintenance.customer.pack"].browse(context["default_res_ids"])
        self.assertEqual(pack.state, "sent")
        message = pack.message_ids.filtered(lambda message: message.attachment_ids)
        self.assertEqual(len(message), 1)
        self.assertEqual(message.partner_ids, self.customer)
        self.assertTrue(message.attachment_ids.name.startswith("Rapport"))

    def test_scheduled_sending_once_per_contract_and_period(self):
        self.env.company.write(
            {"name": "Thermi-Services Rhône", "email": "contact@thermi-services-rhone.fr"}
        )
        self.contract.customer_pack_frequency = "monthly"
        self.contract_sxb.customer_pack_frequency = "yearly"
        Pack = self.env["maintenance.customer.pack"]
        with freeze_time("2027-02-03 06:00:00"):
            Pack._cron_send_scheduled()
            Pack._cron_send_scheduled()
        packs = Pack.search([("contract_id", "in", (self.contract | self.contract_sxb).ids)])
        # January for the monthly contract; the yearly one started in 2027:
        # no report for 2026
        self.assertEqual(len(packs), 1)
        self.assertEqual(packs.contract_id, self.contract)
        self.assertEqual((packs.date_from, packs.date_to), (date(2027, 1, 1), date(2027, 1, 31)))
        self.assertTrue(packs.scheduled)
        self.assertEqual(packs.state, "sent")
        mails = self.env["mail.mail"].search(
            [("model", "=", Pack._name), ("res_id", "=", packs.id)]
        )
        self.assertEqual(len(mails), 1)
        self.assertIn(self.customer, mails.recipient_ids)
        # from the company, not from the job's OdooBot (« System »)
        self.assertTrue(self.env.su)
        self.assertEqual(mails.author_id, self.env.company.partner_id)
        self.assertEqual(
            mails.email_from, '"Thermi-Services Rhône" <contact@thermi-services-rhone.fr>'
        )
        # next month: February's report, once
        with freeze_time("2027-03-01 06:00:00"):
            Pack._cron_send_scheduled()
            Pack._cron_send_scheduled()
        self.assertEqual(
            Pack.search([("contract_id", "=", self.contract.id)]).mapped("date_from"),
            [date(2027, 2, 1), date(2027, 1, 1)],
        )

    def test_scheduled_without_email_is_kept_unsent(self):
        self.customer.email = False
        self.contract.customer_pack_frequency = "monthly"
        Pack = self.env["maintenance.customer.pack"]
        with freeze_time("2027-02-03 06:00:00"):
            Pack._cron_send_scheduled()
            Pack._cron_send_scheduled()
        pack = Pack.search([("contract_id", "=", self.contract.id)])
        self.assertEqual(len(pack), 1)
        self.assertEqual(pack.state, "draft")
        self.assertIn("adresse e-mail", pack.message_ids[0].body)

    @freeze_time("2027-02-15 10:00:00")
    def test_query_count_flat(self):
        """The figures cost the same number of queries for 5 visits and 2
        requests as for 25 visits and 12 requests."""
        pack = self._pack()
        self.env.invalidate_all()
        before = self.env.cr.sql_log_count
        pack._pack_data()
        small = self.env.cr.sql_log_count - before
        self.env["maintenance.visit"].create(
            [
                {
                    "site_id": self.site.id,
                    "equipment_id": self.boiler.id,
                    "contract_id": self.contract.id,
                    "due_date": f"2027-01-{day:02d}",
                    "state": "done",
                    "done_date": f"2027-01-{day:02d}",
                }
                for day in range(1, 21)
            ]
        )
        for day in range(1, 11):
            self._request_as_manager(f"2027-01-{day + 10:02d} 07:00:00")
        self.env.invalidate_all()
        with self.assertQueryCount(small):
            data = pack._pack_data()
        self.assertEqual(data["visits"]["due"], 25)
        self.assertEqual(data["requests"]["count"], 12)
