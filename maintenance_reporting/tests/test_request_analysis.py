# Copyright 2026 Seed maintainers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from freezegun import freeze_time

from odoo.exceptions import AccessError

from odoo.addons.maintenance_request.tests.request_common import RequestCommon


class TestRequestAnalysis(RequestCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        manager = cls.env(user=cls.manager)["maintenance.customer.request"]
        # Monday 11 January 9:00 CET, P1 (response committed in 1 business
        # hour): acknowledged after 30 minutes and after 1 hour (met), after 4
        # business hours, 15:00 with the lunch break (missed); one out of
        # contract
        with freeze_time("2027-01-11 08:00:00"):
            cls.quick, cls.on_time, cls.slow = manager.create(
                [
                    {"site_id": cls.site.id, "equipment_id": cls.boiler.id, "priority": "1"}
                    for _index in range(3)
                ]
            )
            cls.outside = manager.create({"site_id": cls.site3.id, "priority": "1"})
        with freeze_time("2027-01-11 08:30:00"):
            cls.quick.action_acknowledge()
        with freeze_time("2027-01-11 09:00:00"):
            cls.on_time.action_acknowledge()
            cls.outside.action_acknowledge()
        with freeze_time("2027-01-11 14:00:00"):
            cls.slow.action_acknowledge()

    def test_compliance_by_commitment(self):
        Analysis = self.env(user=self.manager)["maintenance.request.analysis"]
        requests = self.quick | self.on_time | self.slow
        rows = Analysis.search([("request_id", "in", requests.ids)])
        # three committed times each (response, intervention, restoration)
        self.assertEqual(len(rows), 9)
        self.assertFalse(Analysis.search([("request_id", "=", self.outside.id)]))
        groups = Analysis._read_group(
            [("request_id", "in", requests.ids), ("is_done", "=", True)],
            ["kind"],
            ["compliance:avg", "measured_hours:avg", "breached_count:sum", "__count"],
        )
        self.assertEqual(len(groups), 1)
        kind, compliance, hours, breached, count = groups[0]
        self.assertEqual(kind, "response")
        self.assertEqual(count, 3)
        self.assertAlmostEqual(compliance, 200.0 / 3)
        self.assertAlmostEqual(hours, (0.5 + 1.0 + 4.0) / 3)
        self.assertEqual(breached, 1)

    def test_technicians_cannot_read_the_analysis(self):
        with self.assertRaises(AccessError):
            self.env(user=self.technician)["maintenance.request.analysis"].search([])

    def test_percentiles_per_month(self):
        """Measured response times 0.5 h, 1 h and 4 h (and 1 h out of
        contract, which has no committed time), skewed so that the median
        (1 h) is not the mean (1.83 h); 90th percentile interpolated between
        the 2nd and 3rd values (PostgreSQL's percentile_cont): 1 + 0.8 x 3 =
        3.4 h, not the largest value (4 h). Computed by hand."""
        Percentile = self.env(user=self.manager)["maintenance.request.percentile"]
        row = Percentile.search(
            [("kind", "=", "response"), ("priority", "=", "1"), ("month", "=", "2027-01-01")]
        )
        self.assertEqual(len(row), 1)
        self.assertEqual(row.request_count, 3)
        self.assertAlmostEqual(row.compliance, 200.0 / 3)
        self.assertAlmostEqual(row.average_hours, 5.5 / 3)
        self.assertAlmostEqual(row.median_hours, 1.0)
        self.assertAlmostEqual(row.p90_hours, 3.4)
        with self.assertRaises(AccessError):
            self.env(user=self.technician)["maintenance.request.percentile"].search([])
