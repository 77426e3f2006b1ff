import { reactive } from "@odoo/owl";
import { browser } from "@web/core/browser/browser";
import { _t } from "@web/core/l10n/translation";
import { ConnectionLostError, rpc, rpcBus } from "@web/core/network/rpc";
import { registry } from "@web/core/registry";
import { Mutex } from "@web/core/utils/concurrency";
import { session } from "@web/session";
import { prepareSignature } from "./offline_signature";
import { DB_NAME, OfflineStore } from "./offline_store";

export const OFFLINE_ACTION = "maintenance_offline_day";
const MAX_BATCH = 200; // the server refuses more in one call
const REFRESH_EVERY = 5 * 60 * 1000;
const RETRY_EVERY = 30 * 1000;
// the RPCs a user waits for: when one fails for want of network, the
// offline day opens instead of the screen that could not load
const INTERACTIVE_ROUTES = ["/web/dataset/call_kw", "/web/action/load", "/web/action/run"];

/**
 * The technician's work without network.
 *
 * While online: keeps the prepared day (/maintenance/offline/day) in
 * IndexedDB, refreshed at start, every few minutes and when My day opens.
 * Always: the actions recorded on the offline screens wait in a queue
 * (IndexedDB, encrypted, in order, each with a uuid and the device's time)
 * and are sent in order when the connection returns or on demand; applied
 * and duplicate ones leave the queue, refused ones are listed with the
 * server's reason until the technician dismisses them.
 */
