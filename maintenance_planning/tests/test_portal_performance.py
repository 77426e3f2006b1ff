# Copyright 2026 Seed maintainers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The next visit shown for every equipment and site of a portal list is
read in a constant number of queries, whatever the number of rows."""

from odoo.tests import tagged

from .common import PlanningCommon


@tagged("post_install", "-at_install")
class TestPortalPerformance(PlanningCommon):
    def _next_visits(self, count):
        visits = self._validated_visits(site=self.site, count=count, name=f"Pompe{count}")
        equipment = visits.equipment_id
        self.assertEqual(len(equipment), count)
        self.env.invalidate_all()
        with self.assertQueryCount(1):
            dates = equipment._portal_next_visit_dates()
        # the same as the earliest open visit of each, read one by one
        for item in equipment:
            expected = min(
                visits.filtered(
                    lambda v, item=item: (
                        v.equipment_id == item and v.state in ("to_plan", "planned")
                    )
                ).mapped("due_date")
            )
            self.assertEqual(dates[item.id], expected)
        self.env.invalidate_all()
        with self.assertQueryCount(1):
            site_dates = self.site._portal_next_visit_dates()
        self.assertEqual(site_dates[self.site.id], min(dates.values()))

    def test_next_visit_dates_flat(self):
        self._next_visits(10)
        self._next_visits(100)
