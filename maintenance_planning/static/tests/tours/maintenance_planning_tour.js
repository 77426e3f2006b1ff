import { rpc } from "@web/core/network/rpc";
import { registry } from "@web/core/registry";

const SITE = "Tour Résidence Bellecour";
const selectVisit = {
    content: "Select a visit due at the site",
    trigger: `.o_list_renderer .o_data_row:contains("${SITE}") td.o_list_record_selector input:not(:checked)`,
    run: "click",
};

registry.category("web_tour.tours").add("maintenance_planning_tour", {
    steps: () => [
        {
            content: "The backlog lists the visits to plan",
            trigger: `.o_list_renderer .o_data_row:contains("${SITE}")`,
        },
        selectVisit,
        selectVisit,
        selectVisit,
        {
            content: "Three visits are selected",
            trigger: ".o_selection_box:contains(\"3 selected\")",
        },
        {
            content: "Plan them",
            trigger: "button[name=action_open_plan_wizard]",
            run: "click",
        },
        {
            content: "Choose the technician",
            trigger: ".modal .o_field_widget[name=user_ids] input",
            run: "edit Julien",
        },
        {
            trigger: '.modal .o-autocomplete--dropdown-item a:contains("Julien Moreau")',
            run: "click",
        },
        {
            content: "One dossier for the site",
            trigger: ".modal .o_field_widget[name=dossier_count]:contains(1)",
        },
        {
            trigger: ".modal .o_field_widget[name=user_ids] .o_tag:contains(Julien)",
        },
        {
            content: "Plan",
            trigger: ".modal button[name=action_plan]",
            run: "click",
        },
        {
            content: "The numbered dossier opens, planned",
            trigger: '.o_form_view .o_field_widget[name=name]:contains("INT/")',
        },
        {
            trigger: '.o_statusbar_status .o_arrow_button_current:contains("Planned")',
        },
        {
            trigger: `.o_field_widget[name=task_ids] .o_data_row:contains("${SITE}")`,
        },
        {
            content: "Try to close the dossier while its task is open",
            trigger: ".o_statusbar_buttons button[name=action_done]",
            run: "click",
        },
        {
            content: "Refused: the message names the open task",
            trigger: `.modal:contains("still open"):contains("Preventive visit - ${SITE}")`,
        },
        {
            trigger: ".modal .modal-footer .btn-primary",
            run: "click",
        },
        {
            content: "Open the dossier's tasks",
            trigger: ".o_form_view button[name=action_view_tasks]",
            run: "click",
        },
        {
            trigger: `.o_list_renderer .o_data_row:contains("${SITE}")`,
        },
        {
            content: "See them in the planning",
            trigger: "button.o_switch_view.o_calendar",
            run: "click",
        },
        {
            content: "The task is in the calendar, with its dossier number",
            trigger: `.o_calendar_renderer .fc-event:contains("${SITE}"):contains("INT/")`,
        },
        {
            content: "Back to the dossier",
            trigger: '.o_breadcrumb .breadcrumb-item a:contains("INT/")',
            run: "click",
        },
        {
            content: "Close the task",
            trigger: `.o_field_widget[name=task_ids] .o_data_row:contains("${SITE}") button[name=action_done]`,
            run: "click",
        },
        {
            content: "Refused: the required operations are not ticked, and named",
            trigger: '.modal:contains("required operations are not ticked"):contains("Check safety devices")',
        },
        {
            trigger: ".modal .modal-footer .btn-primary",
            run: "click",
        },
        {
            content: "Open the task",
            trigger: ".o_form_view button[name=action_view_tasks]",
            run: "click",
        },
        {
            content: "The dossier's task is listed",
            trigger: `.o_list_view .o_list_renderer .o_data_row:contains("${SITE}") td[name=name]`,
        },
        {
            // Opened by its address rather than by a click on its row: in CI
            // runs under load, the row's click opened nothing in three runs
            // out of four (the list stayed, no error), never on a quiet
            // machine; the task's form is what this tour is about.
            content: "Open the task",
            trigger: `.o_list_view .o_list_renderer .o_data_row:contains("${SITE}")`,
            expectUnloadPage: true,
            run: async function () {
                const [taskId] = await rpc("/web/dataset/call_kw/maintenance.task/search", {
                    model: "maintenance.task",
                    method: "search",
                    args: [[["site_id.name", "=", SITE]]],
                    kwargs: { limit: 1 },
                });
                // the list's own address and the record: the breadcrumbs
                // (visits to plan, the dossier, its tasks) come back with it
                window.location.href = `${window.location.pathname.replace(/\/$/, "")}/${taskId}`;
            },
        },
        {
            content: "The work was done: tick the remaining operations",
            trigger: ".o_statusbar_buttons button[name=action_checklist_all_done]",
            run: "click",
        },
        {
            trigger: ".modal .modal-footer .btn-primary",
            run: "click",
        },
        {
            trigger: '.o_field_widget[name=checklist_ids]:not(:has(.o_data_row td[name=result]:contains("To do")))',
        },
        {
            content: "Close the task",
            trigger: ".o_statusbar_buttons button[name=action_done]",
            run: "click",
        },
        {
            trigger: '.o_statusbar_status .o_arrow_button_current:contains("Done")',
        },
        {
            content: "Back to the dossier",
            trigger: '.o_breadcrumb .breadcrumb-item a:contains("INT/")',
            run: "click",
        },
        {
            trigger: '.o_field_widget[name=task_ids] .o_data_row .o_field_badge:contains("Done")',
        },
        {
            content: "Close the dossier",
            trigger: ".o_statusbar_buttons button[name=action_done]",
            run: "click",
        },
        {
            content: "The dossier is done",
            trigger: '.o_statusbar_status .o_arrow_button_current:contains("Done")',
        },
    ],
});
