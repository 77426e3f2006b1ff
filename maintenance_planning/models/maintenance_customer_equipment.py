# Copyright 2026 Seed maintainers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models


class MaintenanceCustomerEquipment(models.Model):
    _inherit = "maintenance.customer.equipment"

    def _compute_document_count(self):
        counts = self.env["ir.attachment"]._maintenance_document_counts(
            self._maintenance_document_scopes()
        )
        for equipment in self:
            equipment.document_count = counts[equipment.id]

    @api.readonly
    def action_view_documents(self):
        """The documents of the equipment and of the dossiers and tasks
        that worked on it (photos, intervention reports)."""
        self.ensure_one()
        return self.env["ir.attachment"]._maintenance_documents_action(
            self._maintenance_document_scopes()[self.id],
            self.env._("Documents of %(equipment)s", equipment=self.display_name),
            default_record=self,
        )

    def _maintenance_document_scopes(self):
        """{equipment id: [records whose attachments are its documents]}"""
        search = self.env["ir.attachment"]._maintenance_search
        domain = [("equipment_ids", "in", self.ids)]
        dossiers = search("maintenance.intervention", domain)
        tasks = search("maintenance.task", domain)
        return {
            equipment.id: [
                equipment,
                dossiers.filtered(lambda record, eq=equipment: eq in record.equipment_ids),
                tasks.filtered(lambda record, eq=equipment: eq in record.equipment_ids),
            ]
            for equipment in self
        }
