# Copyright 2026 Seed maintainers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class AccountMoveLine(models.Model):
    """An invoice line of a dossier carries its number, site and contract."""

    _inherit = "account.move.line"

    maintenance_intervention_id = fields.Many2one(
        comodel_name="maintenance.intervention",
        string="Dossier",
        index="btree_not_null",
        copy=False,
        readonly=True,
    )
    maintenance_site_id = fields.Many2one(
        comodel_name="maintenance.site",
        string="Installed site",
        readonly=True,
    )
    maintenance_contract_id = fields.Many2one(
        comodel_name="contract.contract",
        string="Maintenance contract",
        readonly=True,
    )
