# Copyright 2026 Seed maintainers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The clock of the committed times: working intervals of a calendar read
once for a whole batch of requests (Odoo's ``resource.calendar`` engine, the
one ``plan_hours(..., compute_leaves=True)`` walks: attendances minus
leaves, public holidays included), minus each request's pauses.

Every datetime here is naive UTC, like the ORM's."""

from bisect import bisect_right
from datetime import datetime, timedelta

from pytz import utc

FAR = datetime(9999, 1, 1)


class WorkClock:
    """Working intervals of one calendar over a span (or every hour when
    ``calendar`` is None: 24/7), to plan and measure hours."""

    def __init__(self, calendar, start, stop):
        self.calendar = calendar
        self.start = start
        self.stop = stop
        if calendar is None:
            self.intervals = [(start, FAR)]
        else:
            intervals = calendar._work_intervals_batch(
                utc.localize(start), utc.localize(stop), compute_leaves=True
            )[False]
            self.intervals = [
                (
                    begin.astimezone(utc).replace(tzinfo=None),
                    end.astimezone(utc).replace(tzinfo=None),
                )
                for begin, end, _meta in intervals
            ]
        self.stops = [end for _begin, end in self.intervals]

    def segments(self, start, pauses=()):
        """Working segments from ``start`` on, ``pauses`` (sorted (start,
        stop) pairs) cut out."""
        for begin, end in self.intervals[bisect_right(self.stops, start) :]:
            pieces = [(max(begin, start), end)]
            for pause_start, pause_stop in pauses:
                cut = []
                for piece_start, piece_stop in pieces:
                    if pause_stop <= piece_start or pause_start >= piece_stop:
                        cut.append((piece_start, piece_stop))
                        continue
                    if piece_start < pause_start:
                        cut.append((piece_start, pause_start))
                    if pause_stop < piece_stop:
                        cut.append((pause_stop, piece_stop))
                pieces = cut
            yield from pieces

    def plan(self, start, hours, pauses=()):
        """The moment ``hours`` working hours after ``start``, or None when
        the span read is too short (the caller reads a longer one)."""
        left = timedelta(hours=hours)
        for begin, end in self.segments(start, pauses):
            if left <= end - begin:
                return begin + left
            left -= end - begin
        return None

    def measure(self, start, stop, pauses=()):
        """Working hours between ``start`` and ``stop``."""
        total = timedelta()
        for begin, end in self.segments(start, pauses):
            if begin >= stop:
                break
            total += min(end, stop) - begin
        return total.total_seconds() / 3600.0
