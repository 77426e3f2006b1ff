# Copyright 2026 Seed maintainers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import SQL, format_date


def pg_array(values):
    """A PostgreSQL array literal ('{1,NULL,"a \\"b\\""}') of ints, floats,
    dates or strings, to pass as one parameter and cast (``%s::int4[]``)."""
    items = []
    for value in values:
        if value is None or value is False:
            items.append("NULL")
        elif isinstance(value, str):
            escaped = value.replace("\\", "\\\\").replace('"', '\\"')
            items.append(f'"{escaped}"')
        else:  # int, float, date: their text form is PostgreSQL's
            items.append(str(value))
    return "{" + ",".join(items) + "}"


class MaintenanceVisit(models.Model):
    """A preventive visit to plan, generated from a validated covered product
    (or from a visit group). The planning turns it into intervention dossiers."""

    _name = "maintenance.visit"
    _description = "Visit to plan"
    _order = "due_date, id"
    _check_company_auto = True

    company_id = fields.Many2one(
        comodel_name="res.company",
        required=True,
        index=True,
        default=lambda self: self.env.company,
    )
    contract_id = fields.Many2one(
        comodel_name="contract.contract",
        string="Contract",
        index=True,
        ondelete="cascade",
    )
    contract_line_id = fields.Many2one(
        comodel_name="contract.line",
        string="Covered product",
        index=True,
        ondelete="restrict",
    )
    visit_group_id = fields.Many2one(
        comodel_name="maintenance.visit.group",
        string="Visit group",
        index=True,
        ondelete="restrict",
    )
    group_line_ids = fields.Many2many(
        comodel_name="contract.line",
        relation="maintenance_visit_group_line_rel",
        column1="visit_id",
        column2="contract_line_id",
        string="Grouped products",
        help="Covered products of the visit group due at this visit.",
    )
    site_id = fields.Many2one(
        comodel_name="maintenance.site",
        string="Installed site",
        required=True,
        index=True,
        check_company=True,
    )
    customer_id = fields.Many2one(
        related="site_id.customer_id", store=True, index=True, string="Customer"
    )
    sector_id = fields.Many2one(related="site_id.sector_id", store=True, index=True)
    equipment_id = fields.Many2one(
        comodel_name="maintenance.customer.equipment",
        string="Equipment",
        index=True,
    )
    equipment_ids = fields.Many2many(
        comodel_name="maintenance.customer.equipment",
        string="Equipment to visit",
        compute="_compute_equipment_ids",
    )
    warranty_type_id = fields.Many2one(
        comodel_name="maintenance.warranty.type",
        string="Warranty type",
        index=True,
    )
    obligation_id = fields.Many2one(
        comodel_name="maintenance.warranty.obligation",
        string="Obligation",
        index=True,
        ondelete="restrict",
        help="The regulatory obligation this visit fulfils; empty: a main visit "
        "of the warranty type.",
    )
    due_date = fields.Date(required=True, index=True)
    window_start = fields.Date(string="Window from")
    window_end = fields.Date(string="Window to")
    state = fields.Selection(
        selection=[
            ("to_plan", "To plan"),
            ("planned", "Planned"),
            ("done", "Done"),
            ("missed", "Missed"),
            ("cancelled", "Cancelled"),
        ],
        default="to_plan",
        required=True,
        index=True,
    )
    cancelled_by_end = fields.Boolean(
        string="Cancelled by an end date",
        readonly=True,
        copy=False,
        help="Cancelled because its covered product or contract ended before it: "
        "moving the end date later or removing it puts it back to plan.",
    )
    operations = fields.Text(
        help="Operations to perform, copied from the warranty type when the visit was generated.",
    )
    duration = fields.Float(string="Estimated duration", help="In hours.")
    done_date = fields.Date(string="Done on")
    generation_key = fields.Char(
        copy=False,
        readonly=True,
        help="Technical key making the generation idempotent.",
    )
    is_overdue = fields.Boolean(compute="_compute_is_overdue", search="_search_is_overdue")
    note = fields.Text()

    _generation_key_unique = models.Constraint(
        "UNIQUE(generation_key)",
        "This visit was already generated.",
    )
    _window_check = models.Constraint(
        "CHECK(window_start IS NULL OR window_end IS NULL OR window_start <= window_end)",
        "The window of a visit must start before it ends.",
    )

    @api.depends("equipment_id", "group_line_ids")
    def _compute_equipment_ids(self):
        for visit in self:
            visit.equipment_ids = visit.equipment_id | visit.sudo().group_line_ids.equipment_id

    @api.depends("state", "window_end", "due_date")
    def _compute_is_overdue(self):
        today = fields.Date.context_today(self)
        for visit in self:
            visit.is_overdue = (
                visit.state == "to_plan" and (visit.window_end or visit.due_date) < today
            )

    def _search_is_overdue(self, operator, value):
        if operator not in ("in", "not in"):
            return NotImplemented
        today = fields.Date.context_today(self)
        overdue = [
            ("state", "=", "to_plan"),
            "|",
            ("window_end", "<", today),
            "&",
            ("window_end", "=", False),
            ("due_date", "<", today),
        ]
        if (operator == "in") == (True in value):
            return overdue
        return ["!", *overdue]

    @api.depends("due_date", "equipment_id", "visit_group_id", "site_id", "obligation_id")
    def _compute_display_name(self):
        for visit in self:
            what = visit.visit_group_id.name or visit.equipment_id.name or visit.site_id.name
            if visit.obligation_id:
                what = f"{what} ({visit.obligation_id.name})"
            due = (visit.due_date and format_date(self.env, visit.due_date)) or ""
            visit.display_name = f"{what} - {due}" if what else due

    def action_cancel(self):
        if self.filtered(lambda visit: visit.state in ("done", "planned")):
            raise UserError(
                self.env._(
                    "Only visits still to plan can be cancelled; cancel the "
                    "intervention dossier of a planned visit instead."
                )
            )
        self.write({"state": "cancelled"})

    def action_mark_missed(self):
        if self.filtered(lambda visit: visit.state != "to_plan"):
            raise UserError(self.env._("Only visits still to plan can be marked missed."))
        self.write({"state": "missed"})

    def action_reset_to_plan(self):
        if self.filtered(lambda visit: visit.state not in ("cancelled", "missed")):
            raise UserError(self.env._("Only cancelled or missed visits can be put back to plan."))
        self.write({"state": "to_plan"})

    # bulk generation ------------------------------------------------------

    _BULK_COLUMNS = (
        ("company_id", "int4"),
        ("contract_id", "int4"),
        ("contract_line_id", "int4"),
        ("visit_group_id", "int4"),
        ("site_id", "int4"),
        ("customer_id", "int4"),
        ("sector_id", "int4"),
        ("equipment_id", "int4"),
        ("warranty_type_id", "int4"),
        ("obligation_id", "int4"),
        ("due_date", "date"),
        ("window_start", "date"),
        ("window_end", "date"),
        ("operations", "text"),
        ("duration", "float8"),
        ("generation_key", "varchar"),
    )

    @api.model
    def _insert_generated(self, vals_list, inserted=None):
        """Insert generated visits in one statement per batch, skipping those
        already generated (the unique ``generation_key`` makes it idempotent,
        in the database, even under concurrent runs).

        Set-based on purpose: validating thousands of covered products must
        cost a few queries, not a few per visit (see tests/perf). Access is
        checked like ``create`` would.

        :param vals_list: dicts with the keys of ``_BULK_COLUMNS``
        :param inserted: a set, given the ids of the rows inserted (not
            those that existed)
        :return: {generation_key: visit id} for every key, new or existing
        """
        if not vals_list:
            return {}
        self.check_access("create")
        allowed = set(self.env.companies.ids) | {self.env.company.id}
        if any(vals["company_id"] not in allowed for vals in vals_list):
            raise UserError(self.env._("You cannot generate visits for a company you are not in."))
        self.env.flush_all()
        names = [name for name, _type in self._BULK_COLUMNS]
        # one array literal per column ('{...}'::date[]): parsed as one value,
        # where psycopg2's ARRAY[...] of 20,000 constants costs the planner
        casts = SQL(", ").join(
            SQL("%s::%s[]", pg_array(vals.get(name) for vals in vals_list), SQL(sql_type))
            for name, sql_type in self._BULK_COLUMNS
        )
        self.env.cr.execute(
            SQL(
                """
                INSERT INTO maintenance_visit (%(columns)s, state,
                    create_uid, create_date, write_uid, write_date)
                SELECT u.*, 'to_plan', %(uid)s, %(now)s, %(uid)s, %(now)s
                  FROM unnest(%(casts)s) AS u(%(columns)s)
                ON CONFLICT (generation_key) DO NOTHING
             RETURNING generation_key, id
                """,
                columns=SQL(", ").join(SQL.identifier(name) for name in names),
                casts=casts,
                uid=self.env.uid,
                now=self.env.cr.now(),
            )
        )
        ids_by_key = dict(self.env.cr.fetchall())
        if inserted is not None:
            inserted.update(ids_by_key.values())
        # the keys generated before (by an earlier or a concurrent run)
        existing = [vals["generation_key"] for vals in vals_list]
        existing = [key for key in existing if key not in ids_by_key]
        if existing:
            self.env.cr.execute(
                SQL(
                    "SELECT generation_key, id FROM maintenance_visit"
                    " WHERE generation_key = ANY(%s)",
                    existing,
                )
            )
            ids_by_key.update(self.env.cr.fetchall())
        return ids_by_key

    @api.model
    def _link_group_lines(self, ids_by_key, group_links):
        """Link grouped visits to the covered products due at them; only
        visits still to plan take new members.

        :return: the visits that gained a member
        """
        visit_ids, line_ids = [], []
        for key, members in group_links.items():
            for line_id in members:
                visit_ids.append(ids_by_key[key])
                line_ids.append(line_id)
        if not visit_ids:
            return self.browse()
        self.env.cr.execute(
            SQL(
                """
                INSERT INTO maintenance_visit_group_line_rel (visit_id, contract_line_id)
                SELECT u.visit_id, u.line_id
                  FROM unnest(%s::int4[], %s::int4[]) AS u(visit_id, line_id)
                  JOIN maintenance_visit visit
                    ON visit.id = u.visit_id AND visit.state = 'to_plan'
                ON CONFLICT DO NOTHING
             RETURNING visit_id
                """,
                visit_ids,
                line_ids,
            )
        )
        joined = self.browse({row[0] for row in self.env.cr.fetchall()})
        joined.invalidate_recordset(["group_line_ids"])
        return joined

    @api.model
    def _group_operations(self, lines):
        return "\n".join(
            f"{line.equipment_id.display_name}\n{line.warranty_type_id._operations_text()}"
            for line in lines
        )

    def _refresh_group_summary(self):
        """Recompute what a group's visits still to plan sum up from their
        members (duration, operations, contract) after members joined or left."""
        for visit in self.filtered(lambda visit: visit.visit_group_id and visit.state == "to_plan"):
            # sudo: members may belong to contracts the user cannot read (the
            # summary is generated text, like at generation)
            members = visit.sudo().group_line_ids
            contracts = members.contract_id
            visit.write(
                {
                    "duration": sum(line.warranty_type_id.visit_duration for line in members),
                    "operations": self._group_operations(members),
                    "contract_id": contracts.id if len(contracts) == 1 else False,
                }
            )

    @api.model
    def _window(self, due_date, warranty_type):
        return (
            due_date - timedelta(days=warranty_type.window_before_days),
            due_date + timedelta(days=warranty_type.window_after_days),
        )
