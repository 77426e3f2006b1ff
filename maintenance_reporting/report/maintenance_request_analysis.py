# Copyright 2026 Seed maintainers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models, tools
from odoo.tools import SQL


class MaintenanceRequestAnalysis(models.Model):
    """Committed times against measured times: one row per customer request
    and commitment (response, intervention, restoration) that has a
    committed time. A plain read of the figures stored on the requests (no
    recomputation per row): compliance rate and average times by contract,
    customer, site, priority, technician, month."""

    _name = "maintenance.request.analysis"
    _description = "Response times analysis"
    _auto = False
    _order = "received_at desc"
    _rec_name = "request_id"

    request_id = fields.Many2one(
        comodel_name="maintenance.customer.request", string="Request", readonly=True
    )
    company_id = fields.Many2one(comodel_name="res.company", readonly=True)
    kind = fields.Selection(selection="_selection_kind", string="Commitment", readonly=True)
    priority = fields.Selection(selection="_selection_priority", readonly=True)
    received_at = fields.Datetime(string="Received at", readonly=True)
    contract_id = fields.Many2one(
        comodel_name="contract.contract", string="Contract", readonly=True
    )
    customer_id = fields.Many2one(comodel_name="res.partner", string="Customer", readonly=True)
    site_id = fields.Many2one(
        comodel_name="maintenance.site", string="Installed site", readonly=True
    )
    technician_id = fields.Many2one(
        comodel_name="res.users", string="First technician on site", readonly=True
    )
    allowed_hours = fields.Float(string="Allowed hours", readonly=True, aggregator="avg")
    measured_hours = fields.Float(string="Measured hours", readonly=True, aggregator="avg")
    compliance = fields.Float(string="Compliance (%)", readonly=True, aggregator="avg")
    is_done = fields.Boolean(string="Measured", readonly=True)
    is_met = fields.Boolean(string="Met", readonly=True)
    breached_count = fields.Integer(string="Not met", readonly=True, aggregator="sum")
    request_count = fields.Integer(string="Requests", readonly=True, aggregator="sum")

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
        kinds = SQL(" UNION ALL ").join(
            SQL(
                """
                SELECT r.id * 3 + %(index)s AS id, r.id AS request_id, r.company_id,
                       %(kind)s AS kind, r.priority, r.received_at, r.contract_id,
                       r.customer_id, r.site_id, r.technician_id,
                       r.%(allowed)s AS allowed_hours, r.%(hours)s AS measured_hours,
                       r.%(rate)s AS compliance,
                       r.%(met)s IS NOT NULL AS is_done,
                       COALESCE(r.%(met)s = 'met', FALSE) AS is_met,
                       CASE WHEN r.%(met)s = 'missed' THEN 1 ELSE 0 END AS breached_count,
                       1 AS request_count
                  FROM maintenance_customer_request r
                 WHERE r.%(allowed)s > 0 AND r.state != 'cancelled'
                """,
                index=index,
                kind=kind,
                allowed=SQL.identifier(f"{kind}_allowed"),
                hours=SQL.identifier(f"{kind}_hours"),
                rate=SQL.identifier(f"{kind}_rate"),
                met=SQL.identifier(f"{kind}_met"),
            )
            for index, kind in enumerate(self._commitment_kinds())
        )
        return kinds

    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute(
            SQL("CREATE OR REPLACE VIEW %s AS (%s)", SQL.identifier(self._table), self._query())
        )
