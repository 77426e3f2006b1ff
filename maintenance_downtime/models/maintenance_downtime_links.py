# Copyright 2026 Seed maintainers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Where downtime events meet the existing models: the equipment's
operating time (the time it is required, against which availability is
measured), the customer request saying the equipment is stopped, the
dossier that restores it, the meter whose alert stops it."""

from odoo import api, fields, models

OPERATING_TIMES = [
    ("always", "24/7"),
    ("site", "Site opening hours"),
    ("calendar", "Own operating hours"),
]


class MaintenanceCustomerEquipment(models.Model):
    _inherit = "maintenance.customer.equipment"

    operating_time = fields.Selection(
        selection=OPERATING_TIMES,
        string="Required time",
        required=True,
        default="always",
        help="When the equipment must run: availability is measured against this time "
        "only. 24/7 by default; or the opening hours of its site (public holidays "
        "of the calendar excluded); or operating hours of its own.",
    )
    operating_calendar_id = fields.Many2one(
        comodel_name="resource.calendar",
        string="Operating hours",
        check_company=True,
    )
    downtime_ids = fields.One2many(
        comodel_name="maintenance.downtime",
        inverse_name="equipment_id",
        string="Downtime",
    )
    downtime_count = fields.Integer(string="Downtime events", compute="_compute_downtime_count")

    def _compute_downtime_count(self):
        counts = dict(
            self.env["maintenance.downtime"]._read_group(
                [("equipment_id", "in", self.ids)], ["equipment_id"], ["__count"]
            )
        )
        for equipment in self:
            equipment.downtime_count = counts.get(equipment, 0)

    @api.onchange("operating_time")
    def _onchange_operating_time(self):
        if self.operating_time != "calendar":
            self.operating_calendar_id = False

    @api.readonly
    def action_view_downtime(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "maintenance_downtime.maintenance_downtime_action"
        )
        action["domain"] = [("equipment_id", "=", self.id)]
        action["context"] = {"default_equipment_id": self.id}
        return action


class MaintenanceMeter(models.Model):
    _inherit = "maintenance.meter"

    downtime_on_alert = fields.Boolean(
        string="An alert stops the equipment",
        default=True,
        help="A reading outside the thresholds opens a downtime event of the equipment "
        "with its alert dossier (closed with the dossier).",
    )


class MaintenanceMeterReading(models.Model):
    _inherit = "maintenance.meter.reading"

    def _raise_alerts(self):
        """The dossier opened by an alert also opens a downtime event, from
        the first reading out of range, when the meter says so."""
        result = super()._raise_alerts()
        # sudo: sensors and technicians record readings; the equipment's
        # history is the company's
        alerts = self.sudo().filtered(
            lambda reading: reading.alert_intervention_id and reading.meter_id.downtime_on_alert
        )
        if not alerts:
            return result
        Downtime = self.env["maintenance.downtime"].sudo()
        known = set(
            Downtime.search([("intervention_id", "in", alerts.alert_intervention_id.ids)])
            .mapped("intervention_id")
            .ids
        )
        first = {}
        for reading in alerts.sorted(lambda reading: (reading.date, reading.id)):
            if reading.alert_intervention_id.id not in known:
                first.setdefault(reading.alert_intervention_id.id, reading)
        Downtime.create(
            [
                {
                    "equipment_id": reading.equipment_id.id,
                    "date_start": reading.date,
                    "kind": "failure",
                    "intervention_id": dossier_id,
                    "origin": "sensor",
                }
                for dossier_id, reading in first.items()
            ]
        )
        return result


class MaintenanceCustomerRequest(models.Model):
    _inherit = "maintenance.customer.request"

    failure_at = fields.Datetime(
        string="Failure reported at",
        help="When the customer says the equipment failed; empty: when the request was "
        "received. Start of the downtime event.",
    )
    equipment_stopped = fields.Boolean(
        string="Equipment stopped",
        help="The equipment is down: a downtime event is opened from the failure time "
        "and closed when the request is restored. Ticked by a P1 (equipment down), "
        "untick it for a safety call on a running equipment.",
    )
    downtime_ids = fields.One2many(
        comodel_name="maintenance.downtime",
        inverse_name="request_id",
        string="Downtime",
    )

    @api.onchange("priority")
    def _onchange_priority_equipment_stopped(self):
        """P1 is « Equipment down / safety »: the office logging it ticks the
        stop (untick it for a safety call on a running equipment). Only in
        the form: a request created by the mail gateway, the portal or the
        API is a stop when it says so, the office confirms it."""
        self.equipment_stopped = self.priority == "1"

    @api.model_create_multi
    def create(self, vals_list):
        requests = super().create(vals_list)
        requests.filtered("equipment_stopped")._sync_downtime()
        return requests

    def write(self, vals):
        result = super().write(vals)
        if {
            "equipment_stopped",
            "equipment_id",
            "failure_at",
            "received_at",
            "intervention_id",
            "restored_at",
            "state",
        } & set(vals):
            self._sync_downtime()
        return result

    @api.readonly
    def action_view_downtime(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "maintenance_downtime.maintenance_downtime_action"
        )
        action["domain"] = [("request_id", "=", self.id)]
        action["context"] = {
            "default_request_id": self.id,
            "default_equipment_id": self.equipment_id.id,
            "default_intervention_id": self.intervention_id.id,
            "default_date_start": fields.Datetime.to_string(self.failure_at or self.received_at),
        }
        return action

    def _sync_downtime(self):
        """The downtime event of a request whose equipment is stopped: opened
        from the failure time (or the reception), given the request's
        dossier, closed at the restoration."""
        # sudo: the equipment's history follows the request whoever moves
        # it (the mail gateway creates requests, closing a dossier restores them)
        requests = self.sudo()
        Downtime = self.env["maintenance.downtime"].sudo()
        events = Downtime._events_by("request_id", requests)
        to_create = []
        now = fields.Datetime.now()
        for request in requests:
            start = request.failure_at or request.received_at
            mine = events.get(request.id)
            if not mine:
                if (
                    request.equipment_stopped
                    and request.equipment_id
                    and request.state != "cancelled"
                ):
                    to_create.append(
                        {
                            "equipment_id": request.equipment_id.id,
                            "date_start": start,
                            "date_end": request.restored_at
                            if request.restored_at and request.restored_at >= start
                            else False,
                            "kind": "failure",
                            "request_id": request.id,
                            "intervention_id": request.intervention_id.id,
                            "origin": "request",
                        }
                    )
                continue
            for event in mine.filtered(lambda event: event.origin == "request"):
                vals = {}
                if event.date_start != start and (not event.date_end or event.date_end >= start):
                    vals["date_start"] = start
                if request.intervention_id and not event.intervention_id:
                    vals["intervention_id"] = request.intervention_id.id
                if (
                    request.restored_at
                    and not event.date_end
                    and request.restored_at >= vals.get("date_start", event.date_start)
                ):
                    vals["date_end"] = request.restored_at
                elif (
                    request.state == "cancelled" and not event.date_end and event.date_start <= now
                ):
                    # a cancelled request follows nothing any more: its stop ends now
                    vals["date_end"] = now
                if vals:
                    event.write(vals)
        if to_create:
            Downtime.create(to_create)


class MaintenanceIntervention(models.Model):
    _inherit = "maintenance.intervention"

    downtime_ids = fields.One2many(
        comodel_name="maintenance.downtime",
        inverse_name="intervention_id",
        string="Downtime",
    )
    downtime_count = fields.Integer(string="Downtime events", compute="_compute_downtime_count")

    def _compute_downtime_count(self):
        counts = dict(
            self.env["maintenance.downtime"]._read_group(
                [("intervention_id", "in", self.ids)], ["intervention_id"], ["__count"]
            )
        )
        for intervention in self:
            intervention.downtime_count = counts.get(intervention, 0)

    def write(self, vals):
        result = super().write(vals)
        if vals.get("state") in ("done", "cancelled"):
            # sudo: the equipment is back in service whoever closes the dossier
            # (a cancelled dossier follows nothing any more: its stops end now)
            self.env["maintenance.downtime"].sudo()._close_for_dossiers(self)
        return result

    def action_record_downtime(self):
        """Open a downtime event for each equipment of the dossier that has
        none open on it yet: from the failure time of its requests (or their
        reception, or now)."""
        self.ensure_one()
        self.env["maintenance.downtime"].check_access("create")
        open_equipment = self.downtime_ids.filtered(lambda event: not event.date_end).equipment_id
        requests = self.customer_request_ids
        starts = [request.failure_at or request.received_at for request in requests]
        start = min(starts) if starts else fields.Datetime.now()
        self.env["maintenance.downtime"].create(
            [
                {
                    "equipment_id": equipment.id,
                    "date_start": start,
                    "kind": "failure",
                    "intervention_id": self.id,
                    "request_id": requests[:1].id,
                    "origin": "dossier",
                }
                for equipment in self.equipment_ids - open_equipment
            ]
        )
        return self.action_view_downtime()

    @api.readonly
    def action_view_downtime(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "maintenance_downtime.maintenance_downtime_action"
        )
        action["domain"] = [("intervention_id", "=", self.id)]
        action["context"] = {
            "default_intervention_id": self.id,
            "default_equipment_id": self.equipment_ids[:1].id,
        }
        return action
