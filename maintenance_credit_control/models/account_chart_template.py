# Copyright 2026 Seed maintainers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import models


class AccountChartTemplate(models.AbstractModel):
    _inherit = "account.chart.template"

    def _post_load_data(self, template_code, company, template_data):
        res = super()._post_load_data(template_code, company, template_data)
        # a company created after the installation gets the French policy
        # as soon as it has receivable accounts
        (company or self.env.company)._maintenance_setup_credit_policy()
        return res
