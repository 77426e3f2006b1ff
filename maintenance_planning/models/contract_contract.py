# Copyright 2026 Seed maintainers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models


class ContractContract(models.Model):
    _inherit = "contract.contract"

    maintenance_document_count = fields.Integer(
        string="Maintenance documents",
        compute="_compute_maintenance_document_count",
    )

    def _compute_maintenance_document_count(self):
        counts = self.env["ir.attachment"]._maintenance_document_counts(
            self._maintenance_document_scopes()
        )
        for contract in self:
            contract.maintenance_document_count = counts[contract.id]

    @api.readonly
    def action_view_maintenance_documents(self):
        """The documents of the contract and of its dossiers and tasks."""
        self.ensure_one()
        return self.env["ir.attachment"]._maintenance_documents_action(
            self._maintenance_document_scopes()[self.id],
            self.env._("Documents of %(contract)s", contract=self.display_name),
            default_record=self,
        )

    def _maintenance_document_scopes(self):
        """{contract id: [records whose attachments are its documents]}"""
        search = self.env["ir.attachment"]._maintenance_search
        dossiers = search("maintenance.intervention", [("contract_id", "in", self.ids)])
        tasks = dossiers.task_ids
        return {
            contract.id: [
                contract,
                dossiers.filtered(lambda record, contract=contract: record.contract_id == contract),
                tasks.filtered(
                    lambda record, contract=contract: record.intervention_id.contract_id == contract
                ),
            ]
            for contract in self
        }
