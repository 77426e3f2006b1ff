# Copyright 2026 Seed maintainers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class MaintenanceWarrantyOperation(models.Model):
    """An operation to perform at each preventive visit of a warranty type."""

    _name = "maintenance.warranty.operation"
    _description = "Visit operation"
    _order = "warranty_type_id, sequence, id"

    warranty_type_id = fields.Many2one(
        comodel_name="maintenance.warranty.type",
        required=True,
        index=True,
        ondelete="cascade",
    )
    obligation_id = fields.Many2one(
        comodel_name="maintenance.warranty.obligation",
        string="Obligation",
        index=True,
        ondelete="cascade",
        domain="[('warranty_type_id', '=', warranty_type_id)]",
        help="Empty: done at every visit of the warranty type; else only at the "
        "visits of this obligation.",
    )
    sequence = fields.Integer(default=10)
    name = fields.Char(string="Operation", required=True, translate=True)
    description = fields.Text(translate=True)
    is_required = fields.Boolean(
        string="Required",
        default=True,
        help="A task cannot be closed while a required operation is not ticked.",
    )
