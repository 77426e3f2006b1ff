# Copyright 2026 Seed maintainers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class ContractLine(models.Model):
    """Dated prices of a covered product: the line keeps its identity (its
    equipment, warranty type and visits) and its revisions say which price
    was in force at each date."""

    _inherit = "contract.line"

    price_revision_line_ids = fields.One2many(
        comodel_name="maintenance.price.revision.line",
        inverse_name="contract_line_id",
        string="Price revisions",
        groups="maintenance_contracts.group_maintenance_manager,account.group_account_invoice",
    )

    def _price_at(self, date):
        """The unit price in force on ``date``: the price before the first
        revision after ``date``, else the price of a revision scheduled on or
        before ``date`` but not written yet, else the current price."""
        self.ensure_one()
        # sudo: revision lines are read for a line the user already reads
        revisions = (
            self.sudo()
            .price_revision_line_ids.filtered(lambda line: line.state in ("done", "scheduled"))
            .sorted(lambda line: (line.date, line.id))
        )
        later = [line for line in revisions if line.date > date and line.state == "done"]
        if later:
            return later[0].old_price
        pending = [line for line in revisions if line.date <= date and line.state == "scheduled"]
        if pending:
            return pending[-1].new_price
        return self.price_unit

    def _prepare_invoice_line(self):
        vals = super()._prepare_invoice_line()
        if self.display_type or not self.sudo().price_revision_line_ids:
            return vals
        first, _last, _next = self._get_period_to_invoice(
            self.last_date_invoiced, self.recurring_next_date
        )
        if first:
            vals["price_unit"] = self._price_at(first)
        return vals
