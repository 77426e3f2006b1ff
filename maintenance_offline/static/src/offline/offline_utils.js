const { DateTime } = luxon;

/** "01/12" and "08:12": the local day and time of an ISO UTC timestamp. */
export function formatRefreshTime(iso) {
    const when = DateTime.fromISO(iso, { zone: "utc" }).toLocal();
    return { date: when.toFormat("dd/MM"), time: when.toFormat("HH:mm") };
}

/** Local "HH:mm" of an ISO UTC datetime (the server sends UTC). */
export function formatTime(iso) {
    if (!iso) {
        return "";
    }
    const text = iso.includes("T") ? iso : iso.replace(" ", "T");
    return DateTime.fromISO(text, { zone: "utc" }).toLocal().toFormat("HH:mm");
}

/** Plain text of the (sanitised) HTML the server sends for descriptions. */
export function htmlToText(html) {
    if (!html) {
        return "";
    }
    return new DOMParser().parseFromString(html, "text/html").body.textContent.trim();
}

/**
 * The task as the technician sees it: the prepared day's data with the
 * actions still waiting in the queue applied on top, in order (the screen
 * reflects each action at once, before the server has it).
 */
export function taskWithQueue(task, queue, products) {
    const view = {
        ...task,
        checklist: (task.checklist || []).map((line) => ({ ...line })),
        part_ids: [...(task.part_ids || [])],
        readings: [],
        notes: [],
        pending: 0,
    };
    const productNames = new Map((products || []).map((p) => [p.id, p.name]));
    for (const action of queue) {
        if (action.task_id !== task.id) {
            continue;
        }
        view.pending++;
        const payload = action.payload || {};
        switch (action.type) {
            case "check_in":
                view.checked_in = true;
                if (view.state !== "done") {
                    view.state = "in_progress";
                }
                break;
            case "check_out":
                view.checked_in = false;
                break;
            case "checklist": {
                const line = view.checklist.find((l) => l.id === payload.line_id);
                if (line) {
                    line.result = payload.result === "reset" ? false : payload.result;
                }
                break;
            }
            case "reading":
                view.readings.push({ meter_id: payload.meter_id, value: payload.value });
                break;
            case "part":
                view.part_ids.push({
                    id: action.uuid,
                    product_id: payload.product_id,
                    product: productNames.get(payload.product_id) || "",
                    quantity: payload.quantity,
                    note: payload.note || "",
                    pending: true,
                });
                break;
            case "photo":
                view.photo_count = (view.photo_count || 0) + 1;
                break;
            case "note":
                view.notes.push(payload.body);
                break;
            case "signature":
                view.has_signature = true;
                break;
            case "close":
                view.state = "done";
                view.checked_in = false;
                break;
        }
    }
    return view;
}
