import { registry } from "@web/core/registry";
import { SignatureField, signatureField } from "@web/views/fields/signature/signature_field";

/** Height of the signature pad: 40 % of the screen, never under 200 px nor over 360 px. */
const PAD_SCREEN_SHARE = 0.4;
const PAD_MIN_HEIGHT = 200;
const PAD_MAX_HEIGHT = 360;

/**
 * The width/height ratio of the signature pad. Odoo's 3:1 gives a strip of
 * 118 px on a phone, too low to sign with a finger: the pad is as high as
 * 40 % of the screen (the dialog takes the whole width of a phone, the
 * canvas about the width of the screen less the margins).
 */
export function signaturePadRatio(width = window.innerWidth, height = window.innerHeight) {
    const padWidth = Math.min(width, 800) - 48;
    const padHeight = Math.min(
        PAD_MAX_HEIGHT,
        Math.max(PAD_MIN_HEIGHT, height * PAD_SCREEN_SHARE)
    );
    return Math.max(1, Math.min(3, padWidth / padHeight));
}

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
        const displaySignatureRatio = signaturePadRatio();
        this.dialogService = {
            ...dialogService,
            add: (Dialog, props, options) =>
                dialogService.add(
                    Dialog,
                    {
                        ...props,
                        nameAndSignatureProps: {
                            ...props.nameAndSignatureProps,
                            mode,
                            displaySignatureRatio,
                        },
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
