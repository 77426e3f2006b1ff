# Copyright 2026 Seed maintainers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import datetime, timedelta

from freezegun import freeze_time

from .request_common import RequestCommon

# creating a batch of requests and computing their deadlines: the same
# queries for 10 or 100 (one read of each calendar, one of the commitments,
# one of the company's contact and country for its time zone: the day a
# request is received, hence its contract, is the company's day)
CREATE_QUERIES = 25


@freeze_time("2027-03-01 12:00:00")
class TestRequestQueries(RequestCommon):
    def _vals(self, count):
        start = datetime(2027, 1, 4, 7, 0)
        return [
            {
                "site_id": (self.site if index % 2 else self.site_strasbourg).id,
                "equipment_id": (self.boiler if index % 2 else self.boiler_sxb).id,
                "priority": str(index % 3 + 1),
                "received_at": start + timedelta(hours=7 * index % 900),
            }
            for index in range(count)
        ]

    def test_create_query_count_is_flat(self):
        Request = self.Request.with_user(self.manager)
        Request.create(self._vals(1))
        self.env.flush_all()
        counts = []
        for count in (10, 100):
            vals_list = self._vals(count)
            self.env.invalidate_all()
            before = self.cr.sql_log_count
            with self.assertQueryCount(__system__=CREATE_QUERIES):
                requests = Request.create(vals_list)
                self.env.flush_all()
            counts.append(self.cr.sql_log_count - before)
            self.assertTrue(all(requests.mapped("intervention_deadline")))
        self.assertEqual(counts[0], counts[1], "100 requests cost the queries of 10")
