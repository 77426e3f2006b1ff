# Copyright 2026 Seed maintainers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools import SQL, float_round, format_date

from .coverage import AFTER_HOURS_COVERAGE, LABOUR_COVERAGE, PARTS_COVERAGE, TRAVEL_COVERAGE


class ContractContract(models.Model):
    """A maintenance contract may override the coverage rules of the
    warranty types of its covered products (empty: the warranty type's)."""

    _inherit = "contract.contract"

    labour_coverage = fields.Selection(
        selection=LABOUR_COVERAGE,
        string="Labour",
        help="Empty: the rule of the covered product's warranty type.",
    )
    labour_hours_per_year = fields.Float(string="Labour hours covered a year")
    parts_coverage = fields.Selection(
        selection=PARTS_COVERAGE,
        string="Parts",
        help="Empty: the rule of the covered product's warranty type.",
    )
    parts_excluded_categ_ids = fields.Many2many(
        comodel_name="product.category",
        relation="contract_contract_excluded_categ_rel",
        column1="contract_id",
        column2="categ_id",
        string="Excluded part categories",
    )
    parts_covered_percent = fields.Float(string="Parts covered (%)", default=100.0)
    travel_coverage = fields.Selection(
        selection=TRAVEL_COVERAGE,
        string="Travel",
        help="Empty: the rule of the covered product's warranty type.",
    )
    after_hours_coverage = fields.Selection(
        selection=AFTER_HOURS_COVERAGE,
        string="Out-of-hours work",
        help="Empty: the rule of the covered product's warranty type.",
    )
    after_hours_surcharge = fields.Float(string="Out-of-hours surcharge (%)", default=50.0)

    maintenance_invoice_due = fields.Boolean(
        string="Invoice due",
        compute="_compute_maintenance_invoice_due",
        help="Its next invoice date is today or past: the accountant may create the invoice "
        "without waiting for the nightly invoicing.",
    )

    @api.depends(
        "recurring_next_date",
        "create_invoice_visibility",
        "generation_type",
        "is_maintenance",
        "maintenance_state",
    )
    @api.depends_context("tz")
    def _compute_maintenance_invoice_due(self):
        today = fields.Date.context_today(self)
        for contract in self:
            contract.maintenance_invoice_due = bool(
                contract.generation_type == "invoice"
                and contract.create_invoice_visibility
                and contract.recurring_next_date
                and contract.recurring_next_date <= today
                and (not contract.is_maintenance or contract.maintenance_state == "active")
            )

    @api.constrains("labour_hours_per_year", "parts_covered_percent", "after_hours_surcharge")
    def _check_coverage_figures(self):
        for contract in self:
            if contract.labour_hours_per_year < 0:
                raise ValidationError(
                    self.env._("The labour hours covered a year cannot be negative.")
                )
            if not 0 <= contract.parts_covered_percent <= 100:
                raise ValidationError(
                    self.env._("The share of parts covered must be between 0 and 100 %.")
                )
            if contract.after_hours_surcharge < 0:
                raise ValidationError(self.env._("The out-of-hours surcharge cannot be negative."))

    # coverage ---------------------------------------------------------------

    def action_maintenance_create_invoice(self):
        """« Create invoice » of a contract whose invoice is due (next
        invoice date today or past), for the accountant: OCA's invoicing of
        the contract, which OCA shows in debug mode only and which the
        accountant, who only reads contracts, could not run. Opens the
        draft invoice."""
        self.ensure_one()
        if not self.env.user.has_group("account.group_account_invoice"):
            raise AccessError(self.env._("Only accountants create the invoices of contracts."))
        self.check_access("read")
        invoices = self._maintenance_create_due_invoice()
        action = self.env["ir.actions.act_window"]._for_xml_id("account.action_move_out_invoice")
        if len(invoices) == 1:
            action.update({"views": [(False, "form")], "res_id": invoices.id})
        else:
            action["domain"] = [("id", "in", invoices.ids)]
        return action

    def _maintenance_create_due_invoice(self):
        """The due invoice of the contract, created once: the contract row is
        locked first, so the nightly invoicing or a second click waits, then
        finds the invoice created and the next date moved on."""
        self.env.cr.execute(
            SQL("SELECT id FROM contract_contract WHERE id = %s FOR UPDATE", self.id)
        )
        self.invalidate_recordset()
        self.contract_line_ids.invalidate_recordset()
        if not self.maintenance_invoice_due:
            raise UserError(
                self.env._(
                    "Contract %(contract)s has no invoice due: its next invoice date is %(date)s.",
                    contract=self.display_name,
                    date=format_date(self.env, self.recurring_next_date) or "-",
                )
            )
        # sudo: the accountant reads contracts only; invoicing one moves its
        # lines' next date on, which only OCA's invoicing writes
        invoices = self.sudo().recurring_create_invoice()
        return invoices.sudo(False)

    def _maintenance_parts_coverage(self, products, equipment=None, on_date=None):
        """{product id: (covered fraction 0..1, reason)} for ``products`` used on
        ``equipment`` on ``on_date`` (today by default) under this contract.

        On an empty recordset (no contract), nothing is covered: 0.0 and
        "Out of contract". Reads no more than the contract and its lines,
        whatever the number of products."""
        rule = self._maintenance_coverage_rule(equipment=equipment, on_date=on_date)
        return {product.id: rule.part_coverage(product) for product in products}

    def _maintenance_coverage_rule(self, equipment=None, on_date=None):
        """The :class:`CoverageRule` of this contract (or of no contract) for
        ``equipment`` on ``on_date``."""
        on_date = on_date or fields.Date.context_today(self)
        company = self.company_id or self.env.company
        if not self:
            return CoverageRule.out_of_contract(self.env, company, self.env._("Out of contract"))
        self.ensure_one()
        reason = self._maintenance_not_covering_reason(on_date)
        lines = self.env["contract.line"]
        if not reason:
            lines = self._maintenance_covering_lines(equipment, on_date)
            if not lines:
                reason = (
                    self.env._(
                        "Out of contract: %(equipment)s is not covered by %(contract)s",
                        equipment=equipment.display_name,
                        contract=self.code or self.name,
                    )
                    if equipment
                    else self.env._(
                        "Out of contract: %(contract)s covers nothing on this date",
                        contract=self.code or self.name,
                    )
                )
        if reason:
            return CoverageRule.out_of_contract(self.env, company, reason)
        return CoverageRule.from_contract(self, lines[0].warranty_type_id)

    def _maintenance_not_covering_reason(self, on_date):
        """Why this contract covers nothing on ``on_date`` (False if it does)."""
        self.ensure_one()
        name = self.code or self.name
        if not self.is_maintenance or self.maintenance_state == "draft":
            return self.env._("Out of contract: %(contract)s is not running", contract=name)
        if self.date_start and on_date < self.date_start:
            return self.env._(
                "Out of contract: %(contract)s starts on %(date)s",
                contract=name,
                date=format_date(self.env, self.date_start),
            )
        end = self.date_end
        if self.maintenance_state == "terminated" and self.termination_date:
            end = min(end, self.termination_date) if end else self.termination_date
        if end and on_date > end:
            return self.env._(
                "Out of contract: %(contract)s ended on %(date)s",
                contract=name,
                date=format_date(self.env, end),
            )
        return False

    def _maintenance_covering_lines(self, equipment, on_date):
        """The validated covered products of this contract in force on
        ``on_date`` (those of ``equipment`` when given)."""
        self.ensure_one()
        return self.contract_line_ids.filtered(
            lambda line: (
                line.warranty_type_id
                and not line.display_type
                and line.maintenance_state == "validated"
                and not line.is_canceled
                and (not line.date_start or line.date_start <= on_date)
                and (not line.date_end or on_date <= line.date_end)
                and (not equipment or line.equipment_id == equipment)
            )
        )


