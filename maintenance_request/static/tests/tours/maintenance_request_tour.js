import { registry } from "@web/core/registry";
import { givePosition } from "@maintenance_planning/../tests/tours/phone_tour_utils";

const SITE = "Résidence Les Tilleuls";
const TITLE = "Plus de chauffage au bâtiment B";

/** The operations manager logs a phone request and creates its dossier. */
registry.category("web_tour.tours").add("maintenance_request_phone_tour", {
    steps: () => [
        {
            content: "Log a new request",
            trigger: ".o_list_button_add",
            run: "click",
        },
        {
            content: "The customer calls about their site",
            trigger: ".o_field_widget[name=site_id] input",
            run: `edit ${SITE}`,
        },
        {
            trigger: `.o-autocomplete--dropdown-item a:contains("${SITE}")`,
            run: "click",
        },
        {
            content: "In a few words",
            trigger: ".o_field_widget[name=title] input",
            run: `edit ${TITLE}`,
        },
        {
            trigger: ".o_form_button_save",
            run: "click",
        },
        {
            content: "Numbered",
            trigger: '.o_form_view .o_field_widget[name=name]:contains("DEM/")',
        },
        {
            content: "Create the dossier",
            trigger: ".o_statusbar_buttons button[name=action_create_intervention]",
            run: "click",
        },
        {
            content: "The corrective dossier opens, on the request's site",
            trigger: `.o_form_view .o_field_widget[name=name]:contains("INT/")`,
        },
        {
            trigger: `.o_form_view .o_field_widget[name=site_id] input:value(${SITE})`,
        },
    ],
});

/** The technician checks in on the dossier's task. */
registry.category("web_tour.tours").add("maintenance_request_checkin_tour", {
    steps: () => [
        {
            content: "My day lists the task; the phone gives its position",
            trigger: '.o_maintenance_my_day .o_kanban_record:contains("Dépannage")',
            run() {
                givePosition();
            },
        },
        {
            trigger: '.o_maintenance_my_day .o_kanban_record:contains("Dépannage")',
            run: "click",
        },
        {
            content: "Check in",
            trigger: ".o_form_view button.o_maintenance_check_in",
            run: "click",
        },
        {
            trigger: ".o_form_view button.o_maintenance_check_out",
        },
    ],
});

/** The operations manager sees the intervention time met. */
registry.category("web_tour.tours").add("maintenance_request_met_tour", {
    steps: () => [
        {
            content: "The technician is on site",
            trigger: '.o_statusbar_status .o_arrow_button_current:contains("Technician on site")',
        },
        {
            content: "The committed times",
            trigger: 'a.nav-link:contains("Committed times")',
            run: "click",
        },
        {
            content: "Intervention time met",
            trigger: '.o_field_widget[name=intervention_met]:contains("Met")',
        },
    ],
});
