# Copyright 2026 Seed maintainers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from math import asin, cos, radians, sin, sqrt

from odoo import api, fields, models

EARTH_RADIUS_M = 6371008.8


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
            f"{prefix}distance_m": 0.0,
        }
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
            "distance_m": round(self.distance_m),
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
