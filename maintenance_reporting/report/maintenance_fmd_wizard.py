# Copyright 2026 Seed maintainers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import ast
import json

from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools import SQL, float_round, format_date, get_lang

from odoo.addons.base.models.res_lang import intersperse

# lines inserted per statement: the per-equipment analysis of a large
# company has tens of thousands of them
INSERT_PAGE = 5000

GROUPBY_SELECTION = [
    ("equipment_id", "Equipment"),
    ("site_id", "Installed site"),
    ("customer_id", "Customer"),
    ("product_id", "Product"),
    ("categ_id", "Equipment family"),
    ("contract_id", "Contract"),
    ("cause_id", "Failure cause"),
]
# the model of each group's key
GROUPBY_MODELS = {
    "equipment_id": "maintenance.customer.equipment",
    "site_id": "maintenance.site",
    "customer_id": "res.partner",
    "product_id": "product.product",
    "categ_id": "product.category",
    "contract_id": "contract.contract",
    "cause_id": "maintenance.failure.cause",
}


class MaintenanceFmdWizard(models.TransientModel):
    """The FMD analysis for a period: the operations manager chooses the
    period, the grouping and the scope, and gets one line per group
    (figures computed by ``maintenance.fmd._fmd_figures`` in one query)."""

    _name = "maintenance.fmd.wizard"
    _description = "FMD indicators"

    date_from = fields.Date(
        string="From",
        required=True,
        default=lambda self: fields.Date.context_today(self).replace(month=1, day=1),
    )
    date_to = fields.Date(string="To", required=True, default=fields.Date.context_today)
    groupby = fields.Selection(
        selection=GROUPBY_SELECTION, string="Per", required=True, default="equipment_id"
    )
    exclude_external = fields.Boolean(
        string="Leave out external causes",
        help="Power cuts, misuse...: their time is neither required nor down.",
    )
    customer_ids = fields.Many2many(
        comodel_name="res.partner", string="Customers", domain="[('is_company', '=', True)]"
    )
    site_ids = fields.Many2many(comodel_name="maintenance.site", string="Installed sites")
    contract_ids = fields.Many2many(
        comodel_name="contract.contract",
        string="Contracts",
        domain="[('is_maintenance', '=', True)]",
    )
    equipment_ids = fields.Many2many(
        comodel_name="maintenance.customer.equipment", string="Equipment"
    )
    line_ids = fields.One2many(
        comodel_name="maintenance.fmd.line", inverse_name="wizard_id", string="Lines"
    )

    @api.constrains("date_from", "date_to")
    def _check_dates(self):
        for wizard in self:
            if wizard.date_to < wizard.date_from:
                raise ValidationError(self.env._("The end of the period is before its start."))

    def _equipment_scope(self):
        """The ids of the equipment chosen, or None for all of them."""
        self.ensure_one()
        domain = []
        if self.customer_ids:
            domain.append(("customer_id", "in", self.customer_ids.ids))
        if self.site_ids:
            domain.append(("site_id", "in", self.site_ids.ids))
        if self.equipment_ids:
            domain.append(("id", "in", self.equipment_ids.ids))
        if self.contract_ids:
            domain.append(("id", "in", self.contract_ids.contract_line_ids.equipment_id.ids))
        if not domain:
            return None
        Equipment = self.env["maintenance.customer.equipment"].with_context(active_test=False)
        return Equipment.search(domain).ids

    def action_compute(self):
        """Compute the figures and show them, most downtime first: per
        equipment, the read-only analysis computed by PostgreSQL page by page
        (nothing stored); per other group, the lines."""
        self.ensure_one()
        if self.groupby == "equipment_id":
            return self._action_per_equipment()
        rows = self.env["maintenance.fmd"]._fmd_figures(
            self.date_from,
            self.date_to,
            equipment_ids=self._equipment_scope(),
            groupby=self.groupby,
            exclude_external=self.exclude_external,
        )
        self.line_ids.unlink()
        self._insert_lines(self._line_vals(rows))
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "maintenance_reporting.maintenance_fmd_line_action"
        )
        action["domain"] = [("wizard_id", "=", self.id)]
        action["display_name"] = self._action_title()
        return action

    def _action_per_equipment(self):
        # the access is checked now, not at the list's first page
        self.env["maintenance.fmd"]._fmd_check_access()
        self.line_ids.unlink()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "maintenance_reporting.maintenance_fmd_equipment_action"
        )
        action["context"] = {"fmd_wizard_id": self.id}
        action["domain"] = []
        action["display_name"] = self._action_title()
        return action

    def _action_title(self):
        return self.env._(
            "FMD per %(groupby)s, %(start)s - %(stop)s",
            groupby=dict(self._fields["groupby"]._description_selection(self.env))[self.groupby],
            start=format_date(self.env, self.date_from),
            stop=format_date(self.env, self.date_to),
        )

    def _action_view_downtime(self, domain, name):
        """The downtime events of the analysis' period and scope, within
        ``domain`` (a line's group)."""
        self.ensure_one()
        start, stop, _now = self.env["maintenance.fmd"]._fmd_period(self.date_from, self.date_to)
        domain = [
            *domain,
            ("date_start", "<", stop),
            "|",
            ("date_end", "=", False),
            ("date_end", ">", start),
        ]
        if self.exclude_external:
            domain.append(("kind", "!=", "external"))
        scope = self._equipment_scope()
        if scope is not None:
            domain.append(("equipment_id", "in", scope))
        # by the model's name: the downtime add-on owns its actions
        return {
            "type": "ir.actions.act_window",
            "name": name,
            "res_model": "maintenance.downtime",
            "view_mode": "list,form,pivot,graph",
            "views": [(False, "list"), (False, "form"), (False, "pivot"), (False, "graph")],
            "domain": domain,
        }

    def _line_vals(self, rows):
        """One line per group, with its share of the downtime and the
        running total of the shares (Pareto)."""
        names = dict(
            self.env[GROUPBY_MODELS[self.groupby]]
            .with_context(active_test=False)
            .browse([row["key"] for row in rows if row["key"]])
            .sudo()  # names only: the groups are those of the user's equipment
            .mapped(lambda record: (record.id, record.display_name))
        )
        undefined = self.env._("undefined")
        number = self._number_format()
        total = sum(row["downtime_hours"] for row in rows)
        running = 0.0
        vals_list = []
        for rank, row in enumerate(rows, start=1):
            running += row["downtime_hours"]
            key = row["key"]
            vals = {
                "wizard_id": self.id,
                "sequence": rank,
                "name": names.get(key) or self.env._("Not set"),
                self.groupby: key or False,
                "equipment_count": row["equipment_count"],
                "failures": row["failures"],
                "downtime_hours": row["downtime_hours"],
                "downtime_share": 100.0 * row["downtime_hours"] / total if total else 0.0,
                "cumulative_share": 100.0 * running / total if total else 0.0,
            }
            for name in ("required_hours", "uptime_hours"):
                vals[name] = row[name] or 0.0
            for name in ("mtbf_hours", "mttr_hours", "mart_hours"):
                value = row[name]
                # undefined (no failure, nothing repaired): NULL, not 0 h
                vals[name] = value
                vals[name.replace("_hours", "_display")] = (
                    undefined if value is None else number(value, 1)
                )
            availability = row["availability"]
            vals["availability"] = 100.0 * availability if availability is not None else 0.0
            vals["availability_defined"] = availability is not None
            vals["availability_display"] = (
                undefined if availability is None else f"{number(100.0 * availability, 2)} %"
            )
            vals_list.append(vals)
        return vals_list

    def _number_format(self):
        """``formatLang(env, value, digits)`` (grouped) of the user's
        language, read once: one line per equipment formats four figures,
        and each ``formatLang`` looks the language up and parses its grouping
        again (``test_number_format_is_formatlang`` keeps them equal)."""
        lang = get_lang(self.env)
        grouping = ast.literal_eval(lang.grouping)
        point, separator = lang.decimal_point, lang.thousands_sep or ""

        def number(value, digits):
            rounded = float_round(value, precision_digits=digits, rounding_method="HALF-EVEN")
            text = f"{rounded:.{digits}f}"
            integer, _dot, decimals = text.partition(".")
            integer = intersperse(integer, grouping, separator)[0]
            return f"{integer}{point}{decimals}" if decimals else integer

        return number

    def _insert_lines(self, vals_list):
        """Insert the lines with one SQL statement per page of rows, given as
        JSON (``json_populate_recordset``), instead of one ORM create per
        group: per equipment, a large company has tens of thousands of
        groups, computed again at each analysis. The lines are plain values:
        no computed, related or translated field, no default but the log
        columns, set here."""
        self.ensure_one()
        if not vals_list:
            return
        Line = self.env["maintenance.fmd.line"]
        names = sorted(set().union(*vals_list))
        # the ORM's False for "no record" is NULL in SQL (JSON false is no id)
        nullable = [name for name in names if Line._fields[name].type != "boolean"]
        rows = [
            {**vals, **{name: None for name in nullable if vals.get(name) is False}}
            for vals in vals_list
        ]
        table = SQL.identifier(Line._table)
        columns = SQL(", ").join(SQL.identifier(name) for name in names)
        for start in range(0, len(rows), INSERT_PAGE):
            self.env.cr.execute(
                SQL(
                    "INSERT INTO %(table)s (%(columns)s, create_uid, write_uid, create_date,"
                    " write_date) SELECT %(columns)s, %(uid)s, %(uid)s, %(now)s, %(now)s"
                    " FROM json_populate_recordset(NULL::%(table)s, %(rows)s)",
                    table=table,
                    columns=columns,
                    uid=self.env.uid,
                    now=self.env.cr.now(),
                    rows=json.dumps(rows[start : start + INSERT_PAGE]),
                )
            )
        self.invalidate_recordset(["line_ids"])


