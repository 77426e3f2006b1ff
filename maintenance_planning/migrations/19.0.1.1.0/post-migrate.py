# Copyright 2026 Seed maintainers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""19.0.1.1.0: check-ins of more than 12 hours wait for the operations
manager's confirmation before they are billed.

The new fields need no value written here: ``is_long`` and ``to_confirm``
are computed by the update for every existing check-in, the others are
empty (no time was corrected, nothing confirmed yet). The existing long
visits are unconfirmed like new ones: their operations manager gets the
activity asking to confirm them, as a new one would."""

from odoo import SUPERUSER_ID, api


def migrate(cr, version):
    if not version:
        return
    env = api.Environment(cr, SUPERUSER_ID, {})
    env["maintenance.task.checkin"].search([("to_confirm", "=", True)])._notify_long_visits()
