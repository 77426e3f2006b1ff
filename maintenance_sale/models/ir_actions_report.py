# Copyright 2026 Seed maintainers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import models

# the quotation and order reports of Odoo's sale, printed on our layout
SALE_DOCUMENTS = ("sale.report_saleorder", "sale.report_saleorder_pro_forma")


class IrActionsReport(models.Model):
    _inherit = "ir.actions.report"

    def _maintenance_is_customer_document(self):
        # the quotation, the order and the pro-forma invoice go to customers
        return super()._maintenance_is_customer_document() or (
            self.model == "sale.order" and self.report_name in SALE_DOCUMENTS
        )
