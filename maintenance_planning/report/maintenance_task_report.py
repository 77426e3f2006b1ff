# Copyright 2026 Seed maintainers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models


class ReportMaintenanceTask(models.AbstractModel):
    _name = "report.maintenance_planning.report_maintenance_task"
    _description = "Intervention report"

    @api.model
    def _get_report_values(self, docids, data=None):
        return {
            "doc_ids": docids,
            "doc_model": "maintenance.task",
            "docs": self.env["maintenance.task"].browse(docids),
        }
