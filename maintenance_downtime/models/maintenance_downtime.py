# Copyright 2026 Seed maintainers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from collections import defaultdict

from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools import format_datetime

from .maintenance_failure_cause import DOWNTIME_KINDS


class MaintenanceDowntime(models.Model):
    """A time an installed equipment was stopped: from the failure (or the
    stop) to its return to service. The history the FMD indicators
    (reliability, maintainability, availability) are computed from.

    Created from a customer request saying the equipment is stopped, from a
    corrective dossier, from a meter's alert, or by hand. An event without
    an end is still open: it counts up to now. Overlapping events of one
    equipment are merged by the indicators, never counted twice."""

    _name = "maintenance.downtime"
    _description = "Equipment downtime"
    _inherit = ["mail.thread"]
    _order = "date_start desc, id desc"
    _check_company_auto = True

    equipment_id = fields.Many2one(
        comodel_name="maintenance.customer.equipment",
        string="Equipment",
        required=True,
        index=True,
        check_company=True,
        ondelete="restrict",
        tracking=True,
    )
    company_id = fields.Many2one(
        related="equipment_id.company_id", store=True, index=True, precompute=True
    )
    site_id = fields.Many2one(
        related="equipment_id.site_id", store=True, index=True, precompute=True
    )
    customer_id = fields.Many2one(
        related="equipment_id.customer_id", store=True, index=True, precompute=True
    )
    date_start = fields.Datetime(
        string="Stopped at",
        required=True,
        index=True,
        default=fields.Datetime.now,
        tracking=True,
        help="When the equipment failed or was stopped (the failure time the customer "
        "reports, otherwise when the request was received).",
    )
    date_end = fields.Datetime(
        string="Back in service at",
        index=True,
        tracking=True,
        help="Empty while the equipment is still stopped: the downtime counts up to now.",
    )
    kind = fields.Selection(
        selection=DOWNTIME_KINDS,
        required=True,
        compute="_compute_kind",
        store=True,
        readonly=False,
        precompute=True,
        index=True,
        tracking=True,
        help="Failure: counts in the failures (MTBF, MTTR). Preventive stop: planned "
        "maintenance, unavailable but not a failure. External cause (power cut, "
        "misuse...): may be left out of a customer's availability.",
    )
    cause_id = fields.Many2one(
        comodel_name="maintenance.failure.cause",
        string="Cause",
        index=True,
        tracking=True,
        domain="['|', ('company_id', '=', False), ('company_id', '=', company_id)]",
    )
    intervention_id = fields.Many2one(
        comodel_name="maintenance.intervention",
        string="Dossier",
        index="btree_not_null",
        check_company=True,
        tracking=True,
        help="The dossier that restored the equipment.",
    )
    request_id = fields.Many2one(
        comodel_name="maintenance.customer.request",
        string="Customer request",
        index="btree_not_null",
        check_company=True,
        tracking=True,
    )
    origin = fields.Selection(
        selection=[
            ("manual", "By hand"),
            ("request", "Customer request"),
            ("dossier", "Dossier"),
            ("sensor", "Meter alert"),
        ],
        required=True,
        default="manual",
        readonly=True,
    )
    description = fields.Text()
    is_open = fields.Boolean(
        string="Still stopped",
        compute="_compute_is_open",
        search="_search_is_open",
    )
    duration_hours = fields.Float(
        string="Duration (hours)",
        compute="_compute_duration_hours",
        help="Clock hours from the stop to the return to service (up to now while open).",
    )

    _end_after_start = models.Constraint(
        "CHECK(date_end IS NULL OR date_end >= date_start)",
        "The return to service cannot be before the stop.",
    )

    @api.depends("cause_id")
    def _compute_kind(self):
        for downtime in self:
            if downtime.cause_id:
                downtime.kind = downtime.cause_id.kind
            elif not downtime.kind:
                downtime.kind = "failure"

    @api.depends("date_end")
    def _compute_is_open(self):
        for downtime in self:
            downtime.is_open = not downtime.date_end

    def _search_is_open(self, operator, value):
        if operator not in ("=", "!="):
            return NotImplemented
        is_open = (operator == "=") == bool(value)
        return [("date_end", "=" if is_open else "!=", False)]

    @api.depends("date_start", "date_end")
    def _compute_duration_hours(self):
        now = fields.Datetime.now()
        for downtime in self:
            end = downtime.date_end or now
            start = downtime.date_start or end
            downtime.duration_hours = max((end - start).total_seconds(), 0.0) / 3600.0

    @api.depends("equipment_id", "date_start")
    def _compute_display_name(self):
        for downtime in self:
            start = format_datetime(self.env, downtime.date_start) if downtime.date_start else ""
            downtime.display_name = f"{downtime.equipment_id.name or ''} - {start}"

    @api.constrains("date_start", "date_end")
    def _check_dates(self):
        for downtime in self:
            if downtime.date_end and downtime.date_end < downtime.date_start:
                raise ValidationError(
                    self.env._(
                        "Downtime of %(equipment)s: the return to service cannot be "
                        "before the stop.",
                        equipment=downtime.equipment_id.display_name,
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        events = super().create(vals_list)
        events._sync_equipment_state()
        return events

    def write(self, vals):
        before = self.equipment_id
        result = super().write(vals)
        if {"date_start", "date_end", "equipment_id"} & set(vals):
            self._sync_equipment_state(before)
        return result

    def unlink(self):
        equipment = self.equipment_id
        result = super().unlink()
        self._sync_equipment_state(equipment)
        return result

    def _sync_equipment_state(self, equipment=None):
        """An equipment with a stop still open (begun) is out of service;
        back in service when its last open stop ends. A removed equipment
        stays removed; one put out of service by hand without any stop is
        left as the office set it."""
        equipment = (equipment or self.env["maintenance.customer.equipment"]) | (
            self.exists().equipment_id
        )
        if not equipment:
            return
        now = fields.Datetime.now()
        # sudo: the equipment's status follows its stops whoever records them
        # (the mail gateway, a technician closing a dossier)
        equipment = equipment.sudo()
        Downtime = self.env["maintenance.downtime"].sudo()
        stopped = {
            eq.id
            for [eq] in Downtime._read_group(
                [
                    ("equipment_id", "in", equipment.ids),
                    ("date_end", "=", False),
                    ("date_start", "<=", now),
                ],
                ["equipment_id"],
            )
        }
        down = equipment.filtered(lambda eq: eq.id in stopped and eq.state == "in_service")
        back = equipment.filtered(lambda eq: eq.id not in stopped and eq.state == "out_of_service")
        if down:
            down.write({"state": "out_of_service"})
        if back:
            # only those whose stops were recorded: a hand-set status stays
            recorded = {
                eq.id
                for [eq] in Downtime._read_group(
                    [("equipment_id", "in", back.ids)], ["equipment_id"]
                )
            }
            back.filtered(lambda eq: eq.id in recorded).write({"state": "in_service"})

    def action_back_in_service(self):
        """Close the open events now."""
        self.check_access("write")
        self.filtered(lambda downtime: not downtime.date_end).write(
            {"date_end": fields.Datetime.now()}
        )
        return True

    @api.model
    def _close_for_dossiers(self, dossiers, when=None):
        """Close the open events of ``dossiers`` (the dossier is done)."""
        events = self.search([("intervention_id", "in", dossiers.ids), ("date_end", "=", False)])
        when = when or fields.Datetime.now()
        events.filtered(lambda downtime: downtime.date_start <= when).write({"date_end": when})

    @api.model
    def _events_by(self, field_name, records):
        """{record id: events} for the events whose ``field_name`` is in ``records``."""
        result = defaultdict(self.browse)
        for event in self.search([(field_name, "in", records.ids)]):
            result[event[field_name].id] |= event
        return result
