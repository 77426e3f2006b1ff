import { Component, useState } from "@odoo/owl";
import { _t } from "@web/core/l10n/translation";
import { registry } from "@web/core/registry";
import { useService } from "@web/core/utils/hooks";
import { formatRefreshTime } from "./offline_utils";

/**
 * Always on screen for a technician who is offline or has actions to send:
 * the offline banner (the prepared day's time: it may be out of date), the
 * "N to send" counter with the Synchronise button, and the actions the
 * server refused, with its reasons.
 */
export class MaintenanceOfflineBar extends Component {
    static template = "maintenance_offline.MaintenanceOfflineBar";
    static props = {};

    setup() {
        this.offline = useService("maintenance_offline");
        this.state = useState(this.offline.state);
    }

    get visible() {
        const state = this.state;
        return (
            state.enabled &&
            (!state.online || state.queue.length || state.refused.length || state.syncing)
        );
    }

    get bannerText() {
        if (!this.state.refreshedAt) {
            return _t("Offline — no prepared day on this phone");
        }
        const { date, time } = formatRefreshTime(this.state.refreshedAt);
        return _t("Offline — data of %(date)s at %(time)s, may be out of date", { date, time });
    }

    get counterText() {
        return _t("%(count)s to send", { count: this.state.queue.length });
    }

    get canOpenDay() {
        return !this.state.online && this.state.day && !this.offline.isOfflineAction();
    }

    /** "Part used — Dépannage chaudière": what was refused, on which task. */
    refusalLabel(refusal) {
        const labels = {
            check_in: _t("Arrival"),
            check_out: _t("Departure"),
            checklist: _t("Operation ticked"),
            reading: _t("Meter reading"),
            part: _t("Part used"),
            photo: _t("Photo"),
            note: _t("Note"),
            signature: _t("Customer signature"),
            close: _t("Closing"),
        };
        const action = refusal.action || {};
        const task = (this.state.day?.tasks || []).find((t) => t.id === action.task_id);
        const label = labels[action.type] || action.type || "?";
        return task ? `${label} — ${task.name}` : label;
    }

    onSync() {
        this.offline.syncNow();
    }

    onOpenDay() {
        this.offline.openOfflineDay();
    }

    onDismiss() {
        this.offline.dismissRefused();
    }
}

registry.category("main_components").add("maintenance_offline_bar", {
    Component: MaintenanceOfflineBar,
});
