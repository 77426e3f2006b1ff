import { registry } from "@web/core/registry";
import { dashboardModel, waitFor } from "./dashboard_tour_utils";

const CUSTOMER = "Résidence Les Cèdres";
// the Customer filter of maintenance_reporting/data/files/maintenance_dashboard.json
const CUSTOMER_FILTER = "0a6e7f0e-3b7a-4c51-9d57-2f5b3c8e0002";

function cell(sheetId, col, row) {
    const evaluated = dashboardModel().getters.getEvaluatedCell({ sheetId, col, row });
    return evaluated.value === "Loading..." ? undefined : evaluated;
}

/** Scroll the dashboard to ``row`` and click the cell (its clickable overlay). */
async function clickCell(col, row) {
    const model = dashboardModel();
    const top = model.getters.getRowDimensions("dashboard", row - 3).start;
    model.dispatch("SET_VIEWPORT_OFFSET", { offsetX: 0, offsetY: top });
    const overlay = await waitFor(() => {
        const zone = model.getters.expandZone("dashboard", {
            left: col,
            right: col,
            top: row,
            bottom: row,
        });
        const rect = model.getters.getVisibleRect(zone);
        return [...document.querySelectorAll(".o-dashboard-clickable-cell")].find(
            (el) => el.style.top === `${rect.y}px` && el.style.left === `${rect.x}px`
        );
    }, `clickable cell ${col},${row}`);
    overlay.click();
}

/**
 * The operations manager opens the preventive / corrective dashboard: its
 * figures are the fixtures' (computed by hand in the Python test), and a
 * figure opens the records behind it.
 */
registry.category("web_tour.tours").add("maintenance_dashboard_tour", {
    steps: () => [
        {
            content: "The dashboard of the Maintenance group is open",
            trigger:
                '.o_spreadsheet_dashboard_action .o_search_panel_category_value.active[data-name="Preventive / corrective"]',
        },
        {
            content: "Filter the dashboard on one customer",
            trigger: ".o_spreadsheet_dashboard_action .o-grid canvas",
            async run() {
                const orm = odoo.__WOWL_DEBUG__.root.env.services.orm;
                const [customer] = await orm.search("res.partner", [
                    ["name", "=", CUSTOMER],
                ]);
                dashboardModel().dispatch("SET_GLOBAL_FILTER_VALUE", {
                    id: CUSTOMER_FILTER,
                    value: { operator: "in", ids: [customer] },
                });
            },
        },
        {
            content: "The search bar shows the customer",
            trigger: `.o_spreadsheet_dashboard_action .o_searchview_facet:contains(${CUSTOMER})`,
        },
        {
            content: "Its figures: 4 visits due, 1 on time out of 4, 1 overdue",
            trigger: ".o_spreadsheet_dashboard_action .o-grid canvas",
            async run() {
                const due = await waitFor(() => cell("data", 1, 1), "visits due");
                const onTime = await waitFor(() => cell("data", 1, 6), "on-time rate");
                const overdue = await waitFor(() => cell("data", 1, 8), "overdue visits");
                const got = [due.value, onTime.formattedValue, overdue.value].join(" / ");
                if (got !== "4 / 25.0% / 1") {
                    throw new Error(`Unexpected figures: ${got}`);
                }
            },
        },
        {
            content: "The total of visits due, in the table per month, opens its visits",
            trigger: ".o_spreadsheet_dashboard_action .o-grid canvas",
            async run() {
                await waitFor(() => cell("dashboard", 1, 49)?.value === 4, "total due");
                await clickCell(1, 49);
            },
        },
        {
            content: "The four visits behind the figure",
            trigger: ".o_list_view .o_pager_counter:contains(1-4)",
        },
        {
            trigger: ".o_list_view .o_data_row:contains(Les Cèdres - chaufferie)",
        },
        {
            content: "Back to the dashboard",
            trigger: ".o_breadcrumb a:contains(Preventive / corrective dashboard)",
            run: "click",
        },
        {
            content: "The overdue visit, in the list, opens",
            trigger: ".o_spreadsheet_dashboard_action .o-grid canvas",
            async run() {
                await waitFor(() => cell("dashboard", 2, 69)?.value, "overdue list");
                await clickCell(2, 69);
            },
        },
        {
            trigger: ".o_form_view .o_field_widget[name=site_id]:contains(Les Cèdres - chaufferie)",
        },
    ],
});
