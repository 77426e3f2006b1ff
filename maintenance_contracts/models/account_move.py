# Copyright 2026 Seed maintainers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models
from odoo.fields import Domain


class AccountMove(models.Model):
    _inherit = "account.move"

    maintenance_site_ids = fields.Many2many(
        comodel_name="maintenance.site",
        string="Installed sites",
        compute="_compute_maintenance_site_ids",
        search="_search_maintenance_site_ids",
        help="The sites this invoice bills: those of the maintenance contracts of its "
        "lines (and, with the other maintenance add-ons, of its dossiers and orders). "
        "A portal contact restricted to their own sites sees only the invoices of "
        "those sites.",
    )

    def _maintenance_site_paths(self):
        """Paths from an invoice to the sites it bills; the add-ons that link
        invoices to sites in other ways add theirs."""
        return ["line_ids.contract_line_id.contract_id.site_id"]

    def _compute_maintenance_site_ids(self):
        paths = self._maintenance_site_paths()
        for move in self:
            # sudo: the sites are read through the contract lines, which the
            # invoice's readers (a portal contact, an accountant) may not read
            sites = self.env["maintenance.site"]
            for path in paths:
                sites |= move.sudo().mapped(path)
            move.maintenance_site_ids = sites.sudo(False)

    def _search_maintenance_site_ids(self, operator, value):
        if operator not in ("in", "any"):
            return NotImplemented
        return Domain.OR(Domain(path, operator, value) for path in self._maintenance_site_paths())
