# Copyright 2026 Seed maintainers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class MaintenancePriceRevisionFormula(models.Model):
    """Price-revision formula of a contract, e.g. Syntec:
    P = P0 x (0.15 + 0.85 x S/S0). The revision engine (indices, terms,
    runs) extends this model."""

    _name = "maintenance.price.revision.formula"
    _description = "Price-revision formula"
    _order = "name"
    _check_company_auto = True

    name = fields.Char(required=True, translate=True)
    code = fields.Char()
    active = fields.Boolean(default=True)
    company_id = fields.Many2one(comodel_name="res.company", index=True)
    expression = fields.Char(
        string="Formula",
        help="The formula as printed on the contract, e.g. "
        "P = P0 x (0.15 + 0.85 x S/S0).",
    )
    note = fields.Html()
