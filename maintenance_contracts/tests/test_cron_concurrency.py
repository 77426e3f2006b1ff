# Copyright 2026 Seed maintainers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Short invariants of the generation jobs run concurrently (the long run with
real processes and SIGKILL is tests/perf/cron_chaos.py): a batch held by
another transaction is skipped, a job run twice gives the same result."""

from freezegun import freeze_time

from odoo import fields, sql_db

from ..cron_lock import lock_batch
from .common import MaintenanceCommon


class TestCronConcurrency(MaintenanceCommon):
    def test_batch_held_by_another_connection_is_skipped(self):
        """A second, real PostgreSQL connection (another server, the cron
        thread) holds a row: the job's batch skips it at once rather than
        waiting or doing it twice; once released, the next batch takes it."""
        # rows committed by the install: the test transaction has not touched them
        Partner = self.env["res.partner"].with_context(active_test=False)
        partners = self.env.ref("base.partner_root") | self.env.ref("base.main_partner")
        partners = Partner.browse(sorted(partners.ids))
        held, free = partners
        other = sql_db.db_connect(self.env.cr.dbname).cursor()
        try:
            other.execute("SET lock_timeout = '5s'")
            other.execute("SELECT id FROM res_partner WHERE id = %s FOR NO KEY UPDATE", [held.id])
            batch = lock_batch(Partner, [("id", "in", partners.ids)], 10)
            self.assertEqual(batch, free)
        finally:
            other.rollback()
            other.close()
        # held by us now: the other connection skips both (it does not wait)
        other = sql_db.db_connect(self.env.cr.dbname).cursor()
        try:
            self.assertEqual(lock_batch(Partner, [("id", "in", partners.ids)], 10), partners)
            other.execute(
                "SELECT id FROM res_partner WHERE id IN %s FOR NO KEY UPDATE SKIP LOCKED",
                [tuple(partners.ids)],
            )
            self.assertEqual(other.fetchall(), [])
        finally:
            other.rollback()
            other.close()

    @freeze_time("2027-01-01")
    def test_invoicing_in_batches_twice_one_invoice_per_contract(self):
        """OCA's recurring invoicing through our batches (2 contracts a batch
        for 5 contracts): every contract invoiced once; a second run the same
        day invoices nothing more."""
        sites = self.env["maintenance.site"].create(
            [
                {"name": f"Résidence Chaos {i}", "customer_id": self.customer.id, "zip": "69003"}
                for i in range(5)
            ]
        )
        contracts = self.env["contract.contract"]
        for site in sites:
            equipment = self._create_equipment(site=site)
            contracts |= self._create_contract(
                [(equipment, self.wt_full, {"price_unit": 1200.0})],
                site=site,
                recurring_rule_type="monthly",
                recurring_invoicing_type="pre-paid",
            )
        contracts.with_user(self.manager).action_maintenance_validate()
        Contract = self.env["contract.contract"]
        Contract.cron_recurring_create_invoice(batch_size=2)
        invoices = self._invoices(contracts)
        self.assertEqual(len(invoices), 5)
        self.assertEqual(invoices.partner_id, self.customer)
        # 5 invoices of one monthly line at 1,200.00 each
        self.assertEqual(sum(invoices.mapped("amount_untaxed")), 6000.0)
        self.assertEqual(
            set(contracts.mapped("recurring_next_date")), {fields.Date.to_date("2027-02-01")}
        )
        Contract.cron_recurring_create_invoice(batch_size=2)
        self.assertEqual(self._invoices(contracts), invoices)

    def _invoices(self, contracts):
        return (
            self.env["account.move.line"]
            .search([("contract_line_id", "in", contracts.contract_line_ids.ids)])
            .move_id
        )
