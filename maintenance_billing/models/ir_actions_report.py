# Copyright 2026 Seed maintainers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models

# Odoo's own probe of the wkhtmltopdf binary (version, patched Qt or not)
from odoo.addons.base.models.ir_actions_report import _wkhtml


class IrActionsReport(models.Model):
    _inherit = "ir.actions.report"

    def _get_rendering_context(self, report, docids, data):
        data = super()._get_rendering_context(report, docids, data)
        # wkhtmltopdf without its patched Qt (Debian's build) drops the header
        # and footer of web.external_layout: the seller's letterhead is then
        # printed in the body of Odoo's invoices and quotations (a report of
        # our own may have decided already)
        data.setdefault(
            "letterhead_in_body",
            data.get("report_type") == "pdf" and not _wkhtml().is_patched_qt,
        )
        return data
