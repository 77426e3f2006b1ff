# Copyright 2026 Seed maintainers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import format_datetime

from .maintenance_task import OPEN_STATES


class MaintenanceTask(models.Model):
    """Check-in and check-out on a task: the technician's arrival on site and
    departure, with the position the phone gives, and the time on site and
    travelling computed from them."""

    _inherit = "maintenance.task"

    # check-in / check-out ---------------------------------------------------
    checkin_ids = fields.One2many(
        comodel_name="maintenance.task.checkin",
        inverse_name="task_id",
        string="Check-ins",
        readonly=True,
    )
    is_checked_in = fields.Boolean(
        string="Checked in",
        compute="_compute_is_checked_in",
        help="The current user has checked in on this task and not checked out yet.",
    )
    checkin_count = fields.Integer(string="Number of check-ins", compute="_compute_checkin_times")
    time_on_site = fields.Float(
        string="Time on site",
        compute="_compute_checkin_times",
        help="In hours, from the check-ins and check-outs.",
    )
    travel_time = fields.Float(
        string="Travel time",
        compute="_compute_checkin_times",
        help="In hours, from the technicians' previous check-out of the day.",
    )
    has_far_checkin = fields.Boolean(
        compute="_compute_checkin_times",
        string="Far check-in",
        help="A check-in was recorded far from the site.",
    )

    @api.depends_context("uid")
    def _compute_is_checked_in(self):
        open_task_ids = set(
            self.env["maintenance.task.checkin"]
            .search(
                [
                    ("task_id", "in", self.ids),
                    ("user_id", "=", self.env.uid),
                    ("check_out", "=", False),
                ]
            )
            .task_id.ids
        )
        for task in self:
            task.is_checked_in = task.id in open_task_ids

    def _compute_checkin_times(self):
        groups = {
            task: (count, on_site, travel, far)
            for task, count, on_site, travel, far in self.env[
                "maintenance.task.checkin"
            ]._read_group(
                [("task_id", "in", self.ids)],
                ["task_id"],
                ["__count", "duration:sum", "travel_duration:sum", "is_far:bool_or"],
            )
        }
        for task in self:
            count, on_site, travel, far = groups.get(task, (0, 0.0, 0.0, False))
            task.checkin_count = count
            task.time_on_site = on_site
            task.travel_time = travel
            task.has_far_checkin = far

    def action_check_in(self, latitude=None, longitude=None, accuracy=None):
        """Record the arrival of the current user on the site of the task,
        with the position given by the phone when it gave one. A check-in
        far from the site is flagged, not refused. Starts the task."""
        self.ensure_one()
        self._check_can_work()
        if self.state not in OPEN_STATES:
            raise UserError(
                self.env._(
                    "Task %(task)s is closed or cancelled: you cannot check in on it.",
                    task=self.display_name,
                )
            )
        # sudo: check-ins are only created here, after the checks above
        Checkin = self.env["maintenance.task.checkin"].sudo()
        open_checkin = Checkin.search(
            [("user_id", "=", self.env.uid), ("check_out", "=", False)], limit=1
        )
        if open_checkin.task_id == self:
            raise UserError(
                self.env._(
                    "You are already checked in on this task since %(time)s: check out first.",
                    time=format_datetime(self.env, open_checkin.check_in, dt_format="short"),
                )
            )
        if open_checkin:
            raise UserError(
                self.env._(
                    "You are still checked in on task %(task)s: check out of it first.",
                    task=open_checkin.task_id.display_name,
                )
            )
        now = self._action_now()
        previous = Checkin.search(
            [
                ("user_id", "=", self.env.uid),
                ("check_out", "!=", False),
                ("check_out", "<=", now),
            ],
            order="check_out desc, id desc",
            limit=1,
        )
        travel = 0.0
        if previous and self._local_date(previous.check_out) == self._local_date(now):
            travel = (now - previous.check_out).total_seconds() / 3600.0
        latitude, longitude, accuracy = self._clean_position(latitude, longitude, accuracy)
        checkin = Checkin.create(
            {
                "task_id": self.id,
                "user_id": self.env.uid,
                "check_in": now,
                "travel_duration": travel,
                **Checkin._position_vals(self, latitude, longitude, accuracy),
            }
        )
        if self.state == "todo":
            self.write({"state": "in_progress"})
        self._invalidate_checkin_times()
        return checkin._summary()

    def action_check_out(self, latitude=None, longitude=None, accuracy=None):
        """Record the departure of the current user from the site."""
        self.ensure_one()
        self._check_can_work()
        # sudo: see action_check_in
        Checkin = self.env["maintenance.task.checkin"].sudo()
        checkin = Checkin.search(
            [("task_id", "=", self.id), ("user_id", "=", self.env.uid), ("check_out", "=", False)],
            limit=1,
        )
        if not checkin:
            raise UserError(
                self.env._(
                    "You are not checked in on task %(task)s: check in first.",
                    task=self.display_name,
                )
            )
        latitude, longitude, accuracy = self._clean_position(latitude, longitude, accuracy)
        checkin.write(
            {
                "check_out": max(self._action_now(), checkin.check_in),
                **Checkin._position_vals(self, latitude, longitude, accuracy, prefix="out_"),
            }
        )
        self._invalidate_checkin_times()
        return checkin._summary()

    @api.readonly
    def action_view_checkins(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "maintenance_planning.maintenance_task_checkin_action"
        )
        action["domain"] = [("task_id", "=", self.id)]
        action["context"] = {}
        return action

    def _check_can_work(self):
        """Only the technicians of a task or an operations manager check in
        and out on it."""
        refused = self._not_assigned_to_me()
        if refused:
            raise UserError(
                self.env._(
                    "Task %(task)s is not assigned to you: only its technicians or an "
                    "operations manager can check in and out on it.",
                    task=refused[0].name,
                )
            )

    @api.model
    def _clean_position(self, latitude, longitude, accuracy):
        """The position sent by the phone, or (None, None, None) when it
        sent none or nonsense."""
        try:
            latitude, longitude = float(latitude), float(longitude)
        except (TypeError, ValueError):
            return None, None, None
        if not (-90.0 <= latitude <= 90.0 and -180.0 <= longitude <= 180.0):
            return None, None, None
        try:
            accuracy = abs(float(accuracy)) if accuracy is not None else None
        except (TypeError, ValueError):
            accuracy = None
        return latitude, longitude, accuracy

    def _invalidate_checkin_times(self):
        """The figures computed from the check-ins change with them."""
        self.invalidate_recordset(
            ["is_checked_in", "checkin_count", "time_on_site", "travel_time", "has_far_checkin"]
        )

    def _check_out_all(self):
        """Closing a task checks out whoever is still checked in on it."""
        # sudo: the closer may be another technician of the task
        open_checkins = (
            self.env["maintenance.task.checkin"]
            .sudo()
            .search([("task_id", "in", self.ids), ("check_out", "=", False)])
        )
        if open_checkins:
            now = self._action_now()
            # a departure is never before its arrival (an offline closing
            # dated before another technician's later arrival)
            later = open_checkins.filtered(lambda checkin: checkin.check_in > now)
            (open_checkins - later).write({"check_out": now})
            for checkin in later:
                checkin.check_out = checkin.check_in
            self._invalidate_checkin_times()
