import { registry } from "@web/core/registry";
import { drawSignature, givePosition, noSideScroll } from "./phone_tour_utils";

const TASK = "Dépannage chaudière";
const PART = "Électrode d'allumage";
const BOILER = "Chaudière gaz à condensation 150 kW";
const EQUIPMENT = "Chaudière gaz";
const NOTE = "Client prévenu du remplacement de l'électrode.";

/** Tick a required operation as done. */
function tickDone(operation) {
    return {
        content: `Tick "${operation}"`,
        trigger: `.o_field_widget[name=checklist_ids] .o_kanban_record:contains("${operation}") button.o_maintenance_op_done:not(.active)`,
        run: "click",
    };
}

/**
 * The technician on a phone (390x844), from /odoo: open the task, arrive,
 * record a part (the picker offers parts, without price, for the task's
 * equipment), the customer signs on a pad tall enough for a finger, the
 * closing says so.
 */
registry.category("web_tour.tours").add("maintenance_planning_phone_technician", {
    steps: () => [
        {
            content: "My day, with today's task",
            trigger: `.o_maintenance_my_day .o_kanban_record:contains("${TASK}")`,
            run() {
                givePosition();
            },
        },
        {
            content: "Open the task",
            trigger: `.o_maintenance_my_day .o_kanban_record:contains("${TASK}")`,
            run: "click",
        },
        {
            content: "Arrival",
            trigger: ".o_form_view button.o_maintenance_check_in",
            run: "click",
        },
        {
            trigger: ".o_maintenance_task_actions button.o_maintenance_close_button",
        },
        tickDone("Contrôle des organes de sécurité"),
        {
            trigger: '.o_field_widget[name=checklist_ids] .o_kanban_record:contains("Contrôle des organes de sécurité") button.o_maintenance_op_done.active',
        },
        tickDone("Analyse de combustion"),
        {
            trigger: '.o_field_widget[name=checklist_ids] .o_kanban_record:contains("Analyse de combustion") button.o_maintenance_op_done.active',
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
            content: "The equipment is the task's, already filled in",
            trigger: `.modal .o_field_widget[name=equipment_id] input:value("${EQUIPMENT}")`,
        },
        {
            content: "Choose the part in the catalogue",
            trigger: ".modal .o_field_widget[name=product_id] input",
            run: "click",
        },
        {
            content: "Open the search",
            trigger: ".modal button:has(i.fa-search)",
            run: "click",
        },
        {
            content: "The catalogue: the spare part with its reference; no boiler, no price",
            trigger: `.modal .o_kanban_record:contains("${PART}"):contains("PD-ELE-101")`,
            run() {
                const cards = [...document.querySelectorAll(".modal .o_kanban_record")];
                const text = cards.map((card) => card.textContent).join(" | ");
                if (text.includes(BOILER) || text.includes("EQ-CHC-150")) {
                    throw new Error(`An equipment model is offered as a part: ${text}`);
                }
                if (/€|Price|Prix|18[.,]50|17[  ,.]?600/.test(text)) {
                    throw new Error(`A price is shown to the technician: ${text}`);
                }
            },
        },
        {
            content: "Search the boiler all the same: nothing",
            trigger: ".modal .o_searchview_input",
            run: "edit Chaudière",
        },
        {
            trigger: ".modal .o_searchview_input",
            run: "press Enter",
        },
        {
            trigger: ".modal .o_view_nocontent, .modal .o_kanban_renderer:not(:has(.o_kanban_record:not(.o_kanban_ghost)))",
        },
        {
            content: "Back to the part",
            trigger: '.modal .o_searchview .o_facet_remove',
            run: "click",
        },
        {
            trigger: `.modal .o_kanban_record:contains("${PART}")`,
            run: "click",
        },
        {
            trigger: `.modal .o_field_widget[name=product_id] input:value("${PART}")`,
        },
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
        {
            trigger: ".o_field_widget[name=customer_signer_name] input",
            run: "edit Marie Durand",
        },
        {
            content: "The customer signs",
            trigger: ".o_field_widget[name=customer_signature] .o_signature",
            run: "click",
        },
        {
            content: "The pad is tall enough to sign with a finger",
            trigger: ".modal canvas.o_web_sign_signature",
            run() {
                const canvas = document.querySelector(".modal canvas.o_web_sign_signature");
                const { height, width } = canvas.getBoundingClientRect();
                if (height < 200 || height < 0.35 * window.innerHeight) {
                    throw new Error(
                        `The signature pad is ${Math.round(width)}x${Math.round(height)} px ` +
                            `on a ${window.innerHeight} px high screen`
                    );
                }
            },
        },
        noSideScroll("on the signature pad"),
        {
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
        {
            content: "Close the task",
            trigger: ".o_form_view button.o_maintenance_close_button",
            run: "click",
        },
        {
            content: "The closing is confirmed on the screen",
            trigger: `.o_notification:contains("${TASK}"):contains("closed")`,
        },
        {
            content: "And the form shows the task closed",
            trigger: '.o_form_view:not(:has(.o_maintenance_task_actions button)) .o_field_widget[name=closed_by]:contains("Julien Moreau")',
        },
        {
            content: "Without network, a note waits on the phone; the network returns",
            trigger: ".o_form_view .o_field_widget[name=closed_by]",
            async run() {
                const offline = odoo.__WOWL_DEBUG__.root.env.services.maintenance_offline;
                await offline.loaded;
                offline.state.online = false;
                const taskId = parseInt(window.location.pathname.split("/").pop());
                await offline.enqueue(taskId, "note", { body: NOTE });
                if (offline.state.queue.length !== 1) {
                    throw new Error(`${offline.state.queue.length} actions wait, not 1`);
                }
                offline.syncNow();
            },
        },
        {
            content: "The phone says what it sent",
            trigger: '.o_notification:contains("1 action sent.")',
        },
    ],
});

/**
 * The operations manager at a desk, from /odoo: the dossiers in the order
 * of the work, searched by the customer's name; in a dossier, the closing
 * button of a task line clear of the bin; a new task lasts an hour and the
 * technician field offers no administrator.
 */
registry.category("web_tour.tours").add("maintenance_planning_phone_manager", {
    steps: () => [
        {
            content: "Open the apps",
            trigger: ".o_navbar_apps_menu button",
            run: "click",
        },
        {
            trigger: '.o_app[data-menu-xmlid="maintenance_contracts.maintenance_root_menu"]',
            run: "click",
        },
        {
            trigger: '.o_menu_sections [data-menu-xmlid="maintenance_contracts.maintenance_planning_menu"]',
            run: "click",
        },
        {
            trigger: '[data-menu-xmlid="maintenance_planning.maintenance_intervention_menu"]',
            run: "click",
        },
        {
            content: "The dossiers' columns in the order of the work, the closed ones folded",
            trigger: ".o_kanban_renderer .o_kanban_group",
            run() {
                const titles = [
                    ...document.querySelectorAll(".o_kanban_renderer .o_kanban_group .o_column_title"),
                ].map((title) => title.textContent.replace(/\(\d+\)/, "").trim());
                const expected = ["Draft", "Planned", "In progress", "Done", "Cancelled"];
                if (titles.join("|") !== expected.join("|")) {
                    throw new Error(`Columns: ${titles.join(", ")}`);
                }
                const folded = [
                    ...document.querySelectorAll(".o_kanban_renderer .o_kanban_group.o_column_folded"),
                ].map((group) => group.textContent);
                if (folded.length !== 2 || !folded[0].includes("Done")) {
                    throw new Error(`Folded columns: ${folded.join(", ")}`);
                }
            },
        },
        {
            content: "Search the clinic by its name, Enter",
            trigger: ".o_searchview_input",
            run: "edit Clinique",
        },
        {
            trigger: ".o_searchview_input",
            run: "press Enter",
        },
        {
            content: "The clinic's dossier is found, and only it",
            trigger:
                '.o_kanban_renderer:has(.o_kanban_record:contains("Clinique du Parc")):not(:has(.o_kanban_record:not(.o_kanban_ghost):not(:contains("Clinique du Parc"))))',
        },
        {
            trigger: '.o_kanban_record:contains("Clinique du Parc")',
            run: "click",
        },
        {
            content: "The task line: its closing button clear of the bin",
            trigger: '.o_field_widget[name=task_ids] .o_data_row:contains("Recherche de fuite") button[name=action_done]',
            run() {
                const row = document.querySelector(".o_field_widget[name=task_ids] .o_data_row");
                const button = row.querySelector("button[name=action_done]").getBoundingClientRect();
                const bin = row.querySelector(".o_list_record_remove").getBoundingClientRect();
                const cell = row
                    .querySelector("button[name=action_done]")
                    .closest("td")
                    .getBoundingClientRect();
                if (button.right > bin.left || button.right > cell.right + 1) {
                    throw new Error(
                        `The button ends at ${button.right}, its cell at ${cell.right}, the bin starts at ${bin.left}`
                    );
                }
                // and the bin is in sight: the lines are not wider than the sheet
                const table = row.closest("table").parentElement;
                if (table.scrollWidth > table.clientWidth + 1) {
                    throw new Error(
                        `The task lines scroll sideways: ${table.scrollWidth}px in ${table.clientWidth}px`
                    );
                }
            },
        },
        {
            content: "Add a task",
            trigger: ".o_field_widget[name=task_ids] .o_field_x2many_list_row_add a",
            run: "click",
        },
        {
            content: "A new task lasts an hour",
            trigger: '.o_field_widget[name=task_ids] .o_selected_row .o_field_widget[name=duration] input:value("01:00")',
        },
        {
            content: "Look for the administrator as technician",
            trigger: ".o_field_widget[name=task_ids] .o_selected_row .o_field_widget[name=user_ids] input",
            run: "edit Admin",
        },
        {
            content: "Not offered",
            trigger: ".o-autocomplete--dropdown-menu",
            run() {
                const items = document.querySelectorAll(".o-autocomplete--dropdown-menu .o-autocomplete--dropdown-item");
                const names = [...items].map((item) => item.textContent.trim());
                if (names.some((name) => name.includes("Administrator"))) {
                    throw new Error(`The administrator is offered: ${names.join(", ")}`);
                }
            },
        },
        {
            content: "The technicians are",
            trigger: ".o_field_widget[name=task_ids] .o_selected_row .o_field_widget[name=user_ids] input",
            run: "edit Julien",
        },
        {
            trigger: '.o-autocomplete--dropdown-item a:contains("Julien Moreau")',
            run: "click",
        },
        {
            trigger: ".o_field_widget[name=task_ids] .o_selected_row .o_field_widget[name=name] input",
            run: "edit Contrôle après dépannage",
        },
        {
            content: "Save",
            trigger: ".o_form_button_save",
            run: "click",
        },
        {
            trigger: ".o_form_saved",
        },
    ],
});
