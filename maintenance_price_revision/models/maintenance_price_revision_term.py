# Copyright 2026 Seed maintainers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models


class MaintenancePriceRevisionTerm(models.Model):
    """One weighted index of a formula: b_i x I_i / I0_i."""

    _name = "maintenance.price.revision.term"
    _description = "Price-revision formula term"
    _order = "formula_id, sequence, id"

    formula_id = fields.Many2one(
        comodel_name="maintenance.price.revision.formula",
        string="Formula",
        required=True,
        index=True,
        ondelete="cascade",
    )
    sequence = fields.Integer(default=10)
    index_id = fields.Many2one(
        comodel_name="maintenance.price.index",
        string="Index",
        required=True,
        index=True,
        ondelete="restrict",
    )
    weight = fields.Float(
        string="Weight (b)",
        digits=(16, 6),
        required=True,
        help="The share of the price that follows this index, e.g. 0.85.",
    )

    _formula_index_unique = models.Constraint(
        "UNIQUE(formula_id, index_id)", "An index appears once in a formula."
    )
    _weight_positive = models.Constraint("CHECK(weight > 0)", "An index weight must be positive.")

    @api.constrains("weight", "formula_id")
    def _check_formula_weights(self):
        self.formula_id._check_weights()
