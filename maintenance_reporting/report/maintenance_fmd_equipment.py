# Copyright 2026 Seed maintainers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.fields import Domain
from odoo.tools import SQL

# the query of each analysis, built once per transaction (the list's page
# and its count read the table twice; its calendars are read once)
SCOPE_CACHE = "maintenance_fmd_equipment_scope"


class MaintenanceFmdEquipment(models.Model):
    """The FMD analysis per equipment, read-only: one row per equipment of
    the wizard's scope with its figures, rank and Pareto shares, computed by
    PostgreSQL when the list reads a page (``_table_query``). Nothing is
    stored: a large company has a hundred thousand equipment, the list shows
    eighty of them."""

    _name = "maintenance.fmd.equipment"
    _description = "FMD per equipment"
    _auto = False
    _order = "sequence"
    _rec_name = "name"

    # the figures are exact (no ``digits``: the ORM would round them in its
    # cache before they are formatted), the views round them
    sequence = fields.Integer(string="Rank", readonly=True, aggregator=None)
    name = fields.Char(string="Equipment", readonly=True)
    equipment_id = fields.Many2one(
        comodel_name="maintenance.customer.equipment", string="Equipment record", readonly=True
    )
    site_id = fields.Many2one(
        comodel_name="maintenance.site", string="Installed site", readonly=True
    )
    customer_id = fields.Many2one(comodel_name="res.partner", string="Customer", readonly=True)
    product_id = fields.Many2one(comodel_name="product.product", string="Product", readonly=True)
    company_id = fields.Many2one(comodel_name="res.company", string="Company", readonly=True)
    equipment_count = fields.Integer(string="Number of equipment", readonly=True)
    failures = fields.Integer(readonly=True)
    downtime_hours = fields.Float(string="Downtime (h)", readonly=True)
    required_hours = fields.Float(string="Required time (h)", readonly=True)
    uptime_hours = fields.Float(string="Uptime (h)", readonly=True)
    mtbf_hours = fields.Float(string="MTBF (h)", aggregator=None, readonly=True)
    mttr_hours = fields.Float(string="MTTR (h)", aggregator=None, readonly=True)
    mart_hours = fields.Float(string="Mean active repair time (h)", aggregator=None, readonly=True)
    availability = fields.Float(string="Availability (%)", aggregator="min", readonly=True)
    availability_defined = fields.Boolean(string="Availability defined", readonly=True)
    downtime_share = fields.Float(string="Share of downtime (%)", readonly=True)
    cumulative_share = fields.Float(string="Cumulative share (%)", aggregator=None, readonly=True)
    repaired = fields.Integer(string="Repaired failures", readonly=True)
    # formatted for the page shown only (undefined: a word, not 0 h)
    mtbf_display = fields.Char(string="MTBF", compute="_compute_display_figures")
    mttr_display = fields.Char(string="MTTR", compute="_compute_display_figures")
    mart_display = fields.Char(string="Active repair", compute="_compute_display_figures")
    availability_display = fields.Char(string="Availability", compute="_compute_display_figures")

    @property
    def _table_query(self):
        return self._fmd_table()

    def _fmd_wizard(self):
        """The analysis whose rows these are (the action's context), or the
        wizard's defaults (this year, every equipment)."""
        Wizard = self.env["maintenance.fmd.wizard"]
        wizard = Wizard.browse(self.env.context.get("fmd_wizard_id")).exists()
        return wizard or Wizard.new({})

    def _fmd_table(self):
        return self._fmd_query()[1]

    def _fmd_query(self):
        """(scope, query) of the analysis, built once per transaction."""
        key = (
            self.env.context.get("fmd_wizard_id"),
            self.env.uid,
            tuple(self.env.companies.ids),
            self.env.context.get("tz"),
        )
        cache = self.env.cr.cache.setdefault(SCOPE_CACHE, {})
        if key not in cache:
            wizard = self._fmd_wizard()
            Fmd = self.env["maintenance.fmd"]
            scope = Fmd._fmd_scope(
                wizard.date_from,
                wizard.date_to,
                equipment_ids=wizard._equipment_scope(),
                exclude_external=wizard.exclude_external,
            )
            cache[key] = (scope, Fmd._fmd_equipment_table(scope))
        else:
            # the figures read the events and the dossiers' check-ins as
            # the database has them
            for model in ("maintenance.downtime", "maintenance.task.checkin"):
                self.env[model].flush_model()
        return cache[key]

    @api.model
    def search_count(self, domain, limit=None):
        """Without a filter, the analysis has one row per equipment of its
        scope: counted without computing their figures (the list asks the
        count with each full page)."""
        if not Domain(domain).is_true():
            return super().search_count(domain, limit=limit)
        scope, _query = self._fmd_query()
        self.env.cr.execute(
            SQL(
                "SELECT COUNT(*) FROM maintenance_customer_equipment WHERE id IN (%s)",
                scope["equipment"],
            )
        )
        count = self.env.cr.fetchone()[0]
        return min(count, limit) if limit else count

    # the figures it formats are fetched with the page (not by a second
    # computation of the whole table)
    @api.depends(
        "failures",
        "repaired",
        "mtbf_hours",
        "mttr_hours",
        "mart_hours",
        "availability",
        "availability_defined",
    )
    @api.depends_context("lang")
    def _compute_display_figures(self):
        """As the other groupings' lines show them: MTBF and MTTR undefined
        without failure, the active repair time without a repaired one, the
        availability without required time."""
        undefined = self.env._("undefined")
        number = self.env["maintenance.fmd.wizard"]._number_format()
        for row in self:
            row.mtbf_display = number(row.mtbf_hours, 1) if row.failures else undefined
            row.mttr_display = number(row.mttr_hours, 1) if row.failures else undefined
            row.mart_display = number(row.mart_hours, 1) if row.repaired else undefined
            row.availability_display = (
                f"{number(row.availability, 2)} %" if row.availability_defined else undefined
            )

    def action_view_downtime(self):
        """The downtime events of the equipment over the analysis' period."""
        self.ensure_one()
        return self._fmd_wizard()._action_view_downtime([("equipment_id", "=", self.id)], self.name)
