# Copyright 2026 Seed maintainers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models


class MaintenancePriceRevisionLine(models.Model):
    """The old and new price of one contract line at a revision."""

    _name = "maintenance.price.revision.line"
    _description = "Price revision line"
    _order = "revision_id, id"

    revision_id = fields.Many2one(
        comodel_name="maintenance.price.revision",
        string="Revision",
        required=True,
        index=True,
        ondelete="cascade",
    )
    contract_line_id = fields.Many2one(
        comodel_name="contract.line",
        string="Product",
        required=True,
        index=True,
        ondelete="cascade",
    )
    contract_id = fields.Many2one(related="revision_id.contract_id", store=True, index=True)
    company_id = fields.Many2one(related="revision_id.company_id", store=True, index=True)
    date = fields.Date(related="revision_id.date", store=True)
    state = fields.Selection(related="revision_id.state", store=True)
    currency_id = fields.Many2one(related="revision_id.currency_id")
    equipment_id = fields.Many2one(related="contract_line_id.equipment_id")
    base_price = fields.Float(
        digits="Product Price",
        help="The price the coefficient is applied to: the initial price P0, "
        "or the last revised price for a chained formula.",
    )
    old_price = fields.Float(digits="Product Price")
    new_price = fields.Float(digits="Product Price")

    def write(self, vals):
        self.check_access("write")
        self.revision_id._check_not_applied()
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_applied(self):
        self.revision_id._check_not_applied()
