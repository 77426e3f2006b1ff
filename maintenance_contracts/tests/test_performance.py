# Copyright 2026 Seed maintainers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from freezegun import freeze_time

from .common import MaintenanceCommon

# one batch: the same number of queries for 10 or 100 covered products
# (the validation notice counts its visits and writes one chatter message;
# the warranty type's regulatory obligations are read once per batch)
VALIDATE_QUERIES = 15
CRON_QUERIES = 12


@freeze_time("2027-01-01")
class TestValidationQueries(MaintenanceCommon):
    """Validating 10 or 100 covered products costs the same queries."""

    def _contract_with_lines(self, count):
        equipment = self._create_equipment(count, name=f"Split{count}")
        contract = self._create_contract([(eq, self.wt_full, {}) for eq in equipment])
        self.env.flush_all()
        self.env.invalidate_all()
        return contract

    def test_validation_query_count_is_flat(self):
        # warm the caches that do not depend on the batch (user, companies)
        self._contract_with_lines(1).action_maintenance_validate()
        small = self._contract_with_lines(10)
        large = self._contract_with_lines(100)
        counts = []
        for contract in (small, large):
            self.env.invalidate_all()
            before = self.cr.sql_log_count
            with self.assertQueryCount(__system__=VALIDATE_QUERIES):
                contract.action_maintenance_validate()
                self.env.flush_all()
            counts.append(self.cr.sql_log_count - before)
        self.assertEqual(counts[0], counts[1], "validating 100 products costs what 10 cost")
        self.assertEqual(len(small.visit_ids), 20)
        self.assertEqual(len(large.visit_ids), 200)

    def test_validating_many_contracts_is_flat(self):
        """Validating 10 contracts at once (a list action) costs what 2 cost:
        their chatter notes are logged in one batch."""
        self._contract_with_lines(1).action_maintenance_validate()
        counts = []
        for count in (2, 10):
            contracts = self.env["contract.contract"].concat(
                *(self._contract_with_lines(2) for _index in range(count))
            )
            self.env.invalidate_all()
            before = self.cr.sql_log_count
            contracts.action_maintenance_validate()
            self.env.flush_all()
            counts.append(self.cr.sql_log_count - before)
            self.assertEqual(
                len(contracts.message_ids.filtered(lambda m: "validated" in m.body)), count
            )
        self.assertEqual(counts[0], counts[1], "validating 10 contracts costs what 2 cost")

    def test_cron_query_count_is_flat(self):
        self._contract_with_lines(1).action_maintenance_validate()
        batches = []
        for count in (10, 100):
            contract = self._contract_with_lines(count)
            contract.action_maintenance_validate()
            batches.append(contract.contract_line_ids)
        everything = self.env["contract.line"].search([("maintenance_state", "=", "validated")])
        counts = []
        with freeze_time("2027-07-01"):
            for batch in batches:
                # only this batch is behind the new horizon (2028-06-30)
                everything.visits_generated_until = "2028-06-30"
                batch.visits_generated_until = "2027-12-31"
                self.env.flush_all()
                self.env.invalidate_all()
                before = self.cr.sql_log_count
                with self.assertQueryCount(__system__=CRON_QUERIES):
                    self.env["contract.line"]._cron_generate_visits()
                    self.env.flush_all()
                counts.append(self.cr.sql_log_count - before)
                self.assertEqual(len(batch.visit_ids), 3 * len(batch))
        self.assertEqual(counts[0], counts[1], "extending 100 products costs what 10 cost")
