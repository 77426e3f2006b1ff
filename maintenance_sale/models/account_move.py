# Copyright 2026 Seed maintainers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import models


class AccountMove(models.Model):
    _inherit = "account.move"

    def _maintenance_site_paths(self):
        # the invoice of a quotation bills the quotation's site
        return [
            *super()._maintenance_site_paths(),
            "line_ids.sale_line_ids.order_id.maintenance_site_id",
        ]
