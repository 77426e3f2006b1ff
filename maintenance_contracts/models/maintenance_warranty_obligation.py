# Copyright 2026 Seed maintainers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError


class MaintenanceWarrantyObligation(models.Model):
    """A further periodic obligation of a warranty type, with its own
    periodicity and checklist (a lift's six-monthly cable check, its
    five-yearly technical inspection, an extinguisher's ten-yearly
    overhaul...). Each due date is a visit of its own, generated with the
    main visits by the same set-based generator."""

    _name = "maintenance.warranty.obligation"
    _description = "Regulatory obligation"
    _order = "warranty_type_id, sequence, id"

    warranty_type_id = fields.Many2one(
        comodel_name="maintenance.warranty.type",
        required=True,
        index=True,
        ondelete="cascade",
    )
    sequence = fields.Integer(default=10)
    name = fields.Char(string="Obligation", required=True, translate=True)
    interval_unit = fields.Selection(
        selection=[("week", "Weeks"), ("month", "Months")],
        string="Periodicity",
        required=True,
        default="month",
    )
    interval = fields.Integer(string="Every", required=True, default=12)
    anchor = fields.Selection(
        selection=[
            ("first_visit", "The covered product's first visit date"),
            ("installation", "The equipment's installation date"),
        ],
        string="Counted from",
        required=True,
        default="first_visit",
        help="The first due date is one period after this date.",
    )
    duration = fields.Float(string="Estimated duration", default=1.0, help="In hours.")
    window_before_days = fields.Integer(string="Tolerance before (days)", default=15)
    window_after_days = fields.Integer(string="Tolerance after (days)", default=15)
    legal_reference = fields.Char(
        string="Legal reference", help="The text that sets this frequency."
    )
    legal_basis = fields.Text(string="Legal basis", help="French legal text, kept in French.")
    operation_ids = fields.One2many(
        comodel_name="maintenance.warranty.operation",
        inverse_name="obligation_id",
        string="Operations",
    )
    preset_id = fields.Many2one(
        comodel_name="maintenance.warranty.obligation",
        string="Copied from",
        index="btree_not_null",
        ondelete="set null",
        copy=False,
        help="The preset obligation this one was copied from: its operations are copied with it.",
    )

    @api.constrains("interval", "window_before_days", "window_after_days")
    def _check_interval(self):
        for obligation in self:
            if obligation.interval <= 0:
                raise ValidationError(
                    self.env._(
                        "Obligation %(name)s: the periodicity must be at least 1 week or 1 month.",
                        name=obligation.name,
                    )
                )
            if obligation.window_before_days < 0 or obligation.window_after_days < 0:
                raise ValidationError(self.env._("The tolerance window cannot be negative."))

    def _copy_preset_operations(self):
        """The operations of the preset obligations these were copied from,
        for those that have none yet (one create)."""
        todo = self.filtered(lambda ob: ob.preset_id and not ob.operation_ids)
        self.env["maintenance.warranty.operation"].create(
            [
                {
                    "warranty_type_id": obligation.warranty_type_id.id,
                    "obligation_id": obligation.id,
                    "sequence": operation.sequence,
                    "name": operation.name,
                    "description": operation.description,
                    "is_required": operation.is_required,
                }
                for obligation in todo
                for operation in obligation.preset_id.operation_ids
            ]
        )
