# Copyright 2026 Seed maintainers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models


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
