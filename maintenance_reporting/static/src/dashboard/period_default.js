import { patch } from "@web/core/utils/patch";
import { GlobalFiltersCoreViewPlugin } from "@spreadsheet/global_filters/plugins/global_filters_core_view_plugin";

const { DateTime } = luxon;

/**
 * The default period of the maintenance dashboard: the 12 months up to the
 * current one included (in December 2026: January to December 2026).
 * Odoo's "last_12_months" stops at the previous month, so the dashboard hid
 * today's visits and dossiers. The value is a plain date range: the search
 * bar shows its dates and its arrows move it like any range.
 */
export const TWELVE_MONTHS_TO_DATE = "maintenance_12_months_to_date";

patch(GlobalFiltersCoreViewPlugin.prototype, {
    _getDateValueFromDefaultValue(defaultValue) {
        if (defaultValue === TWELVE_MONTHS_TO_DATE) {
            const now = DateTime.local();
            return {
                type: "range",
                from: now.minus({ months: 11 }).startOf("month").toISODate(),
                to: now.endOf("month").toISODate(),
            };
        }
        return super._getDateValueFromDefaultValue(defaultValue);
    },
});
