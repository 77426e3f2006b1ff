# Copyright 2026 Seed maintainers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models, tools
from odoo.tools import SQL

from .maintenance_kpi_intervention import (
    INTERVENTION_TYPES,
    REQUEST_PRIORITY,
    request_priorities,
)


class MaintenanceKpiHours(models.Model):
    """Hours on site from the technicians' check-in/out pairs (open pairs
    left out): one row per pair, by the type of its dossier (a one-off task
    outside any dossier: *no dossier*), technician, month, customer, site,
    contract. Preventive and corrective hours are also given as two
    measures, to compare them side by side."""

    _name = "maintenance.kpi.hours"
    _description = "Hours on site"
    _auto = False
    _order = "date desc, id desc"
    _rec_name = "checkin_id"
    _depends = {
        "maintenance.task.checkin": [
            "task_id",
            "intervention_id",
            "company_id",
            "user_id",
            "check_in",
            "check_out",
            "duration",
        ],
        "maintenance.task": ["customer_id", "site_id"],
        "maintenance.intervention": ["intervention_type", "priority", "contract_id"],
    }

    checkin_id = fields.Many2one(
        comodel_name="maintenance.task.checkin", string="Check-in", readonly=True
    )
    task_id = fields.Many2one(comodel_name="maintenance.task", string="Task", readonly=True)
    intervention_id = fields.Many2one(
        comodel_name="maintenance.intervention", string="Intervention dossier", readonly=True
    )
    company_id = fields.Many2one(comodel_name="res.company", readonly=True)
    user_id = fields.Many2one(comodel_name="res.users", string="Technician", readonly=True)
    intervention_type = fields.Selection(
        selection=[*INTERVENTION_TYPES, ("none", "No dossier")], string="Type", readonly=True
    )
    priority = fields.Selection(selection="_selection_priority", readonly=True)
    customer_id = fields.Many2one(comodel_name="res.partner", string="Customer", readonly=True)
    site_id = fields.Many2one(
        comodel_name="maintenance.site", string="Installed site", readonly=True
    )
    contract_id = fields.Many2one(
        comodel_name="contract.contract", string="Contract", readonly=True
    )
    date = fields.Datetime(string="Arrival", readonly=True)
    hours = fields.Float(string="Hours on site", readonly=True, aggregator="sum")
    preventive_hours = fields.Float(string="Preventive hours", readonly=True, aggregator="sum")
    corrective_hours = fields.Float(string="Corrective hours", readonly=True, aggregator="sum")

    def _selection_priority(self):
        return request_priorities(self.env)

    def _query(self):
        return SQL(
            """
            SELECT c.id, c.id AS checkin_id, c.task_id, c.intervention_id, c.company_id,
                   c.user_id, COALESCE(i.intervention_type, 'none') AS intervention_type,
                   %(priority)s AS priority, t.customer_id, t.site_id, i.contract_id,
                   c.check_in AS date, c.duration AS hours,
                   CASE WHEN i.intervention_type = 'preventive' THEN c.duration ELSE 0.0 END
                       AS preventive_hours,
                   CASE WHEN i.intervention_type = 'corrective' THEN c.duration ELSE 0.0 END
                       AS corrective_hours
              FROM maintenance_task_checkin c
              JOIN maintenance_task t ON t.id = c.task_id
              LEFT JOIN maintenance_intervention i ON i.id = c.intervention_id
             WHERE c.check_out IS NOT NULL
            """,
            priority=REQUEST_PRIORITY,
        )

    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute(
            SQL("CREATE OR REPLACE VIEW %s AS (%s)", SQL.identifier(self._table), self._query())
        )
