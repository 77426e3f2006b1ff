# Copyright 2026 Seed maintainers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
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

    def _maintenance_pdf_layout(self):
        """Odoo's customer documents (the invoice, and the quotation with
        maintenance_sale) print on our layout too when wkhtmltopdf drops
        the external layout's header and footer (Debian's, Qt unpatched):
        their letterhead at the top of the first page (Odoo's paper keeps
        the room of the dropped header, 3 cm), the page numbers and the
        seller's legal lines stamped on every page. A wkhtmltopdf with
        patched Qt prints Odoo's own header and footer: nothing doubled."""
        if super()._maintenance_pdf_layout():
            return True
        return (
            not self.paperformat_id
            and not _wkhtml().is_patched_qt
            and self._maintenance_is_customer_document()
        )

    def _maintenance_is_customer_document(self):
        """Whether this report of Odoo's is a document sent to customers
        that prints on our layout: the invoice reports (Odoo's ``Invoice
        PDF`` and ``PDF without Payment``, or another one marked as an
        invoice report)."""
        self.ensure_one()
        return self.model == "account.move" and (
            self.is_invoice_report or self.report_name == "account.report_invoice"
        )
