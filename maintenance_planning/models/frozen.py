# Copyright 2026 Seed maintainers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""What records what happened is written only by the flows that establish it.

A context key alone does not prove that: any JSON-RPC client sends the context
it likes. The flows put ``FLOW`` in the context, a Python object that no JSON
value can be (the guard compares identities), and only through private methods
(``_log``, ``_issue_for_tasks``, ``_attach_pdf``), which RPC cannot call. Where
the values themselves can be checked against the flow (a milestone set once,
between the reception and now), the guards check the values instead."""

from datetime import timedelta

from odoo import fields

FLOW = object()
# how far from "now" a time given as "now" may be (a form left open, a phone's
# clock: the offline sync accepts device times as far ahead)
NOW_TOLERANCE = timedelta(minutes=5)


def in_flow(env, key):
    """True when the caller is the flow that put ``FLOW`` under ``key``."""
    return env.context.get(key) is FLOW


def is_now(moment, now=None):
    now = now or fields.Datetime.now()
    return abs(fields.Datetime.to_datetime(moment) - now) <= NOW_TOLERANCE
