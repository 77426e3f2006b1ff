import { registry } from "@web/core/registry";

const CUSTOMER = "Copropriété Le Square";
const SITE = "Résidence Le Square";
const EQUIPMENT = "Chaudière Le Square";

/**
 * Issue 24: the operations manager logs a call from the web client's home:
 * a new request is titled « New request », says nothing about a contract
 * before the customer is known, takes the customer's only site, and a P1
 * ticks « Equipment stopped ».
 */
registry.category("web_tour.tours").add("maintenance_request_form_office_tour", {
    steps: () => [
        {
            content: "Open the apps menu",
            trigger: ".o_navbar_apps_menu button",
            run: "click",
        },
        {
            content: "Customer maintenance",
            trigger: ".o_app[data-menu-xmlid='maintenance_contracts.maintenance_root_menu']",
            run: "click",
        },
        {
            content: "Planning",
            trigger:
                ".o_menu_sections button[data-menu-xmlid='maintenance_contracts.maintenance_planning_menu']",
            run: "click",
        },
        {
            content: "Customer requests",
            trigger:
                ".dropdown-item[data-menu-xmlid='maintenance_request.maintenance_customer_request_menu']",
            run: "click",
        },
        {
            content: "Log a new request",
            trigger: ".o_list_button_add",
            run: "click",
        },
        {
            content: "Titled « New request », not « / »",
            trigger: ".o_form_view .oe_title h1:contains(New request)",
        },
        {
            content: "So is the breadcrumb",
            trigger: ".o_breadcrumb .o_last_breadcrumb_item:contains(New request)",
        },
        {
            content: "No « Out of contract » before the customer is known",
            trigger: ".o_form_view .o_form_sheet:not(:has(.ribbon))",
        },
        {
            content: "The customer calls",
            trigger: ".o_field_widget[name=customer_id] input",
            run: `edit ${CUSTOMER}`,
        },
        {
            trigger: `.o-autocomplete--dropdown-item a:contains("${CUSTOMER}")`,
            run: "click",
        },
        {
            content: "Their only site is chosen",
            trigger: `.o_field_widget[name=site_id] input:value("${SITE}")`,
        },
        {
            content: "Now the contract is known: out of contract",
            trigger: ".o_form_view .ribbon:contains(Out of contract)",
        },
        {
            content: "The boiler",
            trigger: ".o_field_widget[name=equipment_id] input",
            run: `edit ${EQUIPMENT}`,
        },
        {
            trigger: `.o-autocomplete--dropdown-item a:contains("${EQUIPMENT}")`,
            run: "click",
        },
        {
            content: "The priority",
            trigger: ".o_field_widget[name=priority] .o_select_menu_toggler",
            run: "click",
        },
        {
            content: "P1: equipment down",
            trigger: ".o_select_menu_item:contains(P1)",
            run: "click",
        },
        {
            content: "« Equipment stopped » is ticked",
            trigger: ".o_field_widget[name=equipment_stopped] input:checked",
        },
        {
            content: "In a few words",
            trigger: ".o_field_widget[name=title] input",
            run: "edit Chaudière à l'arrêt",
        },
        {
            trigger: ".o_form_button_save",
            run: "click",
        },
        {
            content: "Numbered",
            trigger: '.o_form_view .oe_title .o_field_widget[name=name]:contains("DEM/")',
        },
    ],
});

/**
 * Issue 24: a customer on the portal reports a problem on one of their two
 * sites (only that site's equipment is offered), then writes to the office
 * on one of their requests.
 */
registry.category("web_tour.tours").add("maintenance_request_form_portal_tour", {
    steps: () => [
        {
            content: "From the portal home: a new request",
            trigger: "a[href='/my/requests/new']",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "Without a site, no equipment is offered",
            trigger: "select[name=equipment_id]",
            run({ anchor }) {
                const offered = [...anchor.options].filter((o) => o.value && !o.hidden);
                if (offered.length) {
                    throw new Error(`Equipment offered before the site: ${offered.length}`);
                }
            },
        },
        {
            content: "Choose the nursery",
            trigger: "select[name=site_id]",
            run: "selectByLabel Crèche Les Lutins",
        },
        {
            content: "Only the nursery's equipment is offered",
            trigger: "select[name=equipment_id]",
            run({ anchor }) {
                const offered = [...anchor.options]
                    .filter((o) => o.value && !o.hidden && !o.disabled)
                    .map((o) => o.textContent.trim());
                if (offered.join("|") !== "Pompe à chaleur Lutins") {
                    throw new Error(`Offered: ${offered.join("|")}`);
                }
            },
        },
        {
            content: "Back to their requests",
            trigger: ".o_portal_submenu a[href='/my/requests']",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "Open the boiler's request",
            trigger: "tr:contains(Panne chaudière Tilleuls) a[href^='/my/requests/']",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "Write to the office",
            trigger: "#chatterRoot:shadow .o-mail-Composer-input",
            run: "edit Le gardien sera présent à 14 h.",
        },
        {
            trigger: "#chatterRoot:shadow .o-mail-Composer-send:enabled",
            run: "click",
        },
        {
            content: "The message is in the conversation",
            trigger: "#chatterRoot:shadow .o-mail-Message:contains(Le gardien sera présent)",
        },
    ],
});
