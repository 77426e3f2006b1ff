# Copyright 2026 Seed maintainers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models


class MaintenanceMeterReading(models.Model):
    _inherit = "maintenance.meter.reading"

    @api.model_create_multi
    def create(self, vals_list):
        readings = super().create(vals_list)
        readings._log_out_of_range()
        return readings

    @api.ondelete(at_uninstall=False)
    def _unlink_except_logged(self):
        self.env["maintenance.logbook.entry"]._check_not_logged(self, "reading_id")

    def _log_out_of_range(self):
        """A reading outside its meter's thresholds goes to the equipment's
        logbook (one create for the whole batch). The entry is dated with the
        reading; its summary does not repeat the time: written once, it would
        stay in the zone and format of whoever posted the reading."""
        alerts = self.sudo().filtered(
            lambda reading: reading.is_out_of_range and reading.equipment_id
        )
        self.env["maintenance.logbook.entry"]._log(
            [
                {
                    "equipment_id": reading.equipment_id.id,
                    "company_id": reading.company_id.id,
                    "date": reading.date,
                    "entry_type": "reading",
                    "name": self.env._(
                        "Reading out of thresholds: %(reading)s", reading=reading.display_name
                    ),
                    "reading_id": reading.id,
                    "task_id": reading.task_id.id,
                    "intervention_id": reading.alert_intervention_id.id,
                    "user_id": reading.user_id.id or self.env.uid,
                }
                for reading in alerts
            ]
        )
