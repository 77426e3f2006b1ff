# Copyright 2026 Seed maintainers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models


class MaintenanceSite(models.Model):
    _inherit = "maintenance.site"

    def _compute_counts(self):
        res = super()._compute_counts()
        counts = self.env["ir.attachment"]._maintenance_document_counts(
            self._maintenance_document_scopes()
        )
        for site in self:
            site.document_count = counts[site.id]
        return res

    @api.readonly
    def action_view_documents(self):
        """The documents of the site, of its equipment, contracts,
        dossiers and tasks (photos, intervention reports)."""
        self.ensure_one()
        return self.env["ir.attachment"]._maintenance_documents_action(
            self._maintenance_document_scopes()[self.id],
            self.env._("Documents of %(site)s", site=self.display_name),
            default_record=self,
        )

    def _maintenance_document_scopes(self):
        """{site id: [records whose attachments are its documents]}"""
        search = self.env["ir.attachment"]._maintenance_search
        domain = [("site_id", "in", self.ids)]
        equipment = search("maintenance.customer.equipment", domain)
        contracts = search("contract.contract", domain)
        dossiers = search("maintenance.intervention", domain)
        tasks = search("maintenance.task", domain)
        return {
            site.id: [
                site,
                *(
                    records.filtered(lambda record, site=site: record.site_id == site)
                    for records in (equipment, contracts, dossiers, tasks)
                ),
            ]
            for site in self
        }
