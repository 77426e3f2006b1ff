# Copyright 2026 Seed maintainers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The operations manager's preventive / corrective dashboard, in headless
Chromium, logged in as an operations manager: its figures are those of a
few visits computed by hand, and a figure opens the records behind it."""

from datetime import date, timedelta

from odoo.tests import HttpCase, new_test_user, tagged

from odoo.addons.maintenance_contracts.tests.browser import FrenchBrowserMixin

DASHBOARD_ACTION = "maintenance_reporting.maintenance_dashboard_action"


@tagged("post_install", "-at_install")
class TestDashboardTour(FrenchBrowserMixin, HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.manager = new_test_user(
            cls.env,
            login="dash_sophie",
            password="dash_sophie",
            name="Sophie Martin",
            groups="maintenance_contracts.group_maintenance_manager",
        )
        customer = cls.env["res.partner"].create(
            {"name": "Résidence Les Cèdres", "is_company": True}
        )
        site = cls.env["maintenance.site"].create(
            {"name": "Les Cèdres - chaufferie", "customer_id": customer.id}
        )
        today = date.today()

        def visit(days_ago, state, done_days_ago=None):
            due = today - timedelta(days=days_ago)
            return {
                "site_id": site.id,
                "due_date": due,
                "window_start": due - timedelta(days=7),
                "window_end": due + timedelta(days=7),
                "state": state,
                "done_date": today - timedelta(days=done_days_ago) if done_days_ago else False,
            }

        # within the last 12 months, 4 visits due: one done within its
        # window, one done 8 days after it, one missed, one still to plan
        # after its window (overdue): 1 on time out of 4 = 25.0 %
        cls.env["maintenance.visit"].create(
            [
                visit(60, "done", 58),
                visit(90, "done", 75),
                visit(120, "missed"),
                visit(40, "to_plan"),
            ]
        )

    def test_dashboard_as_operations_manager(self):
        action = self.env.ref(DASHBOARD_ACTION)
        self.start_tour(
            f"/odoo/action-{action.id}", "maintenance_dashboard_tour", login=self.manager.login
        )
