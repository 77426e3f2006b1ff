import { registry } from "@web/core/registry";
import { dashboardModel, waitFor } from "./dashboard_tour_utils";

// the Period filter of maintenance_reporting/data/files/maintenance_dashboard.json
const PERIOD_FILTER = "0a6e7f0e-3b7a-4c51-9d57-2f5b3c8e0001";
const { DateTime } = luxon;

function cellValue(sheetId, col, row) {
    const evaluated = dashboardModel()?.getters.getEvaluatedCell({ sheetId, col, row });
    return !evaluated || evaluated.value === "Loading..." ? undefined : evaluated.value;
}

/**
 * The operations manager, from where they land, opens the dashboard: its
 * period runs up to the current month included, « Open corrective » counts
 * the two corrective dossiers open (one opened this month, one two years
 * ago) and opens them, not the closed one.
 */
registry.category("web_tour.tours").add("maintenance_dashboard_month_tour", {
    steps: () => [
        {
            content: "The apps",
            trigger: ".o_navbar_apps_menu button",
            run: "click",
        },
        {
            content: "Customer maintenance",
            trigger: '.o_app[data-menu-xmlid="maintenance_contracts.maintenance_root_menu"]',
            run: "click",
        },
        {
            content: "Reporting",
            trigger: '.o_menu_sections [data-menu-xmlid="maintenance_contracts.maintenance_reporting_menu"]',
            run: "click",
        },
        {
            content: "Dashboard",
            trigger: '.dropdown-item[data-menu-xmlid="maintenance_reporting.maintenance_dashboard_menu"]',
            run: "click",
        },
        {
            content: "The dashboard is open",
            trigger: ".o_spreadsheet_dashboard_action .o-grid canvas",
        },
        {
            content: "Its period: the 11 previous months and the current one",
            trigger: ".o_spreadsheet_dashboard_action .o-grid canvas",
            async run() {
                const value = await waitFor(
                    () => dashboardModel()?.getters.getGlobalFilterValue(PERIOD_FILTER),
                    "period"
                );
                const now = DateTime.local();
                const expected = {
                    type: "range",
                    from: now.minus({ months: 11 }).startOf("month").toISODate(),
                    to: now.endOf("month").toISODate(),
                };
                if (JSON.stringify(value) !== JSON.stringify(expected)) {
                    throw new Error(`Unexpected period: ${JSON.stringify(value)}`);
                }
            },
        },
        {
            content: "The search bar shows the period's dates, up to this month",
            trigger: `.o_spreadsheet_dashboard_action .o_control_panel:contains(${DateTime.local().endOf("month").toLocaleString(DateTime.DATE_FULL)})`,
        },
        {
            content: "« Open corrective »: the two open dossiers",
            trigger: ".o_spreadsheet_dashboard_action .o-grid canvas",
            async run() {
                const open = await waitFor(() => cellValue("data", 1, 10) !== undefined, "open");
                const value = cellValue("data", 1, 10);
                if (!open || value !== 2) {
                    throw new Error(`Unexpected open corrective dossiers: ${value}`);
                }
            },
        },
        {
            content: "Click the card",
            trigger: '.o_spreadsheet_dashboard_action canvas.o-scorecard[title="Open corrective"]',
            run: "click",
        },
        {
            content: "The open corrective dossiers only: two",
            trigger: ".o_list_view .o_pager_counter:contains(1-2)",
        },
        {
            trigger: '.o_breadcrumb .active:contains("Open corrective dossiers")',
        },
        {
            trigger: '.o_list_view .o_data_row:contains("Résidence Les Cèdres")',
        },
    ],
});
