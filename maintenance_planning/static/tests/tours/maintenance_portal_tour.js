import { registry } from "@web/core/registry";

// a 1x1 PNG: the photo taken with the phone
const PNG =
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==";

/**
 * A customer on their phone: logs in, opens an equipment, downloads its last
 * signed intervention report, reports a problem on it with a photo.
 */
registry.category("web_tour.tours").add("maintenance_portal_tour", {
    steps: () => [
        {
            content: "Log in",
            trigger: "form.oe_login_form input[name=login]",
            run: "edit portal_tour",
        },
        {
            trigger: "form.oe_login_form input[name=password]",
            run: "edit portal_tour_pw",
        },
        {
            trigger: "form.oe_login_form button[type=submit]",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "The portal home lists their equipment",
            trigger: ".o_portal_index_card:not(.d-none) a[href='/my/equipment']",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "Open the boiler",
            trigger: "a.o_maintenance_portal_equipment_link:contains(Chaudière gaz)",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "Its status and next visit",
            trigger: ".o_maintenance_portal_equipment .o_maintenance_portal_next_visit:not(:contains(None planned))",
        },
        {
            content: "Download the last signed intervention report",
            trigger: "a.o_maintenance_portal_report:first",
            async run({ anchor }) {
                const response = await fetch(anchor.href);
                const type = response.headers.get("Content-Type");
                const start = new TextDecoder().decode((await response.arrayBuffer()).slice(0, 5));
                if (!response.ok || type !== "application/pdf" || start !== "%PDF-") {
                    throw new Error(`The report is not a PDF (${response.status}, ${type}, ${start})`);
                }
                anchor.click();
            },
        },
        {
            content: "Report a problem on this equipment",
            trigger: "a.o_maintenance_portal_new_request",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "The equipment is chosen",
            trigger: "select[name=equipment_id] option:selected:contains(Chaudière gaz):not(:visible)",
        },
        {
            trigger: "select[name=priority]",
            run: "select 1",
        },
        {
            trigger: "input[name=title]",
            run: "edit Chaudière en sécurité",
        },
        {
            trigger: "textarea[name=description]",
            run: "edit Code F28 affiché depuis ce matin, plus d'eau chaude.",
        },
        {
            content: "Take a photo",
            trigger: "input[name=photos]",
            run({ anchor }) {
                const bytes = Uint8Array.from(atob(PNG), (c) => c.charCodeAt(0));
                const transfer = new DataTransfer();
                transfer.items.add(new File([bytes], "chaudiere.png", { type: "image/png" }));
                anchor.files = transfer.files;
            },
        },
        {
            trigger: "button.o_maintenance_portal_request_submit",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "The request is registered, with its photo",
            trigger: ".o_maintenance_portal_request_created",
        },
        {
            trigger: ".o_maintenance_portal_request img.o_maintenance_portal_photo",
        },
    ],
});
