# Copyright 2026 Seed maintainers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError


class MaintenanceMeter(models.Model):
    """A meter or sensor of an installed equipment: a counter (hour meter,
    energy meter... never goes down) or a gauge (temperature, pressure...).
    Readings are entered by technicians on their tasks or pushed by sensors."""

    _name = "maintenance.meter"
    _description = "Equipment meter"
    _order = "equipment_id, name, id"
    _check_company_auto = True

    name = fields.Char(required=True)
    code = fields.Char(
        index="btree_not_null",
        help="Identifier used by the sensor gateway to send readings "
        "(the meter's database id is accepted too).",
    )
    active = fields.Boolean(default=True)
    equipment_id = fields.Many2one(
        comodel_name="maintenance.customer.equipment",
        string="Equipment",
        required=True,
        index=True,
        ondelete="cascade",
        check_company=True,
    )
    site_id = fields.Many2one(related="equipment_id.site_id", store=True, index=True)
    company_id = fields.Many2one(
        related="equipment_id.company_id",
        store=True,
        index=True,
        precompute=True,
        string="Company",
    )
    kind = fields.Selection(
        selection=[("counter", "Counter"), ("gauge", "Gauge")],
        required=True,
        default="counter",
        help="A counter only goes up (hours run, energy used); a gauge "
        "measures a value that goes up and down (temperature, pressure).",
    )
    unit = fields.Char(help="e.g. h, kWh, m³, °C, bar. Sensors must send the same unit.")
    has_min_threshold = fields.Boolean(string="Low threshold")
    min_threshold = fields.Float(string="Minimum")
    has_max_threshold = fields.Boolean(string="High threshold")
    max_threshold = fields.Float(string="Maximum")
    last_value = fields.Float(string="Last reading", readonly=True)
    last_date = fields.Datetime(string="Last reading on", readonly=True)
    reading_ids = fields.One2many(
        comodel_name="maintenance.meter.reading",
        inverse_name="meter_id",
        string="Readings",
    )
    reading_count = fields.Integer(string="Number of readings", compute="_compute_reading_count")

    _code_company_unique = models.Constraint(
        "UNIQUE(code, company_id)", "This meter code already exists in this company."
    )

    def _compute_reading_count(self):
        counts = dict(
            self.env["maintenance.meter.reading"]._read_group(
                [("meter_id", "in", self.ids)], ["meter_id"], ["__count"]
            )
        )
        for meter in self:
            meter.reading_count = counts.get(meter, 0)

    @api.depends("name", "equipment_id.name", "unit")
    def _compute_display_name(self):
        for meter in self:
            name = f"{meter.equipment_id.name} - {meter.name}" if meter.equipment_id else meter.name
            meter.display_name = f"{name} ({meter.unit})" if meter.unit else name

    @api.constrains("has_min_threshold", "min_threshold", "has_max_threshold", "max_threshold")
    def _check_thresholds(self):
        for meter in self:
            if (
                meter.has_min_threshold
                and meter.has_max_threshold
                and meter.min_threshold > meter.max_threshold
            ):
                raise ValidationError(
                    self.env._(
                        "Meter %(meter)s: the minimum cannot be above the maximum.",
                        meter=meter.name,
                    )
                )

    @api.readonly
    def action_view_readings(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "maintenance_meter.maintenance_meter_reading_action"
        )
        action["domain"] = [("meter_id", "=", self.id)]
        action["context"] = {"default_meter_id": self.id}
        return action

    def _out_of_range(self, value):
        """'low', 'high' or False for ``value`` read on this meter."""
        self.ensure_one()
        if self.has_min_threshold and value < self.min_threshold:
            return "low"
        if self.has_max_threshold and value > self.max_threshold:
            return "high"
        return False