class CoverageRule:
    """What a contract covers on one date for one equipment: the warranty
    type's rules with the contract's overrides. Plain object (no query)."""

    __slots__ = (
        "after_hours",
        "contract",
        "covered",
        "env",
        "labour",
        "labour_hours",
        "parts",
        "parts_excluded_categ_ids",
        "parts_percent",
        "reason",
        "surcharge",
        "travel",
        "warranty_type",
    )

    def __init__(self, env, **values):
        self.env = env
        for key in self.__slots__:
            if key != "env":
                setattr(self, key, values.get(key))

    @classmethod
    def out_of_contract(cls, env, company, reason):
        return cls(
            env,
            covered=False,
            reason=reason,
            contract=env["contract.contract"],
            warranty_type=env["maintenance.warranty.type"],
            labour="not_covered",
            labour_hours=0.0,
            parts="not_covered",
            parts_excluded_categ_ids=frozenset(),
            parts_percent=0.0,
            travel=company.maintenance_billing_travel_mode or "flat",
            after_hours="surcharge",
            surcharge=company.maintenance_billing_after_hours_surcharge,
        )

    @classmethod
    def from_contract(cls, contract, wtype):
        def pick(field, figures=()):
            source = contract if contract[field] else wtype
            return (source[field], *(source[figure] for figure in figures))

        labour, labour_hours = pick("labour_coverage", ("labour_hours_per_year",))
        parts, excluded, percent = pick(
            "parts_coverage", ("parts_excluded_categ_ids", "parts_covered_percent")
        )
        (travel,) = pick("travel_coverage")
        after_hours, surcharge = pick("after_hours_coverage", ("after_hours_surcharge",))
        return cls(
            contract.env,
            covered=True,
            reason=contract.env._(
                "contract %(contract)s (%(warranty)s)",
                contract=contract.code or contract.name,
                warranty=wtype.name,
            ),
            contract=contract,
            warranty_type=wtype,
            labour=labour,
            labour_hours=labour_hours,
            parts=parts,
            parts_excluded_categ_ids=frozenset(excluded.ids),
            parts_percent=percent,
            travel=travel,
            after_hours=after_hours,
            surcharge=surcharge,
        )

    def _(self, *args, **kwargs):
        return self.env._(*args, **kwargs)

    def part_coverage(self, product):
        """(covered fraction, reason) of a part."""
        if not self.covered:
            return 0.0, self.reason
        if self.parts == "covered":
            return 1.0, self._("Parts covered by %(rule)s", rule=self.reason)
        if self.parts == "not_covered":
            return 0.0, self._("Parts not covered by %(rule)s", rule=self.reason)
        if self.parts == "except_categories":
            categ = product.categ_id
            while categ and categ.id not in self.parts_excluded_categ_ids:
                categ = categ.parent_id
            if categ:
                return 0.0, self._(
                    "Category %(category)s excluded by %(rule)s",
                    category=categ.display_name,
                    rule=self.reason,
                )
            return 1.0, self._("Parts covered by %(rule)s", rule=self.reason)
        percent = float_round(self.parts_percent, 2)
        return percent / 100.0, self._(
            "Parts covered at %(percent)s %% by %(rule)s",
            percent=f"{percent:g}",
            rule=self.reason,
        )
