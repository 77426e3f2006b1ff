import { registry } from "@web/core/registry";

/**
 * Opened on an action's URL: waits for its view to be rendered (a window
 * action's view, a wizard's dialog, or a spreadsheet dashboard). The tour
 * fails on any error dialog, traceback or failed RPC during the load.
 */
registry.category("web_tour.tours").add("maintenance_open_view", {
    steps: () => [
        {
            content: "The view of the menu is displayed",
            trigger:
                ".o_action_manager .o_view_controller, .o_dialog .o_form_view, .o_action_manager .o_spreadsheet_dashboard_action",
        },
        {
            content: "Its content is rendered",
            trigger:
                ".o_action_manager .o_view_controller .o_content, .o_action_manager .o_setting_container, .o_dialog .o_form_view .o_form_renderer, .o_spreadsheet_dashboard_action .o-grid canvas",
        },
    ],
});

/** The technician's screen on a phone: the kanban cards view. */
registry.category("web_tour.tours").add("maintenance_open_view_mobile", {
    steps: () => [
        {
            content: "Phone layout: the kanban view is the first view",
            trigger: ".o_action_manager .o_kanban_view",
        },
        {
            content: "The mobile control panel is there",
            trigger: ".o_control_panel",
        },
    ],
});
