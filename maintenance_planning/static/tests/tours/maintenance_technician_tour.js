import { registry } from "@web/core/registry";
import { drawSignature, givePosition, noSideScroll } from "./phone_tour_utils";

const TASK = "Dépannage chaudière";
const FIRST_OPERATION = "Contrôle des organes de sécurité";
const SECOND_OPERATION = "Analyse de combustion";
const PART = "Électrode d'allumage";

function operationButtons(operation) {
    const card = [
        ...document.querySelectorAll(".o_field_widget[name=checklist_ids] .o_kanban_record"),
    ].find((record) => record.textContent.includes(operation));
    // relative to the card: tapping may scroll the page
    const origin = card.getBoundingClientRect();
    return [".o_maintenance_op_done", ".o_maintenance_op_na", ".o_maintenance_op_anomaly"].map(
        (selector) => {
            const { left, top, width, height } = card.querySelector(selector).getBoundingClientRect();
            return [left - origin.left, top - origin.top, width, height].map(Math.round).join(",");
        }
    );
}

/** Tick an operation as done: its three buttons stay where they were. */
function tickDone(operation) {
    const card = `.o_field_widget[name=checklist_ids] .o_kanban_record:contains("${operation}")`;
    return [
        {
            content: `Tick "${operation}"`,
            trigger: `${card} button.o_maintenance_op_done:not(.active)`,
            run(helpers) {
                window.maintenanceButtonsBefore = operationButtons(operation);
                helpers.click();
            },
        },
        {
            content: `"${operation}" is done; Done, N/A and Anomaly kept their place and size`,
            trigger: `${card} button.o_maintenance_op_done.active`,
            run() {
                const before = window.maintenanceButtonsBefore.join(" ");
                const after = operationButtons(operation).join(" ");
                if (before !== after) {
                    throw new Error(`The buttons moved: ${before} -> ${after}`);
                }
            },
        },
    ];
}

/**
 * The technician's day on a phone (390x844, touch), from the login: the
 * web client opens on My day; open the task, arrive on site (with the
 * position of the phone), tick the operations, enter a reading, record a
 * part of the catalogue, have the customer draw their signature, close.
 * At every step, one next action and nothing wider than the screen.
 */
