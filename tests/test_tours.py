# Copyright 2026 Seed maintainers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Browser walks in headless Chromium: every Maintenance menu opens for the
operations manager on a desktop, and the technician's menus on a phone.

Each role walks all of its menus in one browser session, as a user clicking
from menu to menu would: the action of each menu is opened by the web
client's action service, its view must render, and any error dialog,
traceback or failed RPC fails the walk (Odoo's browser test fails on every
``console.error``). One session per role instead of one Chromium start and
cold asset load per menu."""

import json

from odoo.tests import HttpCase, new_test_user, tagged

from odoo.addons.maintenance_contracts.tests.browser import FrenchBrowserMixin

# Opens each [menu name, action id] in turn and waits for its view: a window
# action's view with its content, a wizard's form in a dialog, a settings
# page, or a spreadsheet dashboard's grid. ``rendered`` and ``layout`` are
# CSS selectors; ``layout`` must match the opened view (the phone's kanban).
WALK = """
(async () => {
    const menus = %(menus)s;
    const rendered = %(rendered)s;
    const layout = %(layout)s;
    const env = odoo.__WOWL_DEBUG__.root.env;
    const action = env.services.action;
    const until = async (what, check) => {
        const deadline = Date.now() + 20000;
        while (Date.now() < deadline) {
            if (check()) {
                return;
            }
            await new Promise((resolve) => setTimeout(resolve, 50));
        }
        throw new Error(`${what}: not rendered after 20 s`);
    };
    for (const [name, actionId] of menus) {
        document.querySelectorAll(".o_dialog").forEach((dialog) => dialog.remove());
        await action.doAction(actionId, { clearBreadcrumbs: true });
        await until(name, () => {
            const dialog = document.querySelector(".o_dialog .o_form_view .o_form_renderer");
            const current = action.currentController;
            return (
                dialog ||
                (current &&
                    current.action.id === actionId &&
                    document.querySelector(rendered) &&
                    (!layout || document.querySelector(layout)))
            );
        });
        if (document.querySelector(".o_error_dialog")) {
            throw new Error(`${name}: an error dialog opened`);
        }
        console.info(`menu opened: ${name}`);
    }
    console.log("test successful");
})().catch((error) => console.error(error.message));
"""
DESKTOP_RENDERED = (
    ".o_action_manager .o_view_controller .o_content, "
    ".o_action_manager .o_setting_container, "
    ".o_spreadsheet_dashboard_action .o-grid canvas"
)


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

    def _walk(self, user, actions, rendered, layout=None):
        self.browser_js(
            "/odoo",
            WALK
            % {
                "menus": json.dumps([[name, action.id] for name, action in actions]),
                "rendered": json.dumps(rendered),
                "layout": json.dumps(layout),
            },
            ready="!!(odoo.__WOWL_DEBUG__ && odoo.__WOWL_DEBUG__.root)",
            login=user.login,
            timeout=60 + 20 * len(actions),
        )

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
        self._walk(self.manager, actions, DESKTOP_RENDERED)

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
        # on a phone, the technician's screens open on their kanban cards,
        # under the mobile control panel
        self._walk(
            self.technician,
            actions,
            ".o_action_manager .o_kanban_view",
            layout=".o_control_panel",
        )