export const maintenanceOfflineService = {
    dependencies: ["action", "notification"],

    start(env, { action, notification }) {
        const state = reactive({
            enabled: Boolean(session.maintenance_offline_key && window.crypto?.subtle),
            online: browser.navigator.onLine,
            loaded: false,
            day: null, // the prepared day, as the server answered it
            refreshedAt: null, // ISO UTC: when the day was last fetched
            queue: [], // actions waiting to be sent, in order
            refused: [], // {action, message}: refused by the server
            syncing: false,
            clockFlagged: false,
        });
        if (!state.enabled) {
            // not a technician's session: nothing of a previous user's
            // (unreadable anyway without their session's key) is kept
            window.indexedDB?.deleteDatabase(DB_NAME);
            return { state, isOfflineAction: () => false };
        }
        const store = new OfflineStore(session.maintenance_offline_key);
        const mutex = new Mutex();

        async function load() {
            const [prepared, queue, refused] = await Promise.all([
                store.read("day"),
                store.read("queue"),
                store.read("refused"),
            ]);
            if (prepared) {
                state.day = prepared.day;
                state.refreshedAt = prepared.refreshedAt;
            }
            state.queue = queue || [];
            state.refused = refused || [];
            state.loaded = true;
        }
        const loaded = load();

        function saveQueue() {
            return Promise.all([
                store.write("queue", state.queue),
                store.write("refused", state.refused),
            ]);
        }

        function isNetworkError(error) {
            return error instanceof ConnectionLostError;
        }

        async function refreshDay() {
            if (!state.online) {
                return false;
            }
            try {
                const day = await rpc("/maintenance/offline/day", {}, { silent: true });
                const refreshedAt = new Date().toISOString();
                await store.write("day", { day, refreshedAt });
                state.day = day;
                state.refreshedAt = refreshedAt;
                if (day.tasks?.length) {
                    await prepareSignature();
                }
                return true;
            } catch (error) {
                if (isNetworkError(error)) {
                    setOnline(false);
                    return false;
                }
                throw error;
            }
        }

        /** Says how many actions the server applied ("3 actions sent."). */
        function notifySent(count) {
            if (!count) {
                return;
            }
            notification.add(
                count === 1
                    ? _t("1 action sent.")
                    : _t("%(count)s actions sent.", { count }),
                { type: "success" }
            );
        }

        /**
         * Sends the queue in order, batch after batch, then refreshes the day.
         * Says how many actions were sent, unless `quiet` (an action recorded
         * online and sent at once: its screen already shows it).
         */
        function sync({ quiet = false } = {}) {
            return mutex.exec(async () => {
                await loaded;
                if (!state.online) {
                    return;
                }
                state.syncing = true;
                let applied = 0;
                try {
                    while (state.queue.length) {
                        const batch = state.queue.slice(0, MAX_BATCH);
                        const answer = await rpc(
                            "/maintenance/offline/sync",
                            { actions: batch, device_now: new Date().toISOString() },
                            { silent: true }
                        );
                        const results = new Map(answer.results.map((r) => [r.uuid, r]));
                        const sent = new Set(batch.map((a) => a.uuid));
                        for (const sentAction of batch) {
                            const result = results.get(sentAction.uuid);
                            if (result?.status === "refused") {
                                state.refused.push({
                                    action: sentAction,
                                    message: result.message,
                                });
                            } else if (result) {
                                applied++;
                            } else {
                                // not answered: keep it for the next sync
                                sent.delete(sentAction.uuid);
                            }
                        }
                        state.queue = state.queue.filter((a) => !sent.has(a.uuid));
                        state.clockFlagged = Boolean(answer.clock_flagged);
                        await saveQueue();
                        if (sent.size === 0) {
                            break;
                        }
                    }
                    await refreshDay();
                } catch (error) {
                    if (isNetworkError(error)) {
                        setOnline(false);
                    } else {
                        notification.add(error.data?.message || error.message, {
                            title: _t("Synchronisation failed"),
                            type: "danger",
                        });
                    }
                } finally {
                    state.syncing = false;
                    if (!quiet) {
                        notifySent(applied);
                    }
                }
            });
        }

        /**
         * Records an action of the technician: queued at once (the screens
         * show it), sent at once when the network is there.
         */
        async function enqueue(taskId, type, payload = {}) {
            await loaded;
            const queued = {
                uuid: window.crypto.randomUUID(),
                task_id: taskId,
                type,
                device_time: new Date().toISOString(),
                payload,
            };
            await mutex.exec(async () => {
                state.queue.push(queued);
                await saveQueue();
            });
            if (state.online) {
                sync({ quiet: true });
            }
            return queued;
        }

        async function dismissRefused() {
            await mutex.exec(async () => {
                state.refused = [];
                await saveQueue();
            });
        }

        function isOfflineAction() {
            return action.currentController?.action?.tag === OFFLINE_ACTION;
        }

        function isMyDay() {
            const current = action.currentController;
            return (
                current?.action?.path === "maintenance-my-day" ||
                current?.action?.res_model === "maintenance.task"
            );
        }

        function openOfflineDay(taskId = false) {
            if (isOfflineAction() || !state.day) {
                return;
            }
            action.doAction(
                {
                    type: "ir.actions.client",
                    tag: OFFLINE_ACTION,
                    name: _t("My day (offline)"),
                    context: { task_id: taskId },
                },
                { clearBreadcrumbs: true }
            );
        }

        function setOnline(online) {
            if (state.online === online) {
                return;
            }
            state.online = online;
            if (online) {
                sync();
            } else if (isMyDay()) {
                const current = action.currentController;
                const taskId =
                    current.action.res_model === "maintenance.task" && current.view?.type === "form"
                        ? current.currentState?.resId || current.props?.resId || false
                        : false;
                openOfflineDay(taskId);
            }
        }

        browser.addEventListener("online", () => setOnline(true));
        browser.addEventListener("offline", () => setOnline(false));

        rpcBus.addEventListener("RPC:RESPONSE", ({ detail }) => {
            if (
                isNetworkError(detail.error) &&
                !detail.settings?.silent &&
                INTERACTIVE_ROUTES.some((route) => detail.error.url?.includes(route))
            ) {
                openOfflineDay();
            }
        });

        env.bus.addEventListener("ACTION_MANAGER:UI-UPDATED", () => {
            // My day opened: prepare it for offline use
            if (state.online && action.currentController?.action?.path === "maintenance-my-day") {
                sync();
            }
        });
        browser.setInterval(() => state.online && sync(), REFRESH_EVERY);
        /** Is the server reachable again? (then the queue is sent) */
        async function probe() {
            try {
                await rpc("/web/webclient/version_info", {}, { silent: true });
            } catch {
                return false;
            }
            setOnline(true);
            return true;
        }

        /** The Synchronise button: send now, or say the network is still missing. */
        async function syncNow() {
            if (state.online) {
                return sync();
            }
            if (!(await probe())) {
                notification.add(_t("Still offline: the actions will be sent when the network returns."), {
                    type: "warning",
                });
            }
        }

        // the server unreachable while the phone believes it has network
        // (no "online" event will come): try again now and then
        browser.setInterval(() => {
            if (!state.online && browser.navigator.onLine) {
                probe();
            }
        }, RETRY_EVERY);
        loaded.then(() => state.online && sync());

        return {
            state,
            loaded,
            enqueue,
            sync,
            syncNow,
            refreshDay,
            dismissRefused,
            openOfflineDay,
            isOfflineAction,
            store,
        };
    },
};

registry.category("services").add("maintenance_offline", maintenanceOfflineService);