registry.category("web_tour.tours").add("maintenance_technician_journey", {
    steps: () => [
        {
            content: "Logged in at /odoo: the first screen is My day, with today's task",
            trigger: `.o_maintenance_my_day .o_kanban_record:contains("${TASK}")`,
            run() {
                if (!window.location.pathname.endsWith("/maintenance-my-day")) {
                    throw new Error(`The first screen is ${window.location.pathname}, not My day`);
                }
                // the phone gives its position
                givePosition();
            },
        },
        {
            content: "The card shows the customer, the address and a map link",
            trigger: `.o_kanban_record:contains("${TASK}"):contains("Syndic Horizon Immobilier"):contains("12 rue des Tilleuls") a.o_maintenance_directions[href*="maps"]`,
        },
        noSideScroll("on My day"),
        {
            content: "Tomorrow is one tap away",
            trigger: "button.o_maintenance_tomorrow",
            run: "click",
        },
        {
            trigger: '.o_maintenance_my_day .o_kanban_record:contains("Préparation du lendemain")',
        },
        {
            content: "Back to today",
            trigger: "button.o_maintenance_today",
            run: "click",
        },
        {
            content: "Open the task",
            trigger: `.o_maintenance_my_day .o_kanban_record:contains("${TASK}")`,
            run: "click",
        },
        {
            content: "One next action: arrival; no start, no closing, nothing in the header",
            trigger: ".o_maintenance_task_form .o_maintenance_task_actions button.o_maintenance_check_in",
            run() {
                const form = document.querySelector(".o_maintenance_task_form");
                const buttons = form.querySelectorAll(
                    ".o_maintenance_task_actions button, .o_statusbar_buttons button"
                );
                if (buttons.length !== 1) {
                    throw new Error(
                        `${buttons.length} actions offered: ${[...buttons].map((b) => b.textContent.trim())}`
                    );
                }
            },
        },
        {
            content: "The planning is read-only for a technician",
            trigger: ".o_field_widget[name=planned_start].o_readonly_modifier",
        },
        noSideScroll("on the task"),
        {
            content: "Arrival: one tap",
            trigger: ".o_form_view button.o_maintenance_check_in",
            run: "click",
        },
        {
            content: "On site: the next action is closing; departure beside it, no arrival",
            trigger: ".o_maintenance_task_actions:has(button.o_maintenance_check_out) button.o_maintenance_close_button",
            run() {
                const form = document.querySelector(".o_maintenance_task_form");
                const closing = form.querySelectorAll("button[name=action_done]");
                const other = form.querySelectorAll(
                    "button.o_maintenance_check_in, .o_statusbar_buttons button"
                );
                if (closing.length !== 1 || other.length) {
                    throw new Error(
                        `${closing.length} closing buttons and ${other.length} other actions`
                    );
                }
            },
        },
        {
            trigger: '.o_statusbar_status:contains("In progress")',
        },
        ...tickDone(FIRST_OPERATION),
        ...tickDone(SECOND_OPERATION),
        noSideScroll("on the operations"),
        {
            content: "Every tab is in sight, none cut by the edge of the screen",
            trigger: '.o_notebook_headers .nav-link:contains("Closing")',
            run() {
                for (const tab of document.querySelectorAll(".o_notebook_headers .nav-link")) {
                    const { left, right } = tab.getBoundingClientRect();
                    if (left < 0 || right > window.innerWidth) {
                        throw new Error(`The tab ${tab.textContent.trim()} is cut: ${left}-${right}`);
                    }
                }
            },
        },
        {
            content: "Go to the readings",
            trigger: '.o_notebook_headers a:contains("Readings")',
            run: "click",
        },
        {
            content: "Add a reading",
            trigger: ".o_field_widget[name=reading_ids] .o-kanban-button-new",
            run: "click",
        },
        {
            content: "Choose the meter",
            trigger: ".modal .o_field_widget[name=meter_id] input",
            run: "click",
        },
        {
            content: "The meters of the task's equipment",
            trigger: '.modal .o_kanban_record:contains("Compteur horaire")',
            run: "click",
        },
        {
            trigger: '.modal .o_field_widget[name=meter_id] input:value("Compteur horaire")',
        },
        {
            content: "Type the value",
            trigger: ".modal .o_field_widget[name=value] input",
            run: "edit 1520",
        },
        {
            trigger: ".modal .o_form_button_save",
            run: "click",
        },
        {
            content: "The reading is on the task",
            trigger: '.o_field_widget[name=reading_ids] .o_kanban_record:contains("Compteur horaire"):contains("1,520")',
        },
        {
            content: "Go to the parts",
            trigger: '.o_notebook_headers a:contains("Parts")',
            run: "click",
        },
        {
            content: "Add a part",
            trigger: ".o_field_widget[name=part_ids] .o-kanban-button-new",
            run: "click",
        },
        {
            content: "Choose it in the catalogue",
            trigger: ".modal .o_field_widget[name=product_id] input",
            run: "click",
        },
        {
            content: "Open the search",
            trigger: ".modal button:has(i.fa-search)",
            run: "click",
        },
        {
            content: "Search the catalogue",
            trigger: ".modal .o_searchview_input",
            run: "edit électrode",
        },
        {
            trigger: ".modal .o_searchview_input",
            run: "press Enter",
        },
        {
            content: "The spare part, with its reference",
            trigger: `.modal .o_kanban_record:contains("${PART}"):contains("PD-ELE-101")`,
            run: "click",
        },
        {
            trigger: `.modal .o_field_widget[name=product_id] input:value("${PART}")`,
        },
        noSideScroll("on the part"),
        {
            trigger: ".modal .o_form_button_save",
            run: "click",
        },
        {
            content: "The part is on the task",
            trigger: `.o_field_widget[name=part_ids] .o_kanban_record:contains("${PART}")`,
        },
        {
            content: "Go to the closing",
            trigger: '.o_notebook_headers a:contains("Closing")',
            run: "click",
        },
        noSideScroll("on the closing"),
        {
            content: "What was done",
            trigger: ".o_field_widget[name=work_summary] textarea",
            run: "edit Réglage du brûleur, électrode d'allumage remplacée.",
        },
        {
            content: "The customer's name",
            trigger: ".o_field_widget[name=customer_signer_name] input",
            run: "edit Marie Durand",
        },
        {
            content: "The customer signs",
            trigger: ".o_field_widget[name=customer_signature] .o_signature",
            run: "click",
        },
        {
            content: "The pad opens to be drawn on, not with the name typed in a font",
            trigger: ".modal .o_web_sign_draw_button.active",
            run() {
                if (document.querySelector(".modal .o_web_sign_auto_button.active")) {
                    throw new Error("The signature is made from the name");
                }
            },
        },
        {
            trigger: '.modal .modal-footer .btn-primary:contains("Adopt"):disabled',
        },
        noSideScroll("on the signature pad"),
        {
            content: "The customer draws their signature with the finger",
            trigger: ".modal canvas.o_web_sign_signature",
            async run() {
                await drawSignature(document.querySelector(".modal canvas.o_web_sign_signature"));
            },
        },
        {
            trigger: '.modal .modal-footer .btn-primary:contains("Adopt"):enabled',
            run: "click",
        },
        {
            trigger: ".o_field_widget[name=customer_signature] img.o_signature",
        },
        noSideScroll("with the signature"),
        {
            content: "Close the task",
            trigger: ".o_form_view button.o_maintenance_close_button",
            run: "click",
        },
        {
            content: "Closed: the action buttons are gone, the report can be sent",
            trigger: '.o_form_view:not(:has(.o_maintenance_task_actions button)) .o_field_widget[name=closed_by]:contains("Julien Moreau")',
        },
        noSideScroll("once closed"),
    ],
});
