# Copyright 2026 Seed maintainers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models


class ReportMaintenanceCertificate(models.AbstractModel):
    _name = "report.maintenance_regulatory.report_maintenance_certificate"
    _description = "Regulatory certificate"

    @api.model
    def _get_report_values(self, docids, data=None):
        return {
            "doc_ids": docids,
            "doc_model": "maintenance.certificate",
            "docs": self.env["maintenance.certificate"].browse(docids),
        }


class ReportMaintenanceLogbook(models.AbstractModel):
    _name = "report.maintenance_regulatory.report_maintenance_logbook"
    _description = "Equipment logbook"

    @api.model
    def _get_report_values(self, docids, data=None):
        equipment = self.env["maintenance.customer.equipment"].browse(docids)
        # every entry of each logbook, read once for all the equipment
        entries = self.env["maintenance.logbook.entry"].search(
            [("equipment_id", "in", equipment.ids)], order="equipment_id, date, id"
        )
        by_equipment = {item.id: entries.browse() for item in equipment}
        for entry in entries:
            by_equipment[entry.equipment_id.id] |= entry
        return {
            "doc_ids": docids,
            "doc_model": "maintenance.customer.equipment",
            "docs": equipment,
            "entries": by_equipment,
        }
