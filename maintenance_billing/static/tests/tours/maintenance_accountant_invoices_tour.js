import { registry } from "@web/core/registry";

const CONTRACT = "Contrat Les Tilleuls";
const SITE = "Résidence Les Tilleuls";
const OTHER_SITE = "Résidence Les Cèdres";

/**
 * The accountant, from where they land (the customer invoices), finds the
 * invoices of one maintenance contract, groups all invoices by site, and
 * opens a dossier's invoice whose history links to the dossier.
 */
registry.category("web_tour.tours").add("maintenance_accountant_invoices_tour", {
    steps: () => [
        {
            content: "The accountant lands on the customer invoices",
            trigger: ".o_list_view .o_data_row",
        },
        {
            trigger: '.o_breadcrumb .active:contains("Invoices")',
        },
        {
            trigger: '.o_menu_brand:contains("Invoicing")',
        },
        {
            content: "Search the contract's invoices",
            trigger: ".o_searchview_input",
            run: `edit ${CONTRACT}`,
        },
        {
            trigger: '.o_searchview_autocomplete .o-dropdown-item:contains("Maintenance contract")',
            run: "click",
        },
        {
            content: "Its two invoices: the contract's and its dossier's",
            trigger: ".o_list_view .o_pager_counter:contains(1-2)",
        },
        {
            trigger: `.o_list_view .o_data_row td[name=maintenance_site_id]:contains("${SITE}")`,
        },
        {
            content: "All invoices again",
            trigger: ".o_searchview_facet:contains(Maintenance contract) .o_facet_remove",
            run: "click",
        },
        {
            content: "Group by site",
            trigger: ".o_searchview_dropdown_toggler",
            run: "click",
        },
        {
            trigger: '.o_group_by_menu .o-dropdown-item:contains("Installed site")',
            run: "click",
        },
        {
            content: "One group per site",
            trigger: `.o_list_view .o_group_header:contains("${SITE}"):contains(2)`,
        },
        {
            trigger: `.o_list_view .o_group_header:contains("${OTHER_SITE}")`,
            run: "click",
        },
        {
            content: "The dossier's invoice of the other site",
            trigger: `.o_list_view .o_data_row:contains("${OTHER_SITE}") td[name=invoice_partner_display_name]`,
            run: "click",
        },
        {
            content: "Its history links to the dossier it bills",
            trigger: '.o-mail-Message a[data-oe-model="maintenance.intervention"]',
        },
    ],
});
