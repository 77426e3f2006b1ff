# Copyright 2026 Seed maintainers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models

# Odoo's own probe of the wkhtmltopdf binary (version, patched Qt or not)
from odoo.addons.base.models.ir_actions_report import _wkhtml


class ReportMaintenanceTask(models.AbstractModel):
    _name = "report.maintenance_planning.report_maintenance_task"
    _description = "Intervention report"

    @api.model
    def _get_report_values(self, docids, data=None):
        data = data or {}
        return {
            "doc_ids": docids,
            "doc_model": "maintenance.task",
            "docs": self.env["maintenance.task"].browse(docids),
            # wkhtmltopdf without its patched Qt (Debian's build) drops the
            # header and footer pages of web.external_layout: the PDF then
            # carries the company's letterhead in its body instead
            "letterhead_in_body": data.get("report_type", "pdf") == "pdf"
            and not _wkhtml().is_patched_qt,
        }
