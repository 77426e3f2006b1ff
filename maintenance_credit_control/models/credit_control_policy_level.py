# Copyright 2026 Seed maintainers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class CreditControlPolicyLevel(models.Model):
    _inherit = "credit.control.policy.level"

    credit_hold = fields.Boolean(
        string="Put the customer on credit hold",
        help="When a follow-up run reaches this level for an invoice, its customer is put "
        "on credit hold: the planning shows a warning on the customer's dossiers. "
        "An accountant lifts the hold.",
    )
