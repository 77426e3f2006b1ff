import { Component, useState } from "@odoo/owl";
import { _t } from "@web/core/l10n/translation";
import { registry } from "@web/core/registry";
import { useService } from "@web/core/utils/hooks";
import { formatFloat } from "@web/core/utils/numbers";
import { getPosition } from "@maintenance_planning/technician/maintenance_check_button";
import { OFFLINE_ACTION } from "./offline_service";
import { OfflineSignatureDialog } from "./offline_signature";
import { formatTime, htmlToText, taskWithQueue } from "./offline_utils";

/**
 * My day and the task screen, rendered from the prepared day stored on the
 * phone: what the technician opens when the network is gone. Every action
 * goes to the queue of the maintenance_offline service and shows at once.
 */
export class MaintenanceOfflineDay extends Component {
    static template = "maintenance_offline.MaintenanceOfflineDay";
    static props = ["*"];

    setup() {
        this.offline = useService("maintenance_offline");
        this.dialog = useService("dialog");
        this.action = useService("action");
        this.notification = useService("notification");
        this.data = useState(this.offline.state);
        const context = this.props.action?.context || {};
        this.state = useState({
            day: "today",
            taskId: context.task_id || false,
            meterId: false,
            readingValue: "",
            productId: false,
            quantity: 1,
            note: "",
            locating: false,
        });
    }

    // ------------------------------------------------------------------
    // Data
    // ------------------------------------------------------------------

    get prepared() {
        return this.data.day || { tasks: [], sites: [], equipment: [], meters: [], products: [] };
    }

    get tasks() {
        return this.prepared.tasks
            .filter((task) => (task.day || "today") === this.state.day)
            .map((task) => this.decorate(taskWithQueue(task, this.data.queue, this.prepared.products)));
    }

    get currentTask() {
        const task = this.prepared.tasks.find((t) => t.id === this.state.taskId);
        return task
            ? this.decorate(taskWithQueue(task, this.data.queue, this.prepared.products))
            : null;
    }

    decorate(task) {
        const site = this.prepared.sites.find((s) => s.id === task.site_id) || {};
        const equipment = this.prepared.equipment.find((e) => e.id === task.equipment_id);
        const meterIds = task.meter_ids || [];
        return {
            ...task,
            site,
            equipment,
            address: [site.street, [site.zip, site.city].filter(Boolean).join(" ")]
                .filter(Boolean)
                .join(", "),
            time: formatTime(task.date_planned),
            descriptionText: htmlToText(task.description),
            access: htmlToText(site.access_instructions),
            meters: this.prepared.meters.filter((m) => meterIds.includes(m.id)),
        };
    }

    /** Can anything still be recorded on the open task? Not once closed:
     * its report is frozen, the server would refuse it. */
    get isOpen() {
        const task = this.currentTask;
        return Boolean(task) && task.state !== "done" && task.state !== "cancelled";
    }

    get selectedMeter() {
        return this.prepared.meters.find((m) => m.id === this.state.meterId) || null;
    }

    meterReadings(task, meter) {
        return task.readings.filter((r) => r.meter_id === meter.id);
    }

    /** A figure as the user's language writes it (64,5 in French). */
    formatNumber(value) {
        return formatFloat(value, { digits: [16, 3], trailingZeros: false });
    }

    stateLabel(task) {
        return {
            todo: _t("To do"),
            in_progress: _t("In progress"),
            done: _t("Done"),
            cancelled: _t("Cancelled"),
        }[task.state];
    }

    // ------------------------------------------------------------------
    // Navigation
    // ------------------------------------------------------------------

    showDay(day) {
        this.state.day = day;
    }

    openTask(task) {
        Object.assign(this.state, {
            taskId: task.id,
            meterId: task.meters[0]?.id || false,
            readingValue: "",
            productId: false,
            quantity: 1,
            note: "",
        });
    }

    backToDay() {
        this.state.taskId = false;
    }

    backOnline() {
        this.action.doAction("maintenance_planning.maintenance_task_action_my_day", {
            clearBreadcrumbs: true,
        });
    }

    // ------------------------------------------------------------------
    // Actions of the technician (queued)
    // ------------------------------------------------------------------

    async checkInOut(type) {
        this.state.locating = true;
        try {
            const position = await getPosition(5000);
            await this.offline.enqueue(this.state.taskId, type, {
                latitude: position ? position.latitude : null,
                longitude: position ? position.longitude : null,
                accuracy: position ? position.accuracy : null,
            });
        } finally {
            this.state.locating = false;
        }
    }

    setChecklist(line, result) {
        if (!this.isOpen) {
            return;
        }
        this.offline.enqueue(this.state.taskId, "checklist", {
            line_id: line.id,
            result: line.result === result ? "reset" : result,
        });
    }

    onMeterChange(ev) {
        this.state.meterId = parseInt(ev.target.value) || false;
    }

    async addReading() {
        const value = parseFloat(String(this.state.readingValue).replace(",", "."));
        if (!this.isOpen || !this.state.meterId || Number.isNaN(value)) {
            return;
        }
        await this.offline.enqueue(this.state.taskId, "reading", {
            meter_id: this.state.meterId,
            value,
        });
        this.state.readingValue = "";
    }

    onProductChange(ev) {
        this.state.productId = parseInt(ev.target.value) || false;
    }

    async addPart() {
        const quantity = parseFloat(String(this.state.quantity).replace(",", "."));
        if (!this.isOpen || !this.state.productId || !(quantity > 0)) {
            return;
        }
        await this.offline.enqueue(this.state.taskId, "part", {
            product_id: this.state.productId,
            quantity,
        });
        this.state.productId = false;
        this.state.quantity = 1;
    }

    onPhoto(ev) {
        const input = ev.target;
        const taskId = this.state.taskId;
        if (!this.isOpen) {
            input.value = "";
            return;
        }
        for (const file of input.files) {
            const reader = new FileReader();
            reader.onload = () => {
                const data = String(reader.result).split(",")[1] || "";
                this.offline.enqueue(taskId, "photo", {
                    name: file.name || "photo.jpg",
                    mimetype: file.type || "image/jpeg",
                    data,
                });
            };
            reader.readAsDataURL(file);
        }
        input.value = "";
    }

    async addNote() {
        const body = this.state.note.trim();
        if (!body) {
            return;
        }
        await this.offline.enqueue(this.state.taskId, "note", { body });
        this.state.note = "";
    }

    openSignature() {
        const taskId = this.state.taskId;
        if (!this.isOpen) {
            return;
        }
        this.dialog.add(OfflineSignatureDialog, {
            nameAndSignatureProps: { mode: "draw", displaySignatureRatio: 3, noInputName: false },
            uploadSignature: ({ name, signatureImage }) => {
                const data = String(signatureImage).split(",")[1] || "";
                this.offline.enqueue(taskId, "signature", { data, signed_by: name || "" });
            },
        });
    }

    async closeTask() {
        await this.offline.enqueue(this.state.taskId, "close", {});
        this.notification.add(
            this.data.online
                ? _t("Task closed.")
                : _t("Task closed on the phone: sent when the network returns."),
            { type: "success" }
        );
    }
}

registry.category("actions").add(OFFLINE_ACTION, MaintenanceOfflineDay);
