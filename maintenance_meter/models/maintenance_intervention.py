# Copyright 2026 Seed maintainers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class MaintenanceIntervention(models.Model):
    _inherit = "maintenance.intervention"

    meter_id = fields.Many2one(
        comodel_name="maintenance.meter",
        string="Meter alert",
        index="btree_not_null",
        readonly=True,
        ondelete="set null",
        help="Opened automatically by a reading of this meter outside its thresholds. "
        "No other dossier is opened for this meter while this one is open.",
    )
