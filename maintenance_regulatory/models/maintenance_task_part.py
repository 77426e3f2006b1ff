# Copyright 2026 Seed maintainers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models


class MaintenanceTaskPart(models.Model):
    _inherit = "maintenance.task.part"

    @api.ondelete(at_uninstall=False)
    def _unlink_except_logged(self):
        self.env["maintenance.logbook.entry"]._check_not_logged(self, "part_id")
