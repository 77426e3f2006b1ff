# Copyright 2026 Seed maintainers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The work clock offered to the add-ons that build on planning (billing's
out-of-hours split), so that they measure working hours the way the
committed times do, without importing this module's path."""

from datetime import timedelta

from odoo import models

from .maintenance_commitment_clock import WorkClock


class ResourceCalendar(models.Model):
    _inherit = "resource.calendar"

    def _maintenance_working_hours(self, spans):
        """[working hours of each ``(start, stop)`` of ``spans``] (naive UTC
        datetimes) in this calendar, its leaves and public holidays excluded;
        every hour (24/7) on an empty calendar. One read of the calendar over
        the whole span."""
        if len(self) > 1:
            raise ValueError("_maintenance_working_hours expects one calendar at most")
        if not spans:
            return []
        start = min(begin for begin, _end in spans) - timedelta(days=1)
        stop = max(end for _begin, end in spans) + timedelta(days=1)
        clock = WorkClock(self or None, start, stop)
        return [clock.measure(begin, end) for begin, end in spans]
