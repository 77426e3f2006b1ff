import { Component, useState } from "@odoo/owl";
import { _t } from "@web/core/l10n/translation";
import { registry } from "@web/core/registry";
import { useService } from "@web/core/utils/hooks";
import { standardWidgetProps } from "@web/views/widgets/standard_widget_props";

/**
 * The position of the phone, or null when the browser gives none (no GPS,
 * permission refused, timeout): the check-in is then recorded without it.
 */
export function getPosition(timeout = 10000) {
    return new Promise((resolve) => {
        const geolocation = navigator.geolocation;
        if (!geolocation) {
            resolve(null);
            return;
        }
        const timer = setTimeout(() => resolve(null), timeout + 1000);
        geolocation.getCurrentPosition(
            ({ coords }) => {
                clearTimeout(timer);
                resolve({
                    latitude: coords.latitude,
                    longitude: coords.longitude,
                    accuracy: coords.accuracy,
                });
            },
            () => {
                clearTimeout(timer);
                resolve(null);
            },
            { enableHighAccuracy: true, timeout, maximumAge: 60000 }
        );
    });
}

/**
 * One big button: check in (or out) on the task of the form. One tap saves
 * the task, asks the phone for its position, and records the time and the
 * position on the server.
 */
export class MaintenanceCheckButton extends Component {
    static template = "maintenance_planning.MaintenanceCheckButton";
    static props = {
        ...standardWidgetProps,
        mode: { type: String },
    };

    setup() {
        this.orm = useService("orm");
        this.notification = useService("notification");
        this.state = useState({ busy: false });
    }

    get isCheckOut() {
        return this.props.mode === "out";
    }

    get label() {
        if (this.state.busy) {
            return _t("Locating...");
        }
        return this.isCheckOut ? _t("Check out") : _t("Check in");
    }

    async onClick() {
        if (this.state.busy) {
            return;
        }
        this.state.busy = true;
        try {
            const record = this.props.record;
            if (record.isNew || (await record.isDirty())) {
                const saved = await record.save();
                if (!saved) {
                    return;
                }
            }
            const position = await getPosition();
            const method = this.isCheckOut ? "action_check_out" : "action_check_in";
            const result = await this.orm.call(record.resModel, method, [[record.resId]], {
                latitude: position ? position.latitude : null,
                longitude: position ? position.longitude : null,
                accuracy: position ? position.accuracy : null,
            });
            await record.load();
            if (result && result.message) {
                this.notification.add(result.message, {
                    type: result.is_far ? "warning" : "success",
                });
            }
        } finally {
            this.state.busy = false;
        }
    }
}

export const maintenanceCheckButton = {
    component: MaintenanceCheckButton,
    extractProps: ({ attrs }) => ({ mode: attrs.mode || "in" }),
};

registry.category("view_widgets").add("maintenance_check_button", maintenanceCheckButton);
