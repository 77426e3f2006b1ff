# Copyright 2026 Seed maintainers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The payment follow-up speaks French to a French accountant and customer:
OCA's menus, buttons and states that OCA's own French file lacks, our
policy's name, the run's report, the table of invoices of the e-mails and
the letter."""

from unittest.mock import patch

from odoo import Command
from odoo.tests import HttpCase, tagged

from odoo.addons.maintenance_contracts.tests.pdf import pdf_text, serve_report_styles

from .common import CreditControlCommon


@tagged("post_install", "-at_install")
class TestFrenchFollowUp(HttpCase, CreditControlCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("fr_FR")
        cls.env["ir.module.module"]._load_module_terms(
            ["account_credit_control", "maintenance_credit_control"], ["fr_FR"]
        )
        cls.accountant.lang = "fr_FR"
        cls.customer.lang = "fr_FR"
        cls.invoice = cls._invoice(cls.customer, 1234.5, "2026-03-01")

    def test_menus_buttons_and_states_in_french(self):
        # the accountant's session: their language in the context
        env = self.env(user=self.accountant, context={"lang": self.accountant.lang})
        self.assertEqual(env.lang, "fr_FR")
        menu = env.ref("account_credit_control.credit_control_run_menu")
        self.assertEqual(menu.name, "Campagnes de relance")
        arch = env["credit.control.run"].get_views([(False, "form")])["views"]["form"]["arch"]
        self.assertIn("Envoyer par le canal prévu", arch)
        self.assertNotIn("Run channel action", arch)
        states = dict(env["credit.control.line"].fields_get(["state"])["state"]["selection"])
        self.assertEqual(states["to_be_sent"], "À faire")
        self.assertEqual(states["queued"], "En file d'attente")
        level_fields = env["credit.control.policy.level"].fields_get(["mail_show_invoice_detail"])
        self.assertEqual(
            level_fields["mail_show_invoice_detail"]["string"],
            "Détailler les factures dans l'e-mail",
        )
        self.assertEqual(
            env["credit.control.policy"].browse(self.policy.id).name, "Relances (J+8, J+30, J+45)"
        )
        self.assertEqual(
            env["credit.control.policy.level"].browse(self.level_friendly.id).name,
            "Relance amiable",
        )

    def _run_fr(self, date):
        run = (
            self.env["credit.control.run"]
            .with_user(self.accountant)
            .with_context(lang=self.accountant.lang)
            .create({"date": date, "policy_ids": [Command.set(self.policy.ids)]})
        )
        run.generate_credit_lines()
        return run

    def test_run_report_in_french(self):
        # before the first level's delay: nothing to follow up
        empty = self._run_fr("2026-03-05")
        self.assertIn("n'a généré aucune ligne de relance", empty.report)
        run = self._run_fr("2026-03-20")
        self.assertIn("La politique", run.report)
        self.assertIn("a généré", run.report)
        self.assertIn("Relances (J+8, J+30, J+45)", run.report)
        self.assertNotIn("has generated", run.report)

    def _communication(self):
        run = self._run("2026-03-20")
        lines = run.sudo().line_ids
        return self.env["credit.control.communication"]._generate_comm_from_credit_lines(lines)

    def test_invoice_table_of_the_email_in_french(self):
        communication = self._communication().with_user(self.accountant)
        table = communication.with_context(lang="fr_FR")._get_credit_control_communication_table()
        for french in (
            "Récapitulatif des factures",
            "Référence de paiement",
            "Montant de la facture",
        ):
            self.assertIn(french, table)
        for english in ("Invoices summary", "Payment Reference", "Invoice amount"):
            self.assertNotIn(english, table)

    def test_every_level_of_every_policy_in_french(self):
        """Every level of every policy the accountant can choose, ours and
        OCA's samples: its name, its letter and its mail in French (OCA's
        French file leaves most of its samples' texts in English); OCA's
        mail template greets in French."""
        levels = self.env["credit.control.policy.level"].search([])
        self.assertGreaterEqual(len(levels.policy_id), 4)
        english = ("Our records", "Thank you", "Best regards", "Dear", "please", "Unless we")
        for level in levels:
            for field in ("name", "custom_text", "custom_mail_text"):
                french = str(level.with_context(lang="fr_FR")[field] or "")
                label = f"{level.policy_id.name} / {level.name}: {field}"
                self.assertNotEqual(french, str(level.with_context(lang="en_US")[field]), label)
                for word in english:
                    self.assertNotIn(word, french, label)
        template = self.env.ref("account_credit_control.email_template_credit_control_base")
        self.assertIn("Bonjour", template.with_context(lang="fr_FR").body_html)

    def test_letter_in_french(self):
        """The letters of our first level and of OCA's sample policy,
        printed by the accountant: real PDFs, styled (their CSS served by
        the test server), read with pdftotext."""
        communication = self._communication()
        # a letter of the first level of OCA's sample policy
        sample = communication.sudo().copy(
            {"policy_level_id": self.env.ref("account_credit_control.3_time_1").id}
        )
        Report = (
            self.env["ir.actions.report"]
            .with_user(self.accountant)
            .with_context(lang=self.accountant.lang, force_report_rendering=True)
        )
        report = "account_credit_control.credit_control_summary"
        serve_report_styles(self.env)
        # the stylesheets are asked by the server itself before wkhtmltopdf
        # runs, without the browser's test cookie
        with patch.object(self, "http_request_allow_all", True):
            # one PDF each: Odoo renders several documents at once only
            # with a patched Qt
            text = " ".join(
                pdf_text(Report._render_qweb_pdf(report, letter.ids)[0])
                for letter in (communication, sample)
            )
        for french in (
            "Relance amiable",
            "Sauf erreur de notre part",
            "10 jours net",
            "nous n'avons pas reçu le règlement de la facture ci-dessous",
            "Nous vous remercions par avance de votre diligence.",
            "Numéro de facture",
            "Date d'échéance",
            "Total dû",
            "1 234,50",
        ):
            self.assertIn(french, text.replace("\xa0", " ").replace("\u202f", " "))
        for english in (
            "Summary",
            "Invoice number",
            "Date due",
            "Open amount",
            "Total Due",
            "Our records",
            "Best regards",
        ):
            self.assertNotIn(english, text)

    def test_sending_by_email_leaves_the_communications_menu_alone(self):
        run = self._run_fr("2026-03-20")
        run.set_to_ready_lines()
        menu_action = self.env.ref("account_credit_control.credit_control_communication_action")
        name, domain = menu_action.name, menu_action.domain
        emailer = (
            self.env["credit.control.emailer"]
            .with_user(self.accountant)
            .with_context(lang=self.accountant.lang)
            .create({"line_ids": [Command.set(run.sudo().line_ids.ids)]})
        )
        action = emailer.email_lines()
        self.assertEqual(action["name"], "Relances générées")
        communications = run.sudo().line_ids.communication_id
        self.assertTrue(communications)
        self.assertEqual(action["domain"], [("id", "in", communications.ids)])
        # the menu's action keeps its name and shows every communication
        self.assertEqual(menu_action.name, name)
        self.assertEqual(menu_action.domain, domain)
