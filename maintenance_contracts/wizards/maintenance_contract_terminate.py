# Copyright 2026 Seed maintainers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models
from odoo.exceptions import UserError
from odoo.tools import format_date


class MaintenanceContractTerminate(models.TransientModel):
    _name = "maintenance.contract.terminate"
    _description = "Terminate a maintenance contract"

    contract_id = fields.Many2one(
        comodel_name="contract.contract", required=True, ondelete="cascade"
    )
    termination_date = fields.Date(required=True, default=fields.Date.context_today)
    reason = fields.Text(required=True)

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
