# Copyright 2026 Seed maintainers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import logging
from collections import defaultdict
from decimal import Decimal

from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.service.model import PG_CONCURRENCY_EXCEPTIONS_TO_RETRY
from odoo.tools import format_date, get_lang

from odoo.addons.maintenance_contracts.cron_lock import lock_batch

from .maintenance_price_revision_formula import to_decimal
from .price_index_book import IndexBook, MissingIndex, decimal_text, month_label, month_text

_logger = logging.getLogger(__name__)

COEFFICIENT_DIGITS = (16, 8)


class MaintenancePriceRevision(models.Model):
    """A price revision of a contract at a date: the index values used, the
    coefficient and the old and new price of each product. The prices are
    written on the contract lines on the revision date (dated price: the
    line keeps its identity, its equipment, warranty type and visits)."""

    _name = "maintenance.price.revision"
    _description = "Price revision"
    _order = "date desc, id desc"
    _check_company_auto = True

    contract_id = fields.Many2one(
        comodel_name="contract.contract",
        string="Contract",
        required=True,
        index=True,
        ondelete="cascade",
        check_company=True,
    )
    company_id = fields.Many2one(
        related="contract_id.company_id", store=True, index=True, precompute=True
    )
    partner_id = fields.Many2one(related="contract_id.partner_id", string="Customer")
    site_id = fields.Many2one(related="contract_id.site_id")
    currency_id = fields.Many2one(related="contract_id.currency_id")
    date = fields.Date(string="Revision date", required=True, index=True)
    formula_id = fields.Many2one(
        comodel_name="maintenance.price.revision.formula",
        string="Formula",
        required=True,
        index=True,
        ondelete="restrict",
    )
    base_mode = fields.Selection(
        selection=[("chained", "Chained"), ("initial", "From the initial price")],
        string="Base",
        required=True,
    )
    state = fields.Selection(
        selection=[
            ("scheduled", "Scheduled"),
            ("done", "Applied"),
            ("skipped", "Unchanged"),
        ],
        string="Status",
        required=True,
        index=True,
        help="Scheduled: the new prices are written on the revision date. "
        "Unchanged: the variation is below the formula's threshold.",
    )
    coefficient_raw = fields.Float(string="Computed coefficient", digits=COEFFICIENT_DIGITS)
    coefficient_rounded = fields.Float(string="Rounded coefficient", digits=COEFFICIENT_DIGITS)
    coefficient = fields.Float(string="Applied coefficient", digits=COEFFICIENT_DIGITS)
    limit_effect = fields.Selection(
        selection=[
            ("floor", "Floor applied"),
            ("cap", "Cap applied"),
            ("threshold", "Below the threshold: not revised"),
        ],
        string="Limit",
    )
    index_values = fields.Json(
        help="The index values used: index, weight, month and value of I and I0."
    )
    index_values_text = fields.Text(string="Index values")
    computation = fields.Text()
    line_ids = fields.One2many(
        comodel_name="maintenance.price.revision.line",
        inverse_name="revision_id",
        string="Prices",
    )
    user_id = fields.Many2one(
        comodel_name="res.users",
        string="Revised by",
        default=lambda self: self.env.user,
        readonly=True,
    )

    _contract_date_unique = models.Constraint(
        "UNIQUE(contract_id, date)", "A contract is revised once at a given date."
    )

    @api.depends("contract_id", "date")
    def _compute_display_name(self):
        for revision in self:
            revision.display_name = self.env._(
                "%(contract)s - revision of %(date)s",
                contract=revision.contract_id.display_name,
                date=format_date(self.env, revision.date),
            )

    def write(self, vals):
        self.check_access("write")
        self._check_not_applied()
        return super().write(vals)

    def _check_not_applied(self):
        """Applied revisions are the price history invoices are priced from:
        read-only for everyone, the administrator and the superuser included."""
        if any(revision.state == "done" for revision in self):
            raise UserError(
                self.env._(
                    "An applied price revision cannot be changed: its prices are on the "
                    "contract and maybe on invoices. Revise again or correct the price "
                    "by hand."
                )
            )

    @api.ondelete(at_uninstall=False)
    def _unlink_except_applied(self):
        if any(revision.state == "done" for revision in self):
            raise UserError(
                self.env._(
                    "An applied price revision cannot be deleted: its prices are on "
                    "the contract and maybe on invoices. Revise again or correct the "
                    "price by hand."
                )
            )

    # engine ------------------------------------------------------------------

    @api.model
    def _prepare_revisions(self, contracts, date=None):
        """Compute the revision of each contract at ``date`` (default: its
        next revision date) without writing anything. One dict per contract,
        with an ``error`` text when it cannot be revised. The batch costs the
        same queries whatever its size."""
        today = fields.Date.context_today(self)
        contracts = contracts.with_prefetch(contracts._prefetch_ids)
        formulas = contracts.price_revision_formula_id
        book = IndexBook(self.env, formulas.term_ids.index_id)
        history = defaultdict(list)
        for revision in self.sudo().search_fetch(
            [("contract_id", "in", contracts.ids)],
            ["contract_id", "date", "state", "index_values"],
            order="date, id",
        ):
            history[revision.contract_id.id].append(revision)
        # lines and their prices, read for the whole batch
        contracts.contract_line_ids.mapped("price_unit")
        return [
            self._prepare_revision(
                contract,
                date or contract.price_revision_next_date,
                book,
                history[contract.id],
                today,
            )
            for contract in contracts
        ]

    @api.model
    def _prepare_revision(self, contract, date, book, history, today):
        result = {
            "contract": contract,
            "date": date,
            "formula": contract.price_revision_formula_id,
            "error": False,
            "lines": [],
            "skipped_lines": [],
        }
        try:
            self._prepare_revision_checked(result, book, history, today)
        except MissingIndex as error:
            result["error"] = str(error.args[0])
        return result

    @api.model
    def _prepare_revision_checked(self, result, book, history, today):
        contract, date, formula = result["contract"], result["date"], result["formula"]
        self._check_revisable(contract, date, formula, history)
        result["base_mode"] = formula.base_mode
        terms, total = self._revision_terms(contract, date, formula, book, history)
        rounded = formula._round_coefficient(total)
        coefficient, effect = formula._limit_coefficient(rounded)
        self._revision_lines(result, coefficient, effect)
        result.update(
            terms=terms,
            coefficient_raw=total,
            coefficient_rounded=rounded,
            coefficient=coefficient,
            limit_effect=effect,
            state="skipped" if effect == "threshold" else ("scheduled" if date > today else "done"),
        )
        result["index_values_text"] = "\n".join(self._term_text(term) for term in terms)
        result["computation"] = self._computation_text(formula, result)

    @api.model
    def _check_revisable(self, contract, date, formula, history):
        """Raise MissingIndex with the reason if the contract cannot be
        revised at ``date``."""
        _ = self.env._
        if not formula:
            raise MissingIndex(_("The contract has no price-revision formula."))
        if not formula.term_ids:
            raise MissingIndex(
                _(
                    "Formula %(formula)s has no index: it cannot revise prices.",
                    formula=formula.name,
                )
            )
        if not date:
            raise MissingIndex(_("The contract has no revision date (no start date)."))
        if contract.maintenance_state != "active":
            raise MissingIndex(_("The contract is not running."))
        if contract.date_end and contract.date_end < date:
            raise MissingIndex(_("The contract ends before the revision date."))
        if contract.date_start and date <= contract.date_start:
            raise MissingIndex(_("The revision date is not after the contract's start."))
        for revision in history:
            if revision.date == date:
                raise MissingIndex(
                    _("Already revised on %(date)s.", date=format_date(self.env, date))
                )
            if revision.date > date:
                raise MissingIndex(
                    _(
                        "A later revision (%(date)s) exists.",
                        date=format_date(self.env, revision.date),
                    )
                )
            if revision.state == "scheduled":
                raise MissingIndex(
                    _(
                        "The revision of %(date)s is not applied yet.",
                        date=format_date(self.env, revision.date),
                    )
                )

    @api.model
    def _revision_terms(self, contract, date, formula, book, history):
        """The index values of each term (I and I0) and the raw coefficient
        a + sum(b x I / I0). I0 is the contract's reference month, or for a
        chained formula the values of the last applied revision."""
        _ = self.env._
        last_done = [revision for revision in history if revision.state == "done"]
        previous = {}
        if formula.base_mode == "chained" and last_done:
            last_terms = (last_done[-1].index_values or {}).get("terms", [])
            previous = {term["index_id"]: term for term in last_terms}
        elif not contract.price_revision_base_month:
            raise MissingIndex(
                _(
                    "The contract has no reference month (I0): enter the month of the "
                    "index values its price was based on."
                )
            )
        terms = []
        total = to_decimal(formula.fixed_part)
        for term in formula.term_ids:
            index = term.index_id
            if previous:
                if index.id not in previous:
                    raise MissingIndex(
                        _(
                            "Index %(index)s was not used by the last revision: the "
                            "formula changed, set the reference month again.",
                            index=index.display_name,
                        )
                    )
                base = previous[index.id]
                base_month = fields.Date.to_date(base["month"] + "-01")
                base_value, base_note = Decimal(base["value"]), _("last revision")
            else:
                base_month, base_value, base_note = book.value_at(
                    index, contract.price_revision_base_month
                )
            if formula.reference_month_rule == "lag":
                month, value, note = book.value_at(index, formula._reference_month(date))
            else:
                month, value, note = book.last_published(index, date, formula.max_index_age_months)
            weight = to_decimal(term.weight)
            total += weight * value / base_value
            terms.append(
                {
                    "index_id": index.id,
                    "code": index.code,
                    "name": index.name,
                    "weight": decimal_text(weight),
                    "month": month_label(month),
                    "value": decimal_text(value),
                    "note": note,
                    "base_month": month_label(base_month),
                    "base_value": decimal_text(base_value),
                    "base_note": base_note,
                }
            )
        return terms, total

    @api.model
    def _revision_lines(self, result, coefficient, effect):
        """The base, old and new price of each line of the contract in force
        at the revision date (sections, notes, cancelled lines left out)."""
        contract, date, formula = result["contract"], result["date"], result["formula"]
        # sudo: OCA computes the currency from the journal, which operations
        # managers may not read; the currency itself is not confidential
        currency = contract.sudo().currency_id or contract.company_id.currency_id
        for line in contract.contract_line_ids:
            if line.display_type or line.is_canceled:
                continue
            ended = line.date_end and line.date_end < date
            if ended or (line.date_start and line.date_start > date):
                continue
            if line.automatic_price:
                result["skipped_lines"].append(
                    (
                        line,
                        self.env._("The price comes from the pricelist: it is not revised here."),
                    )
                )
                continue
            if formula.base_mode == "initial":
                if not line.price_initial:
                    raise MissingIndex(
                        self.env._(
                            "Product %(product)s has no initial price (P0).",
                            product=line.name or line.product_id.display_name,
                        )
                    )
                base_price = line.price_initial
            else:
                base_price = line.price_unit
            new_price = (
                line.price_unit
                if effect == "threshold"
                else formula._round_price(to_decimal(base_price) * coefficient, currency)
            )
            result["lines"].append(
                {
                    "line": line,
                    "base_price": base_price,
                    "old_price": line.price_unit,
                    "new_price": new_price,
                }
            )
        if not result["lines"]:
            raise MissingIndex(self.env._("The contract has no price to revise."))

    @api.model
    def _term_text(self, term):
        text = self.env._(
            "%(code)s (weight %(weight)s): I = %(value)s (%(month)s), "
            "I0 = %(base)s (%(base_month)s)",
            code=term["code"],
            weight=term["weight"],
            value=term["value"],
            month=month_text(self.env, fields.Date.to_date(term["month"] + "-01")),
            base=term["base_value"],
            base_month=month_text(self.env, fields.Date.to_date(term["base_month"] + "-01")),
        )
        notes = "; ".join(note for note in (term["note"], term["base_note"]) if note)
        return f"{text} [{notes}]" if notes else text

    @api.model
    def _computation_text(self, formula, result):
        parts = [decimal_text(to_decimal(formula.fixed_part))] if formula.fixed_part else []
        parts += [f"{t['weight']} x {t['value']} / {t['base_value']}" for t in result["terms"]]
        text = self.env._(
            "%(parts)s = %(raw)s, rounded to %(rounded)s",
            parts=" + ".join(parts),
            raw=decimal_text(round(result["coefficient_raw"], 8)),
            rounded=decimal_text(result["coefficient_rounded"]),
        )
        effect = result["limit_effect"]
        if effect == "floor":
            text += self.env._("; floor: %(value)s", value=decimal_text(result["coefficient"]))
        elif effect == "cap":
            text += self.env._("; cap: %(value)s", value=decimal_text(result["coefficient"]))
        elif effect == "threshold":
            text += self.env._(
                "; variation below the threshold of %(threshold)s: prices unchanged",
                threshold=formula._format_number(formula.threshold),
            )
        return text

    @api.model
    def _create_revisions(self, results):
        """Record the revisions of ``results`` (without error), write the
        new prices of those due and log them in the contracts' chatter."""
        results = [result for result in results if not result["error"]]
        if not results:
            return self.browse()
        revisions = self.create(
            [
                {
                    "contract_id": result["contract"].id,
                    "date": result["date"],
                    "formula_id": result["formula"].id,
                    "base_mode": result["base_mode"],
                    "state": result["state"],
                    "coefficient_raw": float(result["coefficient_raw"]),
                    "coefficient_rounded": float(result["coefficient_rounded"]),
                    "coefficient": float(result["coefficient"]),
                    "limit_effect": result["limit_effect"],
                    "index_values": {
                        "fixed_part": decimal_text(to_decimal(result["formula"].fixed_part)),
                        "terms": result["terms"],
                    },
                    "index_values_text": result["index_values_text"],
                    "computation": result["computation"],
                }
                for result in results
            ]
        )
        self.env["maintenance.price.revision.line"].create(
            [
                {
                    "revision_id": revision.id,
                    "contract_line_id": line["line"].id,
                    "base_price": line["base_price"],
                    "old_price": line["old_price"],
                    "new_price": line["new_price"],
                }
                for revision, result in zip(revisions, results, strict=True)
                for line in result["lines"]
            ]
        )
        revisions.filtered(lambda revision: revision.state == "done")._write_prices()
        revisions._log_in_chatter()
        return revisions

    def _write_prices(self):
        """Write the new prices on the contract lines (the revision date has
        come) and mark the revisions applied."""
        lines = self.line_ids
        lines.contract_line_id.check_access("write")
        for line in lines:
            # the user may write these lines (checked above): sudo only saves
            # a record-rule query per line so the batch costs flat queries
            line.contract_line_id.sudo().specific_price = line.new_price
        # sudo: nobody writes revisions (their history is read-only); marking
        # them applied is part of writing their prices, checked above
        self.filtered(lambda revision: revision.state != "done").sudo().write({"state": "done"})

    def _log_in_chatter(self):
        bodies = {}
        for revision in self:
            if revision.state == "done":
                intro = self.env._(
                    "Price revised on %(date)s with formula %(formula)s.",
                    date=format_date(self.env, revision.date),
                    formula=revision.formula_id.name,
                )
            elif revision.state == "scheduled":
                intro = self.env._(
                    "Price revision scheduled on %(date)s with formula %(formula)s.",
                    date=format_date(self.env, revision.date),
                    formula=revision.formula_id.name,
                )
            else:
                intro = self.env._(
                    "Price not revised on %(date)s: the variation is below the "
                    "threshold of formula %(formula)s.",
                    date=format_date(self.env, revision.date),
                    formula=revision.formula_id.name,
                )
            items = Markup("").join(
                Markup("<li>%s</li>") % text
                for text in (
                    revision.computation,
                    *revision.index_values_text.splitlines(),
                    *(
                        self.env._(
                            "%(product)s: %(old)s -> %(new)s",
                            product=line.contract_line_id.name or "",
                            old=line.old_price,
                            new=line.new_price,
                        )
                        for line in revision.line_ids
                    ),
                )
            )
            bodies[revision.contract_id.id] = Markup("<p>%s</p><ul>%s</ul>") % (intro, items)
        self.contract_id._message_log_batch(bodies=bodies)

    # runs ----------------------------------------------------------------------

    @api.model
    def _revise_contracts(self, contracts, date=None):
        """Revise ``contracts`` (a batch): all or nothing per contract. The
        batch is written in one savepoint; if it fails, each contract is
        retried in its own savepoint so that one faulty contract does not
        stop the others. Returns (revisions, results in error)."""
        results = self._prepare_revisions(contracts, date)
        errors = [result for result in results if result["error"]]
        todo = [result for result in results if not result["error"]]
        revisions = self.browse()
        if not todo:
            return revisions, errors
        try:
            with self.env.cr.savepoint():
                revisions = self._create_revisions(todo)
        except PG_CONCURRENCY_EXCEPTIONS_TO_RETRY:
            # a concurrent run: Odoo retries the whole transaction
            raise
        except Exception:  # isolated below, contract by contract
            _logger.info(
                "Price revision batch failed, retrying contract by contract", exc_info=True
            )
            contracts = self.env["contract.contract"].browse([r["contract"].id for r in todo])
            for contract in contracts:
                result = self._prepare_revisions(contract, date)[0]
                try:
                    with self.env.cr.savepoint():
                        revisions |= self._create_revisions([result])
                except PG_CONCURRENCY_EXCEPTIONS_TO_RETRY:
                    raise
                except Exception as error:  # reported to the user below
                    _logger.warning(
                        "Price revision of %s failed", contract.display_name, exc_info=True
                    )
                    result["error"] = self.env._(
                        "The revision could not be saved: %(error)s", error=str(error)
                    )
                if result["error"]:
                    errors.append(result)
        return revisions, errors

    @api.model
    def _notify_errors(self, errors):
        """Leave an activity to the responsible of each contract that could
        not be revised (once: not if one is still open)."""
        if not errors:
            return
        activity_type = self.env.ref(
            "maintenance_price_revision.mail_activity_type_price_revision", raise_if_not_found=False
        )
        contracts = self.env["contract.contract"].browse([r["contract"].id for r in errors])
        open_activities = (
            self.env["mail.activity"]
            .sudo()
            .search(
                [
                    ("res_model", "=", "contract.contract"),
                    ("res_id", "in", contracts.ids),
                    ("activity_type_id", "=", activity_type.id if activity_type else False),
                ]
            )
        )
        already = set(open_activities.mapped("res_id"))
        model_id = self.env["ir.model"]._get_id("contract.contract")
        vals_list = []
        for result in errors:
            contract = result["contract"]
            if contract.id in already:
                continue
            already.add(contract.id)
            user = contract.user_id or contract.salesperson_id or self.env.user
            vals_list.append(
                {
                    "res_model_id": model_id,
                    "res_id": contract.id,
                    "activity_type_id": activity_type.id if activity_type else False,
                    "summary": self.env._("Price revision not done"),
                    "note": Markup("<p>%s</p>") % result["error"],
                    "user_id": user.id,
                    "date_deadline": fields.Date.context_today(self),
                }
            )
        if vals_list:
            self.env["mail.activity"].sudo().with_context(mail_activity_quick_update=True).create(
                vals_list
            )

    @api.model
    def _cron_revise_prices(self, batch_size=200):
        """Daily: write the prices of scheduled revisions whose date has come,
        then revise the running contracts whose revision date is due, in
        bounded batches. Idempotent: a contract is revised once per date; a
        concurrent run skips the contracts this one holds (``lock_batch``)."""
        today = fields.Date.context_today(self)
        in_cron = bool(self.env.context.get("ir_cron_progress_id"))
        lock_batch(self, [("state", "=", "scheduled"), ("date", "<=", today)])._write_prices()
        Contract = self.env["contract.contract"]
        domain = [
            ("maintenance_state", "=", "active"),
            ("price_revision_formula_id", "!=", False),
            ("price_revision_next_date", "!=", False),
            ("price_revision_next_date", "<=", today),
        ]
        done_ids = []
        while True:
            contracts = lock_batch(Contract, [*domain, ("id", "not in", done_ids)], batch_size)
            if not contracts:
                break
            done_ids += contracts.ids
            _revisions, errors = self._revise_contracts(contracts)
            self._notify_errors(errors)
            if in_cron:
                remaining = Contract.search_count([*domain, ("id", "not in", done_ids)])
                if not self.env["ir.cron"]._commit_progress(len(contracts), remaining=remaining):
                    break
        return True

    # letter ------------------------------------------------------------------

    def _letter_values(self):
        """What the customer letter prints, in the customer's language:
        index names, months spelled out, numbers with the right decimal
        separator."""
        self.ensure_one()
        lang = get_lang(self.env, self.contract_id.partner_id.lang)
        env = self.with_context(lang=lang.code).env

        def number(text):
            return text.replace(".", lang.decimal_point)

        def month(text):
            date = fields.Date.to_date(text + "-01")
            return format_date(env, date, lang_code=lang.code, date_format="MMMM y")

        data = self.index_values or {}
        indices = (
            env["maintenance.price.index"]
            .browse([term["index_id"] for term in data.get("terms", [])])
            .exists()
        )
        names = {index.id: index.name for index in indices}
        formula = self.formula_id.with_env(env)
        digits = formula.coefficient_digits
        return {
            "expression": formula.expression or formula.computed_expression or "",
            "fixed_part": number(data.get("fixed_part", "0")),
            "terms": [
                {
                    "code": term["code"],
                    "name": names.get(term["index_id"], term["name"]),
                    "weight": number(term["weight"]),
                    "value": number(term["value"]),
                    "month": month(term["month"]),
                    "base_value": number(term["base_value"]),
                    "base_month": month(term["base_month"]),
                }
                for term in data.get("terms", [])
            ],
            "coefficient_raw": number(f"{self.coefficient_raw:.6f}"),
            "coefficient_rounded": number(f"{self.coefficient_rounded:.{digits}f}"),
            "coefficient": number(f"{self.coefficient:.{digits}f}"),
            "date": format_date(env, self.date, lang_code=lang.code),
            "today": format_date(env, fields.Date.context_today(self), lang_code=lang.code),
        }

    def action_print_letter(self):
        self.ensure_one()
        return self.env.ref(
            "maintenance_price_revision.action_report_price_revision_letter"
        ).report_action(self.contract_id)
