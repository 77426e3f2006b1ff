# Copyright 2026 Seed maintainers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""The text of a real PDF report, for the tests of every add-on.

In test mode Odoo renders a report as HTML unless the context holds
``force_report_rendering``; wkhtmltopdf then fetches the report's CSS from
the running server (the tests run with ``--odoo-http``)."""

import subprocess
import tempfile


def pdf_text(pdf):
    """The text of ``pdf`` as poppler's pdftotext reads it, white space
    (table cells wrap their text) made single spaces. Fails when ``pdf`` is
    not a PDF (the HTML Odoo renders in test mode without
    ``force_report_rendering``)."""
    if not pdf.startswith(b"%PDF-"):
        raise AssertionError(f"not a PDF: {pdf[:60]!r}")
    with tempfile.NamedTemporaryFile(suffix=".pdf") as handle:
        handle.write(pdf)
        handle.flush()
        text = subprocess.run(
            ["pdftotext", "-raw", handle.name, "-"],
            check=True,
            capture_output=True,
            text=True,
        ).stdout
    return " ".join(text.split())
