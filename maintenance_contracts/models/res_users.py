# Copyright 2026 Seed maintainers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class ResUsers(models.Model):
    _inherit = "res.users"

    salesperson_code = fields.Char(
        help="Short code of the salesperson, printed and searchable on contracts.",
    )

    _salesperson_code_unique = models.Constraint(
        "UNIQUE(salesperson_code)",
        "This salesperson code is already used by another user.",
    )

    @property
    def SELF_READABLE_FIELDS(self):
        return [*super().SELF_READABLE_FIELDS, "salesperson_code"]
