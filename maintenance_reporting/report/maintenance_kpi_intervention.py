# Copyright 2026 Seed maintainers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models, tools
from odoo.tools import SQL

INTERVENTION_TYPES = [
    ("preventive", "Preventive"),
    ("corrective", "Corrective"),
    ("installation", "Installation"),
    ("other", "Other"),
]
# the dossier's priority (0 normal, 1 high, 2 urgent) as the request's that
# opened it (maintenance.customer.request: P1 2, P2 1, P3 0)
REQUEST_PRIORITY = SQL("CASE i.priority WHEN '2' THEN '1' WHEN '1' THEN '2' WHEN '0' THEN '3' END")


def request_priorities(env):
    """The requests' priorities (P1, P2, P3), read from their field in the
    user's language: the dashboard speaks as the requests do."""
    return env["maintenance.customer.request"]._fields["priority"]._description_selection(env)


class MaintenanceKpiIntervention(models.Model):
    """Intervention dossiers (cancelled ones left out): one row per dossier
    with its hours on site (its check-in/out pairs) and 0/1 counters, by
    type, priority, month, customer, site, contract, responsible.

    The dossier's date is the start of its first task, or its creation
    when it has no dated task yet. *Open*: not done; *overdue*: open while
    its last task's planned end has passed."""

    _name = "maintenance.kpi.intervention"
    _description = "Intervention dossiers indicators"
    _auto = False
    _order = "date desc, id desc"
    _rec_name = "intervention_id"
    _depends = {
        "maintenance.intervention": [
            "company_id",
            "intervention_type",
            "priority",
            "state",
            "customer_id",
            "site_id",
            "contract_id",
            "user_id",
            "date_start",
            "date_end",
            "date_done",
        ],
        "maintenance.task": ["intervention_id", "state"],
        "maintenance.task.checkin": ["intervention_id", "check_out", "duration"],
    }

    intervention_id = fields.Many2one(
        comodel_name="maintenance.intervention", string="Intervention dossier", readonly=True
    )
    company_id = fields.Many2one(comodel_name="res.company", readonly=True)
    intervention_type = fields.Selection(selection=INTERVENTION_TYPES, string="Type", readonly=True)
    priority = fields.Selection(selection="_selection_priority", readonly=True)
    state = fields.Selection(
        selection=[
            ("draft", "Draft"),
            ("planned", "Planned"),
            ("in_progress", "In progress"),
            ("done", "Done"),
        ],
        string="Status",
        readonly=True,
    )
    customer_id = fields.Many2one(comodel_name="res.partner", string="Customer", readonly=True)
    site_id = fields.Many2one(
        comodel_name="maintenance.site", string="Installed site", readonly=True
    )
    contract_id = fields.Many2one(
        comodel_name="contract.contract", string="Contract", readonly=True
    )
    user_id = fields.Many2one(comodel_name="res.users", string="Responsible", readonly=True)
    date = fields.Datetime(readonly=True)
    date_done = fields.Date(string="Closed on", readonly=True)
    dossier_count = fields.Integer(string="Dossiers", readonly=True, aggregator="sum")
    open_count = fields.Integer(string="Open", readonly=True, aggregator="sum")
    done_count = fields.Integer(string="Closed", readonly=True, aggregator="sum")
    overdue_count = fields.Integer(string="Overdue", readonly=True, aggregator="sum")
    task_count = fields.Integer(string="Tasks", readonly=True, aggregator="sum")
    hours_on_site = fields.Float(string="Hours on site", readonly=True, aggregator="sum")
    days_to_close = fields.Float(
        string="Days to close",
        readonly=True,
        aggregator="avg",
        help="From the dossier's date to its closing, for closed dossiers.",
    )

    def _selection_priority(self):
        return request_priorities(self.env)

    def _query(self):
        return SQL(
            """
            WITH task AS (
                SELECT intervention_id, COUNT(*) AS task_count
                  FROM maintenance_task
                 WHERE intervention_id IS NOT NULL AND state != 'cancelled'
                 GROUP BY intervention_id
            ),
            onsite AS (
                SELECT intervention_id, SUM(duration) AS hours
                  FROM maintenance_task_checkin
                 WHERE intervention_id IS NOT NULL AND check_out IS NOT NULL
                 GROUP BY intervention_id
            )
            SELECT i.id, i.id AS intervention_id, i.company_id, i.intervention_type,
                   %(priority)s AS priority, i.state, i.customer_id, i.site_id,
                   i.contract_id, i.user_id,
                   COALESCE(i.date_start, i.create_date) AS date, i.date_done,
                   1 AS dossier_count,
                   (i.state != 'done')::int AS open_count,
                   (i.state = 'done')::int AS done_count,
                   (i.state != 'done' AND i.date_end < (NOW() AT TIME ZONE 'UTC'))::int
                       AS overdue_count,
                   COALESCE(t.task_count, 0) AS task_count,
                   COALESCE(o.hours, 0.0) AS hours_on_site,
                   CASE WHEN i.state = 'done' THEN
                        GREATEST(i.date_done - COALESCE(i.date_start, i.create_date)::date, 0)
                   END AS days_to_close
              FROM maintenance_intervention i
              LEFT JOIN task t ON t.intervention_id = i.id
              LEFT JOIN onsite o ON o.intervention_id = i.id
             WHERE i.state != 'cancelled'
            """,
            priority=REQUEST_PRIORITY,
        )

    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute(
            SQL("CREATE OR REPLACE VIEW %s AS (%s)", SQL.identifier(self._table), self._query())
        )
