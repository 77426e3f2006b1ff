# Copyright 2026 Seed maintainers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The text of a real PDF report, for the tests of every add-on.

In test mode Odoo renders a report as HTML unless the context holds
``force_report_rendering``; wkhtmltopdf then fetches the report's CSS from
the running server (the tests run with ``--odoo-http``, on a port of their
own: :func:`serve_report_styles` points ``report.url`` at it)."""

import contextlib
import subprocess
import tempfile

from odoo.service import server


def serve_report_styles(env):
    """Point ``report.url`` (where wkhtmltopdf fetches a PDF report's CSS)
    at the test server; a PDF is refused when its CSS does not load."""
    if server.server is not None and getattr(server.server, "httpd", None):
        port = server.server.httpd.server_port
        env["ir.config_parameter"].sudo().set_param("report.url", f"http://127.0.0.1:{port}")


@contextlib.contextmanager
def _pdf_file(pdf):
    """``pdf`` (bytes) written to a temporary file, its path."""
    if not pdf.startswith(b"%PDF-"):
        raise AssertionError(f"not a PDF: {pdf[:60]!r}")
    with tempfile.NamedTemporaryFile(suffix=".pdf") as handle:
        handle.write(pdf)
        handle.flush()
        yield handle.name


def pdf_fonts(pdf):
    """The fonts of ``pdf`` as poppler's pdffonts lists them: {name:
    embedded (bool)}. wkhtmltopdf embeds the report's fonts whole
    ("Lato-Regular"); the page stamp embeds a subset ("AAAAAA+Lato-Regular").
    A font drawn as outlines is not listed: Debian's wkhtmltopdf draws a web
    font so, with no text."""
    with _pdf_file(pdf) as path:
        listing = subprocess.run(
            ["pdffonts", path], check=True, capture_output=True, text=True
        ).stdout
    fonts = {}
    for line in listing.splitlines()[2:]:
        columns = line.split()
        # name, type (one or two words), encoding, emb, sub, uni, object, id
        fonts[columns[0]] = columns[-5] == "yes"
    return fonts


def pdf_pages(pdf):
    """The text of each page of ``pdf``, white space made single spaces."""
    with _pdf_file(pdf) as path:
        text = subprocess.run(
            ["pdftotext", "-raw", path, "-"], check=True, capture_output=True, text=True
        ).stdout
    pages = text.split("\f")
    return [" ".join(page.split()) for page in pages if page.strip()]


def pdf_rows_cut(pdf, rows):
    """The ``rows`` (each the texts that one table row prints) whose texts
    are not all on one page of ``pdf``: rows cut across two pages."""
    pages = pdf_pages(pdf)
    return [
        row
        for row in rows
        if len({number for number, page in enumerate(pages) for text in row if text in page}) != 1
    ]


def pdf_text(pdf):
    """The text of ``pdf`` as poppler's pdftotext reads it, white space
    (table cells wrap their text) made single spaces. Fails when ``pdf`` is
    not a PDF (the HTML Odoo renders in test mode without
    ``force_report_rendering``)."""
    with _pdf_file(pdf) as path:
        text = subprocess.run(
            ["pdftotext", "-raw", path, "-"], check=True, capture_output=True, text=True
        ).stdout
    return " ".join(text.split())


def pdf_top_text(pdf, height_mm):
    """The text in the top ``height_mm`` millimetres of the first page of
    ``pdf`` (an A4 page is 297 mm high)."""
    points = round(height_mm * 72 / 25.4)
    with _pdf_file(pdf) as path:
        text = subprocess.run(
            [
                "pdftotext",
                "-f",
                "1",
                "-l",
                "1",
                "-x",
                "0",
                "-y",
                "0",
                "-W",
                "600",
                "-H",
                str(points),
                path,
                "-",
            ],
            check=True,
            capture_output=True,
            text=True,
        ).stdout
    return " ".join(text.split())
