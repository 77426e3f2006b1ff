import { registry } from "@web/core/registry";
import { openMenu } from "./tour_utils";

/**
 * Issue 24 (b): a regulated warranty type set up in one step, clicked from
 * /odoo (tests/test_tour_warranty_revision.py; the price revision's tour is
 * maintenance_price_revision's).
 */

registry.category("web_tour.tours").add("maintenance_fgas_warranty_type_tour", {
    steps: () => [
        ...openMenu("maintenance_config_menu", "maintenance_warranty_type_menu"),
        {
            content: "New warranty type",
            trigger: ".o_list_button_add",
            run: "click",
        },
        {
            trigger: ".o_form_view .o_field_widget[name=code] input",
            run: "edit FGAS-TOUR",
        },
        {
            content: "Before the regulation: 12 months",
            trigger: ".o_field_widget[name=visit_interval] input:value(12)",
        },
        {
            content: "The regulation",
            trigger: ".o_field_widget[name=regulation] .o-dropdown",
            run: "click",
        },
        {
            content: "Refrigerating equipment with fluorinated gases",
            trigger: ".o_select_menu_item:contains(fluorinated gases)",
            run: "click",
        },
        {
            content: "It says what the preset applied",
            trigger: ".o_notification:contains(Preset applied):contains(Refrigerating equipment, F-gas leak check)",
        },
        {
            content: "The pace follows the charge, not 12 months",
            trigger: ".o_field_widget[name=visit_interval_unit] input:value(/refrigerant charge/)",
        },
        {
            trigger: ".o_field_widget[name=legal_reference] input:value(/2024\\/573/)",
        },
        {
            content: "The certificate",
            trigger: ".o_field_widget[name=certificate_type] input:value(/F-gas leak check record/)",
        },
        {
            content: "The operations of each visit",
            trigger: ".o_field_widget[name=operation_ids] .o_data_row:contains(Check the circuit for leaks)",
        },
        {
            content: "Save",
            trigger: ".o_form_button_save",
            run: "click",
        },
        {
            trigger: ".o_form_view .o_form_saved, .o_form_view .o_form_readonly",
        },
    ],
});
