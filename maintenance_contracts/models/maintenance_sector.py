# Copyright 2026 Seed maintainers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class MaintenanceSector(models.Model):
    _name = "maintenance.sector"
    _description = "Sector"
    _order = "sequence, name"
    _rec_names_search = ["name", "code"]
    _check_company_auto = True

    name = fields.Char(required=True)
    code = fields.Char()
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    company_id = fields.Many2one(
        comodel_name="res.company",
        required=True,
        index=True,
        default=lambda self: self.env.company,
    )
    user_id = fields.Many2one(
        comodel_name="res.users",
        string="Sector technician",
        help="Technician who usually covers this sector.",
    )
    color = fields.Integer()

    _code_company_unique = models.Constraint(
        "UNIQUE(code, company_id)", "This sector code already exists in this company."
    )
