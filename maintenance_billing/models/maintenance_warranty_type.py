# Copyright 2026 Seed maintainers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError

from .coverage import AFTER_HOURS_COVERAGE, LABOUR_COVERAGE, PARTS_COVERAGE, TRAVEL_COVERAGE


class MaintenanceWarrantyType(models.Model):
    """The coverage rules of a warranty type: the defaults of the contracts
    whose covered products have this warranty type."""

    _inherit = "maintenance.warranty.type"

    labour_coverage = fields.Selection(
        selection=LABOUR_COVERAGE,
        string="Labour",
        compute="_compute_coverage_defaults",
        store=True,
        readonly=False,
        required=True,
        precompute=True,
    )
    labour_hours_per_year = fields.Float(
        string="Labour hours covered a year",
        help="With 'Covered up to N hours a year': hours of labour covered per "
        "calendar year and contract; the hours beyond are billed.",
    )
    parts_coverage = fields.Selection(
        selection=PARTS_COVERAGE,
        string="Parts",
        compute="_compute_coverage_defaults",
        store=True,
        readonly=False,
        required=True,
        precompute=True,
    )
    parts_excluded_categ_ids = fields.Many2many(
        comodel_name="product.category",
        relation="maintenance_warranty_type_excluded_categ_rel",
        column1="warranty_type_id",
        column2="categ_id",
        string="Excluded part categories",
        help="Wear parts, consumables...: billed although parts are covered.",
    )
    parts_covered_percent = fields.Float(
        string="Parts covered (%)",
        default=100.0,
        help="With 'Covered at a percentage': share of the parts' price the contract pays.",
    )
    travel_coverage = fields.Selection(
        selection=TRAVEL_COVERAGE,
        string="Travel",
        compute="_compute_coverage_defaults",
        store=True,
        readonly=False,
        required=True,
        precompute=True,
    )
    after_hours_coverage = fields.Selection(
        selection=AFTER_HOURS_COVERAGE,
        string="Out-of-hours work",
        compute="_compute_coverage_defaults",
        store=True,
        readonly=False,
        required=True,
        precompute=True,
        help="Work outside the contract's business hours, at weekends and on public holidays.",
    )
    after_hours_surcharge = fields.Float(
        string="Out-of-hours surcharge (%)",
        default=50.0,
        help="Added to the labour price for each hour worked out of hours.",
    )

    @api.depends("covers_labour", "covers_parts", "covers_travel", "covers_after_hours")
    def _compute_coverage_defaults(self):
        """The detailed rules start from the simple boxes of the warranty type."""
        for wtype in self:
            wtype.labour_coverage = "covered" if wtype.covers_labour else "not_covered"
            wtype.parts_coverage = "covered" if wtype.covers_parts else "not_covered"
            wtype.travel_coverage = "covered" if wtype.covers_travel else "flat"
            wtype.after_hours_coverage = "covered" if wtype.covers_after_hours else "surcharge"

    @api.constrains("labour_hours_per_year", "parts_covered_percent", "after_hours_surcharge")
    def _check_coverage_figures(self):
        for record in self:
            record._check_coverage_values()

    def _check_coverage_values(self):
        self.ensure_one()
        if self.labour_hours_per_year < 0:
            raise ValidationError(self.env._("The labour hours covered a year cannot be negative."))
        if not 0 <= self.parts_covered_percent <= 100:
            raise ValidationError(
                self.env._("The share of parts covered must be between 0 and 100 %.")
            )
        if self.after_hours_surcharge < 0:
            raise ValidationError(self.env._("The out-of-hours surcharge cannot be negative."))
