import { registry } from "@web/core/registry";
import { openMenu } from "@maintenance_contracts/../tests/tours/tour_utils";

/**
 * Issue 24 (b): a price revision previewed and applied, clicked from /odoo
 * (tests/test_tour_warranty_revision.py).
 */

registry.category("web_tour.tours").add("maintenance_price_revision_tour", {
    steps: () => [
        ...openMenu("maintenance_contracts_menu", "contract_contract_menu_maintenance"),
        {
            content: "The contract to revise",
            trigger: ".o_data_row td:contains(Contrat Tour Révisé)",
            run: "click",
        },
        {
            content: "Revise prices",
            trigger: ".o_form_view button[name=action_price_revision_wizard]",
            run: "click",
        },
        {
            content: "The preview: the line to revise, its coefficient, its reason column",
            trigger: ".modal .o_data_row:contains(To revise) td[name=coefficient]:contains(1.0)",
        },
        {
            content: "The preview fits: no horizontal scroll, the reason column on screen",
            trigger: ".modal .o_list_renderer th[data-name=reason]",
            run() {
                const list = document.querySelector(".modal .o_list_renderer");
                if (list.scrollWidth > list.clientWidth + 1) {
                    throw new Error(`The preview scrolls: ${list.scrollWidth} > ${list.clientWidth}`);
                }
                const reason = this.anchor.getBoundingClientRect();
                if (reason.right > window.innerWidth) {
                    throw new Error("The reason column is off-screen");
                }
            },
        },
        {
            content: "Apply",
            trigger: ".modal footer button[name=action_apply]",
            run: "click",
        },
        {
            content: "Confirm",
            trigger: ".modal:contains(Record these revisions) footer .btn-primary",
            run: "click",
        },
        {
            content: "The revision recorded",
            trigger: ".o_list_view .o_data_row:contains(Contrat Tour Révisé)",
        },
    ],
});
