# Copyright 2026 Seed maintainers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models, tools
from odoo.tools import SQL


class MaintenanceRequestPercentile(models.Model):
    """Median and 90th percentile of the measured times, per month, committed
    time and priority. Percentiles cannot be added up like averages, so they
    are computed by PostgreSQL for these fixed groups (``percentile_cont``),
    from the figures stored on the requests."""

    _name = "maintenance.request.percentile"
    _description = "Response times percentiles"
    _auto = False
    _order = "month desc, kind, priority"
    _rec_name = "month"

    company_id = fields.Many2one(comodel_name="res.company", readonly=True)
    month = fields.Date(readonly=True)
    kind = fields.Selection(selection="_selection_kind", string="Commitment", readonly=True)
    priority = fields.Selection(selection="_selection_priority", readonly=True)
    request_count = fields.Integer(string="Requests", readonly=True)
    compliance = fields.Float(string="Compliance (%)", readonly=True, aggregator=None)
    average_hours = fields.Float(string="Average hours", readonly=True, aggregator=None)
    median_hours = fields.Float(string="Median hours", readonly=True, aggregator=None)
    p90_hours = fields.Float(string="90th percentile (hours)", readonly=True, aggregator=None)

    def _selection_kind(self):
        # the committed times are the commitment model's: read its selection
        # (labels in the user's language) rather than its module
        return self.env["maintenance.commitment"]._fields["kind"]._description_selection(self.env)

    def _selection_priority(self):
        return (
            self.env["maintenance.commitment"]._fields["priority"]._description_selection(self.env)
        )

    def _commitment_kinds(self):
        return self.env["maintenance.commitment"]._fields["kind"].get_values(self.env)

    def _query(self):
        measured = SQL(" UNION ALL ").join(
            SQL(
                """
                SELECT r.company_id, r.received_at, r.priority, %(kind)s AS kind,
                       r.%(hours)s AS hours, r.%(rate)s AS rate
                  FROM maintenance_customer_request r
                 WHERE r.%(allowed)s > 0 AND r.%(met)s IS NOT NULL
                   AND r.state != 'cancelled'
                """,
                kind=kind,
                allowed=SQL.identifier(f"{kind}_allowed"),
                hours=SQL.identifier(f"{kind}_hours"),
                rate=SQL.identifier(f"{kind}_rate"),
                met=SQL.identifier(f"{kind}_met"),
            )
            for kind in self._commitment_kinds()
        )
        return SQL(
            """
            SELECT ROW_NUMBER() OVER (ORDER BY company_id, month, kind, priority) AS id, *
              FROM (
                SELECT m.company_id,
                       date_trunc('month', m.received_at)::date AS month,
                       m.kind, m.priority,
                       COUNT(*) AS request_count,
                       AVG(m.rate) AS compliance,
                       AVG(m.hours) AS average_hours,
                       percentile_cont(0.5) WITHIN GROUP (ORDER BY m.hours) AS median_hours,
                       percentile_cont(0.9) WITHIN GROUP (ORDER BY m.hours) AS p90_hours
                  FROM (%s) m
                 GROUP BY m.company_id, date_trunc('month', m.received_at)::date,
                          m.kind, m.priority
              ) groups
            """,
            measured,
        )

    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute(
            SQL("CREATE OR REPLACE VIEW %s AS (%s)", SQL.identifier(self._table), self._query())
        )
