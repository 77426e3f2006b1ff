import { registry } from "@web/core/registry";

/**
 * Each office role's daily journey, clicked through as that role
 * (tests/test_journeys.py logs in as a user of the role).
 */

const CUSTOMER = "Copropriété Tour Saxe";
const SITE = "Tour Saxe - chaufferie";
const EQUIPMENT = "Chaudière Tour Saxe";
const PRODUCT = "Entretien chaudière Tour";

function pick(fieldSelector, text, item = text) {
    return [
        {
            content: `Type "${text}"`,
            trigger: `${fieldSelector} input`,
            run: `edit ${text}`,
        },
        {
            content: `Choose "${item}"`,
            trigger: `.o-autocomplete--dropdown-item a:contains("${item}")`,
            run: "click",
        },
    ];
}

const saved = {
    content: "Saved",
    trigger: ".o_form_view .o_form_saved, .o_form_view .o_form_readonly",
};

registry.category("web_tour.tours").add("maintenance_manager_journey", {
    steps: () => [
        // a new customer
        {
            content: "The customers list: New",
            trigger: ".o_list_button_add",
            run: "click",
        },
        {
            content: "The customer's name",
            trigger: ".o_form_view .o_field_widget[name=name] input",
            run: `edit ${CUSTOMER}`,
        },
        {
            content: "Save the customer",
            trigger: ".o_form_button_save",
            run: "click",
        },
        saved,
        // its site, with an equipment created from the site not saved yet
        {
            content: "The customer's sites",
            trigger: "button[name=action_view_maintenance_sites]",
            run: "click",
        },
        {
            content: "New site",
            trigger: ".o_list_button_add",
            run: "click",
        },
        {
            content: "The site's name",
            trigger: ".o_form_view .o_field_widget[name=name] input",
            run: `edit ${SITE}`,
        },
        {
            content: "The customer is proposed",
            trigger: `.o_field_widget[name=customer_id] input:value("${CUSTOMER}")`,
        },
        {
            trigger: ".o_form_view .o_field_widget[name=city] input",
            run: "edit Lyon",
        },
        {
            content: "Add an equipment",
            trigger: ".o_field_widget[name=equipment_ids] .o_field_x2many_list_row_add a",
            run: "click",
        },
        {
            trigger: ".modal .o_field_widget[name=name] input",
            run: `edit ${EQUIPMENT}`,
        },
        {
            trigger: ".modal .o_field_widget[name=serial_number] input",
            run: "edit SAXE-0001",
        },
        {
            content: "Save the equipment",
            trigger: ".modal .o_form_button_save",
            run: "click",
        },
        {
            trigger: `body:not(:has(.modal)) .o_field_widget[name=equipment_ids] .o_data_row:contains("${EQUIPMENT}")`,
        },
        {
            content: "Save the site and its equipment at once",
            trigger: ".o_form_button_save",
            run: "click",
        },
        saved,
        // a contract with a covered product
        {
            content: "The site's contracts",
            trigger: "button[name=action_view_contracts]",
            run: "click",
        },
        {
            content: "New contract",
            trigger: ".o_list_button_add",
            run: "click",
        },
        {
            content: "Customer and site come from the site",
            trigger: `.o_field_widget[name=site_id] input:value("${SITE}")`,
        },
        {
            trigger: ".o_form_view .o_field_widget[name=name] input",
            run: "edit Contrat Tour Saxe",
        },
        {
            content: "Add a covered product",
            trigger: ".o_field_widget[name=contract_line_fixed_ids] .o_field_x2many_list_row_add a",
            run: "click",
        },
        ...pick(".o_data_row .o_field_widget[name=product_id]", PRODUCT),
        ...pick(".o_data_row .o_field_widget[name=equipment_id]", EQUIPMENT),
        ...pick(".o_data_row .o_field_widget[name=warranty_type_id]", "Full cover, 2"),
        {
            content: "Validate: the contract is saved and validated",
            trigger: ".o_statusbar_buttons button[name=action_maintenance_validate]",
            run: "click",
        },
        {
            content: "Validating creates the visits: it is confirmed first",
            trigger: '.modal:contains("preventive visits to plan") footer .btn-primary',
            run: "click",
        },
        {
            content: "A confirmation says how many visits are to plan",
            trigger: '.o_notification:contains("validated")',
        },
        {
            trigger: '.o_statusbar_status .o_arrow_button_current:contains("Running")',
        },
        {
            content: "The contract has its reference",
            trigger: ".o_form_view .o_field_widget[name=code]",
            run() {
                const input = this.anchor.querySelector("input");
                const code = input ? input.value : this.anchor.textContent;
                if (!code.startsWith("CTR/")) {
                    throw new Error(`The contract has no reference: "${code}"`);
                }
            },
        },
        // plan its first visit for a technician
        {
            content: "The contract's visits",
            trigger: "button[name=action_view_visits]",
            run: "click",
        },
        {
            content: "Select the first visit due",
            trigger: `.o_list_renderer .o_data_row:first-child:contains("${EQUIPMENT}") td.o_list_record_selector input`,
            run: "click",
        },
        {
            trigger: "button[name=action_open_plan_wizard]",
            run: "click",
        },
        {
            content: "Only technicians are offered",
            trigger: ".modal .o_field_widget[name=user_ids] input",
            run: "edit a",
        },
        {
            trigger: ".modal .o-autocomplete--dropdown-item",
        },
        {
            content: "The manager is not offered as a technician",
            trigger: '.modal .o-autocomplete--dropdown-menu:not(:contains("Sophie Martin"))',
        },
        ...pick(".modal .o_field_widget[name=user_ids]", "Julien", "Julien Moreau"),
        {
            trigger: ".modal .o_field_widget[name=user_ids] .o_tag:contains(Julien)",
        },
        {
            content: "Plan",
            trigger: ".modal button[name=action_plan]",
            run: "click",
        },
        {
            content: "The numbered dossier opens",
            trigger: '.o_form_view .o_field_widget[name=name]:contains("INT/")',
        },
        // see it on the calendar
        {
            trigger: ".o_form_view button[name=action_view_tasks]",
            run: "click",
        },
        {
            trigger: `.o_list_renderer .o_data_row:contains("${SITE}")`,
        },
        {
            content: "The planning",
            trigger: "button.o_switch_view.o_calendar",
            run: "click",
        },
        {
            content: "The task is on the calendar",
            trigger: `.o_calendar_renderer .fc-event:contains("${SITE}")`,
        },
        {
            trigger: "button.o_switch_view.o_list",
            run: "click",
        },
        // the work was done: the manager closes the task, then the dossier
        {
            trigger: `.o_list_view .o_list_renderer .o_data_row:contains("${SITE}") td[name=name]`,
            run: "click",
        },
        {
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
            content: "The dossier says it is ready to close",
            trigger: ".o_form_view .o_maintenance_ready_to_close:visible",
        },
        {
            content: "Close the dossier",
            trigger: ".o_statusbar_buttons button.btn-primary[name=action_done]",
            run: "click",
        },
        {
            trigger: '.o_statusbar_status .o_arrow_button_current:contains("Done")',
        },
    ],
});

