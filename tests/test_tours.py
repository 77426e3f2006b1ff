# Copyright 2026 Seed maintainers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Browser tours in headless Chromium: every Maintenance menu opens for the
operations manager on a desktop, and the technician's menus on a phone."""

from odoo.tests import HttpCase, new_test_user, tagged

from odoo.addons.maintenance_contracts.tests.browser import FrenchBrowserMixin


@tagged("post_install", "-at_install")
class TestMaintenanceMenus(FrenchBrowserMixin, HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.manager = new_test_user(
            cls.env,
            login="tour_manager",
            name="Sophie Martin",
            groups="maintenance_contracts.group_maintenance_manager",
        )
        cls.technician = new_test_user(
            cls.env,
            login="tour_technician",
            name="Julien Moreau",
            groups="maintenance_contracts.group_maintenance_technician",
        )

    def _menu_actions(self, user):
        root = self.env.ref("maintenance_contracts.maintenance_root_menu")
        menus = (
            self.env["ir.ui.menu"]
            .with_user(user)
            .search([("id", "child_of", root.id), ("action", "!=", False)])
            ._filter_visible_menus()
        )
        return [(menu.complete_name, menu.action) for menu in menus]

    def test_browser_clock_is_french(self):
        """The tours' browser keeps the French clock, whatever the hour in UTC
        (the My day and Tomorrow filters compute the day in the browser)."""
        self.browser_js(
            "/odoo",
            """
            const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
            const offset = -new Date("2026-01-15T12:00:00Z").getTimezoneOffset();
            if (zone === "Europe/Paris" && offset === 60) {
                console.log("test successful");
            } else {
                console.error(`browser clock in ${zone}, UTC offset ${offset} min`);
            }
            """,
            login=self.technician.login,
        )

    def test_manager_opens_every_menu_on_desktop(self):
        actions = self._menu_actions(self.manager)
        self.assertGreaterEqual(len(actions), 10)
        for name, action in actions:
            with self.subTest(menu=name):
                self.start_tour(
                    f"/odoo/action-{action.id}", "maintenance_open_view", login="tour_manager"
                )

    def test_technician_menus_on_a_phone(self):
        self.browser_size = "390x844"
        self.touch_enabled = True
        technician_root = self.env.ref("maintenance_planning.maintenance_technician_menu")
        actions = [
            (name, action)
            for name, action in self._menu_actions(self.technician)
            if name.startswith(technician_root.complete_name)
        ]
        self.assertTrue(actions, "the technician has a menu of their own")
        for name, action in actions:
            with self.subTest(menu=name):
                self.start_tour(
                    f"/odoo/action-{action.id}",
                    "maintenance_open_view_mobile",
                    login="tour_technician",
                )
