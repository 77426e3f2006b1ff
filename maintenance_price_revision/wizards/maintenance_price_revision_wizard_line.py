# Copyright 2026 Seed maintainers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models


class MaintenancePriceRevisionWizardLine(models.TransientModel):
    """One previewed price (or the reason a contract cannot be revised)."""

    _name = "maintenance.price.revision.wizard.line"
    _description = "Price revision preview"
    _order = "state_sequence, contract_id, id"

    wizard_id = fields.Many2one(
        comodel_name="maintenance.price.revision.wizard",
        required=True,
        index=True,
        ondelete="cascade",
    )
    contract_id = fields.Many2one(comodel_name="contract.contract", string="Contract")
    contract_line_id = fields.Many2one(comodel_name="contract.line", string="Product")
    line_label = fields.Char(
        string="Covered product",
        compute="_compute_line_label",
        help="The equipment of the line, else its description.",
    )
    currency_id = fields.Many2one(related="contract_id.currency_id")
    revision_date = fields.Date()
    state = fields.Selection(
        selection=[
            ("error", "Cannot be revised"),
            ("revise", "To revise"),
            ("scheduled", "Scheduled"),
            ("unchanged", "Unchanged"),
            ("skipped", "Not revised"),
        ],
        string="Status",
    )
    state_sequence = fields.Integer(compute="_compute_state_sequence", store=True)
    base_price = fields.Float(digits="Product Price", help="P0, or the last revised price.")
    old_price = fields.Float(string="Current price", digits="Product Price")
    new_price = fields.Float(digits="Product Price")
    # the applied coefficient is rounded by the formula (3 or 4 digits); the
    # raw one is in the computation
    coefficient = fields.Float(digits=(16, 4))
    limit_effect = fields.Selection(
        selection=[("floor", "Floor"), ("cap", "Cap"), ("threshold", "Below the threshold")],
        string="Limit",
    )
    index_values = fields.Text(string="Indices used")
    computation = fields.Text()
    reason = fields.Text()

    @api.depends("contract_line_id")
    def _compute_line_label(self):
        for line in self:
            contract_line = line.contract_line_id
            line.line_label = (
                contract_line.equipment_id.name
                or contract_line.name
                or contract_line.product_id.display_name
                or False
            )

    @api.depends("state")
    def _compute_state_sequence(self):
        order = {"error": 0, "revise": 1, "scheduled": 2, "unchanged": 3, "skipped": 4}
        for line in self:
            line.state_sequence = order.get(line.state, 9)
