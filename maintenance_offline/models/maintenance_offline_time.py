# Copyright 2026 Seed maintainers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The time an offline action is recorded at: the phone's, within bounds."""

from datetime import datetime, time, timedelta

import pytz

from odoo import api, models
from odoo.tools import format_datetime

# a phone's clock further off than this from the server's is flagged; the
# same margin is allowed before the task's creation or the request's
# reception (a phone a few minutes behind)
CLOCK_TOLERANCE = timedelta(minutes=10)
# a device time is plausible from a week back (a phone offline over a long
# weekend) to a few minutes ahead (the readings' own tolerance)
MAX_AGE = timedelta(days=7)
FUTURE_TOLERANCE = timedelta(minutes=5)


class MaintenanceOfflineAction(models.Model):
    _inherit = "maintenance.offline.action"

    @api.model
    def _sync_time_bounds(self, tasks):
        """{task id: [(earliest plausible time, reason)]} for the tasks of a
        batch: not before the task was created, nor before the day before
        its planned day (the phone carries tomorrow's tasks: a technician
        may start one a day early), nor before what the add-ons say
        (``_maintenance_earliest_times``: the reception of the customer's
        request of its dossier)."""
        earliest = tasks._maintenance_earliest_times()
        tz = pytz.timezone(self.env.user.tz or "UTC")
        bounds = {}
        for task in tasks:
            task_bounds = [
                (
                    task.create_date - CLOCK_TOLERANCE,
                    self.env._(
                        "before the task was created (%(time)s)",
                        time=format_datetime(self.env, task.create_date),
                    ),
                )
            ]
            if task.planned_start:
                planned_day = pytz.utc.localize(task.planned_start).astimezone(tz).date()
                day_before = (
                    tz.localize(datetime.combine(planned_day - timedelta(days=1), time.min))
                    .astimezone(pytz.utc)
                    .replace(tzinfo=None)
                )
                task_bounds.append(
                    (
                        day_before,
                        self.env._(
                            "more than a day before the task's planned day (%(time)s)",
                            time=format_datetime(self.env, task.planned_start),
                        ),
                    )
                )
            task_bounds.extend(
                (moment - CLOCK_TOLERANCE, reason) for moment, reason in earliest.get(task.id, ())
            )
            bounds[task.id] = task_bounds
        return bounds

    @api.model
    def _bounded_time(self, task, device_time, device_clock, context):
        """(recorded time, flagged, note) of an action: the phone's time when
        it is within bounds, else the server's reception time, flagged with
        the reasons. Bounds: not more than a week back, not before the task
        existed or was planned (see ``_sync_time_bounds``), not before its
        request's reception, not after the server's reception (a phone a
        few minutes ahead is brought back silently), not after the phone's
        own clock when it sent the batch (its time changed in between)."""
        server_now = context["server_now"]
        if not device_time:
            return server_now, False, False
        reasons = []
        recorded = min(device_time, server_now)
        if device_time > server_now + FUTURE_TOLERANCE:
            reasons.append(self.env._("after its reception by the server"))
        if device_clock and device_time > device_clock + FUTURE_TOLERANCE:
            reasons.append(
                self.env._(
                    "after the phone's own clock when it sent the actions (%(time)s): the "
                    "phone's time was changed in between",
                    time=format_datetime(self.env, device_clock),
                )
            )
        if device_time < server_now - MAX_AGE:
            reasons.append(self.env._("more than 7 days before its reception"))
        for bound, reason in context["bounds"].get(task.id, ()):
            if device_time < bound:
                reasons.append(reason)
        if not reasons:
            return recorded, False, False
        note = self.env._(
            "The phone's time %(time)s is not plausible: %(reasons)s. The reception time "
            "%(received)s was recorded instead.",
            time=format_datetime(self.env, device_time),
            reasons="; ".join(reasons),
            received=format_datetime(self.env, server_now),
        )
        return server_now, True, note
