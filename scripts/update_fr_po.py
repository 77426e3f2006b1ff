#!/usr/bin/env python3
# Copyright 2026 Seed maintainers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Refresh <addon>/i18n/fr.po from a template (.pot) exported from a database:
keeps our existing French translations, drops obsolete terms, and fills new
terms that Odoo itself already translates identically (e.g. the partner
fields a site inherits) from Odoo's own fr.po files. Prints what is left to
translate.

    python3 -m odoo i18n export -c var/x.conf -d x maintenance_contracts -o /tmp/mc.pot
    python3 scripts/update_fr_po.py maintenance_contracts /tmp/mc.pot
"""

import argparse
import sys
from pathlib import Path

import polib

from odoo.tools import config

import odoo.addons


def odoo_translations():
    """msgid -> French msgstr from every installed Odoo add-on's fr.po."""
    known = {}
    for path in [*odoo.addons.__path__, config.addons_community_dir]:
        for po_path in Path(path).glob("*/i18n/fr.po"):
            if po_path.parts[-3].startswith("maintenance_"):
                continue
            for entry in polib.pofile(str(po_path)):
                if entry.msgstr and "fuzzy" not in entry.flags:
                    known.setdefault(entry.msgid, entry.msgstr)
    return known


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("addon")
    parser.add_argument("template")
    options = parser.parse_args()
    root = Path(__file__).resolve().parent.parent
    target = root / options.addon / "i18n" / "fr.po"
    template = polib.pofile(options.template)
    ours = {}
    if target.exists():
        ours = {e.msgid: e.msgstr for e in polib.pofile(str(target)) if e.msgstr}
    odoo_known = odoo_translations()
    result = polib.POFile()
    result.metadata = {
        "Project-Id-Version": "Odoo Server 19.0",
        "Language": "fr",
        "MIME-Version": "1.0",
        "Content-Type": "text/plain; charset=UTF-8",
        "Content-Transfer-Encoding": "",
        "Plural-Forms": "nplurals=2; plural=(n > 1);",
    }
    missing = []
    for entry in template:
        entry.msgstr = ours.get(entry.msgid) or odoo_known.get(entry.msgid, "")
        if not entry.msgstr:
            missing.append(entry.msgid)
        result.append(entry)
    target.parent.mkdir(exist_ok=True)
    result.save(str(target))
    sys.stdout.write(f"{target}: {len(template)} terms, {len(missing)} to translate\n")
    for msgid in missing:
        sys.stdout.write(f"  - {msgid[:100]!r}\n")


if __name__ == "__main__":
    main()
