# Copyright 2026 Seed maintainers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from math import asin, cos, radians, sin, sqrt

from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import UserError

EARTH_RADIUS_M = 6371008.8
# a visit longer than this is not plausible without a word from the
# operations manager: flagged, and not billed until they confirm it
LONG_VISIT_HOURS = 12.0


def haversine_m(lat1, lon1, lat2, lon2):
    """Great-circle distance in metres between two points (decimal degrees)."""
    phi1, phi2 = radians(lat1), radians(lat2)
    dphi, dlambda = radians(lat2 - lat1), radians(lon2 - lon1)
    a = sin(dphi / 2) ** 2 + cos(phi1) * cos(phi2) * sin(dlambda / 2) ** 2
    return 2 * EARTH_RADIUS_M * asin(min(1.0, sqrt(a)))


class MaintenanceTaskCheckin(models.Model):
    """A technician's arrival on site (check-in) and departure (check-out)
    for a task. A task may have several pairs, e.g. when the technician
    leaves to fetch a part. Created and closed by the task's
    ``action_check_in`` / ``action_check_out`` only."""

    _name = "maintenance.task.checkin"
    _description = "Task check-in"
    _order = "check_in desc, id desc"
    _rec_name = "task_id"
    _check_company_auto = True

    task_id = fields.Many2one(
        comodel_name="maintenance.task",
        string="Task",
        required=True,
        index=True,
        ondelete="cascade",
        check_company=True,
    )
    user_id = fields.Many2one(
        comodel_name="res.users",
        string="Technician",
        required=True,
        index=True,
        default=lambda self: self.env.user,
    )
    company_id = fields.Many2one(
        related="task_id.company_id", store=True, index=True, precompute=True, string="Company"
    )
    intervention_id = fields.Many2one(
        related="task_id.intervention_id", store=True, index=True, precompute=True
    )
    site_id = fields.Many2one(related="task_id.site_id", string="Installed site")
    check_in = fields.Datetime(string="Arrival", required=True, default=fields.Datetime.now)
    check_out = fields.Datetime(string="Departure", index=True)
    duration = fields.Float(
        string="Time on site",
        compute="_compute_duration",
        store=True,
        help="In hours, from arrival to departure.",
    )
    travel_duration = fields.Float(
        string="Travel time",
        readonly=True,
        help="In hours, from the technician's previous departure the same day.",
    )
    latitude = fields.Float(digits=(10, 7), readonly=True)
    longitude = fields.Float(digits=(10, 7), readonly=True)
    accuracy = fields.Float(string="Accuracy (m)", digits=(10, 1), readonly=True)
    has_position = fields.Boolean(
        string="Position known",
        readonly=True,
        help="The phone gave its position at arrival.",
    )
    distance_m = fields.Float(
        string="Distance to the site (m)",
        digits=(10, 0),
        readonly=True,
        help="Between the position at arrival and the coordinates of the site.",
    )
    distance_known = fields.Boolean(string="Distance measured", readonly=True)
    is_far = fields.Boolean(
        string="Far from the site",
        readonly=True,
        index=True,
        help="The arrival was recorded farther from the site than the radius set in "
        "the settings. The check-in is kept: it is only flagged.",
    )
    out_latitude = fields.Float(string="Departure latitude", digits=(10, 7), readonly=True)
    out_longitude = fields.Float(string="Departure longitude", digits=(10, 7), readonly=True)
    out_accuracy = fields.Float(string="Departure accuracy (m)", digits=(10, 1), readonly=True)
    out_has_position = fields.Boolean(string="Departure position known", readonly=True)
    out_distance_m = fields.Float(
        string="Departure distance to the site (m)", digits=(10, 0), readonly=True
    )
    out_distance_known = fields.Boolean(
        string="Departure distance measured", compute="_compute_out_distance_known"
    )

    time_flagged = fields.Boolean(
        string="Phone time corrected",
        readonly=True,
        index=True,
        help="The phone sent an arrival or departure time that was not plausible (before "
        "the task existed or was planned, before the customer's request, after its "
        "reception): the server's reception time was recorded instead. The phone's time "
        "is kept in the offline journal.",
    )
    is_long = fields.Boolean(
        string="Unusually long visit",
        compute="_compute_is_long",
        store=True,
        help="More than 12 hours on site: the operations manager confirms the duration "
        "before it is billed.",
    )
    to_confirm = fields.Boolean(
        string="Duration to confirm",
        compute="_compute_is_long",
        store=True,
        index=True,
        help="An unusually long visit the operations manager has not confirmed yet: its "
        "time is not billed.",
    )
    duration_confirmed_by = fields.Many2one(
        comodel_name="res.users", string="Duration confirmed by", readonly=True
    )
    duration_confirmed_on = fields.Datetime(string="Duration confirmed on", readonly=True)
    confirm_activity_id = fields.Many2one(
        comodel_name="mail.activity",
        string="Confirmation activity",
        readonly=True,
        ondelete="set null",
    )

    _check_out_after_check_in = models.Constraint(
        "CHECK(check_out IS NULL OR check_out >= check_in)",
        "The departure cannot be before the arrival.",
    )
    # a technician is on one site at a time: also stops a double tap from
    # opening two check-ins (the second transaction fails on this index)
    _one_open_checkin_per_user = models.UniqueIndex(
        "(user_id) WHERE check_out IS NULL",
        "You are already checked in: check out first.",
    )

    @api.depends("check_in", "check_out")
    def _compute_duration(self):
        for checkin in self:
            if checkin.check_in and checkin.check_out:
                checkin.duration = (checkin.check_out - checkin.check_in).total_seconds() / 3600.0
            else:
                checkin.duration = 0.0

    @api.depends("out_has_position", "site_id.partner_latitude", "site_id.partner_longitude")
    def _compute_out_distance_known(self):
        for checkin in self:
            site = checkin.site_id
            checkin.out_distance_known = checkin.out_has_position and bool(
                site.partner_latitude or site.partner_longitude
            )

    @api.depends("duration", "duration_confirmed_by")
    def _compute_is_long(self):
        for checkin in self:
            checkin.is_long = checkin.duration > LONG_VISIT_HOURS
            checkin.to_confirm = checkin.is_long and not checkin.duration_confirmed_by

    @api.model_create_multi
    def create(self, vals_list):
        checkins = super().create(vals_list)
        checkins._notify_long_visits()
        return checkins

    def write(self, vals):
        res = super().write(vals)
        if {"check_in", "check_out"} & set(vals):
            self._notify_long_visits()
        return res

    def action_confirm_duration(self):
        """Operations managers: the long visit did last that long; its time
        is billed."""
        if not self.env.user.has_group("maintenance_contracts.group_maintenance_manager"):
            raise UserError(
                self.env._("Only an operations manager can confirm the duration of a visit.")
            )
        todo = self.filtered("to_confirm")
        todo.write(
            {"duration_confirmed_by": self.env.uid, "duration_confirmed_on": fields.Datetime.now()}
        )
        for checkin in todo.filtered("confirm_activity_id"):
            # sudo: the activity may be another operations manager's
            checkin.confirm_activity_id.sudo().action_feedback(
                feedback=self.env._(
                    "Duration of %(duration)s confirmed by %(user)s.",
                    duration=self._format_hours(checkin.duration),
                    user=self.env.user.name,
                )
            )
        return True

    def _notify_long_visits(self):
        """A to-do activity for the operations manager of each unusually long
        visit not confirmed yet, on its task, linking to the check-in."""
        long_visits = self.filtered(lambda c: c.to_confirm and not c.confirm_activity_id)
        if not long_visits:
            return
        # sudo: the technician checking out cannot schedule an activity for
        # the operations manager; the check-in was recorded as them
        long_visits = long_visits.sudo()
        managers = long_visits.task_id._operations_managers()
        for checkin in long_visits:
            manager = managers[checkin.task_id]
            if not manager:
                continue
            task = checkin.task_id.with_context(lang=manager.lang or self.env.lang, tz=manager.tz)
            env = task.env
            activity = task.activity_schedule(
                "mail.mail_activity_data_todo",
                user_id=manager.id,
                summary=env._(
                    "Visit of %(duration)s to confirm (%(user)s)",
                    duration=self._format_hours(checkin.duration),
                    user=checkin.user_id.name,
                ),
                note=Markup(
                    '<p>%s</p><p><a href="/odoo/%s/%s" data-oe-model="%s" data-oe-id="%s">'
                    "%s</a></p>"
                )
                % (
                    env._(
                        "%(user)s was on site %(duration)s, more than %(hours)s hours: this time "
                        "is not billed until you confirm it on the check-in.",
                        user=checkin.user_id.name,
                        duration=self._format_hours(checkin.duration),
                        hours=int(LONG_VISIT_HOURS),
                    ),
                    self._name,
                    checkin.id,
                    self._name,
                    checkin.id,
                    env._("Open the check-in"),
                ),
            )
            checkin.confirm_activity_id = activity

    @api.model
    def _position_vals(self, task, latitude, longitude, accuracy, prefix=""):
        """Values describing a position given by the phone (None when the
        browser gave none) and its distance to the site of ``task``."""
        site = task.site_id
        has_position = latitude is not None and longitude is not None
        vals = {
            f"{prefix}latitude": latitude if has_position else 0.0,
            f"{prefix}longitude": longitude if has_position else 0.0,
            f"{prefix}accuracy": accuracy or 0.0,
            f"{prefix}has_position": has_position,
        }
        # an unknown distance is not written: the column stays empty (NULL),
        # not 0 m, and the screens hide it (distance_known)
        site_known = bool(site and (site.partner_latitude or site.partner_longitude))
        if has_position and site_known:
            vals[f"{prefix}distance_m"] = haversine_m(
                latitude, longitude, site.partner_latitude, site.partner_longitude
            )
        if not prefix:
            vals["distance_known"] = has_position and site_known
            radius = task.company_id.maintenance_checkin_radius
            vals["is_far"] = vals["distance_known"] and vals["distance_m"] > radius
        return vals

    def _summary(self):
        """What the phone shows after a check-in or check-out."""
        self.ensure_one()
        if self.check_out:
            message = self.env._(
                "Checked out: %(duration)s on site.",
                duration=self._format_hours(self.duration),
            )
        elif self.is_far:
            message = self.env._(
                "Checked in %(distance)s from the site: this check-in is flagged for "
                "the operations manager.",
                distance=self._format_distance(self.distance_m),
            )
        elif not self.has_position:
            message = self.env._("Checked in, without position (the phone gave none).")
        else:
            message = self.env._("Checked in.")
        return {
            "id": self.id,
            "is_far": self.is_far,
            "has_position": self.has_position,
            "distance_m": round(self.distance_m) if self.distance_known else None,
            "message": message,
        }

    @api.model
    def _format_hours(self, hours):
        minutes = round(hours * 60)
        return f"{minutes // 60}h{minutes % 60:02d}"

    @api.model
    def _format_distance(self, metres):
        if metres >= 1000:
            return f"{metres / 1000:.1f} km"
        return f"{round(metres)} m"
