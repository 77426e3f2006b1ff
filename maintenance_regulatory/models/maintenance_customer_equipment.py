# Copyright 2026 Seed maintainers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models


class MaintenanceCustomerEquipment(models.Model):
    _inherit = "maintenance.customer.equipment"

    logbook_entry_ids = fields.One2many(
        comodel_name="maintenance.logbook.entry",
        inverse_name="equipment_id",
        string="Logbook",
    )
    logbook_count = fields.Integer(string="Logbook entries", compute="_compute_logbook_count")
    certificate_count = fields.Integer(
        string="Number of certificates", compute="_compute_logbook_count"
    )

    def _compute_logbook_count(self):
        entries = dict(
            self.env["maintenance.logbook.entry"]._read_group(
                [("equipment_id", "in", self.ids)], ["equipment_id"], ["__count"]
            )
        )
        certificates = dict(
            self.env["maintenance.certificate"]._read_group(
                [("equipment_id", "in", self.ids)], ["equipment_id"], ["__count"]
            )
        )
        for equipment in self:
            equipment.logbook_count = entries.get(equipment, 0)
            equipment.certificate_count = certificates.get(equipment, 0)

    @api.readonly
    def action_view_logbook(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "maintenance_regulatory.maintenance_logbook_entry_action"
        )
        action["domain"] = [("equipment_id", "=", self.id)]
        action["context"] = {
            "default_equipment_id": self.id,
            "default_company_id": self.company_id.id,
        }
        return action

    @api.readonly
    def action_view_certificates(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "maintenance_regulatory.maintenance_certificate_action"
        )
        action["domain"] = [("equipment_id", "=", self.id)]
        action["context"] = {}
        return action

    def action_print_logbook(self):
        report = self.env.ref("maintenance_regulatory.maintenance_logbook_report_action")
        return report.report_action(self)

    def _portal_logbook_visible(self, partner):
        """Whether the portal ``partner`` may see these equipment's logbooks:
        equipment of their commercial partner (the customer's contacts)."""
        commercial = partner.commercial_partner_id
        return all(
            equipment.customer_id.commercial_partner_id == commercial for equipment in self.sudo()
        ) and bool(self)
