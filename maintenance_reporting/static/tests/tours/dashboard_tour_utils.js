/** Helpers of the dashboard tours: the live spreadsheet and its pivots. */

/** The live spreadsheet of the active dashboard (o-spreadsheet's model). */
export function dashboardModel() {
    const loader = odoo.__WOWL_DEBUG__.root.env.services.spreadsheet_dashboard_loader;
    return loader.getActiveDashboard()?.model;
}

/** Wait until ``read()`` returns something truthy (the pivots load from the server). */
export async function waitFor(read, what) {
    const start = Date.now();
    while (Date.now() - start < 20000) {
        const value = read();
        if (value) {
            return value;
        }
        await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`Timeout: ${what}`);
}
