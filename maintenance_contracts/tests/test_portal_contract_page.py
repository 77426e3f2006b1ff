# Copyright 2026 Seed maintainers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""OCA's contract page of the portal (/my/contracts/<id>), on a phone
(390x844), opened by a French customer contact in headless Chromium: it fits
the screen, every image loads, and it speaks French (its labels and the
conversation under it)."""

from odoo.tests import HttpCase, new_test_user, tagged

from .browser import FrenchBrowserMixin
from .common import MaintenanceCommon

CHECK_PAGE = """
(async () => {
    const wait = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
    const chatterText = () => {
        const roots = [document.body, ...[...document.querySelectorAll("*")]
            .filter((node) => node.shadowRoot).map((node) => node.shadowRoot)];
        return roots.map((root) => root.textContent).join(" ");
    };
    for (let i = 0; i < 150 && !/conversation/i.test(chatterText()); i++) {
        await wait(100);
    }
    await wait(300);
    const problems = [];
    const width = document.documentElement.scrollWidth;
    if (width > window.innerWidth) {
        problems.push(`the page is ${width} px wide on a ${window.innerWidth} px screen`);
    }
    const lines = document.querySelector("#item_details");
    if (lines.scrollWidth > lines.clientWidth) {
        problems.push(`the contract lines are ${lines.scrollWidth} px wide in ${lines.clientWidth} px`);
    }
    for (const image of document.images) {
        if (!image.complete || image.naturalWidth === 0) {
            problems.push(`broken image ${image.getAttribute("src")}`);
        }
    }
    const text = chatterText();
    const header = (document.querySelector("#quote_header_1") || document.body).textContent;
    if (!header.includes("Contrat")) {
        problems.push(`English header: "${header.trim().slice(0, 300)}" at ${location.href}`);
    }
    for (const english of ["The conversation is empty", "Réference", "Responsible:", "Sub Total"]) {
        if (text.includes(english)) {
            problems.push(`English or misspelt: "${english}"`);
        }
    }
    for (const french of ["La conversation est vide", "Référence", "Contrat"]) {
        if (!text.includes(french)) {
            problems.push(`missing: "${french}"`);
        }
    }
    if (problems.length) {
        console.error(problems.join("\\n"));
    } else {
        console.log("test successful");
    }
})();
"""


@tagged("post_install", "-at_install")
class TestPortalContractPage(FrenchBrowserMixin, HttpCase, MaintenanceCommon):
    browser_size = "390x844"
    touch_enabled = True

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("fr_FR")
        cls.env["ir.module.module"].search(
            [("name", "in", ("web", "portal", "mail", "account", "contract"))]
        )._update_translations(["fr_FR"])
        cls.env.ref("base.module_maintenance_contracts")._update_translations(["fr_FR"])
        cls.portal_user = new_test_user(
            cls.env,
            login="mc_portal_fr",
            password="mc_portal_fr",
            name="Nathalie Girard",
            groups="base.group_portal",
            lang="fr_FR",
        )
        cls.portal_user.partner_id.parent_id = cls.customer
        equipment = cls._create_equipment(1, name="Chaudière gaz condensation 35 kW")
        cls.contract = cls._create_contract(
            [(equipment, cls.wt_full, {})],
            code="CT-2027-0042",
            user_id=cls.manager.id,
        )
        cls.contract.message_subscribe(partner_ids=cls.portal_user.partner_id.ids)

    def test_contract_page_on_a_phone(self):
        self.browser_js(
            f"/my/contracts/{self.contract.id}", CHECK_PAGE, login=self.portal_user.login
        )
