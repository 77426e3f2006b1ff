# Copyright 2026 Seed maintainers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError


def first_of_month(date):
    return date.replace(day=1) if date else date


class MaintenancePriceIndexValue(models.Model):
    """The value of an index for a month (the first day of the month)."""

    _name = "maintenance.price.index.value"
    _description = "Price index value"
    _order = "index_id, month desc"
    _rec_name = "month"

    index_id = fields.Many2one(
        comodel_name="maintenance.price.index",
        string="Index",
        required=True,
        index=True,
        ondelete="cascade",
    )
    index_frequency = fields.Selection(related="index_id.frequency")
    month = fields.Date(
        required=True,
        help="The month the value is for; stored as the first day of the month.",
    )
    value = fields.Float(required=True, digits=(16, 4))
    publication_date = fields.Date(
        help="When the publisher released this value. Used by formulas taking "
        "the last index published at the revision date; when empty the value "
        "counts as published before the month of the revision.",
    )
    is_demo = fields.Boolean(
        string="Demo value",
        help="Demo value, not a published figure: never use it for a real revision.",
    )

    _index_month_unique = models.Constraint(
        "UNIQUE(index_id, month)", "An index has one value per month."
    )
    _value_positive = models.Constraint("CHECK(value > 0)", "An index value must be positive.")

    @api.depends("index_id", "month")
    def _compute_display_name(self):
        for value in self:
            month = value.month.strftime("%Y-%m") if value.month else ""
            value.display_name = f"{value.index_id.code or ''} {month}".strip()

    @api.constrains("month", "index_id")
    def _check_quarter_month(self):
        for value in self:
            if value.index_id.frequency == "quarterly" and value.month.month not in (1, 4, 7, 10):
                raise ValidationError(
                    self.env._(
                        "Index %(index)s is quarterly: enter its value on the first month "
                        "of the quarter (January, April, July or October), not %(month)s.",
                        index=value.index_id.display_name,
                        month=value.month.strftime("%Y-%m"),
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("month"):
                vals["month"] = first_of_month(fields.Date.to_date(vals["month"]))
        return super().create(vals_list)

    def write(self, vals):
        if vals.get("month"):
            vals = dict(vals, month=first_of_month(fields.Date.to_date(vals["month"])))
        return super().write(vals)
