# Copyright 2026 Seed maintainers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The quantities of the billing lines: hours rounded as billed, numbers
written as the customer's language writes them in the lines' labels."""

import math

from odoo.tools import formatLang, get_lang


def round_up_hours(hours, step_minutes, minimum):
    """``hours`` rounded up to the started step (in minutes), at least ``minimum``."""
    if hours <= 0:
        return 0.0
    if step_minutes > 0:
        steps = math.ceil(round(hours * 60.0 / step_minutes, 6))
        hours = steps * step_minutes / 60.0
    return max(hours, minimum)


def format_number(env, number, digits=2):
    """``number`` as the language of ``env`` writes it, with at most
    ``digits`` decimals and no trailing zero: « 1,75 », « 0,5 », « 2 » in
    French (« 1.75 » in English). The labels of the lines say hours in
    decimal hours, the unit of the quantity column beside them (1,75 h times
    the hourly rate), not « 1 h 45 »."""
    text = formatLang(env, number, digits=digits)
    point = get_lang(env).decimal_point
    if point and point in text:
        text = text.rstrip("0").rstrip(point)
    return text
