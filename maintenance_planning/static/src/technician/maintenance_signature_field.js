import { registry } from "@web/core/registry";
import { SignatureField, signatureField } from "@web/views/fields/signature/signature_field";

/**
 * Odoo's signature field, whose dialog opens in the mode given by the
 * `mode` option ("draw" unless told otherwise) instead of "auto" (the name
 * typed in a font): a customer signing on site draws their signature.
 */
export class MaintenanceSignatureField extends SignatureField {
    static props = {
        ...SignatureField.props,
        signMode: { type: String, optional: true },
    };
    static defaultProps = {
        ...SignatureField.defaultProps,
        signMode: "draw",
    };

    onClickSignature() {
        // Odoo's field builds the props of the dialog itself: add the mode
        // to them on their way to the dialog service
        const dialogService = this.dialogService;
        const mode = this.props.signMode;
        this.dialogService = {
            ...dialogService,
            add: (Dialog, props, options) =>
                dialogService.add(
                    Dialog,
                    {
                        ...props,
                        nameAndSignatureProps: { ...props.nameAndSignatureProps, mode },
                    },
                    options
                ),
        };
        try {
            super.onClickSignature();
        } finally {
            this.dialogService = dialogService;
        }
    }
}

export const maintenanceSignatureField = {
    ...signatureField,
    component: MaintenanceSignatureField,
    extractProps: (fieldInfo, dynamicInfo) => ({
        ...signatureField.extractProps(fieldInfo, dynamicInfo),
        signMode: fieldInfo.options.mode || "draw",
    }),
};

registry.category("fields").add("maintenance_signature", maintenanceSignatureField);
