# Copyright 2026 Seed maintainers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models, tools
from odoo.tools import SQL


class MaintenanceKpiUtilisation(models.Model):
    """Technicians' utilisation: hours on site (their check-in/out pairs)
    against their available hours (their working calendar, or their
    company's, minus their leaves and the public holidays), per technician,
    company and day.

    The available hours are those of the technicians' workload
    (``maintenance.workload.report``, whose query is reused here, not
    copied): whole weeks from the week of a technician's first task to the
    week of their last one. A pair counts on the local day of its arrival
    (the time zone of the technician's calendar). The utilisation of a
    group is its hours on site divided by its available hours (not an
    average of days)."""

    _name = "maintenance.kpi.utilisation"
    _description = "Technicians' utilisation"
    _auto = False
    _order = "date desc, user_id"
    _rec_name = "user_id"
    _depends = {
        "maintenance.task": ["company_id", "user_ids", "state", "planned_start", "planned_end"],
        "maintenance.task.checkin": ["user_id", "company_id", "check_in", "check_out", "duration"],
        "res.users": ["maintenance_calendar_id"],
        "resource.calendar.leaves": ["date_from", "date_to", "resource_id", "calendar_id"],
    }

    user_id = fields.Many2one(comodel_name="res.users", string="Technician", readonly=True)
    company_id = fields.Many2one(comodel_name="res.company", readonly=True)
    date = fields.Date(string="Day", readonly=True)
    available_hours = fields.Float(readonly=True, aggregator="sum")
    planned_hours = fields.Float(readonly=True, aggregator="sum")
    on_site_hours = fields.Float(string="Hours on site", readonly=True, aggregator="sum")
    utilisation = fields.Float(
        string="Utilisation (%)",
        readonly=True,
        aggregator="avg",
        help="Hours on site out of the available hours.",
    )

    def _query(self):
        workload = self.env["maintenance.workload.report"]._query()
        return SQL(
            """
            WITH workload AS (%(workload)s),
            onsite AS (
                SELECT c.user_id, c.company_id,
                       ((c.check_in AT TIME ZONE 'UTC')
                           AT TIME ZONE COALESCE(cal.tz, 'UTC'))::date AS day,
                       SUM(c.duration) AS hours
                  FROM maintenance_task_checkin c
                  JOIN res_users u ON u.id = c.user_id
                  JOIN res_company co ON co.id = c.company_id
                  LEFT JOIN resource_calendar cal
                    ON cal.id = COALESCE(u.maintenance_calendar_id, co.resource_calendar_id)
                 WHERE c.check_out IS NOT NULL
                 GROUP BY 1, 2, 3
            )
            SELECT ROW_NUMBER() OVER (ORDER BY user_id, company_id, date) AS id, *,
                   CASE WHEN available_hours > 0
                        THEN 100.0 * on_site_hours / available_hours END AS utilisation
              FROM (
                SELECT COALESCE(w.user_id, o.user_id) AS user_id,
                       COALESCE(w.company_id, o.company_id) AS company_id,
                       COALESCE(w.date, o.day) AS date,
                       COALESCE(w.available_hours, 0.0) AS available_hours,
                       COALESCE(w.planned_hours, 0.0) AS planned_hours,
                       COALESCE(o.hours, 0.0) AS on_site_hours
                  FROM workload w
                  FULL JOIN onsite o
                    ON o.user_id = w.user_id AND o.company_id = w.company_id AND o.day = w.date
              ) days
            """,
            workload=workload,
        )

    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute(
            SQL("CREATE OR REPLACE VIEW %s AS (%s)", SQL.identifier(self._table), self._query())
        )

    def _read_group_select(self, aggregate_spec, query):
        """A group's utilisation: its hours on site out of its available hours."""
        if aggregate_spec in ("utilisation:avg", "utilisation:sum"):
            return SQL(
                "100.0 * SUM(%s) / NULLIF(SUM(%s), 0)",
                self._field_to_sql(self._table, "on_site_hours", query),
                self._field_to_sql(self._table, "available_hours", query),
            )
        return super()._read_group_select(aggregate_spec, query)
