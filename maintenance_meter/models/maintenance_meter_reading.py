# Copyright 2026 Seed maintainers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import math
from collections import defaultdict
from datetime import datetime, timedelta, timezone

from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import SQL, float_compare, format_datetime

MAX_SENSOR_BATCH = 5000
# tolerance on the clock of a sensor gateway
FUTURE_TOLERANCE = timedelta(minutes=5)
# no meter reads more: beyond, a value is a gateway's or a typing error (and
# 1e308 would overflow the rounding of the stored value)
MAX_VALUE = 1e12
# what the endpoint echoes of an unknown meter name
MAX_ECHOED = 64


def _echo(value):
    """``value`` as the endpoint quotes it back: repr, at most MAX_ECHOED characters."""
    shown = repr(value)
    return shown if len(shown) <= MAX_ECHOED else shown[:MAX_ECHOED] + "…"


class MaintenanceMeterReading(models.Model):
    """One value read on a meter: entered by a technician on a task, or
    pushed by a sensor through ``POST /maintenance/api/readings``.

    Every batch is checked as a whole before anything is stored: a counter
    never goes down, one value per meter and date. A reading outside the
    thresholds of its meter opens a corrective dossier for the equipment,
    once: while that dossier is open, further alerts of the meter are only
    linked to it."""

    _name = "maintenance.meter.reading"
    _description = "Meter reading"
    _order = "date desc, id desc"
    _check_company_auto = True

    meter_id = fields.Many2one(
        comodel_name="maintenance.meter",
        string="Meter",
        required=True,
        index=True,
        ondelete="cascade",
        check_company=True,
    )
    equipment_id = fields.Many2one(
        related="meter_id.equipment_id", store=True, index=True, precompute=True
    )
    company_id = fields.Many2one(
        related="meter_id.company_id", store=True, index=True, precompute=True, string="Company"
    )
    kind = fields.Selection(related="meter_id.kind")
    unit = fields.Char(related="meter_id.unit")
    value = fields.Float(required=True, digits=(16, 3))
    date = fields.Datetime(required=True, index=True, default=fields.Datetime.now)
    task_id = fields.Many2one(
        comodel_name="maintenance.task",
        string="Task",
        index=True,
        ondelete="set null",
        check_company=True,
    )
    user_id = fields.Many2one(
        comodel_name="res.users",
        string="Recorded by",
        index=True,
        readonly=True,
        default=lambda self: self.env.user,
    )
    source = fields.Selection(
        selection=[("manual", "Entered by a technician"), ("sensor", "Sensor")],
        required=True,
        default="manual",
        readonly=True,
    )
    is_out_of_range = fields.Boolean(
        string="Out of range",
        readonly=True,
        help="Outside the thresholds of the meter when it was recorded.",
    )
    alert_intervention_id = fields.Many2one(
        comodel_name="maintenance.intervention",
        string="Alert dossier",
        readonly=True,
        index="btree_not_null",
        ondelete="set null",
    )

    _meter_date_unique = models.Constraint(
        "UNIQUE(meter_id, date)",
        "This meter already has a reading at this date and time.",
    )

    @api.depends("meter_id", "value", "date")
    def _compute_display_name(self):
        for reading in self:
            unit = f" {reading.unit}" if reading.unit else ""
            reading.display_name = f"{reading.meter_id.name}: {reading.value:g}{unit}"

    @api.constrains("meter_id", "task_id")
    def _check_meter_of_task(self):
        """A reading entered on a task is read on the equipment of that task.
        A reading without a task (a manager's, or a sensor's) may be of any
        meter of the company."""
        for reading in self:
            task = reading.task_id
            if task and reading.meter_id.equipment_id not in task.equipment_ids:
                raise ValidationError(
                    self.env._(
                        "Meter %(meter)s is not on the equipment of task %(task)s: "
                        "record its readings on a task of its equipment.",
                        meter=reading.meter_id.display_name,
                        task=reading.task_id.display_name,
                    )
                )

    @api.constrains("date")
    def _check_date_not_future(self):
        """The same tolerance as for the sensor gateway's clock."""
        limit = fields.Datetime.now() + FUTURE_TOLERANCE
        for reading in self:
            if reading.date > limit:
                raise ValidationError(
                    self.env._(
                        "The reading of %(meter)s is dated %(date)s, in the future: "
                        "a reading is recorded once read.",
                        meter=reading.meter_id.display_name,
                        date=format_datetime(self.env, reading.date),
                    )
                )

    @api.model
    def _system_fields(self):
        """Fields the server sets: nobody writes them by hand."""
        return {
            "source",
            "user_id",
            "is_out_of_range",
            "alert_intervention_id",
            "equipment_id",
            "company_id",
        }

    @api.model
    def _check_system_vals(self, vals_list, creating=False):
        if self.env.su:
            return
        for vals in vals_list:
            forced = self._system_fields() & set(vals)
            if creating:
                # what the form sends as it is: a manual reading of the user
                forced -= {
                    name
                    for name, allowed in (
                        ("source", "manual"),
                        ("user_id", self.env.uid),
                        ("is_out_of_range", False),
                        ("alert_intervention_id", False),
                    )
                    if vals.get(name) in (allowed, None)
                }
            if forced:
                raise UserError(
                    self.env._(
                        "%(fields)s of a reading are set by the server: they cannot be "
                        "written by hand. Sensor readings are only sent through the "
                        "sensor gateway.",
                        fields=", ".join(
                            self._fields[name].get_description(self.env)["string"]
                            for name in sorted(forced)
                        ),
                    )
                )

    @api.model
    def _check_value_vals(self, vals_list):
        """Refuse a value out of bounds before the ORM rounds it (1e308
        overflows there)."""
        for vals in vals_list:
            value = vals.get("value")
            if isinstance(value, (int, float)) and not (
                math.isfinite(value) and abs(value) <= MAX_VALUE
            ):
                raise ValidationError(
                    self.env._(
                        "The value of a reading must be a number between -%(max)s and %(max)s.",
                        max=f"{MAX_VALUE:g}",
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        self._check_system_vals(vals_list, creating=True)
        self._check_value_vals(vals_list)
        now = fields.Datetime.now()
        for vals in vals_list:
            # one instant for the whole batch: the checks see the stored date
            vals["date"] = fields.Datetime.to_datetime(vals.get("date")) or now
        if not (self.env.su and self.env.context.get("maintenance_readings_checked")):
            errors, _duplicates = self._check_batch(vals_list)
            if errors:
                raise ValidationError("\n".join(errors))
        Meter = self.env["maintenance.meter"].sudo()
        for vals in vals_list:
            if vals.get("meter_id") and vals.get("value") is not None:
                meter = Meter.browse(vals["meter_id"])
                vals["is_out_of_range"] = bool(meter._out_of_range(vals["value"]))
        readings = super().create(vals_list)
        readings._check_task_open()
        readings._update_meters()
        readings._raise_alerts()
        return readings

    def write(self, vals):
        self._check_system_vals([vals])
        self._check_value_vals([vals])
        self._check_task_open()
        checked = {"meter_id", "value", "date"} & set(vals)
        if checked:
            new_vals = [
                {
                    "meter_id": vals.get("meter_id", reading.meter_id.id),
                    "value": vals.get("value", reading.value),
                    "date": fields.Datetime.to_datetime(vals.get("date")) or reading.date,
                }
                for reading in self
            ]
            errors, _duplicates = self._check_batch(new_vals, exclude_ids=self.ids)
            if errors:
                raise ValidationError("\n".join(errors))
            old_meters = self.meter_id
        res = super().write(vals)
        if "task_id" in vals:
            self._check_task_open()
            if not self.env.su:
                # the record rules again, on the reading as written: a
                # technician cannot move a reading to a task not theirs
                self.check_access("write")
        if checked:
            if "value" in vals or "meter_id" in vals:
                for reading in self.sudo():
                    reading.is_out_of_range = bool(reading.meter_id._out_of_range(reading.value))
            self._recompute_meter_last(old_meters | self.meter_id)
            self._raise_alerts()
        return res

    @api.ondelete(at_uninstall=False)
    def _unlink_except_task_closed(self):
        self._check_task_open()

    def unlink(self):
        meters = self.meter_id
        res = super().unlink()
        self._recompute_meter_last(meters)
        return res

    def _check_task_open(self):
        """Technicians record readings on their open tasks only; nobody changes
        those of a done task."""
        closed = self.task_id._frozen_for_user()
        if closed:
            raise UserError(
                self.env._(
                    "Task %(task)s is closed: its readings can no longer be changed.",
                    task=closed[0].display_name,
                )
            )

    # sensor gateway ---------------------------------------------------------

    @api.model
    def _import_sensor_readings(self, payload):
        """Check and store a batch pushed by a sensor gateway.

        ``payload``: ``{"readings": [{"meter": id or code, "value": 12.5,
        "date": "2027-01-05T08:00:00Z", "unit": "kWh"}, ...]}``; dates
        without a time zone are UTC, a missing date is now.

        Returns ``(readings, duplicates, errors)``: when ``errors`` (a list
        of sentences) is not empty, nothing was stored. A reading identical
        to a stored one (same meter, date and value: a gateway sending a
        batch again) is skipped and counted in ``duplicates``.
        """
        Reading = self.browse()
        if not isinstance(payload, dict) or not isinstance(payload.get("readings"), list):
            return (
                Reading,
                0,
                [self.env._('The body must be a JSON object with a list "readings".')],
            )
        items = payload["readings"]
        if not items:
            return Reading, 0, [self.env._('The list "readings" is empty.')]
        if len(items) > MAX_SENSOR_BATCH:
            return (
                Reading,
                0,
                [
                    self.env._(
                        "Too many readings in one call (%(count)s): send at most %(max)s.",
                        count=len(items),
                        max=MAX_SENSOR_BATCH,
                    )
                ],
            )
        meters = self._sensor_meters(items)
        by_id = {meter.id: meter for meter in meters}
        by_code = {meter.code: meter for meter in meters if meter.code}
        now = fields.Datetime.now()
        errors, vals_list = [], []
        for index, item in enumerate(items, start=1):
            vals, error = self._sensor_item_vals(item, by_id, by_code, now)
            if error:
                errors.append(self.env._("Reading %(index)s: %(error)s", index=index, error=error))
            else:
                vals_list.append(vals)
        if errors:
            return Reading, 0, errors
        # sudo: the gateway user has no right on readings and meters: this
        # endpoint is its only way in, and checks everything itself
        Reading = self.sudo()
        errors, duplicates = Reading._check_batch(vals_list, skip_duplicates=True)
        if errors:
            return self.browse(), 0, errors
        vals_list = [vals for index, vals in enumerate(vals_list) if index not in duplicates]
        readings = Reading.with_context(maintenance_readings_checked=True).create(vals_list)
        return readings, len(duplicates), []

    @api.model
    def _sensor_meters(self, items):
        """The active meters of the user's companies named by ``items`` (by
        id or code), in one query."""
        ids, codes = set(), set()
        for item in items:
            meter = item.get("meter") if isinstance(item, dict) else None
            if isinstance(meter, int) and not isinstance(meter, bool):
                ids.add(meter)
            elif isinstance(meter, str) and meter.strip():
                codes.add(meter.strip())
        if not ids and not codes:
            return self.env["maintenance.meter"]
        # sudo: see _import_sensor_readings; restricted to the user's companies
        return (
            self.env["maintenance.meter"]
            .sudo()
            .search(
                [
                    ("company_id", "in", self.env.user.company_ids.ids),
                    "|",
                    ("id", "in", list(ids)),
                    ("code", "in", list(codes)),
                ]
            )
        )

    @api.model
    def _sensor_item_vals(self, item, by_id, by_code, now):
        """(values to create, None) or (None, what is wrong) for one item."""
        if not isinstance(item, dict):
            return None, self.env._("each reading must be a JSON object.")
        meter, error = self._sensor_item_meter(item.get("meter"), by_id, by_code)
        if not error:
            error = self._sensor_item_value_error(item, meter)
        if not error:
            date, error = self._sensor_item_date(item.get("date"), now)
        if error:
            return None, error
        return {
            "meter_id": meter.id,
            "value": float(item["value"]),
            "date": date,
            "source": "sensor",
        }, None

    @api.model
    def _sensor_item_meter(self, meter_ref, by_id, by_code):
        """(meter, None) or (None, what is wrong) for the "meter" of an item."""
        if meter_ref is None or isinstance(meter_ref, bool) or meter_ref == "":
            return None, self.env._('"meter" is missing (the id or the code of the meter).')
        if isinstance(meter_ref, int):
            meter = by_id.get(meter_ref)
        elif isinstance(meter_ref, str):
            meter = by_code.get(meter_ref.strip())
        else:
            return None, self.env._('"meter" must be the id or the code of the meter.')
        if not meter:
            return None, self.env._("unknown meter %(meter)s.", meter=_echo(meter_ref))
        return meter, None

    @api.model
    def _sensor_item_value_error(self, item, meter):
        """What is wrong with the "value" and "unit" of an item, or None."""
        value, unit = item.get("value"), item.get("unit")
        if not isinstance(value, (int, float)) or isinstance(value, bool):
            return self.env._('"value" must be a number.')
        try:
            value = float(value)
        except OverflowError:  # an integer of hundreds of digits
            value = math.inf
        if not math.isfinite(value) or abs(value) > MAX_VALUE:
            return self.env._(
                '"value" must be a number between -%(max)s and %(max)s.', max=f"{MAX_VALUE:g}"
            )
        if unit is not None and not isinstance(unit, str):
            return self.env._('"unit" must be a text, e.g. "kWh".')
        if unit and meter.unit and unit.strip().casefold() != meter.unit.strip().casefold():
            return self.env._(
                "unit %(unit)s does not match the unit of meter %(meter)s (%(meter_unit)s).",
                unit=_echo(unit),
                meter=meter.code or meter.id,
                meter_unit=meter.unit,
            )
        return None

    @api.model
    def _sensor_item_date(self, value, now):
        """(date, None) or (None, what is wrong) for the "date" of an item
        (now when it has none)."""
        if value is None:
            return now, None
        date = self._parse_sensor_date(value)
        if not date:
            return None, self.env._(
                '"date" must be an ISO 8601 date and time, e.g. "2027-01-05T08:00:00Z".'
            )
        if date > now + FUTURE_TOLERANCE:
            return None, self.env._("the date %(date)s is in the future.", date=value)
        return date, None

    @api.model
    def _parse_sensor_date(self, value):
        """A naive UTC datetime from an ISO 8601 string, or None."""
        if not isinstance(value, str):
            return None
        try:
            date = datetime.fromisoformat(value.strip())
        except ValueError:
            return None
        if date.tzinfo:
            date = date.astimezone(timezone.utc).replace(tzinfo=None)
        return date.replace(microsecond=0)

    # checks -------------------------------------------------------------------

    @api.model
    def _check_batch(self, vals_list, exclude_ids=(), skip_duplicates=False):
        """Check new readings against each other and against the stored
        ones, whatever the user may read (sudo: the previous reading may come
        from a sensor or another technician).

        Returns ``(errors, duplicates)``: sentences naming each refused
        reading, and the indexes of readings identical to stored ones when
        ``skip_duplicates`` (they are errors otherwise)."""
        errors, duplicates = [], set()
        entries = [
            (index, vals)
            for index, vals in enumerate(vals_list, start=1)
            if vals.get("meter_id") and vals.get("date") and vals.get("value") is not None
        ]
        if not entries:
            return errors, duplicates
        Meter = self.env["maintenance.meter"].sudo()
        meters = Meter.browse({vals["meter_id"] for _index, vals in entries})
        self._lock_meters(meters)
        neighbours = self._stored_neighbours(
            [(vals["meter_id"], vals["date"]) for _index, vals in entries], exclude_ids
        )
        by_meter = defaultdict(list)
        for index, vals in entries:
            by_meter[vals["meter_id"]].append((vals["date"], index, vals["value"]))
        for meter_id, readings in by_meter.items():
            meter = Meter.browse(meter_id)
            readings.sort()
            previous = None
            for date, index, value in readings:
                prev_date, prev_value, next_date, next_value = neighbours[meter_id, date]
                if prev_date == date:
                    if skip_duplicates and not float_compare(prev_value, value, precision_digits=3):
                        duplicates.add(index - 1)
                        continue
                    errors.append(
                        self.env._(
                            "Reading %(index)s: meter %(meter)s already has a reading "
                            "on %(date)s (%(value)s).",
                            index=index,
                            meter=meter.display_name,
                            date=format_datetime(self.env, date),
                            value=f"{prev_value:g}",
                        )
                    )
                    continue
                if previous and previous[0] == date:
                    errors.append(
                        self.env._(
                            "Reading %(index)s: meter %(meter)s is read twice on %(date)s "
                            "in the same batch.",
                            index=index,
                            meter=meter.display_name,
                            date=format_datetime(self.env, date),
                        )
                    )
                    continue
                if meter.kind == "counter":
                    before = [(prev_date, prev_value)] if prev_date else []
                    if previous:
                        before.append((previous[0], previous[2]))
                    last_before = max(before, default=None)
                    if last_before and value < last_before[1]:
                        errors.append(
                            self.env._(
                                "Reading %(index)s: %(meter)s is a counter: %(value)s is "
                                "lower than the previous reading (%(previous)s on %(date)s).",
                                index=index,
                                meter=meter.display_name,
                                value=f"{value:g}",
                                previous=f"{last_before[1]:g}",
                                date=format_datetime(self.env, last_before[0]),
                            )
                        )
                    elif next_date and value > next_value:
                        errors.append(
                            self.env._(
                                "Reading %(index)s: %(meter)s is a counter: %(value)s is "
                                "higher than the next reading (%(next)s on %(date)s).",
                                index=index,
                                meter=meter.display_name,
                                value=f"{value:g}",
                                next=f"{next_value:g}",
                                date=format_datetime(self.env, next_date),
                            )
                        )
                previous = (date, index, value)
        return errors, duplicates

    @api.model
    def _lock_meters(self, meters):
        """Serialize the batches on the same meters: a no-op update of the
        meter rows makes a concurrent batch on one of them fail with a
        serialization error, and the server runs it again (with fresh data)
        instead of checking a counter against a stale previous reading."""
        if meters:
            self.env.cr.execute(
                SQL(
                    "UPDATE maintenance_meter SET last_date = last_date WHERE id = ANY(%s)",
                    sorted(meters.ids),
                )
            )

    @api.model
    def _stored_neighbours(self, meter_dates, exclude_ids=()):
        """{(meter id, date): (previous date, previous value, next date,
        next value)}: the stored readings just before (or at) and just after
        each date, in one query."""
        self.env["maintenance.meter.reading"].flush_model(["meter_id", "date", "value"])
        keys = sorted(set(meter_dates))
        rows = SQL(", ").join(SQL("(%s, %s::timestamp)", meter_id, date) for meter_id, date in keys)
        exclude = SQL("AND r.id != ALL(%s)", list(exclude_ids)) if exclude_ids else SQL()
        self.env.cr.execute(
            SQL(
                """
                SELECT v.meter_id, v.date, prev.date, prev.value, nxt.date, nxt.value
                  FROM (VALUES %(rows)s) AS v(meter_id, date)
                  LEFT JOIN LATERAL (
                        SELECT r.date, r.value FROM maintenance_meter_reading r
                         WHERE r.meter_id = v.meter_id AND r.date <= v.date %(exclude)s
                         ORDER BY r.date DESC, r.id DESC LIMIT 1
                  ) prev ON TRUE
                  LEFT JOIN LATERAL (
                        SELECT r.date, r.value FROM maintenance_meter_reading r
                         WHERE r.meter_id = v.meter_id AND r.date > v.date %(exclude)s
                         ORDER BY r.date, r.id LIMIT 1
                  ) nxt ON TRUE
                """,
                rows=rows,
                exclude=exclude,
            )
        )
        return {
            (meter_id, date): neighbours for meter_id, date, *neighbours in self.env.cr.fetchall()
        }

    # side effects ---------------------------------------------------------

    def _update_meters(self):
        """Keep the last reading of each meter (sudo: technicians and
        sensors cannot write on meters)."""
        latest = {}
        for reading in self.sudo():
            current = latest.get(reading.meter_id)
            if not current or (reading.date, reading.id) > (current.date, current.id):
                latest[reading.meter_id] = reading
        for meter, reading in latest.items():
            if not meter.last_date or reading.date >= meter.last_date:
                meter.last_value = reading.value
                meter.last_date = reading.date

    @api.model
    def _recompute_meter_last(self, meters):
        meters = meters.sudo().exists()
        if not meters:
            return
        self.flush_model(["meter_id", "date", "value"])
        self.env.cr.execute(
            SQL(
                """
                SELECT DISTINCT ON (meter_id) meter_id, value, date
                  FROM maintenance_meter_reading
                 WHERE meter_id = ANY(%s)
                 ORDER BY meter_id, date DESC, id DESC
                """,
                meters.ids,
            )
        )
        last = {meter_id: (value, date) for meter_id, value, date in self.env.cr.fetchall()}
        for meter in meters:
            meter.last_value, meter.last_date = last.get(meter.id, (0.0, False))

    def _raise_alerts(self):
        """Open a corrective dossier for each meter read out of range,
        unless a dossier opened by an alert of that meter is still open:
        then the reading is only linked to it (one dossier per problem,
        not one per reading)."""
        alerts = self.sudo().filtered(lambda reading: reading.is_out_of_range)
        if not alerts:
            return
        # sudo: technicians and sensors cannot create dossiers; the alert
        # is the company's, not theirs
        Intervention = self.env["maintenance.intervention"].sudo()
        open_dossiers = Intervention.search(
            [("meter_id", "in", alerts.meter_id.ids), ("state", "not in", ("done", "cancelled"))]
        )
        dossier_by_meter = {dossier.meter_id: dossier for dossier in open_dossiers}
        first_alert = {}
        for reading in alerts.sorted(lambda reading: (reading.date, reading.id)):
            if reading.meter_id not in dossier_by_meter:
                first_alert.setdefault(reading.meter_id, reading)
        if first_alert:
            created = Intervention.create(
                [reading._alert_dossier_vals() for reading in first_alert.values()]
            )
            dossier_by_meter.update(zip(first_alert, created, strict=True))
        for reading in alerts:
            reading.alert_intervention_id = dossier_by_meter[reading.meter_id]

    def _alert_dossier_vals(self):
        self.ensure_one()
        meter, equipment = self.meter_id, self.equipment_id
        direction = meter._out_of_range(self.value)
        threshold = meter.min_threshold if direction == "low" else meter.max_threshold
        unit = f" {meter.unit}" if meter.unit else ""
        # the dossier is the company's (and the customer's): its time in the
        # company's zone, not the sensor gateway's
        tz = meter.company_id._maintenance_tz()
        if direction == "low":
            sentence = self.env._(
                "%(meter)s read %(value)s%(unit)s on %(date)s: below its minimum "
                "(%(threshold)s%(unit)s).",
                meter=meter.name,
                value=f"{self.value:g}",
                unit=unit,
                date=format_datetime(self.env, self.date, tz=tz),
                threshold=f"{threshold:g}",
            )
        else:
            sentence = self.env._(
                "%(meter)s read %(value)s%(unit)s on %(date)s: above its maximum "
                "(%(threshold)s%(unit)s).",
                meter=meter.name,
                value=f"{self.value:g}",
                unit=unit,
                date=format_datetime(self.env, self.date, tz=tz),
                threshold=f"{threshold:g}",
            )
        return {
            "intervention_type": "corrective",
            "priority": "1",
            "company_id": meter.company_id.id,
            "site_id": equipment.site_id.id,
            "equipment_ids": [fields.Command.set(equipment.ids)],
            "meter_id": meter.id,
            "user_id": False,
            "description": Markup("<p>%s</p><p>%s</p>")
            % (
                self.env._(
                    "Opened automatically by a meter alert on %(equipment)s.",
                    equipment=equipment.display_name,
                ),
                sentence,
            ),
        }
