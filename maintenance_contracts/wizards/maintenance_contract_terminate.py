# Copyright 2026 Seed maintainers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import format_date

# the reason is kept on the contract and posted in its chatter
MAX_REASON_LENGTH = 2000


class MaintenanceContractTerminate(models.TransientModel):
    _name = "maintenance.contract.terminate"
    _description = "Terminate a maintenance contract"

    contract_id = fields.Many2one(
        comodel_name="contract.contract", required=True, ondelete="cascade"
    )
    termination_date = fields.Date(required=True, default=fields.Date.context_today)
    reason = fields.Text(required=True)

    @api.constrains("reason")
    def _check_reason_length(self):
        for wizard in self:
            if len(wizard.reason or "") > MAX_REASON_LENGTH:
                raise ValidationError(
                    self.env._(
                        "The reason is too long (%(length)s characters): keep it under "
                        "%(max)s characters.",
                        length=len(wizard.reason),
                        max=MAX_REASON_LENGTH,
                    )
                )

    def action_terminate(self):
        self.ensure_one()
        contract = self.contract_id
        if contract.maintenance_state == "terminated":
            raise UserError(
                self.env._(
                    "Contract %(contract)s is already terminated.", contract=contract.display_name
                )
            )
        if contract.date_start and self.termination_date < contract.date_start:
            raise UserError(
                self.env._(
                    "A contract cannot end before it starts (%(date)s).",
                    date=format_date(self.env, contract.date_start),
                )
            )
        contract._maintenance_terminate(self.termination_date, self.reason)
        return {"type": "ir.actions.act_window_close"}
