# Copyright 2026 Seed maintainers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import base64

from freezegun import freeze_time

from odoo import Command
from odoo.exceptions import AccessError, UserError

from odoo.addons.base.models.ir_actions_report import _wkhtml
from odoo.addons.maintenance_contracts.report_pdf import ReportStyleError
from odoo.addons.maintenance_contracts.tests.pdf import (
    pdf_fonts,
    pdf_pages,
    pdf_text,
    pdf_top_text,
    serve_report_styles,
)
from odoo.addons.maintenance_planning.tests.technician_common import NEAR, PNG

from .meter_common import MeterCommon


@freeze_time("2027-01-05 09:00:00")
class TestTechnicianClosing(MeterCommon):
    """The checklist blocks the closing until done; parts are kept on the
    dossier; the signed intervention report is attached and e-mailed."""

    def _lines(self, user=None):
        return self._as(user or self.technician, self.task).checklist_ids.sorted("sequence")

    def test_required_operations_block_the_closing(self):
        task = self._as(self.technician, self.task)
        with self.assertRaises(UserError) as refusal:
            task.action_done()
        message = str(refusal.exception)
        self.assertIn("Contrôle des organes de sécurité", message)
        self.assertIn("Analyse de combustion", message)
        self.assertNotIn("Nettoyage du brûleur", message, "optional operations do not block")
        self.assertEqual(self.task.state, "todo")
        # the manager is held by the same rule
        with self.assertRaisesRegex(UserError, "Analyse de combustion"):
            self._as(self.manager, self.task).write({"state": "done"})

        safety, combustion, cleaning = self._lines()
        safety.action_set_done()
        with self.assertRaises(UserError) as refusal:
            task.action_done()
        self.assertNotIn("Contrôle des organes de sécurité", str(refusal.exception))
        self.assertIn("Analyse de combustion", str(refusal.exception))

        # an anomaly must be described
        action = combustion.action_set_anomaly()
        self.assertEqual(action["res_model"], "maintenance.task.checklist")
        self.assertEqual(action["target"], "new", "the phone asks for a description")
        with self.assertRaisesRegex(
            UserError, "describe the anomaly found on: Analyse de combustion"
        ):
            task.action_done()
        combustion.comment = "CO à 120 ppm, réglage du brûleur à prévoir"
        self.assertEqual(cleaning.result, "todo")
        task.action_done()
        self.assertEqual(self.task.state, "done")
        self.assertEqual(self.task.closed_by, self.technician)
        self.assertEqual(
            self._lines().mapped("result"),
            ["done", "anomaly", "todo"],
            "nothing was ticked for them",
        )
        with self.assertRaisesRegex(UserError, "closed"):
            cleaning.action_set_not_applicable()

    def test_not_applicable_counts_as_ticked(self):
        self._lines().filtered("is_required").action_set_not_applicable()
        self._as(self.technician, self.task).action_done()
        self.assertEqual(self.task.state, "done")

    def test_only_managers_tick_everything_at_once(self):
        with self.assertRaisesRegex(UserError, "Only an operations manager"):
            self._as(self.technician, self.task).action_checklist_all_done()
        self._as(self.manager, self.task).action_checklist_all_done()
        self.assertEqual(set(self.task.checklist_ids.mapped("result")), {"done"})

    def test_parts_used_are_kept_on_the_dossier(self):
        gasket = self.env["product.product"].create(
            {"name": "Joint de porte foyer", "type": "consu", "default_code": "JF-200"}
        )
        nozzle = self.env["product.product"].create({"name": "Gicleur 0,60 USgal", "type": "consu"})
        task = self._as(self.technician, self.task)
        task.write(
            {
                "part_ids": [
                    Command.create({"product_id": gasket.id, "quantity": 2}),
                    Command.create(
                        {"product_id": nozzle.id, "quantity": 1, "note": "ancien encrassé"}
                    ),
                ],
                "parts_to_order": "Électrode d'allumage réf. 65320, 1 pièce",
            }
        )
        # read back as the next request would, not from this test's cache
        self.env.invalidate_all()
        parts = self.task.part_ids
        self.assertEqual(len(parts), 2)
        self.assertEqual(parts.mapped("user_id"), self.technician)
        self.assertEqual(parts[0].product_uom_id, gasket.uom_id, "the unit of the product")
        self.assertEqual(self.dossier.part_ids, parts, "kept on the dossier for invoicing")
        self.assertEqual(sum(self.dossier.part_ids.mapped("quantity")), 3)
        # the other technician sees none of them
        with self.assertRaises(AccessError):
            parts.with_user(self.technician2).read(["quantity"])
        with self.assertRaises(AccessError):
            self.env["maintenance.task.part"].with_user(self.technician2).create(
                {"task_id": self.task.id, "product_id": gasket.id}
            )
        # once closed, the technician can no longer change them
        self.task.sudo().checklist_ids.write({"result": "done"})
        task.action_done()
        with self.assertRaisesRegex(UserError, "closed"):
            parts[0].with_user(self.technician).quantity = 5
        with self.assertRaisesRegex(UserError, "closed"):
            task.write({"part_ids": [Command.create({"product_id": gasket.id})]})

    def _fill_and_sign(self):
        """What the technician does on site before closing."""
        task = self._as(self.technician, self.task)
        with freeze_time("2027-01-05 07:55:00"):
            task.action_check_in(*NEAR)
        self._lines().filtered("is_required").action_set_done()
        self._lines()[2].write({"result": "anomaly", "comment": "Brûleur encrassé"})
        photo = (
            self.env["ir.attachment"]
            .with_user(self.technician)
            .create(
                {
                    "name": "brûleur.png",
                    "raw": PNG,
                    "res_model": "maintenance.task",
                    "res_id": self.task.id,
                }
            )
        )
        gasket = self.env["product.product"].create(
            {"name": "Joint de porte foyer", "type": "consu"}
        )
        task.write(
            {
                "photo_ids": [Command.link(photo.id)],
                "reading_ids": [
                    Command.create({"meter_id": self.counter.id, "value": 12345.0}),
                    Command.create({"meter_id": self.gauge.id, "value": 71.5}),
                ],
                "part_ids": [Command.create({"product_id": gasket.id, "quantity": 1})],
                "work_summary": "Remplacement du joint de porte foyer, réglage de la combustion.",
                "customer_signer_name": "Marie Durand",
                "customer_signature": base64.b64encode(PNG),
            }
        )
        with freeze_time("2027-01-05 09:40:00"):
            task.action_check_out(*NEAR)
        return photo

    def test_signature_and_report_attached_once(self):
        photo = self._fill_and_sign()
        self.assertEqual(photo.maintenance_category, "photo")
        self.assertTrue(self.task.customer_signed_on)
        with freeze_time("2027-01-05 09:45:00"):
            self._as(self.technician, self.task).action_done()
        # the report is not rendered in the closing request (wkhtmltopdf would
        # hold a worker while it fetches its assets from the same server): the
        # task waits for the documents job, which renders it once
        self.assertTrue(self.task.report_pending)
        report_domain = [
            ("res_model", "=", "maintenance.task"),
            ("res_id", "=", self.task.id),
            ("maintenance_category", "=", "report"),
        ]
        self.assertFalse(self.env["ir.attachment"].search(report_domain))
        # a real PDF (Odoo renders HTML in tests without force_report_rendering)
        Task = self.env["maintenance.task"].with_context(force_report_rendering=True)
        Task._cron_closing_documents()
        Task._cron_closing_documents()
        self.assertFalse(self.task.report_pending)
        reports = self.env["ir.attachment"].search(
            [
                ("res_model", "in", ("maintenance.intervention", "maintenance.task")),
                ("res_id", "in", (self.dossier.id, self.task.id)),
                ("maintenance_category", "=", "report"),
            ]
        )
        self.assertEqual(len(reports), 1, "one report per closed task, saved once")
        report = reports
        self.assertEqual((report.res_model, report.res_id), ("maintenance.task", self.task.id))
        self.assertIn(self.dossier.name.replace("/", "-"), report.name)
        self.assertTrue(report.name.endswith(".pdf"), report.name)
        self.assertEqual(report.mimetype, "application/pdf")
        text = pdf_text(report.raw)
        for expected in (
            f"Intervention report {self.dossier.name}",
            "Dépannage chaudière",
            self.customer.name,
            self.site.name,
            "Chaudière gaz 1",
            self.equipment.serial_number,
            "Brûleur encrassé",
            "Compteur horaire 12,345.000 h",
            "Température départ 71.500 °C",
            "Julien Moreau",
            "Total time on site: 01:45",
            "Joint de porte foyer",
            "Remplacement du joint de porte foyer",
            "Marie Durand",
            self.env.company.name,
        ):
            self.assertIn(expected, text)
        # nothing of the other technician's task, at another customer's site
        for foreign in (self.customer2.name, self.site2.name, "Visite ascenseur", "Karim Benali"):
            self.assertNotIn(foreign, text)
        # the dossier's documents list it, and the technician can read it there
        action = self._as(self.technician, self.dossier).action_view_documents()
        self.assertIn(
            report,
            self.env["ir.attachment"].with_user(self.technician).search(action["domain"]),
        )

    def test_report_shows_the_work(self):
        self._fill_and_sign()
        self._as(self.technician, self.task).action_done()
        html, _type = (
            self.env["ir.actions.report"]
            .with_context(tz="Europe/Paris")
            ._render_qweb_html("maintenance_planning.maintenance_task_report_action", self.task.ids)
        )
        html = html.decode()
        for expected in (
            "Intervention report",
            self.dossier.name,
            self.customer.name,
            self.site.name,
            "12 rue des Tilleuls",
            "Chaudière gaz 1",  # equipment
            "08:55",  # arrival, Paris time
            "10:40",  # departure
            "01:45",  # time on site
            "Contrôle des organes de sécurité",
            "Brûleur encrassé",  # anomaly comment
            "Anomaly",
            "Compteur horaire",
            "12,345.000",  # the reading
            "Joint de porte foyer",  # part
            "Remplacement du joint de porte foyer",  # work done
            "Marie Durand",  # signer
            "data:image/png;base64",  # photo and signature
        ):
            self.assertIn(expected, html)
        # the photo and the signature (the same tiny PNG here)
        self.assertEqual(html.count(base64.b64encode(PNG).decode()), 2)

    def test_report_sent_by_email(self):
        self._fill_and_sign()
        self.customer.email = "syndic@horizon-immobilier.example"
        task = self._as(self.technician, self.task)
        task.action_done()
        action = task.action_send_report()
        self.assertEqual(action["res_model"], "mail.compose.message")
        composer = (
            self.env["mail.compose.message"]
            .with_user(self.technician)
            .with_context(action["context"])
            .create({})
        )
        self.assertIn(self.customer, composer.partner_ids)
        self.assertIn("intervention report", composer.subject)
        self.assertEqual(len(composer.attachment_ids), 1, "the report is attached")
        composer.action_send_mail()
        message = self.task.message_ids[0]
        self.assertEqual(
            message.attachment_ids.mapped("name"), composer.attachment_ids.mapped("name")
        )
        self.assertIn(self.customer, message.partner_ids)

    def test_technician_cannot_change_a_closed_task(self):
        self.task.sudo().checklist_ids.write({"result": "done"})
        task = self._as(self.technician, self.task)
        task.action_done()
        with self.assertRaisesRegex(UserError, "is closed"):
            task.write({"work_summary": "Modifié après coup"})
        with self.assertRaisesRegex(UserError, "is closed"):
            task.write({"customer_signature": base64.b64encode(PNG)})

    def test_report_pdf_styled_with_real_text(self):
        """The stored intervention report is styled (the report CSS loaded:
        Lato, not the serif of an unstyled page) and its text is text (Lato
        embedded as a font, not drawn as outlines); the letterhead opens the
        first page; each page carries its number and the company's legal
        lines; the conclusion and the signature stay together."""
        self.env.company.write(
            {
                "street": "18 rue de la Villette",
                "zip": "69003",
                "city": "Lyon",
                "country_id": self.env.ref("base.fr").id,
                "company_registry": "812 345 678 00021",
                "vat": "FR23334175221",
                "report_footer": "<p>SAS au capital de 150 000 € - RCS Lyon</p>",
            }
        )
        self._fill_and_sign()
        self._as(self.technician, self.task).action_done()
        self.env["maintenance.task"].with_context(
            force_report_rendering=True
        )._cron_closing_documents()
        report = self.env["ir.attachment"].search(
            [
                ("res_model", "=", "maintenance.task"),
                ("res_id", "=", self.task.id),
                ("maintenance_category", "=", "report"),
            ]
        )
        fonts = pdf_fonts(report.raw)
        self.assertTrue(fonts.get("Lato-Regular"), fonts)
        self.assertTrue(fonts.get("Lato-Bold"), fonts)
        self.assertFalse([font for font in fonts if font.startswith("DejaVuSerif")], fonts)
        # the letterhead in the top 25 mm of the page (A4's 52 mm margin for
        # the header the unpatched Qt drops put it 6 cm down)
        self.assertIn(self.env.company.name, pdf_top_text(report.raw, 25))
        pages = pdf_pages(report.raw)
        for number, page in enumerate(pages, start=1):
            self.assertIn(f"{number} / {len(pages)}", page)
            self.assertIn("18 rue de la Villette, 69003 Lyon", page)
            self.assertIn("SIRET: 812 345 678 00021 - VAT: FR23334175221", page)
            self.assertIn("SAS au capital de 150 000 € - RCS Lyon", page)
        # the signature is on the page of the work done
        signature = next(page for page in pages if "Customer's signature" in page)
        self.assertIn("Remplacement du joint de porte foyer", signature)
        self.assertIn("Marie Durand", signature)

    def test_report_never_stored_unstyled(self):
        """Odoo not answering at its report address: no unstyled PDF is
        stored, the documents job leaves the report for its next run; the
        user printing it gets the reason."""
        self._fill_and_sign()
        self._as(self.technician, self.task).action_done()
        self.env["ir.config_parameter"].set_param("report.url", "http://127.0.0.1:9")
        Task = self.env["maintenance.task"].with_context(force_report_rendering=True)
        Task._cron_closing_documents()
        self.assertTrue(self.task.report_pending)
        report_domain = [
            ("res_model", "=", "maintenance.task"),
            ("res_id", "=", self.task.id),
            ("maintenance_category", "=", "report"),
        ]
        self.assertFalse(self.env["ir.attachment"].search(report_domain))
        with self.assertRaisesRegex(ReportStyleError, r"127\.0\.0\.1:9.*report\.url"):
            self.env["ir.actions.report"].with_user(self.technician).with_context(
                force_report_rendering=True
            )._render_qweb_pdf("maintenance_planning.maintenance_task_report_action", self.task.ids)
        # Odoo answers again: the next run renders it
        serve_report_styles(self.env)
        Task._cron_closing_documents()
        self.assertFalse(self.task.report_pending)
        self.assertEqual(len(self.env["ir.attachment"].search(report_domain)), 1)

    def test_report_carries_the_letterhead(self):
        """The intervention report shows the company's name, address and
        SIRET: in the letterhead of Odoo's external layout, or in the body of
        the PDF when wkhtmltopdf lacks the patched Qt that prints headers
        (Debian's build)."""
        self.env.company.write(
            {"company_registry": "812 345 678 00021", "report_footer": "<p>RCS Lyon B 812</p>"}
        )
        report = self.env["ir.actions.report"].with_context(tz="Europe/Paris")
        action = "maintenance_planning.maintenance_task_report_action"
        html = report._render_qweb_html(action, self.task.ids, data={"report_type": "pdf"})[0]
        html = html.decode()
        body = html[html.index("o_maintenance_task_report") :]
        if _wkhtml().is_patched_qt:
            self.assertNotIn("o_maintenance_letterhead", body)
        else:
            # the legal footer is stamped on each page of the PDF instead
            for expected in (self.env.company.name, "812 345 678 00021"):
                self.assertIn(expected, body)
        # the on-screen preview has Odoo's own header: no letterhead twice
        preview = report._render_qweb_html(action, self.task.ids)[0].decode()
        self.assertNotIn("o_maintenance_letterhead", preview)
        self.assertIn("RCS Lyon B 812", preview)
