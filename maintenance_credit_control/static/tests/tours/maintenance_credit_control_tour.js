import { registry } from "@web/core/registry";

/**
 * Payment follow-up, clicked through by each role
 * (tests/test_tour_credit.py logs in as a user of the role).
 */

registry.category("web_tour.tours").add("maintenance_credit_accountant_tour", {
    steps: () => [
        {
            content: "The customer owes: the overdue amount shows",
            trigger: ".o_form_view button[name=action_maintenance_open_invoices] .o_stat_text:contains(Overdue)",
        },
        {
            content: "The Credit Control tab",
            trigger: ".o_notebook .nav-link:contains(Credit Control)",
            run: "click",
        },
        {
            content: "Put the customer on credit hold",
            trigger: "button[name=action_maintenance_credit_hold]",
            run: "click",
        },
        {
            content: "Confirm",
            trigger: ".modal-footer .btn-primary",
            run: "click",
        },
        {
            content: "The banner says the customer is on hold",
            trigger: ".o_form_view .o_maintenance_credit_hold:contains(Customer on credit hold)",
        },
        {
            content: "The hold can be lifted from the same place",
            trigger: "button[name=action_maintenance_credit_release]",
        },
    ],
});

registry.category("web_tour.tours").add("maintenance_credit_manager_tour", {
    steps: () => [
        {
            content: "The dossier's card carries the credit hold badge",
            trigger: ".o_kanban_record:contains(Résidence Les Tilleuls) .o_maintenance_credit_hold_badge",
            run: "click",
        },
        {
            content: "The dossier warns: the customer is on hold",
            trigger: ".o_form_view .o_maintenance_credit_hold:contains(Customer on credit hold)",
        },
        {
            content: "What the customer owes, overdue: open its invoices",
            trigger: ".o_form_view button[name=action_maintenance_open_invoices]:contains(Overdue)",
            run: "click",
        },
        {
            content: "The overdue invoice is listed",
            trigger: ".o_list_view .o_data_row:contains(Syndic Horizon Immobilier)",
        },
    ],
});
