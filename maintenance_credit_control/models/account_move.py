# Copyright 2026 Seed maintainers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models


class AccountMove(models.Model):
    _inherit = "account.move"

    @api.model
    def _maintenance_open_invoices_action(self, domain, name, overdue=False):
        """The window of the posted customer invoices and credit notes still
        to be paid that match ``domain`` (the overdue ones first filtered
        when ``overdue``)."""
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "account.action_move_out_invoice_type"
        )
        action.update(
            {
                "name": name,
                "domain": [
                    *domain,
                    ("move_type", "in", ("out_invoice", "out_refund")),
                    ("state", "=", "posted"),
                    ("payment_state", "in", ("not_paid", "partial")),
                ],
                "context": {
                    "create": False,
                    "default_move_type": "out_invoice",
                    "search_default_late": 1 if overdue else 0,
                },
            }
        )
        return action
