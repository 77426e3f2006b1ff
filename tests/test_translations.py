# Copyright 2026 Seed maintainers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Every term of our add-ons exists in French: the template exported from the
installed add-ons (fields, selections, views, menus, reports, mail templates,
Python and JavaScript messages) is compared with each add-on's i18n/fr.po."""

import io
from pathlib import Path

import polib

from odoo.tests import TransactionCase, tagged
from odoo.tools.translate import trans_export

ROOT = Path(__file__).resolve().parent.parent
ADDONS = tuple(sorted(path.parent.name for path in ROOT.glob("maintenance_*/__manifest__.py")))


@tagged("post_install", "-at_install")
class TestFrenchTranslations(TransactionCase):
    def _template(self, addon):
        buffer = io.BytesIO()
        trans_export(None, [addon], buffer, "po", self.env)
        return polib.pofile(buffer.getvalue().decode())

    def test_every_term_is_translated(self):
        for addon in ADDONS:
            with self.subTest(addon=addon):
                path = ROOT / addon / "i18n" / "fr.po"
                self.assertTrue(path.exists(), f"{path} is missing")
                french = {
                    (entry.msgctxt, entry.msgid): entry
                    for entry in polib.pofile(str(path))
                    if entry.msgstr.strip() and "fuzzy" not in entry.flags
                }
                missing = [
                    entry.msgid
                    for entry in self._template(addon)
                    if (entry.msgctxt, entry.msgid) not in french
                    and (None, entry.msgid) not in french
                ]
                self.assertFalse(
                    missing,
                    f"{addon}/i18n/fr.po lacks {len(missing)} terms, e.g.:\n"
                    + "\n".join(missing[:20]),
                )

    def test_french_placeholders_match(self):
        """A translated message keeps its %(name)s placeholders."""
        for addon in ADDONS:
            path = ROOT / addon / "i18n" / "fr.po"
            if not path.exists():
                continue
            for entry in polib.pofile(str(path)):
                if "python-format" in entry.flags and entry.msgstr:
                    for token in (t for t in entry.msgid.split() if "%(" in t):
                        name = token[token.index("%(") : token.index(")", token.index("%(")) + 1]
                        self.assertIn(name, entry.msgstr, f"{addon}: {entry.msgid!r}")

    def test_no_english_left_as_french(self):
        """A French term equal to its English source is a forgotten
        translation (e.g. the button *Plan*, which is *Planifier*), unless the
        word is the same in both languages."""
        for addon in ADDONS:
            path = ROOT / addon / "i18n" / "fr.po"
            untranslated = sorted(
                entry.msgid
                for entry in polib.pofile(str(path))
                if entry.msgstr == entry.msgid and entry.msgid not in SAME_IN_FRENCH
            )
            self.assertFalse(
                untranslated,
                f"{addon}/i18n/fr.po keeps English terms: {untranslated}",
            )


# words written the same in English and French (cognates, names, units)
SAME_IN_FRENCH = {
    "Alsace-Moselle (57, 67, 68)",
    "E-mail",
    "Guadeloupe",
    "Intervention (GTI)",
    "Intervention",
    "Interventions",
    "Martinique",
    "Mayotte",
    "%(old)s %(value)s x %(coefficient)s",
    "Avatar",
    "Avatar 1024",
    "Avatar 128",
    "Avatar 256",
    "Avatar 512",
    "Base",
    "Code",
    "Coefficient",
    "Configuration",
    "Contact",
    "Corrective",
    "Date",
    "Description",
    "Document",
    "Documents",
    "Dossier",
    "Dossiers",
    "GLN",
    "ICHT-IME 70 + BT47 15",
    "ID",
    "Image",
    "Image 1024",
    "Image 128",
    "Image 256",
    "Image 512",
    "Import",
    "Indices",
    "Installation",
    "Latitude",
    "Longitude",
    "Maintenance",
    "Maximum",
    "Messages",
    "Minimum",
    "N/A",
    "Normal",
    "Note",
    "Notes...",
    "Organisation",
    "Peppol e-address (EAS)",
    "Photo",
    "Photos",
    "Planning",
    "Plans",
    "Self",
    "Service",
    "Signature",
    "Site",
    "Sites",
    "Source",
    "Stats",
    "Syntec",
    "Syntec 15/85",
    "Syntec révisé",
    "Total",
    "Type",
    "Urgent",
    "res_model",
}
