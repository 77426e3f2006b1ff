# Copyright 2026 Seed maintainers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from collections import defaultdict

from odoo import api, fields, models


class MaintenanceTask(models.Model):
    """Meter readings recorded on a task."""

    _inherit = "maintenance.task"

    reading_ids = fields.One2many(
        comodel_name="maintenance.meter.reading",
        inverse_name="task_id",
        string="Readings",
    )
    meter_count = fields.Integer(
        string="Number of meters",
        compute="_compute_meter_count",
        help="Meters of the equipment of this task.",
    )

    @api.depends("equipment_ids")
    def _compute_meter_count(self):
        counts = defaultdict(int)
        for equipment, count in self.env["maintenance.meter"]._read_group(
            [("equipment_id", "in", self.equipment_ids._origin.ids)], ["equipment_id"], ["__count"]
        ):
            counts[equipment.id] = count
        for task in self:
            task.meter_count = sum(counts[equipment.id] for equipment in task.equipment_ids._origin)

    @api.readonly
    def action_view_meters(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "maintenance_meter.maintenance_meter_action"
        )
        action["domain"] = [("equipment_id", "in", self.equipment_ids.ids)]
        action["context"] = {}
        return action

    @api.model
    def _technician_writable_fields(self):
        return super()._technician_writable_fields() | {"reading_ids"}
