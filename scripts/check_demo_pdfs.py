#!/usr/bin/env python3
# Copyright 2026 Seed maintainers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Check the PDFs that the demo database stores, as customers will get them:
every PDF has a text layer (poppler's pdftotext reads text in it), and every
document we print (intervention reports, certificates, invoices, report
packs: every PDF but the documents uploaded on equipment, such as a
supplier's manual) embeds Lato as a font (pdffonts), i.e. was rendered
styled, its text as text. Run by ``make setup`` after the demo is loaded;
exits 1 with the list of the PDFs that fail.

The documents job that stores these PDFs is tested on a test database
(maintenance_meter/tests/test_technician_closing.py,
maintenance_regulatory/tests/test_regulated_flows.py);
this checks what the demo's own run produced (its report server, its
filestore), which no test database has.

    python3 scripts/check_demo_pdfs.py -c var/maintenance.conf -d maintenance
"""

import argparse
import subprocess
import sys
import tempfile

import odoo.api
import odoo.modules.registry
from odoo.tools import config

# documents uploaded on equipment, not printed by us: only their text is checked
UPLOADED = ("photo", "plan", "manual", "quote", "other")
FONT = "Lato"


def problems(raw, styled):
    """What is wrong with the PDF ``raw`` (bytes): no text, or no Lato
    when it must be ``styled``."""
    if not raw or not raw.startswith(b"%PDF-"):
        return ["not a PDF (its file is missing from the filestore?)"]
    with tempfile.NamedTemporaryFile(suffix=".pdf") as handle:
        handle.write(raw)
        handle.flush()
        text = subprocess.run(
            ["pdftotext", handle.name, "-"], capture_output=True, text=True, check=False
        ).stdout
        fonts = subprocess.run(
            ["pdffonts", handle.name], capture_output=True, text=True, check=False
        ).stdout
    found = []
    if not text.strip():
        found.append("no text layer (pdftotext reads nothing)")
    if styled and FONT not in fonts:
        found.append(f"no {FONT} font embedded (unstyled, or its text drawn as outlines)")
    return found


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-c", "--config", required=True)
    parser.add_argument("-d", "--database", required=True)
    options = parser.parse_args()
    config.parse_config(["-c", options.config, "-d", options.database])
    registry = odoo.modules.registry.Registry(options.database)
    failures = []
    with registry.cursor() as cr:
        env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {})
        # the PDFs of binary fields too (an invoice's stored PDF)
        attachments = env["ir.attachment"].search(
            [
                ("mimetype", "=", "application/pdf"),
                "|",
                ("res_field", "=", False),
                ("res_field", "!=", False),
            ],
            order="id",
        )
        for attachment in attachments:
            styled = attachment.maintenance_category not in UPLOADED
            failures += [
                f"{attachment.name} (ir.attachment {attachment.id}): {problem}"
                for problem in problems(attachment.raw, styled)
            ]
    if failures:
        sys.stderr.write("PDFs of the demo that customers would get broken:\n")
        sys.stderr.write("".join(f"  - {failure}\n" for failure in failures))
        sys.exit(1)
    sys.stdout.write(
        f"The demo's {len(attachments)} PDFs have a text layer; the printed ones embed {FONT}.\n"
    )


if __name__ == "__main__":
    main()
