import { registry } from "@web/core/registry";
import { drawSignature, givePosition, noSideScroll } from "@maintenance_planning/../tests/tours/phone_tour_utils";

const TASK = "Dépannage chaudière";
const FIRST_OPERATION = "Contrôle des organes de sécurité";
const SECOND_OPERATION = "Analyse de combustion";
const METER = "Température départ";
const PART = "Électrode d'allumage";
// a 1x1 PNG: what the phone's camera gives, in small
const PNG =
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==";

function offline() {
    return odoo.__WOWL_DEBUG__.root.env.services.maintenance_offline;
}

async function waitUntil(condition, what, timeout = 20000) {
    const start = Date.now();
    while (!condition()) {
        if (Date.now() - start > timeout) {
            throw new Error(`Timed out waiting for ${what}`);
        }
        await new Promise((resolve) => setTimeout(resolve, 100));
    }
}

function counter(count) {
    return {
        content: `The counter shows ${count} to send`,
        trigger: `.o_maintenance_offline_bar .o_maintenance_offline_counter:contains("${count} à envoyer")`,
    };
}

function selectOption(selector, label) {
    return {
        content: `Choose "${label}"`,
        trigger: `${selector}:has(option:contains("${label}"))`,
        run() {
            const select = document.querySelector(selector);
            const option = [...select.options].find((o) => o.textContent.includes(label));
            select.value = option.value;
            select.dispatchEvent(new Event("change", { bubbles: true }));
        },
    };
}

/**
 * The technician's day without network, on a phone (390x844, touch): My day
 * opens online (the day is prepared on the phone), then the browser cuts the
 * network (the Python test reacts to the console marker with DevTools'
 * network emulation); the task opens from the phone's data and every action
 * is queued; the network returns and the queue is sent.
 */
