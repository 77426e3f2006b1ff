# Copyright 2026 Seed maintainers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from freezegun import freeze_time

from odoo import fields
from odoo.exceptions import AccessError

from .common import MaintenanceCommon


@freeze_time("2027-01-01")
class TestContractInvoicing(MaintenanceCommon):
    """Invoicing stays OCA contract's: periodicities, in advance / in arrears.

    As in production: the operations manager validates the contract, OCA's
    invoicing job creates the invoices, the accountant (Odoo's Billing group)
    reads them and posts them."""

    def _run_invoicing(self, contract):
        """OCA's daily invoicing job (it runs as the cron's user), up to the
        contract's next invoice date: the invoices it created for ``contract``."""
        before = contract._get_related_invoices()
        self.env["contract.contract"].cron_recurring_create_invoice(
            date_ref=contract.recurring_next_date
        )
        return contract._get_related_invoices() - before

    def _invoice(self, rule, invoicing_type, interval=1):
        equipment = self._create_equipment()
        contract = self._create_contract(
            [(equipment, self.wt_full, {"price_unit": 1200.0})],
            recurring_rule_type=rule,
            recurring_interval=interval,
            recurring_invoicing_type=invoicing_type,
        )
        contract.with_user(self.manager).action_maintenance_validate()
        return contract, self._run_invoicing(contract).with_user(self.accountant)

    def _assert_invoice(self, invoice, contract, start, end):
        self.assertEqual(invoice.env.user, self.accountant)
        self.assertEqual(invoice.move_type, "out_invoice")
        self.assertEqual(invoice.partner_id, self.customer)
        line = invoice.invoice_line_ids
        self.assertEqual(len(line), 1)
        self.assertEqual(line.price_unit, 1200.0)
        self.assertIn(contract.display_name, line.name)
        self.assertIn("Site: Résidence Les Tilleuls", line.name)
        # in the customer's language and date format (English here)
        start, end = (fields.Date.to_date(day).strftime("%m/%d/%Y") for day in (start, end))
        self.assertIn(f"Period from {start} to {end}", line.name)
        invoice.action_post()
        self.assertEqual(invoice.state, "posted")

    def test_monthly_in_advance(self):
        contract, invoice = self._invoice("monthly", "pre-paid")
        self.assertEqual(invoice.invoice_date, fields.Date.to_date("2027-01-01"))
        self._assert_invoice(invoice, contract, "2027-01-01", "2027-01-31")
        self.assertEqual(contract.recurring_next_date, fields.Date.to_date("2027-02-01"))

    def test_quarterly_in_arrears(self):
        contract, invoice = self._invoice("monthly", "post-paid", interval=3)
        self.assertEqual(invoice.invoice_date, fields.Date.to_date("2027-04-01"))
        self._assert_invoice(invoice, contract, "2027-01-01", "2027-03-31")

    def test_quarterly_rule_in_advance(self):
        contract, invoice = self._invoice("quarterly", "pre-paid")
        self._assert_invoice(invoice, contract, "2027-01-01", "2027-03-31")
        self.assertEqual(contract.recurring_next_date, fields.Date.to_date("2027-04-01"))

    def test_half_yearly_in_advance(self):
        contract, invoice = self._invoice("semesterly", "pre-paid")
        self._assert_invoice(invoice, contract, "2027-01-01", "2027-06-30")

    def test_yearly_in_advance(self):
        contract, invoice = self._invoice("yearly", "pre-paid")
        self._assert_invoice(invoice, contract, "2027-01-01", "2027-12-31")
        self.assertEqual(contract.recurring_next_date, fields.Date.to_date("2028-01-01"))

    def test_yearly_in_arrears(self):
        contract, invoice = self._invoice("yearly", "post-paid")
        self.assertEqual(invoice.invoice_date, fields.Date.to_date("2028-01-01"))
        self._assert_invoice(invoice, contract, "2027-01-01", "2027-12-31")

    def test_terminated_contract_stops_invoicing(self):
        contract, _invoice = self._invoice("monthly", "pre-paid")
        self.env["maintenance.contract.terminate"].with_user(self.manager).create(
            {"contract_id": contract.id, "termination_date": "2027-02-28", "reason": "Fin"}
        ).action_terminate()
        second = self._run_invoicing(contract).with_user(self.accountant)
        self.assertIn("02/01/2027 to 02/28/2027", second.invoice_line_ids.name)
        self.assertFalse(contract.contract_line_ids.next_period_date_start)
        self.assertFalse(
            contract.recurring_create_invoice(), "nothing to invoice after termination"
        )

    def test_accountant_reads_but_does_not_change_the_contract(self):
        contract, invoice = self._invoice("monthly", "pre-paid")
        env = self.env(user=self.accountant)
        self.assertEqual(
            env["contract.contract"].browse(contract.id).contract_line_ids.price_unit, 1200.0
        )
        self.assertEqual(invoice.invoice_line_ids.contract_line_id, contract.contract_line_ids)
        with self.assertRaises(AccessError):
            env["contract.line"].browse(contract.contract_line_ids.id).write({"price_unit": 1.0})
