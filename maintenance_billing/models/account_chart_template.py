# Copyright 2026 Seed maintainers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import models


class AccountChartTemplate(models.AbstractModel):
    _inherit = "account.chart.template"

    def _post_load_data(self, template_code, company, template_data):
        """A chart of accounts loaded after this add-on: its service tax on
        the labour, travel and surcharge products too."""
        result = super()._post_load_data(template_code, company, template_data)
        company._maintenance_billing_product_taxes()
        return result
