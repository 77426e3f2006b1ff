# Copyright 2026 Seed maintainers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The index values a batch of price revisions reads, and how they are
named to users."""

from bisect import bisect_left
from collections import defaultdict
from decimal import Decimal

from dateutil.relativedelta import relativedelta

from odoo import fields
from odoo.tools import format_date

from .maintenance_price_revision_formula import to_decimal


class MissingIndex(Exception):
    """An index value needed by a revision is not in the registry: the
    contract is not revised and the message says what to load."""


def month_label(date):
    """The month as stored in a revision's index values (2026-10)."""
    return date.strftime("%Y-%m")


def month_text(env, date):
    """The month as users read it, in their language (« octobre 2026 »)."""
    return format_date(env, date, date_format="MMMM y")


def decimal_text(number):
    return f"{Decimal(number).normalize():f}"


class IndexBook:
    """The values of the indices of a batch of revisions, loaded in one
    query, and the rules to read them (chained series, last published)."""

    def __init__(self, env, indices):
        self.env = env
        # the indices and the series they replaced
        todo = indices.chained_from_id - indices
        while todo:
            indices |= todo
            todo = todo.chained_from_id - indices
        self.indices = indices
        # index id -> [(month, value, publication_date)] sorted by month
        self.series = defaultdict(list)
        values = (
            env["maintenance.price.index.value"]
            .sudo()
            .search_fetch(
                [("index_id", "in", indices.ids)],
                ["index_id", "month", "value", "publication_date"],
                order="index_id, month",
            )
        )
        for value in values:
            self.series[value.index_id.id].append(
                (value.month, value.value, value.publication_date)
            )
        self.months = {index_id: [row[0] for row in rows] for index_id, rows in self.series.items()}

    @staticmethod
    def _normalize(index, month):
        month = month.replace(day=1)
        if index.frequency == "quarterly":
            month = month.replace(month=(month.month - 1) // 3 * 3 + 1)
        return month

    def _predates(self, index, month):
        """True if ``month`` is before the first value of ``index``."""
        months = self.months.get(index.id)
        return not months or month < months[0]

    def _chain(self, index, month, finder):
        """The value of the series ``index`` replaced, converted."""
        old = index.chained_from_id
        if not index.chaining_coefficient:
            raise MissingIndex(
                self.env._(
                    "Index %(index)s has no value for %(month)s and its chaining "
                    "coefficient from %(old)s is not set: enter the coefficient "
                    "published when the series changed.",
                    index=index.display_name,
                    month=month_text(self.env, month),
                    old=old.display_name,
                )
            )
        old_month, old_value, old_note = finder(old)
        coefficient = to_decimal(index.chaining_coefficient)
        note = self.env._(
            "%(old)s %(value)s x %(coefficient)s",
            old=old.code,
            value=decimal_text(old_value),
            coefficient=decimal_text(coefficient),
        )
        if old_note:
            note = f"{old_note}; {note}"
        return old_month, old_value * coefficient, note

    def value_at(self, index, month):
        """(month, value, note) of ``index`` for ``month``."""
        month = self._normalize(index, month)
        rows = self.series.get(index.id, [])
        position = bisect_left(self.months.get(index.id, []), month)
        if position < len(rows) and rows[position][0] == month:
            return month, to_decimal(rows[position][1]), ""
        if index.chained_from_id and self._predates(index, month):
            return self._chain(index, month, lambda old: self.value_at(old, month))
        raise MissingIndex(
            self.env._(
                "No value of index %(index)s for %(month)s: load the published value "
                "and run the revision again.",
                index=index.display_name,
                month=month_text(self.env, month),
            )
        )

    def last_published(self, index, date, max_age_months=0):
        """(month, value, note) of the last value of ``index`` published at
        ``date``: a month before the month of ``date``, released on or before
        ``date`` when its publication date is known."""
        before = date.replace(day=1)
        found = None
        for month, value, published in reversed(self.series.get(index.id, [])):
            if month < before and (not published or published <= date):
                found = (month, to_decimal(value), "")
                break
        if not found and index.chained_from_id:
            # nothing published yet in the new series: the old one, converted
            found = self._chain(index, before, lambda old: self.last_published(old, date))
        if not found:
            raise MissingIndex(
                self.env._(
                    "No value of index %(index)s published before %(date)s: load the "
                    "published values and run the revision again.",
                    index=index.display_name,
                    date=format_date(self.env, date),
                )
            )
        if max_age_months and found[0] < before - relativedelta(months=max_age_months):
            today = fields.Date.context_today(self.env["maintenance.price.revision"])
            if date > today:
                # nothing is missing: the values it needs are not published yet
                raise MissingIndex(
                    self.env._(
                        "Too early: the revision of %(date)s needs a value of %(index)s "
                        "for %(needed)s or later; the last known one is for %(month)s.",
                        date=format_date(self.env, date),
                        index=index.code,
                        needed=month_text(self.env, before - relativedelta(months=max_age_months)),
                        month=month_text(self.env, found[0]),
                    )
                )
            raise MissingIndex(
                self.env._(
                    "The last known value of index %(index)s is for %(month)s, more than "
                    "%(age)s months before the revision of %(date)s: load the values "
                    "published since and run the revision again.",
                    index=index.display_name,
                    month=month_text(self.env, found[0]),
                    age=max_age_months,
                    date=format_date(self.env, date),
                )
            )
        return found
