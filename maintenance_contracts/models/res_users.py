# Copyright 2026 Seed maintainers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.fields import Domain


class ResUsers(models.Model):
    _inherit = "res.users"

    salesperson_code = fields.Char(
        help="Short code of the salesperson, printed and searchable on contracts.",
    )

    _salesperson_code_unique = models.Constraint(
        "UNIQUE(salesperson_code)",
        "This salesperson code is already used by another user.",
    )

    @api.model
    def name_search(self, name="", domain=None, operator="ilike", limit=100):
        # a salesperson is found by their code too (the contracts' import
        # template, the salesperson field), as Odoo finds a user by login
        if name and operator not in Domain.NEGATIVE_OPERATORS:
            user = self.search_fetch(
                Domain("salesperson_code", "=", name) & Domain(domain or Domain.TRUE),
                ["display_name"],
                limit=1,
            )
            if user:
                return [(user.id, user.display_name)]
        return super().name_search(name, domain, operator, limit)

    @property
    def SELF_READABLE_FIELDS(self):
        return [*super().SELF_READABLE_FIELDS, "salesperson_code"]
