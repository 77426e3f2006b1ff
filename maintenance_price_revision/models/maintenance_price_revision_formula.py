# Copyright 2026 Seed maintainers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import calendar
from decimal import ROUND_DOWN, ROUND_HALF_UP, ROUND_UP, Decimal

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import ValidationError

WEIGHT_TOLERANCE = 1e-6
DECIMAL_ROUNDING = {"half_up": ROUND_HALF_UP, "up": ROUND_UP, "down": ROUND_DOWN}
MONTHS = [
    ("1", "January"),
    ("2", "February"),
    ("3", "March"),
    ("4", "April"),
    ("5", "May"),
    ("6", "June"),
    ("7", "July"),
    ("8", "August"),
    ("9", "September"),
    ("10", "October"),
    ("11", "November"),
    ("12", "December"),
]


def to_decimal(number):
    """The exact decimal a user typed for a float field (281.1 -> 281.1)."""
    return Decimal(repr(float(number)))


class MaintenancePriceRevisionFormula(models.Model):
    """Price-revision formula of a contract, e.g. Syntec:
    P = P0 x (0.15 + 0.85 x S/S0): a fixed part ``a`` and weighted index
    terms ``b_i x I_i / I0_i`` with a + sum(b_i) = 1, and the rules saying
    when the price is revised, which index month is taken, how the
    coefficient and the price are rounded and limited."""

    _name = "maintenance.price.revision.formula"
    _description = "Price-revision formula"
    _order = "name"
    _check_company_auto = True
    _rec_names_search = ["name", "code"]

    name = fields.Char(required=True, translate=True)
    code = fields.Char()
    active = fields.Boolean(default=True)
    company_id = fields.Many2one(comodel_name="res.company", index=True)
    expression = fields.Char(
        string="Formula",
        help="The formula as printed on the contract, e.g. P = P0 x (0.15 + 0.85 x S/S0).",
    )
    note = fields.Html()
    # P = P0 x (a + sum(b_i x I_i / I0_i))
    fixed_part = fields.Float(
        string="Fixed part (a)",
        digits=(16, 6),
        help="The part of the price that is never revised, e.g. 0.15.",
    )
    term_ids = fields.One2many(
        comodel_name="maintenance.price.revision.term",
        inverse_name="formula_id",
        string="Index terms",
        copy=True,
    )
    computed_expression = fields.Char(string="Computation", compute="_compute_computed_expression")
    # which index value is taken
    reference_month_rule = fields.Selection(
        selection=[
            ("lag", "Month at a fixed lag before the revision date"),
            ("last_published", "Last index published at the revision date"),
        ],
        string="Index month",
        required=True,
        default="last_published",
    )
    reference_lag_months = fields.Integer(
        string="Lag (months)",
        default=3,
        help="The index of the month this many months before the month of the "
        "revision date: 3 for a revision on 1 January takes October's index.",
    )
    max_index_age_months = fields.Integer(
        string="Maximum age of the last index (months)",
        default=6,
        help="With the last published index: if the last known value is older "
        "than this, the registry is probably not up to date and the contract "
        "is not revised. 0: no check.",
    )
    # when the price is revised
    revision_date_rule = fields.Selection(
        selection=[
            ("anniversary", "Contract anniversary"),
            ("fixed", "Fixed date each year"),
        ],
        string="Revision date",
        required=True,
        default="anniversary",
    )
    revision_day = fields.Integer(string="Day", default=1)
    revision_month = fields.Selection(selection=MONTHS, string="Month", default="1")
    # rounding, limits
    coefficient_digits = fields.Integer(
        string="Coefficient digits",
        default=3,
        help="Number of decimals the coefficient is rounded to, e.g. 3 gives 1.034.",
    )
    coefficient_rounding = fields.Selection(
        selection=[
            ("half_up", "To the nearest (half up)"),
            ("up", "Up"),
            ("down", "Down"),
        ],
        string="Coefficient rounding",
        required=True,
        default="half_up",
    )
    price_rounding = fields.Selection(
        selection=[("currency", "Currency rounding"), ("digits", "Number of decimals")],
        required=True,
        default="currency",
    )
    price_digits = fields.Integer(string="Price decimals", default=2)
    floor_coefficient = fields.Float(
        string="Floor coefficient",
        digits=(16, 6),
        help="The coefficient is never below this value: 1.0 means the price "
        "never goes down. 0: no floor.",
    )
    cap_coefficient = fields.Float(
        string="Cap coefficient",
        digits=(16, 6),
        help="The coefficient is never above this value: 1.05 caps the increase at 5 %. 0: no cap.",
    )
    threshold = fields.Float(
        digits=(16, 6),
        help="No revision when the coefficient differs from 1 by less than this, "
        "e.g. 0.01 = 1 %. 0: always revise.",
    )
    base_mode = fields.Selection(
        selection=[
            ("chained", "Chained: from the last revised price and indices"),
            ("initial", "From the initial price P0 and the reference indices I0"),
        ],
        string="Base",
        required=True,
        default="chained",
    )
    contract_count = fields.Integer(compute="_compute_contract_count")

    _coefficient_digits_range = models.Constraint(
        "CHECK(coefficient_digits BETWEEN 0 AND 8)",
        "The coefficient is rounded to 0 to 8 decimals.",
    )
    _revision_day_range = models.Constraint(
        "CHECK(revision_day BETWEEN 1 AND 31)", "The revision day is between 1 and 31."
    )

    @api.depends("fixed_part", "term_ids.weight", "term_ids.index_id")
    def _compute_computed_expression(self):
        for formula in self:
            parts = [self._format_number(formula.fixed_part)] if formula.fixed_part else []
            parts += [
                f"{self._format_number(term.weight)} x {term.index_id.code}/{term.index_id.code}0"
                for term in formula.term_ids
                if term.index_id
            ]
            formula.computed_expression = f"P = P0 x ({' + '.join(parts)})" if parts else False

    def _compute_contract_count(self):
        counts = dict(
            self.env["contract.contract"]._read_group(
                [("price_revision_formula_id", "in", self.ids)],
                ["price_revision_formula_id"],
                ["__count"],
            )
        )
        for formula in self:
            formula.contract_count = counts.get(formula, 0)

    @api.constrains("fixed_part", "term_ids")
    def _check_weights(self):
        for formula in self:
            if not formula.term_ids and not formula.fixed_part:
                # a formula described only by its text: not computed
                continue
            total = formula.fixed_part + sum(formula.term_ids.mapped("weight"))
            if abs(total - 1.0) > WEIGHT_TOLERANCE:
                raise ValidationError(
                    self.env._(
                        "Formula %(formula)s: the fixed part and the index weights must "
                        "add up to 1 (they add up to %(total)s).",
                        formula=formula.display_name,
                        total=self._format_number(total),
                    )
                )

    @api.constrains("revision_date_rule", "revision_day", "revision_month")
    def _check_revision_day(self):
        for formula in self.filtered(lambda f: f.revision_date_rule == "fixed"):
            month = int(formula.revision_month or 0)
            if not month:
                raise ValidationError(
                    self.env._(
                        "Formula %(formula)s: choose the revision month.", formula=formula.name
                    )
                )
            # 29 February is refused: it does not exist every year
            if formula.revision_day > calendar.monthrange(2027, month)[1]:
                raise ValidationError(
                    self.env._(
                        "Formula %(formula)s: day %(day)s does not exist every year in that month.",
                        formula=formula.name,
                        day=formula.revision_day,
                    )
                )

    @api.constrains("reference_lag_months", "floor_coefficient", "cap_coefficient", "threshold")
    def _check_limits(self):
        for formula in self:
            if formula.reference_lag_months < 0:
                raise ValidationError(self.env._("The index lag cannot be negative."))
            if min(formula.floor_coefficient, formula.cap_coefficient, formula.threshold) < 0:
                raise ValidationError(self.env._("Floor, cap and threshold cannot be negative."))
            if (
                formula.floor_coefficient
                and formula.cap_coefficient
                and formula.floor_coefficient > formula.cap_coefficient
            ):
                raise ValidationError(
                    self.env._(
                        "Formula %(formula)s: the floor (%(floor)s) is above the cap (%(cap)s).",
                        formula=formula.name,
                        floor=self._format_number(formula.floor_coefficient),
                        cap=self._format_number(formula.cap_coefficient),
                    )
                )

    # business helpers ------------------------------------------------------

    @api.model
    def _format_number(self, number):
        return f"{to_decimal(number).normalize():f}"

    def _next_revision_date(self, date_start, after):
        """The first revision date of a contract started on ``date_start``
        strictly after ``after``."""
        self.ensure_one()
        if not date_start:
            return False
        after = max(after or date_start, date_start)
        if self.revision_date_rule == "fixed":
            month = int(self.revision_month or 1)
            day = min(self.revision_day or 1, calendar.monthrange(after.year, month)[1])
            date = after.replace(month=month, day=day)
            while date <= after:
                date += relativedelta(years=1)
            return date
        years = max(after.year - date_start.year, 1)
        date = date_start + relativedelta(years=years)
        while date <= after:
            years += 1
            date = date_start + relativedelta(years=years)
        return date

    def _reference_month(self, revision_date):
        """The month of I with the lag rule."""
        self.ensure_one()
        return revision_date.replace(day=1) - relativedelta(months=self.reference_lag_months)

    def _round_coefficient(self, coefficient):
        self.ensure_one()
        quantum = Decimal(1).scaleb(-self.coefficient_digits)
        return coefficient.quantize(quantum, rounding=DECIMAL_ROUNDING[self.coefficient_rounding])

    def _limit_coefficient(self, coefficient):
        """Apply the floor, the cap and the threshold to the rounded
        coefficient: returns (coefficient, effect) where effect is False,
        'floor', 'cap' or 'threshold' (no revision)."""
        self.ensure_one()
        if self.floor_coefficient and coefficient < to_decimal(self.floor_coefficient):
            coefficient, effect = to_decimal(self.floor_coefficient), "floor"
        elif self.cap_coefficient and coefficient > to_decimal(self.cap_coefficient):
            coefficient, effect = to_decimal(self.cap_coefficient), "cap"
        else:
            effect = False
        if self.threshold and abs(coefficient - 1) < to_decimal(self.threshold):
            return Decimal(1), "threshold"
        return coefficient, effect

    def _round_price(self, price, currency):
        self.ensure_one()
        if self.price_rounding == "digits":
            quantum = Decimal(1).scaleb(-self.price_digits)
            return float(price.quantize(quantum, rounding=ROUND_HALF_UP))
        return currency.round(float(price))

    @api.readonly
    def action_view_contracts(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "maintenance_contracts.contract_contract_action_maintenance"
        )
        action["domain"] = [("price_revision_formula_id", "=", self.id)]
        return action
