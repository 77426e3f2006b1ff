# Copyright 2026 Seed maintainers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class ResCompany(models.Model):
    _inherit = "res.company"

    fgas_certificate_number = fields.Char(
        string="F-gas certificate number",
        help="The company's certificate (attestation de capacité) for handling "
        "refrigerants, printed on the leak check records.",
    )
