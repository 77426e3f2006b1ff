# Copyright 2026 Seed maintainers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models

DOWNTIME_KINDS = [
    ("failure", "Failure"),
    ("preventive", "Preventive stop"),
    ("external", "External cause"),
]


class MaintenanceFailureCause(models.Model):
    """A failure cause or mode (wear, electrical fault, power cut...): a
    short list the administrator keeps, to sort downtime and draw the
    Pareto of causes. A cause may say which kind of downtime it means
    (a power cut is an external cause)."""

    _name = "maintenance.failure.cause"
    _description = "Failure cause"
    _order = "sequence, name, id"

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    kind = fields.Selection(
        selection=DOWNTIME_KINDS,
        string="Kind of downtime",
        required=True,
        default="failure",
        help="The kind a downtime event takes when this cause is chosen: an external "
        "cause (power cut, misuse) can be left out of a customer's availability.",
    )
    company_id = fields.Many2one(
        comodel_name="res.company",
        index=True,
        help="Empty: shared by every company.",
    )
    description = fields.Text()
