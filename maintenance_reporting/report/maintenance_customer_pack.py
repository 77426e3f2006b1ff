# Copyright 2026 Seed maintainers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models


class ReportMaintenanceCustomerPack(models.AbstractModel):
    _name = "report.maintenance_reporting.report_customer_pack"
    _description = "Customer report pack"

    @api.model
    def _get_report_values(self, docids, data=None):
        docs = self.env["maintenance.customer.pack"].browse(docids)
        return {
            "doc_ids": docids,
            "doc_model": "maintenance.customer.pack",
            "docs": docs,
            # the figures of each pack, gathered with the reader's rights
            "figures": {pack.id: pack._pack_data() for pack in docs},
        }