const BILLED_CONTRACT = "Contrat Tour Facturé";

registry.category("web_tour.tours").add("maintenance_accountant_journey", {
    steps: () => [
        {
            content: "Invoicing > Customers > Contracts: the maintenance contract",
            trigger: `.o_list_renderer .o_data_row:contains("${BILLED_CONTRACT}") td[name=name]`,
            run: "click",
        },
        {
            content: "Its terms: site and covered products",
            trigger: '.o_form_view .o_field_widget[name=site_id]:contains("Tour Bellecour")',
        },
        {
            trigger: ".o_form_view .o_field_widget[name=contract_line_fixed_ids] .o_data_row",
        },
        {
            content: "Its invoices",
            trigger: ".o_form_view button[name=action_show_invoices]",
            run: "click",
        },
        {
            trigger: ".o_list_renderer .o_data_row td[name=name]",
            run: "click",
        },
        {
            content: "The invoice lines are in the customer's French",
            trigger: '.o_field_widget[name=invoice_line_ids] .o_data_row:contains("Période du 01/01/2027 au 31/01/2027")',
        },
        {
            trigger: '.o_field_widget[name=invoice_line_ids] .o_data_row:contains("Site : Tour Bellecour")',
        },
    ],
});

registry.category("web_tour.tours").add("maintenance_admin_warranty_type", {
    steps: () => [
        {
            content: "New warranty type",
            trigger: ".o_list_button_add, .o-kanban-button-new",
            run: "click",
        },
        {
            trigger: ".o_form_view .o_field_widget[name=name] input",
            run: "edit Entretien trimestriel Tour",
        },
        {
            trigger: ".o_form_view .o_field_widget[name=code] input",
            run: "edit TRIM-TOUR",
        },
        {
            trigger: ".o_form_view .o_field_widget[name=visit_interval] input",
            run: "edit 3",
        },
        {
            trigger: ".o_form_button_save",
            run: "click",
        },
        saved,
        {
            content: "Four visits a year",
            trigger: '.o_form_view .o_field_widget[name=visits_per_year]:contains("4")',
        },
    ],
});

registry.category("web_tour.tours").add("maintenance_admin_index_value", {
    steps: () => [
        {
            content: "New index value",
            trigger: ".o_list_button_add",
            run: "click",
        },
        ...pick(".o_data_row .o_field_widget[name=index_id]", "Tour index"),
        {
            trigger: ".o_data_row .o_field_widget[name=month] input",
            run: "edit 11/01/2026",
        },
        {
            trigger: ".o_data_row .o_field_widget[name=value] input",
            run: "edit 198.5",
        },
        {
            trigger: ".o_list_button_save",
            run: "click",
        },
        {
            content: "Saved",
            trigger: '.o_list_renderer .o_data_row:not(.o_selected_row):contains("198.5")',
        },
    ],
});
