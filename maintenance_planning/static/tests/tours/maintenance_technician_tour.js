import { registry } from "@web/core/registry";

const TASK = "Dépannage chaudière";
// about 50 m from the site
const POSITION = { coords: { latitude: 45.7601, longitude: 4.8425, accuracy: 12 } };

/**
 * The technician's day on a phone (390x844): My day, check in with the
 * position of the phone, tick the operations, enter a reading, have the
 * customer sign, close the task.
 */
registry.category("web_tour.tours").add("maintenance_technician_phone_tour", {
    steps: () => [
        {
            content: "My day lists today's task; the phone gives its position",
            trigger: `.o_maintenance_my_day .o_kanban_record:contains("${TASK}")`,
            run() {
                Object.defineProperty(navigator, "geolocation", {
                    configurable: true,
                    value: {
                        getCurrentPosition: (success) => success(POSITION),
                        watchPosition: () => 0,
                        clearWatch: () => {},
                    },
                });
            },
        },
        {
            content: "The card shows the customer, the address and a map link",
            trigger: `.o_kanban_record:contains("${TASK}"):contains("Syndic Horizon Immobilier"):contains("12 rue des Tilleuls") a.o_maintenance_directions[href*="maps"]`,
        },
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
            content: "Check in: one tap",
            trigger: ".o_form_view button.o_maintenance_check_in",
            run: "click",
        },
        {
            content: "Checked in: the button now checks out, the task is in progress",
            trigger: ".o_form_view button.o_maintenance_check_out",
        },
        {
            content: "Tick the first operation",
            trigger:
                '.o_field_widget[name=checklist_ids] .o_kanban_record:contains("Contrôle des organes de sécurité") button.o_maintenance_op_done',
            run: "click",
        },
        {
            trigger:
                '.o_field_widget[name=checklist_ids] .o_kanban_record:contains("Contrôle des organes de sécurité"):not(:has(button.o_maintenance_op_done))',
        },
        {
            content: "Tick the second operation",
            trigger:
                '.o_field_widget[name=checklist_ids] .o_kanban_record:contains("Analyse de combustion") button.o_maintenance_op_done',
            run: "click",
        },
        {
            trigger:
                '.o_field_widget[name=checklist_ids] .o_kanban_record:contains("Analyse de combustion"):not(:has(button.o_maintenance_op_done))',
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
            content: "Go to the closing",
            trigger: '.o_notebook_headers a:contains("Closing")',
            run: "click",
        },
        {
            content: "What was done",
            trigger: ".o_field_widget[name=work_summary] textarea",
            run: "edit Réglage du brûleur, combustion contrôlée.",
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
            content: "The signature is drawn from the name",
            trigger: ".modal canvas.o_web_sign_signature",
            run: "canvasNotEmpty",
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
            content: "Closed: the action buttons are gone, the report can be sent",
            trigger: '.o_form_view:not(:has(.o_maintenance_close_button)) .o_field_widget[name=closed_by]:contains("Julien Moreau")',
        },
    ],
});
