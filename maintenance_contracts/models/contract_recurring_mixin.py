# Copyright 2026 Seed maintainers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models


class ContractRecurringMixin(models.AbstractModel):
    """French maintenance invoices *à échoir* (in advance) or *échu* (in
    arrears). OCA's labels (Pre-paid / Post-paid) and their French
    translations come from its own PO files, loaded before ours and never
    overwritten: the labels are given by code, translated by our fr.po."""

    _inherit = "contract.recurring.mixin"

    recurring_invoicing_type = fields.Selection(selection="_selection_recurring_invoicing_type")

    @api.model
    def _selection_recurring_invoicing_type(self):
        labels = {
            "pre-paid": self.env._("In advance"),
            "post-paid": self.env._("In arrears"),
        }
        return list(labels.items())
