# Copyright 2026 Seed maintainers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from collections import defaultdict
from datetime import timedelta

from dateutil.relativedelta import relativedelta

from odoo import Command, api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import SQL, format_date, get_lang

from odoo.addons.base.models.ir_model import MODULE_UNINSTALL_FLAG

from ..cron_lock import lock_batch
from .maintenance_warranty_type import due_dates

# changing one of these on a validated covered product regenerates its future
# visits still to plan
VISIT_FIELDS = {
    "equipment_id",
    "warranty_type_id",
    "visit_group_id",
    "first_visit_date",
    "date_start",
    "date_end",
}


class ContractLine(models.Model):
    """A covered product: a contract line with an equipment and a warranty type."""

    _inherit = "contract.line"

    equipment_id = fields.Many2one(
        comodel_name="maintenance.customer.equipment",
        string="Equipment",
        index=True,
        domain="[('site_id', '=', site_id)]",
    )
    warranty_type_id = fields.Many2one(
        comodel_name="maintenance.warranty.type",
        string="Warranty type",
        index=True,
        check_company=True,
    )
    visit_group_id = fields.Many2one(
        comodel_name="maintenance.visit.group",
        string="Visit group",
        index=True,
        domain="[('site_id', '=', site_id)]",
    )
    site_id = fields.Many2one(
        related="contract_id.site_id", store=True, index=True, string="Installed site"
    )
    first_visit_date = fields.Date(
        help="Due date of the first preventive visit; the next ones follow the "
        "warranty type's periodicity. Empty: the line's start date.",
    )
    maintenance_state = fields.Selection(
        selection=[("draft", "Draft"), ("validated", "Validated")],
        string="Cover status",
        default="draft",
        required=True,
        copy=False,
    )
    visits_generated_until = fields.Date(
        copy=False,
        readonly=True,
        help="Visits of this covered product are generated up to this date.",
    )
    visit_ids = fields.One2many(
        comodel_name="maintenance.visit",
        inverse_name="contract_line_id",
        string="Visits",
    )
    visit_count = fields.Integer(compute="_compute_visit_count")

    def _compute_visit_count(self):
        counts = dict(
            self.env["maintenance.visit"]._read_group(
                [("contract_line_id", "in", self.ids)], ["contract_line_id"], ["__count"]
            )
        )
        for line in self:
            line.visit_count = counts.get(line, 0)

    @api.constrains("equipment_id", "contract_id")
    def _check_equipment_site(self):
        for line in self:
            site = line.contract_id.site_id
            if line.equipment_id and site and line.equipment_id.site_id != site:
                raise ValidationError(
                    self.env._(
                        "Equipment %(equipment)s is installed at %(equipment_site)s, "
                        "not at the contract's site %(site)s.",
                        equipment=line.equipment_id.display_name,
                        equipment_site=line.equipment_id.site_id.display_name,
                        site=site.display_name,
                    )
                )

    @api.constrains("warranty_type_id", "company_id")
    def _check_warranty_type_company(self):
        # contract.line (OCA) has no automatic company check: ours is explicit
        self._check_company(["warranty_type_id"])

    @api.constrains("visit_group_id", "contract_id")
    def _check_visit_group_site(self):
        for line in self.filtered("visit_group_id"):
            group = line.visit_group_id
            if line.contract_id.site_id != group.site_id:
                raise ValidationError(
                    self.env._(
                        "Visit group %(group)s is for site %(site)s: it cannot "
                        "gather products of %(others)s.",
                        group=group.name,
                        site=group.site_id.display_name,
                        others=line.contract_id.site_id.display_name,
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        # OCA's recurrence fields are computed from the contract when it has
        # no line recurrence, but their defaults win at creation when the
        # form does not send them (API, imports): take the contract's.
        contracts = self.env["contract.contract"].browse(
            {vals["contract_id"] for vals in vals_list if vals.get("contract_id")}
        )
        header = {contract.id: contract for contract in contracts if not contract.line_recurrence}
        for vals in vals_list:
            contract = header.get(vals.get("contract_id"))
            if contract:
                for fname in (
                    "recurring_rule_type",
                    "recurring_invoicing_type",
                    "recurring_interval",
                    "date_start",
                ):
                    vals.setdefault(fname, contract[fname])
        return super().create(vals_list)

    def write(self, vals):
        regenerate = self.browse()
        if VISIT_FIELDS & set(vals) and not self.env.context.get("maintenance_no_regenerate"):
            regenerate = self.filtered(lambda line: line.maintenance_state == "validated")
            old_groups = regenerate.visit_group_id
        res = super().write(vals)
        if regenerate:
            regenerate._check_maintenance_validable()
            if set(vals) & VISIT_FIELDS == {"date_end"}:
                # an end date only: undoable, visits after it are cancelled
                regenerate._apply_end_dates()
            else:
                # visits of a group the line left are regenerated without it
                (old_groups.contract_line_ids - regenerate).filtered(
                    lambda line: line.maintenance_state == "validated"
                )._regenerate_future_visits()
                regenerate._regenerate_future_visits()
        return res

    @api.ondelete(at_uninstall=False)
    def _unlink_except_planned_visits(self):
        # a covered product whose visits are planned or done is history: it
        # is ended (end date, termination), never deleted
        Visit = self.env["maintenance.visit"]
        kept = Visit.search(
            [
                ("state", "in", ("planned", "done", "missed")),
                "|",
                ("contract_line_id", "in", self.ids),
                ("group_line_ids", "in", self.ids),
            ]
        )
        if kept:
            lines = (kept.contract_line_id | kept.group_line_ids) & self
            raise UserError(
                self.env._(
                    "Covered product %(products)s has planned or done visits: it cannot be "
                    "deleted. Set its end date instead.",
                    products=", ".join(line.name or line.product_id.display_name for line in lines),
                )
            )

    def unlink(self):
        # the visits still to plan go first (their link restricts deletion):
        # refuse before touching them; super() runs the same hook again,
        # both skipped when a module is uninstalled
        if not self.env.context.get(MODULE_UNINSTALL_FLAG):
            self._unlink_except_planned_visits()
        self.check_access("unlink")
        self._delete_unplanned_visits(
            [
                ("state", "in", ("to_plan", "cancelled")),
                "|",
                ("contract_line_id", "in", self.ids),
                ("group_line_ids", "in", self.ids),
            ]
        )
        return super().unlink()

    def _delete_unplanned_visits(self, domain):
        """Delete the visits matching ``domain``, which only ever selects
        visits not yet planned of these lines.

        sudo: regenerating (or dropping) the visits still to plan of a covered
        product is part of changing (or deleting) that product, which the
        caller checked the user may do; operations managers have no right to
        delete visits one by one (planned and done ones are history)."""
        visits = self.env["maintenance.visit"].sudo().search(domain)
        if visits.filtered(lambda visit: visit.state not in ("to_plan", "cancelled")):
            raise UserError(self.env._("Only visits still to plan can be regenerated."))
        groups = visits.filtered("visit_group_id")
        # a group's occurrence keeps its other members: only this line leaves it
        shared = groups.filtered(lambda visit: visit.group_line_ids - self)
        if shared:
            shared.write({"group_line_ids": [Command.unlink(line.id) for line in self]})
            shared._refresh_group_summary()
        (visits - shared).unlink()

    def _prepare_invoice_line(self):
        # the invoice speaks the customer's language, whatever the job's
        lang = get_lang(self.env, self.contract_id.partner_id.lang).code
        line = self.with_context(lang=lang)
        vals = super(ContractLine, line)._prepare_invoice_line()
        site = line.contract_id.site_id
        if site and not line.display_type:
            env = line.env
            first, last, _next = line._get_period_to_invoice(
                line.last_date_invoiced, line.recurring_next_date
            )
            details = [
                env._("Contract %(contract)s", contract=line.contract_id.display_name),
                env._("Site: %(site)s", site=site.display_name),
            ]
            if first and last:
                details.append(
                    env._(
                        "Period from %(start)s to %(end)s",
                        start=format_date(env, first, lang_code=lang),
                        end=format_date(env, last, lang_code=lang),
                    )
                )
            vals["name"] = "\n".join([vals["name"], *details])
        return vals

    # validation and visit generation -------------------------------------

    def _covered(self):
        """The lines that are covered products (a warranty type)."""
        return self.filtered(lambda line: line.warranty_type_id and not line.display_type)

    def _check_maintenance_validable(self):
        errors = []
        for line in self:
            product = line.name or line.product_id.display_name or ""
            if not line.contract_id.site_id:
                errors.append(
                    self.env._(
                        "Contract %(contract)s has no installed site.",
                        contract=line.contract_id.display_name,
                    )
                )
            if not line.warranty_type_id:
                errors.append(
                    self.env._("Covered product %(product)s has no warranty type.", product=product)
                )
            if not line.equipment_id:
                errors.append(
                    self.env._("Covered product %(product)s has no equipment.", product=product)
                )
            # OCA refuses a line ending before its own start; the contract's
            # end date and the first visit date are ours to check
            start = line.date_start or line.contract_id.date_start
            end = line._end_date()
            if end and start and end < start:
                errors.append(
                    self.env._(
                        "Covered product %(product)s ends before it starts.", product=product
                    )
                )
            elif end and line.first_visit_date and line.first_visit_date > end:
                errors.append(
                    self.env._(
                        "Covered product %(product)s ends before its first visit date.",
                        product=product,
                    )
                )
            wtype = line.warranty_type_id
            if (
                wtype
                and wtype.visit_interval_unit in ("week", "month")
                and wtype.visit_interval <= 0
            ):
                errors.append(
                    self.env._("Warranty type %(type)s has a periodicity of 0.", type=wtype.name)
                )
        if errors:
            raise ValidationError("\n".join(dict.fromkeys(errors)))

    def _forgotten_warranty_type(self):
        """Lines with an equipment but no warranty type: a covered product
        whose warranty type was forgotten (a line with neither is a plain
        billing line)."""
        return self.filtered(
            lambda line: (
                line.equipment_id
                and not line.warranty_type_id
                and not line.display_type
                and line.maintenance_state == "draft"
            )
        )

    def action_maintenance_validate(self):
        """Validate covered products: creates their visits to plan."""
        return self._maintenance_validate(self._validation_rows())

    def _maintenance_validate(self, rows):
        """Validate these lines' covered products (``rows``: their
        ``_validation_rows``, read once by the caller)."""
        # in this order: the covered products still draft, then the lines
        # whose warranty type was forgotten (see _covered, _forgotten_warranty_type)
        lines = self.browse(
            [line_id for line_id in self._ids if rows[line_id].covered and rows[line_id].draft]
        )
        forgotten = self.browse([line_id for line_id in self._ids if rows[line_id].forgotten])
        if not lines and not forgotten:
            return True
        (lines | forgotten)._check_maintenance_validable(rows)
        lines._generate_visits(validate=True)
        return True

    def _horizon_end(self, company):
        # the horizon is N months from today, today included
        return fields.Date.context_today(self) + relativedelta(
            months=company.maintenance_visit_horizon, days=-1
        )

    def _line_last_date(self, horizon_end):
        self.ensure_one()
        end = self.date_end or self.contract_id.date_end
        return min(horizon_end, end) if end else horizon_end

    def _line_first_date(self):
        self.ensure_one()
        return self.first_visit_date or self.date_start or self.contract_id.date_start

    def _generate_visits(self, horizon_end=None, validate=False):
        """Create the missing visits of validated covered products (or of
        these lines, marking them validated, with ``validate``) up to the
        horizon (the company's, or ``horizon_end``). Idempotent.

        Hot path, set-based: the lines' values are read in one query, the
        dates computed in plain Python, and the visits inserted with one
        statement per batch (``maintenance.visit._insert_generated``); the
        cost is a few queries whatever the number of lines."""
        lines = self if validate else self.filtered(lambda l: l.maintenance_state == "validated")
        if not lines:
            return self.env["maintenance.visit"]
        Visit = self.env["maintenance.visit"]
        today = fields.Date.context_today(self)
        horizons = {}
        vals_list = []
        group_members = defaultdict(set)
        lines_by_until = defaultdict(list)
        computed_p0 = set()
        types = {}
        for row in lines._generation_rows():
            (line_id, company_id, contract_id, equipment_id, wtype_id, group_id,
             first_date, end_date, since, site_id, customer_id, sector_id,
             initial_price, price_initial, fgas_interval, installed_on) = row  # fmt: skip
            if company_id not in horizons:
                company = self.env["res.company"].browse(company_id)
                horizons[company_id] = horizon_end or self._horizon_end(company)
            last_date = min(horizons[company_id], end_date) if end_date else horizons[company_id]
            # P0 of a manually priced product validated without one: its price,
            # written with the rest (see contract_line_revision.py)
            lines_by_until[last_date, initial_price if validate else None].append(line_id)
            if validate and initial_price is None and not price_initial:
                computed_p0.add(line_id)
            if wtype_id not in types:
                types[wtype_id] = self._generation_paces(wtype_id)
            main, obligations = types[wtype_id]
            common = {
                "company_id": company_id,
                "contract_id": contract_id,
                "contract_line_id": line_id,
                "visit_group_id": None,
                "site_id": site_id,
                "customer_id": customer_id,
                "sector_id": sector_id,
                "equipment_id": equipment_id,
                "warranty_type_id": wtype_id,
            }
            vals_list += self._obligation_visit_values(
                common,
                obligations,
                first_date=first_date,
                last_date=last_date,
                installed_on=installed_on,
                since=since,
                today=today,
            )
            unit, interval, before, after, operations, duration = main
            if unit == "fgas":
                # leak checks at the pace of the equipment's refrigerant charge,
                # visited on their own even in a visit group (legal due dates)
                unit, interval = "month", fgas_interval or 0
            elif group_id:
                group_members[group_id].add(line_id)
                continue
            # no visit already overdue beyond its tolerance at validation time
            not_before = today - after
            for due in due_dates(first_date, last_date, unit, interval):
                if due < not_before or (since and due <= since):
                    continue
                vals_list.append(
                    {
                        **common,
                        "obligation_id": None,
                        "due_date": due,
                        "window_start": due - before,
                        "window_end": due + after,
                        "operations": operations,
                        "duration": duration,
                        "generation_key": f"L{line_id}:{due.isoformat()}",
                    }
                )
        if group_members:
            groups = self.env["maintenance.visit.group"].browse(list(group_members))
            occurrences = groups._existing_occurrences()
            for group in groups:
                vals_list += group._group_visit_values(
                    self.browse(group_members[group.id]),
                    horizon_end or self._horizon_end(group.company_id),
                    occurrences.get(group.id, {}),
                )
        group_links = {
            vals["generation_key"]: vals.pop("group_line_ids")
            for vals in vals_list
            if "group_line_ids" in vals
        }
        inserted = set()
        ids_by_key = Visit._insert_generated(vals_list, inserted)
        joined = Visit._link_group_lines(ids_by_key, group_links)
        # an existing occurrence still to plan that new members joined:
        # their durations and operations are added to it
        joined.filtered(lambda visit: visit.id not in inserted)._refresh_group_summary()
        lines._write_generation_state(lines_by_until, computed_p0, validate)
        # the new rows are not in the cache; the one2many and counters are
        for model, fnames in (
            ("contract.line", ["visit_ids", "visit_count"]),
            ("contract.contract", ["visit_ids", "visit_count"]),
            ("maintenance.visit.group", ["visit_ids", "visit_count"]),
            ("maintenance.site", ["visit_count"]),
            ("maintenance.customer.equipment", ["visit_count"]),
        ):
            self.env[model].invalidate_model(fnames)
        return Visit.browse(ids_by_key.values())

    @api.model
    def _obligation_visit_values(
        self, common, obligations, *, first_date, last_date, installed_on, since, today
    ):
        """Visits of a line's regulated obligations (a lift's cable check,
        its five-yearly inspection...): each due date a visit of the
        equipment, one period after its anchor (the first visit date or the
        installation date), never before the cover starts."""
        vals_list = []
        line_id = common["contract_line_id"]
        for (
            obligation_id,
            unit,
            interval,
            anchor,
            before,
            after,
            operations,
            duration,
        ) in obligations:
            start = installed_on if anchor == "installation" and installed_on else first_date
            not_before = max(today - after, first_date)
            for due in due_dates(start, last_date, unit, interval)[1:]:
                if due < not_before or (since and due <= since):
                    continue
                vals_list.append(
                    {
                        **common,
                        "obligation_id": obligation_id,
                        "due_date": due,
                        "window_start": due - before,
                        "window_end": due + after,
                        "operations": operations,
                        "duration": duration,
                        "generation_key": f"L{line_id}:O{obligation_id}:{due.isoformat()}",
                    }
                )
        return vals_list

    def _generation_paces(self, wtype_id):
        """What generation needs of a warranty type: its main pace and each
        obligation's (unit, interval, anchor, windows, operations, duration)."""
        wtype = self.env["maintenance.warranty.type"].browse(wtype_id)
        main = (
            wtype.visit_interval_unit,
            wtype.visit_interval,
            timedelta(days=wtype.window_before_days),
            timedelta(days=wtype.window_after_days),
            wtype._operations_text(),
            wtype.visit_duration,
        )
        obligations = [
            (
                obligation.id,
                obligation.interval_unit,
                obligation.interval,
                obligation.anchor,
                timedelta(days=obligation.window_before_days),
                timedelta(days=obligation.window_after_days),
                wtype._operations_text(obligation),
                obligation.duration,
            )
            for obligation in wtype.obligation_ids
        ]
        return main, obligations

    def _generation_rows(self):
        """The values visit generation needs, for all these lines in one
        query (ids, not records: no per-record ORM cost on the hot path)."""
        self.check_access("read")
        self.env.flush_all()
        self.env.cr.execute(
            SQL(
                """
                SELECT line.id, line.company_id, line.contract_id, line.equipment_id,
                       line.warranty_type_id, line.visit_group_id,
                       COALESCE(line.first_visit_date, line.date_start, contract.date_start),
                       COALESCE(line.date_end, contract.date_end),
                       line.visits_generated_until,
                       contract.site_id, site.customer_id, site.sector_id,
                       CASE WHEN COALESCE(line.price_initial, 0) = 0
                             AND NOT COALESCE(line.automatic_price, FALSE)
                            THEN line.specific_price END,
                       line.price_initial,
                       equipment.fgas_check_interval, equipment.installation_date
                  FROM contract_line line
                  JOIN contract_contract contract ON contract.id = line.contract_id
             LEFT JOIN maintenance_site site ON site.id = contract.site_id
             LEFT JOIN maintenance_customer_equipment equipment
                    ON equipment.id = line.equipment_id
                 WHERE line.id = ANY(%s)
              ORDER BY line.id
                """,
                self.ids,
            )
        )
        return self.env.cr.fetchall()

    def _regenerate_future_visits(self):
        """Replace the future visits still to plan of these validated lines
        (and of their groups); planned, done or past visits are kept, and so
        are visits cancelled by hand or by a termination."""
        lines = self.filtered(lambda line: line.maintenance_state == "validated")
        if not lines:
            return
        self.check_access("write")
        today = fields.Date.context_today(self)
        groups = lines.visit_group_id
        members = lines | groups.contract_line_ids.filtered(
            lambda line: line.maintenance_state == "validated"
        )
        members._delete_unplanned_visits(
            [
                ("due_date", ">=", today),
                "|",
                ("state", "=", "to_plan"),
                "&",
                ("state", "=", "cancelled"),
                ("cancelled_by_end", "=", True),
                "|",
                ("contract_line_id", "in", lines.ids),
                ("visit_group_id", "in", groups.ids),
            ]
        )
        members.visits_generated_until = False
        members._generate_visits()

    def _end_date(self):
        self.ensure_one()
        return self.date_end or self.contract_id.date_end

    def _apply_end_dates(self):
        """One rule for the end date of a covered product or of its contract,
        undoable: the visits still to plan due after the end are cancelled
        (kept, marked as cancelled by the end); moving the end later or
        removing it puts them back to plan and generates the missing ones."""
        lines = self.filtered(lambda line: line.maintenance_state == "validated")
        if not lines:
            return
        lines.check_access("write")
        Visit = self.env["maintenance.visit"]
        ends = {line: line._end_date() for line in lines}

        def ended(line, due):
            return bool(ends.get(line)) and due > ends[line]

        cancelled = Visit.search(
            [
                ("state", "=", "cancelled"),
                ("cancelled_by_end", "=", True),
                "|",
                ("contract_line_id", "in", lines.ids),
                ("group_line_ids", "in", lines.ids),
            ]
        )
        cancelled.filtered(
            lambda visit: any(
                not ended(line, visit.due_date)
                for line in (visit.contract_line_id | visit.group_line_ids) & lines
            )
        ).write({"state": "to_plan", "cancelled_by_end": False})
        lines._cancel_visits_after({line: end for line, end in ends.items() if end}, by_end=True)
        lines.visits_generated_until = False
        lines._generate_visits()

    def _cancel_visits_after(self, ends, by_end=False):
        """Cancel the visits still to plan of these lines due after their
        end (``ends``: {line: date}, or one date for all); a visit of a group
        keeps its other members and only loses these lines."""
        if not isinstance(ends, dict):
            ends = dict.fromkeys(self, ends)
        if not ends:
            return self.env["maintenance.visit"]
        lines = self.browse([line.id for line in ends])
        visits = self.env["maintenance.visit"].search(
            [
                ("state", "=", "to_plan"),
                ("due_date", ">", min(ends.values())),
                "|",
                ("contract_line_id", "in", lines.ids),
                ("group_line_ids", "in", lines.ids),
            ]
        )
        to_cancel = self.env["maintenance.visit"]
        leaving = defaultdict(list)
        for visit in visits:
            members = visit.contract_line_id | visit.group_line_ids
            gone = members.filtered(
                lambda line, due=visit.due_date: line in ends and due > ends[line]
            )
            if not gone:
                continue
            if gone == members:
                to_cancel |= visit
            else:
                leaving[visit] = [Command.unlink(line.id) for line in gone]
        to_cancel.write({"state": "cancelled", "cancelled_by_end": by_end})
        for visit, commands in leaving.items():
            visit.write({"group_line_ids": commands})
        self.env["maintenance.visit"].browse(
            [visit.id for visit in leaving]
        )._refresh_group_summary()
        return to_cancel

    @api.model
    def _cron_generate_visits(self, batch_size=500):
        """Monthly: extend the visits of validated covered products to each
        company's horizon, in bounded batches, reporting progress to ir.cron.
        Safe beside a concurrent run: each batch is locked (skipping the lines
        another run holds) and the visits are keyed (``generation_key``)."""
        today = fields.Date.context_today(self)
        in_cron = bool(self.env.context.get("ir_cron_progress_id"))
        for company in self.env["res.company"].sudo().search([]):
            horizon_end = self._horizon_end(company)
            domain = [
                ("company_id", "=", company.id),
                ("maintenance_state", "=", "validated"),
                ("contract_id.maintenance_state", "=", "active"),
                "|",
                ("visits_generated_until", "=", False),
                ("visits_generated_until", "<", horizon_end),
                "|",
                ("date_end", "=", False),
                ("date_end", ">", today),
            ]
            done_ids = []
            while True:
                lines = lock_batch(self, [*domain, ("id", "not in", done_ids)], batch_size)
                if not lines:
                    break
                done_ids += lines.ids
                lines._generate_visits(horizon_end)
                if in_cron:
                    remaining = self.search_count([*domain, ("id", "not in", done_ids)])
                    if not self.env["ir.cron"]._commit_progress(len(lines), remaining=remaining):
                        return True
        return True
