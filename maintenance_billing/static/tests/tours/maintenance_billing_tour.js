import { registry } from "@web/core/registry";

registry.category("web_tour.tours").add("maintenance_billing_manager_tour", {
    steps: () => [
        {
            content: "The dossier is ready to close",
            trigger: ".o_maintenance_ready_to_close",
        },
        {
            content: "Close the dossier",
            trigger: ".o_statusbar_buttons button[name=action_done].btn-primary",
            run: "click",
        },
        {
            trigger: '.o_statusbar_status .o_arrow_button_current:contains("Done")',
        },
        {
            content: "Open the billing tab",
            trigger: '.o_notebook .nav-link:contains("Billing")',
            run: "click",
        },
        {
            content: "The labour is covered by the contract",
            trigger: '.o_field_widget[name=billing_line_ids] .o_data_row:contains("Labour covered")',
        },
        {
            content: "The part is billed",
            trigger: '.o_field_widget[name=billing_line_ids] .o_data_row:contains("Parts not covered")',
        },
        {
            content: "Covered vs to bill",
            trigger: ".o_field_widget[name=amount_billable]:contains(89.90)",
        },
        {
            trigger: ".o_field_widget[name=amount_covered]:contains(107.50)",
        },
        {
            content: "Create the invoice",
            trigger: ".o_statusbar_buttons button[name=action_create_invoice]",
            run: "click",
        },
        {
            trigger: ".modal .o_field_widget[name=amount_billable]:contains(89.90)",
        },
        {
            trigger: ".modal button[name=action_create_invoices]",
            run: "click",
        },
        {
            content: "The draft invoice is created for the accountants",
            trigger: '.o_notification:contains("Draft invoices created")',
        },
        {
            content: "The dossier is invoiced",
            trigger: '.o_field_widget[name=billing_status]:contains("Invoiced")',
        },
    ],
});

registry.category("web_tour.tours").add("maintenance_billing_accountant_tour", {
    steps: () => [
        {
            content: "The dossier's invoice, in draft",
            trigger: '.o_form_view .o_statusbar_status .o_arrow_button_current:contains("Draft")',
        },
        {
            trigger: '.o_field_widget[name=invoice_line_ids] .o_data_row:contains("INT/")',
        },
        {
            content: "Post it",
            trigger: ".o_statusbar_buttons button[name=action_post]",
            run: "click",
        },
        {
            trigger: '.o_form_view .o_statusbar_status .o_arrow_button_current:contains("Posted")',
        },
    ],
});
