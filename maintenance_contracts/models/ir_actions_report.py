# Copyright 2026 Seed maintainers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import io

from odoo import api, models

from odoo.addons.base.models.ir_actions_report import _wkhtml

from ..report_pdf import check_stylesheets, keep_rows_whole, stamp_pages, stylesheet_urls

# the paper format of our reports: its top margin has no room for the header
# that Debian's wkhtmltopdf drops, its bottom margin has room for the stamp
PAPERFORMAT = "maintenance_contracts.paperformat_maintenance_a4"


class _StampedStream(io.BytesIO):
    """A PDF whose pages are already stamped (never stamped twice)."""


class IrActionsReport(models.Model):
    _inherit = "ir.actions.report"

    def _maintenance_check_report_access(self, report_ref, res_ids):
        """Refuse to print a maintenance record the user may not read.

        Odoo renders QWeb reports reading the records as the user but fetches
        a stored report (``attachment_use``) as superuser: without this check
        a portal user could get another customer's stored intervention report
        from ``/report/pdf/...`` by guessing its id. Checked before anything is
        rendered or read; a superuser rendering (closing a task) is not
        concerned."""
        if self.env.su or not res_ids:
            return
        report = self._get_report(report_ref)
        if report.model and report.model.startswith("maintenance."):
            self.env[report.model].browse(res_ids).check_access("read")

    def _pre_render_qweb_pdf(self, report_ref, res_ids=None, data=None):
        self._maintenance_check_report_access(report_ref, res_ids)
        return super()._pre_render_qweb_pdf(report_ref, res_ids=res_ids, data=data)

    def _render_qweb_html(self, report_ref, docids, data=None):
        self._maintenance_check_report_access(report_ref, docids)
        tz = self._maintenance_report_tz(report_ref, docids)
        # the PDF is rendered from this HTML: both print in the company's zone
        reports = self.with_context(tz=tz) if tz else self
        return super(IrActionsReport, reports)._render_qweb_html(report_ref, docids, data=data)

    def _maintenance_report_tz(self, report_ref, docids):
        """The time zone our reports print their times in: their records'
        company's (``res.company._maintenance_tz``), not the zone of whoever
        renders them (the documents job runs as the superuser, without one).
        None for the reports of other add-ons."""
        report = self._get_report(report_ref)
        if not (report.report_name or "").startswith("maintenance_"):
            return None
        companies = self.env["res.company"]
        if report.model in self.env and "company_id" in self.env[report.model]._fields:
            # sudo: only the company is read (the access to the records
            # themselves is checked by the rendering)
            docs = self.env[report.model].sudo().browse(docids or []).exists()
            companies = docs.company_id
        return companies._maintenance_tz()

    def _render_qweb_text(self, report_ref, docids, data=None):
        self._maintenance_check_report_access(report_ref, docids)
        return super()._render_qweb_text(report_ref, docids, data=data)

    def _get_rendering_context(self, report, docids, data):
        """The reports on our paper format get ``letterhead_in_body``: true
        for a PDF printed by a wkhtmltopdf without its patched Qt (Debian's),
        which drops the header and footer of web.external_layout; the report
        then carries the company's letterhead in its body
        (maintenance_contracts.report_letterhead)."""
        values = super()._get_rendering_context(report, docids, data)
        if report._maintenance_pdf_layout():
            values.setdefault(
                "letterhead_in_body",
                values.get("report_type", "pdf") == "pdf" and not _wkhtml().is_patched_qt,
            )
        return values

    @api.model
    def _run_wkhtmltopdf(self, bodies, *args, **kwargs):
        """No unstyled PDF: wkhtmltopdf writes one, and Odoo keeps it, when
        the report's CSS does not load (``report.url`` not answering). The
        CSS addresses of the bodies are asked first; a clear error instead
        (report_pdf.ReportStyleError, that the documents job retries).
        The table rows of the reports on our layout are kept whole on a
        page (report_pdf.keep_rows_whole)."""
        check_stylesheets(self.env, stylesheet_urls(bodies))
        report_ref = kwargs.get("report_ref", args[0] if args else False)
        if report_ref and self._get_report(report_ref)._maintenance_pdf_layout():
            # no table row cut across two pages
            bodies = [keep_rows_whole(body) for body in bodies]
        return super()._run_wkhtmltopdf(bodies, *args, **kwargs)

    def _render_qweb_pdf_prepare_streams(self, report_ref, data, res_ids=None):
        """The PDF of each record, its pages stamped (page numbers, the
        company's legal lines) when the report asks for it. A PDF taken
        back from its stored attachment was stamped when it was stored."""
        streams = super()._render_qweb_pdf_prepare_streams(report_ref, data, res_ids=res_ids)
        report = self._get_report(report_ref)
        if not report._maintenance_pdf_layout():
            return streams
        for res_id, stream_data in streams.items():
            stream = stream_data.get("stream")
            if (
                not stream
                or isinstance(stream, _StampedStream)
                or (stream_data.get("attachment") and report.attachment_use)
                # the whole PDF beside the records' own: not one document
                or (not res_id and len(streams) > 1)
            ):
                continue
            record = self.env[report.model].browse(res_id) if res_id else None
            stream_data["stream"] = _StampedStream(
                report._maintenance_stamp(stream.getvalue(), record)
            )
        return streams

    def get_paperformat(self):
        # a report that opts in to our layout by extending
        # _maintenance_pdf_layout, without a paper format of its own (Odoo's
        # invoice), prints on our paper: its letterhead at the top of the page
        if len(self) == 1 and not self.paperformat_id and self._maintenance_pdf_layout():
            paperformat = self.env.ref(PAPERFORMAT, raise_if_not_found=False)
            if paperformat:
                return paperformat
        return super().get_paperformat()

    def _maintenance_pdf_layout(self):
        """Whether this report is printed with our PDF layout: the company's
        letterhead at the top of its body, the page numbers and the company's
        legal lines stamped on each page. The reports on our paper format,
        made for it (no room for a header, room at the bottom for the stamp);
        another report opts in by taking that paper format (its
        ``paperformat_id``), or by extending this method (it then prints on
        that paper format unless it has one of its own)."""
        self.ensure_one()
        paperformat = self.env.ref(PAPERFORMAT, raise_if_not_found=False)
        return bool(paperformat) and self.paperformat_id == paperformat

    def _maintenance_stamp(self, pdf, record=None):
        """``pdf`` (bytes), the PDF of ``record`` (or of no record), with its
        page numbers and its company's legal lines on each page, in the
        language of the document."""
        company = self.env.company
        if record and "company_id" in record._fields and record.company_id:
            company = record.company_id
        lang = self.env.lang
        for field in ("customer_id", "partner_id"):
            if record and field in record._fields and record[field]._name == "res.partner":
                lang = record[field].lang or lang
                break
        company = company.with_context(lang=lang)
        return stamp_pages(pdf, company._maintenance_legal_lines())