registry.category("web_tour.tours").add("maintenance_offline_journey", {
    steps: () => [
        {
            content: "Logged in at /odoo: My day, online, with today's task",
            trigger: `.o_maintenance_my_day .o_kanban_record:contains("${TASK}")`,
            run() {
                givePosition();
            },
        },
        {
            content: "Opening My day prepared the day on the phone",
            trigger: "body",
            async run() {
                await waitUntil(
                    () => offline().state.day?.tasks?.some((t) => t.name === TASK),
                    "the prepared day"
                );
            },
        },
        {
            content: "The network drops (DevTools network emulation: offline)",
            trigger: "body",
            run() {
                console.log("MAINTENANCE_NETWORK:offline");
            },
        },
        {
            content: "The offline banner shows the time of the prepared day",
            trigger: '.o_maintenance_offline_banner:contains("Hors ligne — données du"):contains("peut-être périmées")',
        },
        {
            content: "The browser is really offline",
            trigger: "body",
            async run() {
                let failed = false;
                try {
                    await fetch("/web/webclient/version_info", { method: "POST", body: "{}" });
                } catch {
                    failed = true;
                }
                if (!failed || navigator.onLine) {
                    throw new Error("The network is still there");
                }
            },
        },
        {
            content: "My day, from the phone's data",
            trigger: `.o_maintenance_offline_day .o_maintenance_offline_card:contains("${TASK}")`,
            run: "click",
        },
        noSideScroll("on the offline task"),
        counter(0),
        {
            content: "The site's access instructions are there",
            trigger: ".o_maintenance_offline_task .o_maintenance_offline_access:contains('Code portail')",
        },
        {
            content: "Arrive on site",
            trigger: ".o_maintenance_offline_task button.o_maintenance_offline_check_in",
            run: "click",
        },
        {
            trigger: ".o_maintenance_offline_task .o_maintenance_offline_on_site",
        },
        counter(1),
        {
            content: `Tick "${FIRST_OPERATION}"`,
            trigger: `.o_maintenance_offline_line:contains("${FIRST_OPERATION}") .o_maintenance_offline_op_done`,
            run: "click",
        },
        {
            trigger: `.o_maintenance_offline_line:contains("${FIRST_OPERATION}") .o_maintenance_offline_op_done.active`,
        },
        {
            content: `Tick "${SECOND_OPERATION}"`,
            trigger: `.o_maintenance_offline_line:contains("${SECOND_OPERATION}") .o_maintenance_offline_op_done`,
            run: "click",
        },
        {
            trigger: `.o_maintenance_offline_line:contains("${SECOND_OPERATION}") .o_maintenance_offline_op_done.active`,
        },
        counter(3),
        selectOption(".o_maintenance_offline_meter", METER),
        {
            content: "The last value and the thresholds of the meter are shown",
            trigger: '.o_maintenance_offline_meter_info:contains("62"):contains("Seuil bas : 30"):contains("Seuil haut : 90")',
        },
        {
            content: "Type the reading",
            trigger: ".o_maintenance_offline_value",
            run: "edit 64,5",
        },
        {
            trigger: ".o_maintenance_offline_add_reading",
            run: "click",
        },
        {
            content: "The reading waits, written the French way",
            trigger: '.o_maintenance_offline_reading_pending:contains("64,5")',
        },
        counter(4),
        selectOption(".o_maintenance_offline_product", PART),
        {
            content: "Two of them",
            trigger: ".o_maintenance_offline_quantity",
            run: "edit 2",
        },
        {
            trigger: ".o_maintenance_offline_add_part",
            run: "click",
        },
        {
            trigger: `.o_maintenance_offline_part:contains("${PART}")`,
        },
        counter(5),
        {
            content: "Take a photo",
            trigger: ".o_maintenance_offline_task",
            run() {
                const input = document.querySelector("input.o_maintenance_offline_photo");
                const bytes = Uint8Array.from(atob(PNG), (c) => c.charCodeAt(0));
                const transfer = new DataTransfer();
                transfer.items.add(new File([bytes], "chaufferie.png", { type: "image/png" }));
                input.files = transfer.files;
                input.dispatchEvent(new Event("change", { bubbles: true }));
            },
        },
        {
            trigger: '.o_maintenance_offline_photo_count:contains("1")',
        },
        counter(6),
        {
            content: "The customer signs",
            trigger: ".o_maintenance_offline_sign",
            run: "click",
        },
        {
            content: "The customer's name",
            trigger: ".modal .o_web_sign_name_input",
            run: "edit Marie Durand",
        },
        {
            content: "The pad opens in draw mode, offline",
            trigger: ".modal:has(.o_web_sign_draw_button.active) canvas.o_web_sign_signature",
            async run() {
                await drawSignature(document.querySelector(".modal canvas.o_web_sign_signature"));
            },
        },
        noSideScroll("on the signature pad"),
        {
            trigger: ".modal .modal-footer .btn-primary:enabled",
            run: "click",
        },
        {
            trigger: ".o_maintenance_offline_task .o_maintenance_offline_signed",
        },
        counter(7),
        {
            content: "Close the task",
            trigger: ".o_maintenance_offline_task button.o_maintenance_offline_close",
            run: "click",
        },
        {
            trigger: ".o_maintenance_offline_task .o_maintenance_offline_closed",
        },
        {
            content: "Closed: the phone offers no part, photo, reading, operation or signature the server would refuse; a note still goes",
            trigger: ".o_maintenance_offline_task:has(.o_maintenance_offline_add_note)",
            run() {
                const task = document.querySelector(".o_maintenance_offline_task");
                const offered = [
                    ".o_maintenance_offline_add_part",
                    ".o_maintenance_offline_photo",
                    ".o_maintenance_offline_add_reading",
                    ".o_maintenance_offline_op_done",
                    ".o_maintenance_offline_sign",
                ].filter((selector) => task.querySelector(selector));
                if (offered.length) {
                    throw new Error(`Still offered once closed: ${offered.join(", ")}`);
                }
            },
        },
        counter(8),
        {
            content: "Still offline: banner, counter and the Synchronise button are on screen",
            trigger: '.o_maintenance_offline_bar:has(.o_maintenance_offline_banner) button.o_maintenance_offline_sync:contains("Synchroniser")',
            async run() {
                // Odoo's own "connection lost" notice would hide the task's name
                for (const close of document.querySelectorAll(".o_notification_close")) {
                    close.click();
                }
                await new Promise((resolve) => setTimeout(resolve, 300));
                console.log("MAINTENANCE_SCREENSHOT");
            },
        },
        noSideScroll("once closed offline"),
        {
            content: "The queue is encrypted on the phone: nothing readable in IndexedDB",
            trigger: "body",
            async run() {
                const stored = await offline().store.indexedDB.read("data", "queue");
                const text = JSON.stringify(stored);
                if (!stored?.ciphertext || text.includes(TASK) || text.includes("check_in")) {
                    throw new Error("The queue is stored in clear");
                }
            },
        },
        {
            content: "An action on a task that is not the technician's (forged)",
            trigger: "body",
            async run() {
                await offline().enqueue(2147480000, "note", { body: "Note égarée" });
            },
        },
        counter(9),
        {
            content: "The network returns",
            trigger: "body",
            run() {
                // what the phone is about to send, to send it again below
                window.maintenanceSentQueue = JSON.parse(
                    JSON.stringify(offline().state.queue.filter((a) => a.task_id !== 2147480000))
                );
                if (window.maintenanceSentQueue.length !== 8) {
                    throw new Error(`${window.maintenanceSentQueue.length} actions queued, not 8`);
                }
                console.log("MAINTENANCE_NETWORK:online");
            },
        },
        {
            content: "Sent by itself: no banner, nothing left to send, the refusal listed in French",
            trigger: '.o_maintenance_offline_bar:not(:has(.o_maintenance_offline_banner)) .o_maintenance_offline_refused:has(.o_maintenance_offline_refused_kept:contains("Rien n\'est perdu")) li:contains("Note"):contains("n\'existe pas ou ne vous est pas assignée")',
            async run() {
                await waitUntil(() => !offline().state.syncing, "the end of the sync");
                if (offline().state.queue.length || offline().state.refused.length !== 1) {
                    throw new Error(
                        `Left: ${offline().state.queue.length}, refused: ${JSON.stringify(
                            offline().state.refused.map((r) => r.message)
                        )}`
                    );
                }
            },
        },
        counter(0),
        {
            content: "The technician has seen the refusal",
            trigger: ".o_maintenance_offline_dismiss",
            run: "click",
        },
        {
            content: "Nothing left on screen",
            trigger: "body:not(:has(.o_maintenance_offline_bar))",
        },
        {
            content: "Synchronise again: nothing left to send",
            trigger: "body",
            async run() {
                await offline().sync();
                if (offline().state.queue.length) {
                    throw new Error("The queue came back");
                }
            },
        },
        {
            content: "The same actions sent again (a replay): every one is a duplicate",
            trigger: "body",
            async run() {
                const { rpc } = odoo.loader.modules.get("@web/core/network/rpc");
                const answer = await rpc("/maintenance/offline/sync", {
                    actions: window.maintenanceSentQueue,
                    device_now: new Date().toISOString(),
                });
                const statuses = answer.results.map((r) => r.status);
                if (statuses.length !== 8 || statuses.some((s) => s !== "duplicate")) {
                    throw new Error(`Replayed: ${statuses.join(", ")}`);
                }
            },
        },
    ],
});
