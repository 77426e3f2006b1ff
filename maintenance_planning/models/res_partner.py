# Copyright 2026 Seed maintainers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models


class ResPartner(models.Model):
    _inherit = "res.partner"

    maintenance_document_count = fields.Integer(
        string="Maintenance documents",
        compute="_compute_maintenance_document_count",
    )

    def _compute_maintenance_document_count(self):
        counts = self.env["ir.attachment"]._maintenance_document_counts(
            self._maintenance_document_scopes()
        )
        for partner in self:
            partner.maintenance_document_count = counts[partner.id]

    @api.readonly
    def action_view_maintenance_documents(self):
        """The documents of the customer, of its sites, equipment,
        contracts, dossiers and tasks."""
        self.ensure_one()
        return self.env["ir.attachment"]._maintenance_documents_action(
            self._maintenance_document_scopes()[self.id],
            self.env._("Documents of %(customer)s", customer=self.display_name),
            default_record=self,
        )

    def _maintenance_document_scopes(self):
        """{partner id: [records whose attachments are its documents]}"""
        search = self.env["ir.attachment"]._maintenance_search
        ids = [partner_id for partner_id in self.ids if partner_id]
        domain = [("customer_id", "in", ids)]
        sites = search("maintenance.site", domain)
        equipment = search("maintenance.customer.equipment", domain)
        contracts = search("contract.contract", [("partner_id", "in", ids)])
        dossiers = search("maintenance.intervention", domain)
        tasks = search("maintenance.task", domain)
        return {
            partner.id: [
                partner,
                *(
                    records.filtered(lambda record, partner=partner: record.customer_id == partner)
                    for records in (sites, equipment, dossiers, tasks)
                ),
                contracts.filtered(
                    lambda contract, partner=partner: contract.partner_id == partner
                ),
            ]
            for partner in self
        }
