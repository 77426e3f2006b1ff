import { Interaction } from "@web/public/interaction";
import { registry } from "@web/core/registry";

/**
 * The portal's request form (/my/requests/new): the equipment list offers
 * only the chosen site's equipment (each option carries its site in
 * data-site-id); without a site, none. The server checks the pair again.
 */
export class MaintenanceRequestForm extends Interaction {
    static selector = ".o_maintenance_portal_request_new form";
    dynamicContent = {
        "select[name='site_id']": { "t-on-change": this.filterEquipment },
    };

    setup() {
        this.siteSelect = this.el.querySelector("select[name='site_id']");
        this.equipmentSelect = this.el.querySelector("select[name='equipment_id']");
        this.hint = this.el.querySelector(".o_maintenance_portal_choose_site");
        this.filterEquipment();
    }

    filterEquipment() {
        const siteId = this.siteSelect.value;
        for (const element of this.equipmentSelect.querySelectorAll("[data-site-id]")) {
            const other = element.dataset.siteId !== siteId;
            // hidden: out of the list; disabled: not selectable where a
            // browser shows hidden options anyway
            element.hidden = other;
            element.disabled = other;
        }
        const selected = this.equipmentSelect.selectedOptions[0];
        if (selected && selected.disabled) {
            this.equipmentSelect.value = "";
        }
        this.hint?.classList.toggle("d-none", Boolean(siteId));
    }

    destroy() {
        for (const element of this.equipmentSelect.querySelectorAll("[data-site-id]")) {
            element.hidden = false;
            element.disabled = false;
        }
    }
}

registry
    .category("public.interactions")
    .add("maintenance_request.request_form", MaintenanceRequestForm);
