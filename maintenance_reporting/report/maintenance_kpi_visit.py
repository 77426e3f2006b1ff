# Copyright 2026 Seed maintainers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models, tools
from odoo.tools import SQL


class MaintenanceKpiVisit(models.Model):
    """Preventive visits against their tolerance window: one row per visit
    (cancelled ones left out), with 0/1 counters that add up per month,
    contract, customer, site, sector or warranty type.

    - *due*: every visit; *done*: done; *on time*: done within its window
      (a visit without a window: on its due date); *late*: done after its
      window; *early*: done before it; *missed*: marked missed;
    - *backlog*: still to plan or planned while its due date has come;
      *overdue*: still to plan or planned after its window closed;
    - *on-time rate*: on-time visits out of the visits whose outcome is
      known or whose window closed (done, missed or overdue), computed on
      the group's totals (not an average of rows).

    Backlog and overdue are read against the database's current date when
    the view is queried: nothing is stored, nothing goes stale."""

    _name = "maintenance.kpi.visit"
    _description = "Preventive visits indicators"
    _auto = False
    _order = "due_date desc, id desc"
    _rec_name = "visit_id"
    _depends = {
        "maintenance.visit": [
            "company_id",
            "contract_id",
            "customer_id",
            "site_id",
            "sector_id",
            "equipment_id",
            "warranty_type_id",
            "intervention_id",
            "state",
            "due_date",
            "done_date",
            "window_start",
            "window_end",
        ],
    }

    visit_id = fields.Many2one(comodel_name="maintenance.visit", string="Visit", readonly=True)
    company_id = fields.Many2one(comodel_name="res.company", readonly=True)
    contract_id = fields.Many2one(
        comodel_name="contract.contract", string="Contract", readonly=True
    )
    customer_id = fields.Many2one(comodel_name="res.partner", string="Customer", readonly=True)
    site_id = fields.Many2one(
        comodel_name="maintenance.site", string="Installed site", readonly=True
    )
    sector_id = fields.Many2one(comodel_name="maintenance.sector", string="Sector", readonly=True)
    equipment_id = fields.Many2one(
        comodel_name="maintenance.customer.equipment", string="Equipment", readonly=True
    )
    warranty_type_id = fields.Many2one(
        comodel_name="maintenance.warranty.type", string="Warranty type", readonly=True
    )
    intervention_id = fields.Many2one(
        comodel_name="maintenance.intervention", string="Intervention dossier", readonly=True
    )
    state = fields.Selection(
        selection=[
            ("to_plan", "To plan"),
            ("planned", "Planned"),
            ("done", "Done"),
            ("missed", "Missed"),
        ],
        readonly=True,
    )
    due_date = fields.Date(readonly=True)
    window_start = fields.Date(string="Window from", readonly=True)
    window_end = fields.Date(string="Window to", readonly=True)
    done_date = fields.Date(string="Done on", readonly=True)
    due_count = fields.Integer(string="Due", readonly=True, aggregator="sum")
    done_count = fields.Integer(string="Done", readonly=True, aggregator="sum")
    on_time_count = fields.Integer(string="On time", readonly=True, aggregator="sum")
    late_count = fields.Integer(string="Late", readonly=True, aggregator="sum")
    early_count = fields.Integer(string="Early", readonly=True, aggregator="sum")
    missed_count = fields.Integer(string="Missed", readonly=True, aggregator="sum")
    backlog_count = fields.Integer(string="Backlog", readonly=True, aggregator="sum")
    overdue_count = fields.Integer(string="Overdue", readonly=True, aggregator="sum")
    closed_count = fields.Integer(
        string="Outcome known",
        readonly=True,
        aggregator="sum",
        help="Done, missed, or still not done after its window: the visits the "
        "on-time rate counts.",
    )
    delay_days = fields.Float(
        string="Days after due date",
        readonly=True,
        aggregator="avg",
        help="Done date minus due date, for done visits (negative: done before).",
    )
    on_time_rate = fields.Float(
        string="On-time rate (%)",
        readonly=True,
        aggregator="avg",
        help="On-time visits out of the visits done, missed or overdue.",
    )

    def _query(self):
        return SQL(
            """
            SELECT v.id, v.id AS visit_id, v.company_id, v.contract_id, v.customer_id,
                   v.site_id, v.sector_id, v.equipment_id, v.warranty_type_id,
                   v.intervention_id, v.state, v.due_date, v.done_date,
                   w.window_start, w.window_end,
                   1 AS due_count,
                   (v.state = 'done')::int AS done_count,
                   (v.state = 'done' AND v.done_date BETWEEN w.window_start AND w.window_end)::int
                       AS on_time_count,
                   (v.state = 'done' AND v.done_date > w.window_end)::int AS late_count,
                   (v.state = 'done' AND v.done_date < w.window_start)::int AS early_count,
                   (v.state = 'missed')::int AS missed_count,
                   (v.state IN ('to_plan', 'planned') AND v.due_date <= CURRENT_DATE)::int
                       AS backlog_count,
                   (v.state IN ('to_plan', 'planned') AND w.window_end < CURRENT_DATE)::int
                       AS overdue_count,
                   (v.state IN ('done', 'missed')
                    OR (v.state IN ('to_plan', 'planned') AND w.window_end < CURRENT_DATE))::int
                       AS closed_count,
                   CASE WHEN v.state = 'done' THEN v.done_date - v.due_date END AS delay_days,
                   CASE WHEN v.state = 'done'
                             AND v.done_date BETWEEN w.window_start AND w.window_end THEN 100.0
                        WHEN v.state IN ('done', 'missed')
                             OR (v.state IN ('to_plan', 'planned')
                                 AND w.window_end < CURRENT_DATE) THEN 0.0
                   END AS on_time_rate
              FROM maintenance_visit v
             CROSS JOIN LATERAL (
                   SELECT COALESCE(v.window_start, v.due_date) AS window_start,
                          COALESCE(v.window_end, v.due_date) AS window_end
             ) w
             WHERE v.state != 'cancelled'
            """
        )

    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute(
            SQL("CREATE OR REPLACE VIEW %s AS (%s)", SQL.identifier(self._table), self._query())
        )

    def _read_group_select(self, aggregate_spec, query):
        """The on-time rate of a group is its on-time visits out of its
        visits with a known outcome, not the average of its rows' rates."""
        if aggregate_spec in ("on_time_rate:avg", "on_time_rate:sum"):
            return SQL(
                "100.0 * SUM(%s) / NULLIF(SUM(%s), 0)",
                self._field_to_sql(self._table, "on_time_count", query),
                self._field_to_sql(self._table, "closed_count", query),
            )
        return super()._read_group_select(aggregate_spec, query)
