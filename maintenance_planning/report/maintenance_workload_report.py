# Copyright 2026 Seed maintainers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models, tools
from odoo.tools import SQL


class MaintenanceWorkloadReport(models.Model):
    """Hours planned per technician and day against their working hours
    (their calendar, or their company's) minus their leaves.

    One row per technician and day, over whole weeks from the week of their
    first task to the week of their last one, so that weekly totals compare
    planned hours with the whole week's working hours. A task spanning
    several days counts on each day for the hours it covers that day; a
    task with several technicians counts for each of them. A technician
    working for several companies has one row per company and day, each
    counting the tasks of that company (the row's company is the tasks').
    """

    _name = "maintenance.workload.report"
    _description = "Technician workload"
    _auto = False
    _order = "date, user_id"
    _rec_name = "user_id"

    user_id = fields.Many2one(comodel_name="res.users", string="Technician", readonly=True)
    company_id = fields.Many2one(comodel_name="res.company", readonly=True)
    calendar_id = fields.Many2one(
        comodel_name="resource.calendar", string="Working hours", readonly=True
    )
    date = fields.Date(string="Day", readonly=True)
    # grouped by day, it reads "Semaine du 30 nov. 2026" in French, where
    # Odoo's own week grouping labels weeks "W49 2026" in every language
    week_start = fields.Date(string="Week of", readonly=True)
    planned_hours = fields.Float(readonly=True, aggregator="sum")
    working_hours = fields.Float(readonly=True, aggregator="sum")
    leave_hours = fields.Float(string="Leave hours", readonly=True, aggregator="sum")
    available_hours = fields.Float(readonly=True, aggregator="sum")
    overload_hours = fields.Float(string="Over-allocation (hours)", readonly=True, aggregator="sum")
    is_overloaded = fields.Boolean(string="Over-allocated", readonly=True)
    task_count = fields.Integer(string="Tasks", readonly=True, aggregator="sum")

    def _query(self):
        return SQL(
            """
            WITH assignment AS (
                SELECT t.id AS task_id, rel.user_id, t.company_id, t.planned_start, t.planned_end
                  FROM maintenance_task t
                  JOIN maintenance_task_res_users_rel rel ON rel.task_id = t.id
                 WHERE t.state != 'cancelled'
                   AND t.planned_start IS NOT NULL
                   AND t.planned_end > t.planned_start
            ),
            technician AS (
                -- one row per technician and company of their tasks: the
                -- company of a row is the tasks', not the user's
                SELECT DISTINCT u.id AS user_id, c.id AS company_id,
                       COALESCE(u.maintenance_calendar_id, c.resource_calendar_id) AS calendar_id,
                       COALESCE(cal.tz, 'UTC') AS tz
                  FROM assignment a
                  JOIN res_users u ON u.id = a.user_id
                  JOIN res_company c ON c.id = a.company_id
                  LEFT JOIN resource_calendar cal
                    ON cal.id = COALESCE(u.maintenance_calendar_id, c.resource_calendar_id)
            ),
            local_assignment AS (
                SELECT a.task_id, a.user_id, a.company_id,
                       (a.planned_start AT TIME ZONE 'UTC') AT TIME ZONE te.tz AS start_local,
                       (a.planned_end AT TIME ZONE 'UTC') AT TIME ZONE te.tz AS end_local
                  FROM assignment a
                  JOIN technician te ON te.user_id = a.user_id AND te.company_id = a.company_id
            ),
            span AS (
                SELECT user_id, company_id,
                       date_trunc('week', MIN(start_local)) AS first_day,
                       date_trunc('week', MAX(end_local - interval '1 second'))
                           + interval '6 days' AS last_day
                  FROM local_assignment
                 GROUP BY user_id, company_id
            ),
            day AS (
                SELECT user_id, company_id,
                       generate_series(first_day, last_day, interval '1 day')::date AS day
                  FROM span
            ),
            planned AS (
                -- each assignment spread over the local days it covers
                -- (no join of every day with every assignment: linear in
                -- the number of tasks, whatever the planner estimates)
                SELECT la.user_id, la.company_id, g.day::date AS day,
                       SUM(EXTRACT(EPOCH FROM
                           LEAST(la.end_local, g.day + interval '1 day')
                           - GREATEST(la.start_local, g.day)) / 3600.0) AS hours,
                       COUNT(DISTINCT la.task_id) AS task_count
                  FROM local_assignment la
                 CROSS JOIN LATERAL generate_series(
                       date_trunc('day', la.start_local),
                       date_trunc('day', la.end_local - interval '1 second'),
                       interval '1 day') AS g(day)
                 GROUP BY la.user_id, la.company_id, g.day
            ),
            attendance AS (
                SELECT d.user_id, d.company_id, d.day,
                       d.day + make_interval(secs => a.hour_from * 3600) AS att_start,
                       d.day + make_interval(secs => a.hour_to * 3600) AS att_end
                  FROM day d
                  JOIN technician te ON te.user_id = d.user_id AND te.company_id = d.company_id
                  JOIN resource_calendar cal ON cal.id = te.calendar_id
                  JOIN resource_calendar_attendance a
                    ON a.calendar_id = cal.id
                   AND a.dayofweek::int = EXTRACT(ISODOW FROM d.day)::int - 1
                   AND a.day_period != 'lunch'
                   AND a.display_type IS NULL
                   AND (NOT COALESCE(cal.two_weeks_calendar, FALSE)
                        OR a.week_type::int = mod((d.day - DATE '0001-01-01') / 7, 2))
            ),
            capacity AS (
                SELECT user_id, company_id, day,
                       SUM(EXTRACT(EPOCH FROM att_end - att_start) / 3600.0) AS hours
                  FROM attendance
                 GROUP BY user_id, company_id, day
            ),
            leave AS (
                SELECT at.user_id, at.company_id, at.day,
                       SUM(EXTRACT(EPOCH FROM
                           LEAST(at.att_end,
                                 (l.date_to AT TIME ZONE 'UTC') AT TIME ZONE te.tz)
                           - GREATEST(at.att_start,
                                      (l.date_from AT TIME ZONE 'UTC') AT TIME ZONE te.tz)
                       ) / 3600.0) AS hours
                  FROM attendance at
                  JOIN technician te ON te.user_id = at.user_id AND te.company_id = at.company_id
                  JOIN resource_calendar_leaves l
                    ON l.time_type = 'leave'
                   AND (l.resource_id IN (
                            SELECT r.id FROM resource_resource r WHERE r.user_id = at.user_id
                        )
                        OR (l.resource_id IS NULL
                            AND (l.calendar_id = te.calendar_id
                                 OR (l.calendar_id IS NULL AND l.company_id = te.company_id))))
                   AND (l.date_from AT TIME ZONE 'UTC') AT TIME ZONE te.tz < at.att_end
                   AND (l.date_to AT TIME ZONE 'UTC') AT TIME ZONE te.tz > at.att_start
                 GROUP BY at.user_id, at.company_id, at.day
            ),
            per_day AS (
                -- one UNION ALL grouped once rather than LEFT JOINs of
                -- aggregates (estimated at one row, they were joined by
                -- nested loops: quadratic in the number of days)
                SELECT user_id, company_id, day,
                       SUM(planned) AS planned, SUM(capacity) AS capacity,
                       SUM(leave) AS leave, SUM(task_count) AS task_count
                  FROM (
                    SELECT user_id, company_id, day, 0.0 AS planned, 0.0 AS capacity,
                           0.0 AS leave, 0 AS task_count
                      FROM day
                    UNION ALL
                    SELECT user_id, company_id, day, hours, 0.0, 0.0, task_count FROM planned
                    UNION ALL
                    SELECT user_id, company_id, day, 0.0, hours, 0.0, 0 FROM capacity
                    UNION ALL
                    SELECT user_id, company_id, day, 0.0, 0.0, hours, 0 FROM leave
                  ) parts
                 GROUP BY user_id, company_id, day
            ),
            total AS (
                SELECT d.user_id, d.day, te.company_id, te.calendar_id,
                       d.planned AS planned_hours,
                       d.capacity AS working_hours,
                       LEAST(d.leave, d.capacity) AS leave_hours,
                       GREATEST(d.capacity - d.leave, 0) AS available_hours,
                       d.task_count
                  FROM per_day d
                  JOIN technician te ON te.user_id = d.user_id AND te.company_id = d.company_id
            )
            SELECT ROW_NUMBER() OVER (ORDER BY user_id, company_id, day) AS id,
                   user_id, day AS date, date_trunc('week', day)::date AS week_start,
                   company_id, calendar_id,
                   planned_hours, working_hours, leave_hours, available_hours,
                   GREATEST(planned_hours - available_hours, 0) AS overload_hours,
                   planned_hours > available_hours + 0.01 AS is_overloaded,
                   task_count
              FROM total
            """
        )

    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute(
            SQL("CREATE OR REPLACE VIEW %s AS (%s)", SQL.identifier(self._table), self._query())
        )
