# Copyright 2026 Seed maintainers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from freezegun import freeze_time

from odoo.exceptions import AccessError

from odoo.addons.maintenance_planning.tests.request_common import RequestCommon


class TestRequestAnalysis(RequestCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        manager = cls.env(user=cls.manager)["maintenance.customer.request"]
        # Monday 11 January 9:00 CET, P1: acknowledged after 30 minutes (met),
        # acknowledged after 2 hours (missed); one out of contract
        with freeze_time("2027-01-11 08:00:00"):
            cls.quick, cls.slow = manager.create(
                [
                    {"site_id": cls.site.id, "equipment_id": cls.boiler.id, "priority": "1"},
                    {"site_id": cls.site.id, "equipment_id": cls.boiler.id, "priority": "1"},
                ]
            )
            cls.outside = manager.create({"site_id": cls.site3.id, "priority": "1"})
        with freeze_time("2027-01-11 08:30:00"):
            cls.quick.action_acknowledge()
        with freeze_time("2027-01-11 10:00:00"):
            cls.slow.action_acknowledge()
            cls.outside.action_acknowledge()

    def test_compliance_by_commitment(self):
        Analysis = self.env(user=self.manager)["maintenance.request.analysis"]
        rows = Analysis.search([("request_id", "in", (self.quick | self.slow).ids)])
        # three committed times each (response, intervention, restoration)
        self.assertEqual(len(rows), 6)
        self.assertFalse(Analysis.search([("request_id", "=", self.outside.id)]))
        groups = Analysis._read_group(
            [("request_id", "in", (self.quick | self.slow).ids), ("is_done", "=", True)],
            ["kind"],
            ["compliance:avg", "measured_hours:avg", "breached_count:sum", "__count"],
        )
        self.assertEqual(len(groups), 1)
        kind, compliance, hours, breached, count = groups[0]
        self.assertEqual(kind, "response")
        self.assertEqual(count, 2)
        self.assertAlmostEqual(compliance, 50.0)
        self.assertAlmostEqual(hours, (0.5 + 2.0) / 2)
        self.assertEqual(breached, 1)

    def test_technicians_cannot_read_the_analysis(self):
        with self.assertRaises(AccessError):
            self.env(user=self.technician)["maintenance.request.analysis"].search([])

    def test_percentiles_per_month(self):
        """Measured response times 0.5 h and 2 h (and 1 h out of contract,
        which has no committed time): median 1.25 h, 90th percentile
        0.5 + 0.9 x 1.5 = 1.85 h, computed by hand."""
        Percentile = self.env(user=self.manager)["maintenance.request.percentile"]
        row = Percentile.search(
            [("kind", "=", "response"), ("priority", "=", "1"), ("month", "=", "2027-01-01")]
        )
        self.assertEqual(len(row), 1)
        self.assertEqual(row.request_count, 2)
        self.assertAlmostEqual(row.compliance, 50.0)
        self.assertAlmostEqual(row.average_hours, 1.25)
        self.assertAlmostEqual(row.median_hours, 1.25)
        self.assertAlmostEqual(row.p90_hours, 1.85)
        with self.assertRaises(AccessError):
            self.env(user=self.technician)["maintenance.request.percentile"].search([])
