# Copyright 2026 Seed maintainers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models


class MaintenanceCustomerEquipment(models.Model):
    _inherit = "maintenance.customer.equipment"

    meter_ids = fields.One2many(
        comodel_name="maintenance.meter",
        inverse_name="equipment_id",
        string="Meters",
    )
    meter_count = fields.Integer(string="Number of meters", compute="_compute_meter_count")

    def _compute_meter_count(self):
        counts = dict(
            self.env["maintenance.meter"]._read_group(
                [("equipment_id", "in", self.ids)], ["equipment_id"], ["__count"]
            )
        )
        for equipment in self:
            equipment.meter_count = counts.get(equipment, 0)

    @api.readonly
    def action_view_meters(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "maintenance_meter.maintenance_meter_action"
        )
        action["domain"] = [("equipment_id", "=", self.id)]
        action["context"] = {"default_equipment_id": self.id}
        return action
