import { registry } from "@web/core/registry";

const TASK = "Dépannage chaudière";
const PART = "Vase d'expansion 8 L";

/**
 * The technician, on a phone (390x844): from My day, opens the task and
 * proposes a part to replace (product, quantity, why); sees its status and
 * never a price.
 */
registry.category("web_tour.tours").add("maintenance_sale_technician_proposes", {
    steps: () => [
        {
            content: "Open today's task from My day",
            trigger: `.o_maintenance_my_day .o_kanban_record:contains("${TASK}")`,
            run: "click",
        },
        {
            content: "Go to the parts to propose",
            trigger: '.o_notebook_headers a:contains("To propose")',
            run: "click",
        },
        {
            content: "Propose a part",
            trigger: ".o_field_widget[name=proposal_ids] .o-kanban-button-new",
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
            run: "edit vase",
        },
        {
            trigger: ".modal .o_searchview_input",
            run: "press Enter",
        },
        {
            content: "The part, with its reference",
            trigger: `.modal .o_kanban_record:contains("${PART}"):contains("PD-VEX-008")`,
            run: "click",
        },
        {
            trigger: `.modal .o_field_widget[name=product_id] input:value("${PART}")`,
        },
        {
            content: "Two of them",
            trigger: ".modal .o_field_widget[name=quantity] input",
            run: "edit 2",
        },
        {
            content: "Why",
            trigger: ".modal .o_field_widget[name=note] input",
            run: "edit Membrane percée, pression à 0,3 bar",
        },
        {
            content: "No price, no amount in the proposal",
            trigger: ".modal .o_form_view",
            run() {
                const text = document.querySelector(".modal").textContent;
                if (/€|price|prix|amount|montant/i.test(text)) {
                    throw new Error(`A price shows to the technician: ${text}`);
                }
            },
        },
        {
            trigger: ".modal .o_form_button_save",
            run: "click",
        },
        {
            content: "The proposal is on the task, to quote",
            trigger: `.o_field_widget[name=proposal_ids] .o_kanban_record:contains("${PART}"):contains("Proposed")`,
        },
        {
            content: "Save the task",
            trigger: ".o_form_button_save",
            run: "click",
        },
        {
            trigger: ".o_form_saved",
        },
    ],
});

/**
 * The operations manager, from the dossier: creates the quotation of the
 * proposals; it opens with the part, for the customer, with the site.
 */
registry.category("web_tour.tours").add("maintenance_sale_manager_quotes", {
    steps: () => [
        {
            content: "The dossier lists what its technician proposed",
            trigger: '.o_notebook_headers a:contains("To propose")',
            run: "click",
        },
        {
            trigger: `.o_field_widget[name=proposal_ids] .o_data_row:contains("${PART}"):contains("Proposed")`,
        },
        {
            content: "Create the quotation",
            trigger: ".o_statusbar_buttons button[name=action_create_quotation]",
            run: "click",
        },
        {
            content: "The quotation, for the customer, with the site and the dossier",
            trigger: '.o_form_view .o_field_widget[name=partner_id]:contains("Syndic Horizon Immobilier"), .o_form_view .o_field_widget[name=partner_id] input:value("Syndic Horizon Immobilier")',
        },
        {
            trigger: '.o_form_view .o_field_widget[name=maintenance_site_id]:contains("Résidence Les Tilleuls")',
        },
        {
            content: "The part is on it at its price",
            trigger: `.o_field_widget[name=order_line] .o_data_row:contains("${PART}"):contains("39.00")`,
        },
    ],
});
