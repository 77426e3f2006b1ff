# Copyright 2026 Seed maintainers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models

from ..cron_lock import lock_batch


class Base(models.AbstractModel):
    _inherit = "base"

    @api.model
    def _maintenance_lock_batch(self, domain, limit=None, order="id"):
        """The first ``limit`` records of ``domain`` that no other transaction
        holds, locked until the end of this transaction: the batch of a
        generation job, for the add-ons that build on ours (see
        :mod:`..cron_lock`)."""
        return lock_batch(self, domain, limit=limit, order=order)
