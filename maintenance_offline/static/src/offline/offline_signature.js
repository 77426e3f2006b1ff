import { onWillStart } from "@odoo/owl";
import { loadJS } from "@web/core/assets";
import { rpc } from "@web/core/network/rpc";
import { NameAndSignature } from "@web/core/signature/name_and_signature";
import { SignatureDialog } from "@web/core/signature/signature_dialog";

const SIGNATURE_PAD = "/web/static/lib/signature_pad/signature_pad.umd.js";
let fonts = null;

/**
 * What Odoo's signature pad loads from the server (its script, the fonts of
 * the typed-name mode): loaded while online, kept for the offline screens.
 */
export async function prepareSignature() {
    await loadJS(SIGNATURE_PAD); // loadJS keeps the script: no second request
    if (!fonts) {
        fonts = await rpc("/web/sign/get_fonts/", {}, { silent: true });
    }
}

/**
 * Odoo's NameAndSignature, which asks the server for its fonts each time it
 * opens: offline, it takes the fonts loaded while online instead.
 */
export class OfflineNameAndSignature extends NameAndSignature {
    setup() {
        super.setup();
        // drop the parent's start hooks (a request to the server for the
        // fonts, the script of the pad): both were prepared while online
        this.__owl__.willStart = [];
        onWillStart(async () => {
            this.fonts = fonts || [];
            await loadJS(SIGNATURE_PAD);
        });
    }
}

export class OfflineSignatureDialog extends SignatureDialog {
    static components = { ...SignatureDialog.components, NameAndSignature: OfflineNameAndSignature };
}
