# Copyright 2026 Seed maintainers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from freezegun import freeze_time

from .price_revision_common import PriceRevisionCommon

# one batch: the same number of queries for 10 or 100 contracts
REVISE_QUERIES = 23
# (+1: the user's language, to write the months in words: « octobre 2026 »)
PREVIEW_QUERIES = 18
CRON_QUERIES = 26


@freeze_time("2027-01-01")
class TestPriceRevisionQueries(PriceRevisionCommon):
    """Revising 10 or 100 contracts costs the same queries per batch."""

    def _contracts(self, count):
        contracts = self.env["contract.contract"]
        for _index in range(count):
            contracts |= self._revisable_contract()
        self.env.flush_all()
        self.env.invalidate_all()
        return contracts

    def _measure(self, run, expected, batches):
        counts = []
        for contracts in batches:
            self.env.invalidate_all()
            before = self.cr.sql_log_count
            with self.assertQueryCount(__system__=expected):
                run(contracts)
                self.env.flush_all()
            counts.append(self.cr.sql_log_count - before)
        return counts

    def test_revision_query_count_is_flat(self):
        # warm the caches that do not depend on the batch (user, companies)
        warm = self._contracts(1)
        small, large = self._contracts(10), self._contracts(100)
        with freeze_time("2028-01-01"):
            self.env["maintenance.price.revision"]._revise_contracts(warm)
            counts = self._measure(
                self.env["maintenance.price.revision"]._revise_contracts,
                REVISE_QUERIES,
                (small, large),
            )
        self.assertEqual(counts[0], counts[1], "revising 100 contracts costs what 10 cost")
        self.assertEqual(set((small | large).contract_line_ids.mapped("price_unit")), {1240.80})
        self.assertEqual(len((small | large).price_revision_ids), 110)

    def test_preview_query_count_is_flat(self):
        warm = self._contracts(1)
        small, large = self._contracts(10), self._contracts(100)
        Wizard = self.env["maintenance.price.revision.wizard"]
        with freeze_time("2028-01-01"):
            Wizard._open_for(warm)
            counts = self._measure(Wizard._open_for, PREVIEW_QUERIES, (small, large))
        self.assertEqual(counts[0], counts[1], "previewing 100 contracts costs what 10 cost")

    def test_cron_query_count_is_flat(self):
        self._contracts(1)
        with freeze_time("2028-01-01"):
            self.env["maintenance.price.revision"]._cron_revise_prices()
        small = self._contracts(10)
        counts = []
        with freeze_time("2028-01-01"):
            counts += self._measure(
                lambda _c: self.env["maintenance.price.revision"]._cron_revise_prices(),
                CRON_QUERIES,
                [small],
            )
        large = self._contracts(100)
        with freeze_time("2028-01-01"):
            counts += self._measure(
                lambda _c: self.env["maintenance.price.revision"]._cron_revise_prices(),
                CRON_QUERIES,
                [large],
            )
        self.assertEqual(counts[0], counts[1], "the cron revises 100 contracts for what 10 cost")
        self.assertEqual(len(large.price_revision_ids), 100)
