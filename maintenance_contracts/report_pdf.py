# Copyright 2026 Seed maintainers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""What Debian's wkhtmltopdf (0.12.6, Qt unpatched) does not do for a PDF
report, done around it:

- its styles: wkhtmltopdf fetches the report's CSS over HTTP from Odoo
  (``report.url``, else ``web.base.url``) and, when that fails, still writes
  a PDF, unstyled, that Odoo keeps (a warning in the log at most).
  :func:`check_stylesheets` fetches the same addresses first and raises
  :class:`ReportStyleError` when one does not answer: no unstyled PDF;
- table rows cut across two pages: its webkit (Qt 4.8) ignores
  ``page-break-inside: avoid`` on a row, a cell or a tbody, and honours it
  on a block. :func:`keep_rows_whole` puts the content of each table cell
  in such a block, as high as its row (``static/src/scss/report_layout.scss``):
  a row then moves whole to the next page;
- its header and footer: the unpatched Qt drops ``--header-html`` and
  ``--footer-html``. :func:`stamp_pages` writes the page numbers (1 / 2) and
  the company's legal lines on each page of the PDF afterwards (reportlab, as
  ``odoo.tools.pdf.add_banner``).

The text is real text: the report CSS draws Lato from the system's font
(``static/src/scss/report_fonts.scss``, Debian's fonts-lato) and the stamp
embeds the same TrueType file."""

import functools
import io
import re
from pathlib import Path
from urllib.parse import urljoin

import lxml.html
import requests

import odoo.modules.module
from odoo.exceptions import UserError
from odoo.tools.pdf import PdfReader, PdfWriter

# the stylesheets of a report body and the base they are relative to
# (web.minimal_layout: <base href="..."/> then <link rel="stylesheet" .../>)
BASE_RE = re.compile(r"<base\s[^>]*href=\"([^\"]+)\"", re.IGNORECASE)
LINK_RE = re.compile(r"<link\s[^>]*>", re.IGNORECASE)
HREF_RE = re.compile(r"href=\"([^\"]+)\"", re.IGNORECASE)
STYLE_TIMEOUT = 30  # seconds: a first request builds the asset bundle

# where Debian's fonts-lato and fonts-dejavu-core put their files
FONT_DIRS = ("/usr/share/fonts/truetype", "/usr/share/fonts", "/usr/local/share/fonts")
FONT_FILES = ("Lato-Regular.ttf", "DejaVuSans.ttf")

MM = 72 / 25.4  # PDF points per millimetre
FOOTER_SIZE = 7  # points
FOOTER_MIN_SIZE = 5.5
FOOTER_GREY = 0.35


class ReportStyleError(UserError):
    """The report's styles could not be fetched: no PDF was written. Jobs
    leave the document to render for their next run."""


def stylesheet_urls(bodies):
    """The addresses of the stylesheets that wkhtmltopdf will fetch for
    ``bodies`` (the HTML pages Odoo hands it), each once."""
    urls = []
    for body in bodies:
        head = body[: body.lower().find("<body")] if "<body" in body.lower() else body
        base = BASE_RE.search(head)
        for link in LINK_RE.findall(head):
            if "stylesheet" not in link.lower():
                continue
            href = HREF_RE.search(link)
            if href:
                url = urljoin(base.group(1) if base else "", href.group(1).replace("&amp;", "&"))
                if url not in urls:
                    urls.append(url)
    return urls


def check_stylesheets(env, urls):
    """Raise :class:`ReportStyleError` unless every one of ``urls``
    answers, as wkhtmltopdf will ask for it.

    Not during a browser test (``HttpCase``): its server answers only the
    requests that carry the test's cookie, which Odoo's test framework gives
    to wkhtmltopdf itself and to no other caller; the check is tested in
    ``TransactionCase``, where the server answers every request."""
    current_test = odoo.modules.module.current_test
    if current_test is not None:
        from odoo.tests.common import HttpCase  # noqa: PLC0415 (tests only)

        if isinstance(current_test, HttpCase):
            return
    for url in urls:
        if not url.startswith(("http://", "https://")):
            continue
        try:
            response = requests.head(url, timeout=STYLE_TIMEOUT, allow_redirects=True)
            error = None if response.ok else f"HTTP {response.status_code}"
        except requests.RequestException as exception:
            error = type(exception).__name__
        if error:
            raise ReportStyleError(
                env._(
                    "The PDF was not produced: its layout could not be loaded from %(url)s"
                    " (%(error)s). Odoo must answer at this address when it prints: set the"
                    " system parameter report.url to the address of this Odoo server as seen"
                    " from the server itself (for example http://127.0.0.1:8069).",
                    url=url,
                    error=error,
                )
            )


ROW_CELL_CLASS = "o_maintenance_row_cell"  # a cell whose content is kept whole
CELL_CLASS = "o_maintenance_cell"  # the block around that content


def keep_rows_whole(body):
    """``body`` (an HTML page for wkhtmltopdf) with the content of each
    table cell (one holding no table itself: a layout table is left to
    break) wrapped in a block that the report CSS keeps on one page, as high
    as its row: every cell of a row then stays on the same page."""
    if "<td" not in body and "<th" not in body:
        return body
    document = lxml.html.document_fromstring(body)
    for cell in document.iter("td", "th"):
        if cell.find(".//table") is not None or ROW_CELL_CLASS in cell.get("class", ""):
            continue
        block = lxml.html.Element("div", {"class": CELL_CLASS})
        block.text, cell.text = cell.text, None
        for child in list(cell):
            block.append(child)  # moves the child, its tail with it
        cell.append(block)
        cell.set("class", f"{cell.get('class', '')} {ROW_CELL_CLASS}".strip())
    return lxml.html.tostring(document, encoding="unicode", doctype="<!DOCTYPE html>")


@functools.cache
def _font():
    """The name of the font the stamp writes with, registered once in
    reportlab: Lato as in the report, else DejaVu Sans, else Helvetica."""
    from reportlab.pdfbase import pdfmetrics  # noqa: PLC0415 (as odoo.tools.pdf)
    from reportlab.pdfbase.ttfonts import TTFont  # noqa: PLC0415

    for name in FONT_FILES:
        for directory in FONT_DIRS:
            found = next(Path(directory).rglob(name), None) if Path(directory).is_dir() else None
            if found:
                font = name.removesuffix(".ttf")
                pdfmetrics.registerFont(TTFont(font, str(found)))
                return font
    return "Helvetica"


def _fit(text, width, size):
    """``text`` and the font size (down to FOOTER_MIN_SIZE) that fits it in
    ``width`` points; cut with an ellipsis when even that is too wide."""
    from reportlab.pdfbase.pdfmetrics import stringWidth  # noqa: PLC0415

    font = _font()
    while size > FOOTER_MIN_SIZE and stringWidth(text, font, size) > width:
        size -= 0.5
    while text and stringWidth(text, font, size) > width:
        text = text[:-2] + "…"
    return text, size


def stamp_pages(pdf, lines, page_label="%(page)s / %(pages)s", margin_mm=11):
    """``pdf`` (bytes) with, at the bottom of each page, ``lines`` (the
    legal lines of the company, first line beside the page number) and the
    page number ``page_label`` (``page`` and ``pages``)."""
    from reportlab.pdfgen import canvas  # noqa: PLC0415

    reader = PdfReader(io.BytesIO(pdf), strict=False)
    pages = len(reader.pages)
    font = _font()
    packet = io.BytesIO()
    overlay = canvas.Canvas(packet, initialFontName=font, initialFontSize=FOOTER_SIZE)
    for number in range(pages):
        box = reader.pages[number].mediabox
        width, height = float(box.width), float(box.height)
        overlay.setPageSize((width, height))
        left, right = margin_mm * MM, width - margin_mm * MM
        overlay.setStrokeGray(0.8)
        overlay.setLineWidth(0.5)
        overlay.line(left, 15 * MM, right, 15 * MM)
        overlay.setFillGray(FOOTER_GREY)
        label = page_label % {"page": number + 1, "pages": pages}
        overlay.setFont(font, FOOTER_SIZE + 1)
        overlay.drawRightString(right, 11 * MM, label)
        label_width = overlay.stringWidth(label, font, FOOTER_SIZE + 1) + 6 * MM
        for index, line in enumerate(lines[:2]):
            text, size = _fit(line, right - left - label_width, FOOTER_SIZE)
            overlay.setFont(font, size)
            overlay.drawString(left, (11 - 3.5 * index) * MM, text)
        overlay.showPage()
    overlay.save()
    stamps = PdfReader(packet, strict=False)
    writer = PdfWriter()
    for page, stamp in zip(reader.pages, stamps.pages, strict=True):
        page.merge_page(stamp)
        writer.add_page(page)
    output = io.BytesIO()
    writer.write(output)
    return output.getvalue()
