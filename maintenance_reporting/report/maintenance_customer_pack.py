# Copyright 2026 Seed maintainers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models

# Odoo's own probe of the wkhtmltopdf binary (version, patched Qt or not)
from odoo.addons.base.models.ir_actions_report import _wkhtml


class ReportMaintenanceCustomerPack(models.AbstractModel):
    _name = "report.maintenance_reporting.report_customer_pack"
    _description = "Customer report pack"

    @api.model
    def _get_report_values(self, docids, data=None):
        data = data or {}
        docs = self.env["maintenance.customer.pack"].browse(docids)
        return {
            "doc_ids": docids,
            "doc_model": "maintenance.customer.pack",
            "docs": docs,
            # the figures of each pack, gathered with the reader's rights
            "figures": {pack.id: pack._pack_data() for pack in docs},
            # wkhtmltopdf without its patched Qt (Debian's build) drops the
            # header and footer pages of web.external_layout: the PDF then
            # carries the company's letterhead in its body instead
            "letterhead_in_body": data.get("report_type", "pdf") == "pdf"
            and not _wkhtml().is_patched_qt,
        }
