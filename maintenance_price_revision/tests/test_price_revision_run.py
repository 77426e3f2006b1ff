# Copyright 2026 Seed maintainers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from unittest.mock import patch

from freezegun import freeze_time
from psycopg2 import IntegrityError

from odoo import fields
from odoo.exceptions import UserError
from odoo.tools import mute_logger

from odoo.addons.maintenance_contracts.tests.pdf import pdf_fonts, pdf_pages, pdf_text, pdf_top_text
from odoo.addons.maintenance_price_revision.models.maintenance_price_revision import (
    MaintenancePriceRevision,
)

from .price_revision_common import PriceRevisionCommon


@freeze_time("2027-01-01")
class TestPriceRevisionRun(PriceRevisionCommon):
    """The revision wizard (preview, then apply), the daily cron, missing
    indices, scheduled revisions, invoicing and the customer letter."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # a formula on an index with no value at all
        cls.bt_formula = cls._formula("BT47 85", 0.15, [(cls.bt47, 0.85)])
        cls.activity_type = cls.env.ref(
            "maintenance_price_revision.mail_activity_type_price_revision"
        )

    def _cron(self):
        self.env["maintenance.price.revision"]._cron_revise_prices()

    def _activities(self, contracts):
        return self.env["mail.activity"].search(
            [
                ("res_model", "=", "contract.contract"),
                ("res_id", "in", contracts.ids),
                ("activity_type_id", "=", self.activity_type.id),
            ]
        )

    def test_wizard_preview_then_apply(self):
        good = self._revisable_contract()
        missing = self._revisable_contract(formula=self.bt_formula)
        with freeze_time("2028-01-01"):
            contracts = (good | missing).with_user(self.manager)
            action = contracts.action_price_revision_wizard()
            wizard = (
                self.env["maintenance.price.revision.wizard"]
                .with_user(self.manager)
                .browse(action["res_id"])
            )
            self.assertEqual(wizard.state, "preview")
            line = wizard.line_ids.filtered(lambda line: line.contract_id == good)
            self.assertEqual(line.state, "revise")
            self.assertEqual(line.contract_line_id, good.contract_line_ids)
            self.assertEqual(
                (line.base_price, line.old_price, line.new_price), (1200.0, 1200.0, 1240.80)
            )
            self.assertEqual(line.coefficient, 1.034)
            self.assertIn("I = 281.1 (October 2027), I0 = 270.5 (October 2026)", line.index_values)
            self.assertIn(
                "0.15 + 0.85 x 281.1 / 270.5 = 1.03330869, rounded to 1.034", line.computation
            )
            error = wizard.line_ids.filtered(lambda line: line.contract_id == missing)
            self.assertEqual(error.state, "error")
            self.assertIn(
                "No value of index T-BT47 - Electrical work (test) for October 2026", error.reason
            )
            self.assertEqual((wizard.revisable_count, wizard.error_count), (1, 1))
            # nothing written by the preview
            self.assertEqual(self._prices(good), [1200.0])
            self.assertFalse(
                self.env["maintenance.price.revision"].search(
                    [("contract_id", "in", contracts.ids)]
                )
            )
            result = wizard.action_apply()
        revision = good.price_revision_ids
        self.assertEqual(result["domain"], [("id", "in", revision.ids)])
        self.assertEqual(revision.state, "done")
        self.assertEqual(revision.user_id, self.manager)
        self.assertEqual(revision.line_ids.new_price, 1240.80)
        self.assertEqual(self._prices(good), [1240.80])
        self.assertEqual(self._prices(missing), [1200.0], "the contract in error is left")
        self.assertFalse(missing.price_revision_ids)
        self.assertIn("Price revised on", good.message_ids[0].body)
        self.assertIn("1240.8", good.message_ids[0].body)
        # the line kept its identity: same record, same equipment and visits
        line = good.contract_line_ids
        self.assertTrue(line.visit_ids)
        self.assertEqual(revision.line_ids.contract_line_id, line)

    def test_wizard_apply_with_nothing_revisable(self):
        missing = self._revisable_contract(formula=self.bt_formula)
        with freeze_time("2028-01-01"):
            wizard = self.env["maintenance.price.revision.wizard"].browse(
                missing.action_price_revision_wizard()["res_id"]
            )
            with self.assertRaisesRegex(UserError, "No contract can be revised"):
                wizard.action_apply()

    def test_wizard_from_list_selection(self):
        contract = self._revisable_contract()
        wizard = (
            self.env["maintenance.price.revision.wizard"]
            .with_context(active_model="contract.contract", active_ids=contract.ids)
            .create({"revision_date": "2028-01-01"})
        )
        self.assertEqual(wizard.contract_ids, contract)
        wizard.action_preview()
        self.assertEqual(wizard.line_ids.new_price, 1240.80)
        self.assertEqual(wizard.line_ids.state, "scheduled", "revision date still to come")

    def test_cron_missing_index_others_go_through_idempotent(self):
        first = self._revisable_contract()
        missing = self._revisable_contract(formula=self.bt_formula)
        last = self._revisable_contract(price=600.0)
        not_due = self._revisable_contract(date_start="2027-06-01")
        with freeze_time("2028-01-01"):
            self._cron()
            self._cron()  # twice the same day: revised once
        self.assertEqual(len(first.price_revision_ids), 1)
        self.assertEqual(len(last.price_revision_ids), 1)
        self.assertEqual(self._prices(first), [1240.80])
        self.assertEqual(self._prices(last), [620.40])
        self.assertFalse(not_due.price_revision_ids)
        # the contract with a missing index is not revised, its responsible is told once
        self.assertFalse(missing.price_revision_ids)
        self.assertEqual(self._prices(missing), [1200.0])
        activity = self._activities(missing)
        self.assertEqual(len(activity), 1)
        self.assertEqual(activity.user_id, self.manager)
        self.assertIn("No value of index T-BT47", str(activity.note))
        self.assertFalse(self._activities(first | last))
        self.assertEqual(
            missing.price_revision_next_date, fields.Date.to_date("2028-01-01"), "still due"
        )
        # the index is published: the next run revises it
        self._values(self.bt47, {"2026-10": 130.0, "2027-10": 135.2})
        with freeze_time("2028-01-02"):
            self._cron()
        # 0.15 + 0.85 x 135.2 / 130 = 1.034, up 1.034 -> 1,240.80
        self.assertEqual(self._prices(missing), [1240.80])
        self.assertEqual(missing.price_revision_ids.date, fields.Date.to_date("2028-01-01"))

    def test_unique_revision_per_contract_and_date(self):
        contract = self._revisable_contract()
        with freeze_time("2028-01-01"):
            revisions, _errors = self._revise(contract)
            _again, errors = self._revise(contract, "2028-01-01")
        self.assertIn("Already revised on", errors[0]["error"])
        with self.assertRaises(IntegrityError), mute_logger("odoo.sql_db"), self.cr.savepoint():
            revisions.copy({"line_ids": []})
            self.env.flush_all()

    def test_failing_contract_does_not_block_the_batch(self):
        contracts = (
            self._revisable_contract() | self._revisable_contract() | self._revisable_contract()
        )
        broken = contracts[1]
        original = MaintenancePriceRevision._log_in_chatter

        def log_in_chatter(revisions):
            if broken in revisions.contract_id:
                raise UserError(revisions.env._("Chatter unavailable"))
            return original(revisions)

        with (
            freeze_time("2028-01-01"),
            patch.object(MaintenancePriceRevision, "_log_in_chatter", log_in_chatter),
        ):
            self._cron()
        self.assertEqual(self._prices(contracts - broken), [1240.80, 1240.80])
        # all or nothing for the broken contract: no revision, no new price
        self.assertFalse(broken.price_revision_ids)
        self.assertEqual(self._prices(broken), [1200.0])
        self.assertIn("Chatter unavailable", str(self._activities(broken).note))

    def test_scheduled_revision_written_on_its_date(self):
        contract = self._revisable_contract()
        with freeze_time("2027-12-15"):
            revisions, _errors = self._revise(contract, "2028-01-01")
        self.assertEqual(revisions.state, "scheduled")
        self.assertEqual(self._prices(contract), [1200.0], "not before the revision date")
        self.assertEqual(contract.price_revision_next_date, fields.Date.to_date("2029-01-01"))
        with freeze_time("2027-12-31"):
            self._cron()
        self.assertEqual(self._prices(contract), [1200.0])
        with freeze_time("2028-01-01"):
            self._cron()
        self.assertEqual(revisions.state, "done")
        self.assertEqual(self._prices(contract), [1240.80])

    def test_first_invoice_after_revision_carries_new_price(self):
        contract = self._revisable_contract(recurring_invoicing_type="pre-paid")
        invoice_2027 = contract.recurring_create_invoice()
        self.assertEqual(invoice_2027.invoice_line_ids.price_unit, 1200.0)
        with freeze_time("2028-01-01"):
            self._cron()
            invoice_2028 = contract.recurring_create_invoice()
        self.assertEqual(invoice_2028.invoice_date, fields.Date.to_date("2028-01-01"))
        self.assertEqual(invoice_2028.invoice_line_ids.price_unit, 1240.80)
        self.assertIn("Period from 01/01/2028 to 12/31/2028", invoice_2028.invoice_line_ids.name)

    def test_invoice_of_a_period_before_the_revision_keeps_the_old_price(self):
        # in arrears: 2027 is invoiced on 1 January 2028, after the revision
        contract = self._revisable_contract(recurring_invoicing_type="post-paid")
        with freeze_time("2028-01-01"):
            self._cron()
            self.assertEqual(self._prices(contract), [1240.80])
            invoice = contract.recurring_create_invoice()
        self.assertIn("Period from 01/01/2027 to 12/31/2027", invoice.invoice_line_ids.name)
        self.assertEqual(invoice.invoice_line_ids.price_unit, 1200.0, "dated price: 2027's price")
        with freeze_time("2029-01-01"):
            invoice = contract.recurring_create_invoice()
        self.assertEqual(invoice.invoice_line_ids.price_unit, 1240.80)

    def test_scheduled_price_invoiced_even_before_the_cron(self):
        contract = self._revisable_contract(recurring_invoicing_type="pre-paid")
        contract.recurring_create_invoice()
        with freeze_time("2027-12-15"):
            self._revise(contract, "2028-01-01")
        with freeze_time("2028-01-01"):
            # the invoicing runs before the revision cron on the revision date
            invoice = contract.recurring_create_invoice()
        self.assertEqual(invoice.invoice_line_ids.price_unit, 1240.80)

    def test_automatic_price_line_not_revised(self):
        contract = self._revisable_contract(lines=2)
        auto_line = contract.contract_line_ids[1]
        auto_line.automatic_price = True
        result = self._preview(contract)
        self.assertEqual(
            [line["line"] for line in result["lines"]], [contract.contract_line_ids[0]]
        )
        self.assertEqual(result["skipped_lines"][0][0], auto_line)

    def test_letter_and_mail(self):
        self.customer.email = "syndic.horizon@example.com"
        contract = self._revisable_contract()
        self.assertFalse(contract.price_revision_last_id)
        with self.assertRaises(UserError):
            contract.action_send_price_revision_letter()
        with freeze_time("2028-01-01"):
            self._cron()
        self.assertEqual(contract.price_revision_last_id.state, "done")
        html, _kind = self.env["ir.actions.report"]._render_qweb_html(
            "maintenance_price_revision.action_report_price_revision_letter", contract.ids
        )
        html = html.decode()
        for fragment in (
            "P = P0 x (0.15 + 0.85 x T-SYNTEC/T-SYNTEC0)",
            "Syntec (test)",
            "270.5 (October 2026)",
            "281.1 (October 2027)",
            "= 1.033309, rounded to",
            "1.034",
            "1,240.80",
            "1,200.00",
            "01/01/2028",
            "Résidence Les Tilleuls",
        ):
            self.assertIn(fragment, html)
        # the printed letter: styled with real text, the letterhead on top,
        # its page numbered and the company's legal lines stamped
        pdf, _kind = (
            self.env["ir.actions.report"]
            .with_user(self.manager)
            .with_context(force_report_rendering=True)
            ._render_qweb_pdf(
                "maintenance_price_revision.action_report_price_revision_letter", contract.ids
            )
        )
        self.assertTrue(pdf_fonts(pdf).get("Lato-Regular"), pdf_fonts(pdf))
        self.assertIn(self.env.company.name, pdf_top_text(pdf, 25))
        for number, page in enumerate(pdf_pages(pdf), start=1):
            self.assertIn(f"{number} / ", page)
        self.assertIn("1.034", pdf_text(pdf))
        action = contract.with_user(self.manager).action_send_price_revision_letter()
        composer = (
            self.env["mail.compose.message"]
            .with_user(self.manager)
            .with_context(action["context"])
            .create({})
        )
        self.assertIn("Revision of the price of your contract", composer.subject)
        self.assertEqual(composer.partner_ids, self.customer, composer.partner_ids.mapped("name"))
        composer._action_send_mail()
        message = contract.message_ids[0]
        self.assertIn(self.customer, message.partner_ids, message.partner_ids.mapped("name"))
        self.assertEqual(len(message.partner_ids), 1, message.partner_ids.mapped("name"))
        self.assertTrue(message.attachment_ids, "the letter is attached")
