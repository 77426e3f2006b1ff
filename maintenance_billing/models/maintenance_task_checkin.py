# Copyright 2026 Seed maintainers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import models


class MaintenanceTaskCheckin(models.Model):
    _inherit = "maintenance.task.checkin"

    def action_confirm_duration(self):
        """A confirmed long visit is billed: the billing lines of its closed
        dossier, not invoiced yet, are computed again."""
        to_confirm = self.filtered("to_confirm")
        res = super().action_confirm_duration()
        dossiers = to_confirm.intervention_id.filtered(
            lambda dossier: (
                dossier.state == "done" and not dossier.billing_line_ids.filtered("is_invoiced")
            )
        )
        if dossiers:
            dossiers._maintenance_compute_billing()
            body = self.env._("Billing lines computed again: a long visit was confirmed.")
            dossiers._message_log_batch(bodies=dict.fromkeys(dossiers.ids, body))
        return res
