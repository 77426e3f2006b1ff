# Copyright 2026 Seed maintainers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class ProductTemplate(models.Model):
    _inherit = "product.template"

    maintenance_equipment_model = fields.Boolean(
        string="Equipment model",
        index=True,
        help="A model of installed equipment (a boiler, a chiller...), not a spare part: "
        "never offered in the parts used on a task.",
    )
