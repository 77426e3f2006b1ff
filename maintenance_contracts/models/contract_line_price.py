# Copyright 2026 Seed maintainers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models


class ContractLine(models.Model):
    """The price a covered product was validated at (P0): what the contract
    was signed for, the base of the price revisions
    (maintenance_price_revision)."""

    _inherit = "contract.line"

    price_initial = fields.Float(
        string="Initial price (P0)",
        digits="Product Price",
        compute="_compute_price_initial",
        store=True,
        readonly=False,
        copy=True,
        help="The price the revisions start from. Set to the unit price when "
        "the product is validated, if empty.",
    )

    @api.depends("maintenance_state")
    def _compute_price_initial(self):
        # P0 is the price the product is validated at, unless already given;
        # computed in the flush of the validation: no query of its own
        for line in self:
            if not line.price_initial and line.maintenance_state == "validated":
                line.price_initial = line.price_unit
            else:
                line.price_initial = line.price_initial
