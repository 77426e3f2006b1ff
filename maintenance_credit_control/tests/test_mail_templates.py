# Copyright 2026 Seed maintainers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.tests import tagged

from .common import CreditControlCommon


@tagged("post_install", "-at_install")
class TestFrenchReminders(CreditControlCommon):
    """The reminders go out in French and state the late-payment penalties
    and the 40 € fixed indemnity (Code de commerce L441-10 and D441-5)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("fr_FR")
        cls.env["ir.module.module"]._load_module_terms(
            ["account_credit_control", "maintenance_credit_control"], ["fr_FR"]
        )
        cls.customer.lang = "fr_FR"
        cls.invoice = cls._invoice(cls.customer, 1234.5, "2026-03-01")

    def _communication(self, level):
        run = self._run("2026-03-20")
        lines = run.sudo().line_ids
        lines.policy_level_id = level
        return self.env["credit.control.communication"]._generate_comm_from_credit_lines(lines)

    def test_templates_render_in_french_with_the_legal_mentions(self):
        expected_subjects = {
            self.level_friendly: "relance de paiement",
            self.level_second: "seconde relance de paiement",
            self.level_notice: "mise en demeure de payer",
        }
        for level, subject in expected_subjects.items():
            with self.subTest(level=level.name):
                self.env["credit.control.line"].sudo().search([]).unlink()
                self.env["credit.control.run"].sudo().search([]).unlink()
                communication = self._communication(level)
                template = level.email_template_id
                lang = template._render_lang(communication.ids)[communication.id]
                self.assertEqual(lang, "fr_FR")
                template = template.with_context(lang=lang)
                body = template._render_field("body_html", communication.ids)[communication.id]
                rendered_subject = template._render_field("subject", communication.ids)[
                    communication.id
                ]
                self.assertIn(subject, rendered_subject)
                self.assertIn("40 €", body)
                self.assertIn("L441-10", body)
                self.assertIn("D441-5", body)
                self.assertIn("pénalités de retard", body)
                self.assertIn("indemnité forfaitaire pour frais de recouvrement", body)
                self.assertIn("1 234,50", body.replace("\xa0", " ").replace("\u202f", " "))

    def test_the_accountant_sends_the_reminder_by_email_in_french(self):
        run = self._run("2026-03-20")
        run.set_to_ready_lines()
        run.run_channel_action()
        communication = run.sudo().line_ids.communication_id
        self.assertEqual(communication.policy_level_id, self.level_friendly)
        message = communication.message_ids.filtered(lambda m: "40 €" in (m.body or ""))
        self.assertTrue(message, "the reminder e-mail states the 40 € indemnity")
        self.assertIn("Code de commerce", message.body)
        self.assertIn(self.invoice.name, message.body, "the invoices are listed")
        self.assertEqual(run.sudo().line_ids.state, "queued")
