# Copyright 2026 Seed maintainers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models

from .maintenance_customer_pack import FREQUENCIES


class ContractContract(models.Model):
    _inherit = "contract.contract"

    customer_pack_frequency = fields.Selection(
        selection=FREQUENCIES,
        string="Send the customer report",
        default="none",
        required=True,
        help="Every month (the previous month) or every year (the previous calendar "
        "year), the customer report of this contract is sent by e-mail to the site's "
        "contact, or to the customer.",
    )
    customer_pack_ids = fields.One2many(
        comodel_name="maintenance.customer.pack",
        inverse_name="contract_id",
        string="Customer reports",
    )

    def action_customer_pack_wizard(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "maintenance_reporting.maintenance_customer_pack_wizard_action"
        )
        action["context"] = {"default_contract_id": self.id}
        return action