class MaintenanceFmdLine(models.TransientModel):
    """One group's FMD figures over the wizard's period."""

    _name = "maintenance.fmd.line"
    _description = "FMD indicators line"
    _order = "sequence, id"

    wizard_id = fields.Many2one(
        comodel_name="maintenance.fmd.wizard", required=True, ondelete="cascade", index=True
    )
    sequence = fields.Integer(string="Rank", aggregator=None)
    name = fields.Char(string="Group")
    equipment_id = fields.Many2one(comodel_name="maintenance.customer.equipment")
    site_id = fields.Many2one(comodel_name="maintenance.site", string="Installed site")
    customer_id = fields.Many2one(comodel_name="res.partner", string="Customer")
    product_id = fields.Many2one(comodel_name="product.product", string="Product")
    categ_id = fields.Many2one(comodel_name="product.category", string="Equipment family")
    contract_id = fields.Many2one(comodel_name="contract.contract", string="Contract")
    cause_id = fields.Many2one(comodel_name="maintenance.failure.cause", string="Failure cause")
    equipment_count = fields.Integer(string="Number of equipment")
    failures = fields.Integer()
    downtime_hours = fields.Float(string="Downtime (h)", digits=(16, 1))
    required_hours = fields.Float(string="Required time (h)", digits=(16, 1))
    uptime_hours = fields.Float(string="Uptime (h)", digits=(16, 1))
    mtbf_hours = fields.Float(string="MTBF (h)", digits=(16, 1), aggregator=None)
    mttr_hours = fields.Float(string="MTTR (h)", digits=(16, 1), aggregator=None)
    mart_hours = fields.Float(string="Mean active repair time (h)", digits=(16, 1), aggregator=None)
    availability = fields.Float(string="Availability (%)", digits=(16, 2), aggregator="min")
    availability_defined = fields.Boolean(string="Availability defined")
    mtbf_display = fields.Char(string="MTBF")
    mttr_display = fields.Char(string="MTTR")
    mart_display = fields.Char(string="Active repair")
    availability_display = fields.Char(string="Availability")
    downtime_share = fields.Float(string="Share of downtime (%)", digits=(16, 1))
    cumulative_share = fields.Float(string="Cumulative share (%)", digits=(16, 1), aggregator=None)

    def action_view_downtime(self):
        """The downtime events behind the line, over the period."""
        self.ensure_one()
        wizard = self.wizard_id
        field = {
            "equipment_id": "equipment_id",
            "site_id": "site_id",
            "customer_id": "customer_id",
            "product_id": "equipment_id.product_id",
            "categ_id": "equipment_id.product_id.categ_id",
            "cause_id": "cause_id",
        }.get(wizard.groupby)
        value = self[wizard.groupby].id or False
        if field:
            domain = [(field, "=", value)]
        else:  # contract_id
            domain = [("equipment_id", "in", self.contract_id.contract_line_ids.equipment_id.ids)]
        return wizard._action_view_downtime(domain, self.name)
