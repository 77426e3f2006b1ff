# Copyright 2026 Seed maintainers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError

PRIORITIES = [
    ("1", "P1 - Equipment down / safety"),
    ("2", "P2 - Degraded operation"),
    ("3", "P3 - Planned"),
]
KINDS = [
    ("response", "Response time"),
    ("intervention", "Intervention time (GTI)"),
    ("restoration", "Restoration time (GTR)"),
]
BASES = [
    ("business", "Business hours"),
    ("continuous", "Calendar hours (24/7)"),
]


class MaintenanceCommitment(models.Model):
    """One committed time: for a priority, how long the company has to
    acknowledge a request (response), to be on site (intervention, GTI) or
    to restore the equipment (restoration, GTR). The lines of a warranty
    type are the defaults; the lines of a contract override them (same
    priority and kind)."""

    _name = "maintenance.commitment"
    _description = "Committed time"
    _order = "priority, kind, id"

    warranty_type_id = fields.Many2one(
        comodel_name="maintenance.warranty.type",
        string="Warranty type",
        index=True,
        ondelete="cascade",
    )
    contract_id = fields.Many2one(
        comodel_name="contract.contract",
        string="Contract",
        index=True,
        ondelete="cascade",
    )
    company_id = fields.Many2one(
        comodel_name="res.company",
        compute="_compute_company_id",
        store=True,
        index=True,
    )
    priority = fields.Selection(selection=PRIORITIES, required=True, default="1")
    kind = fields.Selection(selection=KINDS, string="Commitment", required=True)
    hours = fields.Float(string="Hours", required=True, help="Committed time, in hours.")
    basis = fields.Selection(
        selection=BASES,
        string="Counted on",
        required=True,
        default="business",
        help="Business hours: the working time of the contract's calendar (default: "
        "the company's), public holidays excluded. Calendar hours: every hour, "
        "night, weekend and holidays included (24/7 contracts).",
    )

    _unique_per_owner = models.UniqueIndex(
        "(COALESCE(warranty_type_id, 0), COALESCE(contract_id, 0), priority, kind)",
        "This commitment is already defined for this priority.",
    )
    _hours_positive = models.Constraint(
        "CHECK(hours > 0)", "A committed time must be more than zero hours."
    )

    @api.depends("contract_id.company_id", "warranty_type_id.company_id")
    def _compute_company_id(self):
        for line in self:
            line.company_id = line.contract_id.company_id or line.warranty_type_id.company_id

    @api.constrains("warranty_type_id", "contract_id")
    def _check_owner(self):
        for line in self:
            if bool(line.warranty_type_id) == bool(line.contract_id):
                raise ValidationError(
                    self.env._(
                        "A committed time belongs either to a warranty type or to a "
                        "contract (one of the two, not both)."
                    )
                )
