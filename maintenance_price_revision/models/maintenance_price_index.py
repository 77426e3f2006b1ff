# Copyright 2026 Seed maintainers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError


class MaintenancePriceIndex(models.Model):
    """A published price index (Syntec, ICHTrev-TS, BT and FSD indices...)
    whose monthly or quarterly values drive the price-revision formulas.
    Indices are public figures: they are shared by every company."""

    _name = "maintenance.price.index"
    _description = "Price index"
    _order = "code"
    _rec_names_search = ["code", "name"]

    code = fields.Char(required=True)
    name = fields.Char(required=True, translate=True)
    publisher = fields.Char(help="Who publishes the index, e.g. INSEE, Fédération Syntec.")
    frequency = fields.Selection(
        selection=[("monthly", "Monthly"), ("quarterly", "Quarterly")],
        required=True,
        default="monthly",
        help="Quarterly indices have one value per quarter, stored on the "
        "first month of the quarter (January, April, July, October).",
    )
    base = fields.Char(
        string="Unit / base",
        translate=True,
        help="The reference of the series, e.g. base 100 in 2010.",
    )
    active = fields.Boolean(default=True)
    note = fields.Html()
    chained_from_id = fields.Many2one(
        comodel_name="maintenance.price.index",
        string="Replaces the series",
        index=True,
        ondelete="restrict",
        help="The discontinued series this index replaced. A formula whose "
        "reference month predates this series uses the old series' value "
        "multiplied by the chaining coefficient.",
    )
    chaining_coefficient = fields.Float(
        digits=(16, 8),
        help="Published linking coefficient: new value = old value x coefficient. "
        "Leave empty until the publisher's figure is known: no conversion is "
        "made without it.",
    )
    value_ids = fields.One2many(
        comodel_name="maintenance.price.index.value",
        inverse_name="index_id",
        string="Values",
    )
    value_count = fields.Integer(compute="_compute_last_value")
    last_month = fields.Date(string="Last known month", compute="_compute_last_value")
    last_value = fields.Float(compute="_compute_last_value", digits=(16, 4))

    _code_unique = models.Constraint("UNIQUE(code)", "Two price indices cannot share a code.")

    def _compute_last_value(self):
        groups = self.env["maintenance.price.index.value"]._read_group(
            [("index_id", "in", self.ids)], ["index_id"], ["__count", "month:max"]
        )
        stats = {index: (count, month) for index, count, month in groups}
        last_values = {}
        if stats:
            # one query for the values of the last months of every index
            values = self.env["maintenance.price.index.value"].search(
                [
                    ("index_id", "in", [index.id for index in stats]),
                    ("month", "in", list({month for _count, month in stats.values()})),
                ]
            )
            for value in values:
                if stats[value.index_id][1] == value.month:
                    last_values[value.index_id] = value.value
        for index in self:
            count, month = stats.get(index, (0, False))
            index.value_count = count
            index.last_month = month
            index.last_value = last_values.get(index, 0.0)

    @api.constrains("chained_from_id")
    def _check_chaining(self):
        for index in self:
            seen = index
            current = index.chained_from_id
            while current:
                if current in seen:
                    raise ValidationError(
                        self.env._(
                            "Index %(index)s cannot replace itself, even through other series.",
                            index=index.display_name,
                        )
                    )
                seen |= current
                current = current.chained_from_id

    @api.depends("code", "name")
    def _compute_display_name(self):
        for index in self:
            same = (index.code or "").lower() == (index.name or "").lower()
            index.display_name = (
                index.name if same or not index.code else f"{index.code} - {index.name}"
            )

    @api.readonly
    def action_view_values(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "maintenance_price_revision.maintenance_price_index_value_action"
        )
        action["domain"] = [("index_id", "=", self.id)]
        action["context"] = {"default_index_id": self.id}
        return action
