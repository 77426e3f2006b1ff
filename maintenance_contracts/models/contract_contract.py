# Copyright 2026 Seed maintainers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from collections import defaultdict

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.fields import Domain
from odoo.tools import format_date, get_lang

from ..cron_lock import lock_batch


class ContractContract(models.Model):
    """A maintenance contract: an OCA customer contract with an installed
    site, a salesperson, an origin and covered products."""

    _inherit = "contract.contract"

    is_maintenance = fields.Boolean(
        string="Maintenance contract",
        help="Maintenance contracts have an installed site and covered products "
        "whose validation creates the visits to plan.",
    )
    site_id = fields.Many2one(
        comodel_name="maintenance.site",
        string="Installed site",
        index=True,
        tracking=True,
        domain="[('customer_id', 'child_of', partner_id)]",
    )
    salesperson_id = fields.Many2one(
        comodel_name="res.users",
        string="Salesperson",
        index=True,
        tracking=True,
        default=lambda self: self.env.user,
    )
    salesperson_code = fields.Char(
        related="salesperson_id.salesperson_code", store=True, index=True
    )
    maintenance_calendar_id = fields.Many2one(
        comodel_name="resource.calendar",
        string="Business hours",
        check_company=True,
        help="The contract's working time: counted for the committed times and for "
        "the out-of-hours part of the bill (empty: the company's).",
    )
    contract_origin_id = fields.Many2one(
        comodel_name="maintenance.contract.origin",
        string="Contract origin",
        compute="_compute_contract_origin_id",
        store=True,
        readonly=False,
        tracking=True,
    )
    maintenance_state = fields.Selection(
        selection=[
            ("draft", "Draft"),
            ("active", "Running"),
            ("terminated", "Terminated"),
        ],
        string="Status",
        default="draft",
        required=True,
        copy=False,
        index=True,
        tracking=True,
    )
    termination_date = fields.Date(copy=False, readonly=True, tracking=True)
    termination_reason = fields.Text(copy=False, readonly=True)
    visit_ids = fields.One2many(
        comodel_name="maintenance.visit",
        inverse_name="contract_id",
        string="Visits",
    )
    visit_count = fields.Integer(compute="_compute_visit_count")
    covered_product_count = fields.Integer(compute="_compute_covered_product_count")
    invoicing_period_label = fields.Char(
        string="Invoicing",
        compute="_compute_invoicing_period_label",
        help="How often the contract is invoiced: the price of each line is the "
        "price of one such period.",
    )

    _maintenance_code_company_unique = models.UniqueIndex(
        "(code, company_id) WHERE is_maintenance AND code IS NOT NULL",
        "This contract reference already exists in this company.",
    )

    @api.depends("partner_id")
    def _compute_contract_origin_id(self):
        for contract in self:
            if not contract.contract_origin_id:
                contract.contract_origin_id = (
                    contract.partner_id.commercial_partner_id.maintenance_origin_id
                )

    @api.depends("recurring_rule_type", "recurring_interval", "line_recurrence")
    def _compute_invoicing_period_label(self):
        _ = self.env._
        singular = {
            "daily": _("Invoiced every day"),
            "weekly": _("Invoiced every week"),
            "monthly": _("Invoiced every month"),
            "monthlylastday": _("Invoiced every month (at the month's end)"),
            "quarterly": _("Invoiced every quarter"),
            "semesterly": _("Invoiced every six months"),
            "yearly": _("Invoiced every year"),
        }
        months = {"monthly": 1, "monthlylastday": 1, "quarterly": 3, "semesterly": 6, "yearly": 12}
        for contract in self:
            rule, interval = contract.recurring_rule_type, contract.recurring_interval or 1
            if contract.line_recurrence or rule not in singular:
                contract.invoicing_period_label = False
            elif interval == 1:
                contract.invoicing_period_label = singular[rule]
            elif rule in months:
                contract.invoicing_period_label = _(
                    "Invoiced every %(count)s months", count=months[rule] * interval
                )
            elif rule == "weekly":
                contract.invoicing_period_label = _(
                    "Invoiced every %(count)s weeks", count=interval
                )
            else:
                contract.invoicing_period_label = _("Invoiced every %(count)s days", count=interval)

    def _compute_visit_count(self):
        counts = dict(
            self.env["maintenance.visit"]._read_group(
                [("contract_id", "in", self.ids)], ["contract_id"], ["__count"]
            )
        )
        for contract in self:
            contract.visit_count = counts.get(contract, 0)

    @api.depends("contract_line_ids.warranty_type_id")
    def _compute_covered_product_count(self):
        for contract in self:
            contract.covered_product_count = len(contract.contract_line_ids._covered())

    @api.onchange("partner_id")
    def _onchange_partner_id_site(self):
        """The customer's only site is the contract's site."""
        for contract in self:
            if not contract.is_maintenance or not contract.partner_id:
                continue
            if contract.site_id.customer_id == contract.partner_id:
                continue
            sites = self.env["maintenance.site"].search(
                [("customer_id", "=", contract.partner_id.id)], limit=2
            )
            contract.site_id = sites if len(sites) == 1 else False

    @api.constrains("site_id", "partner_id")
    def _check_site_customer(self):
        for contract in self:
            site = contract.site_id
            if site and site.company_id != contract.company_id:
                raise ValidationError(
                    self.env._(
                        "Site %(site)s belongs to another company than contract %(contract)s.",
                        site=site.display_name,
                        contract=contract.display_name,
                    )
                )

    @api.model
    def get_import_templates(self):
        return [
            {
                "label": self.env._("Import template for maintenance contracts"),
                "template": "/maintenance_contracts/static/xls/contracts_import_template.xlsx",
            }
        ]

    @api.model_create_multi
    def create(self, vals_list):
        is_default_maintenance = self.env.context.get("default_is_maintenance")
        for vals in vals_list:
            if vals.get("is_maintenance", is_default_maintenance) and not vals.get("code"):
                company = self.env["res.company"].browse(vals.get("company_id")) or self.env.company
                vals["code"] = self._maintenance_next_code(company)
        return super().create(vals_list)

    def write(self, vals):
        res = super().write(vals)
        if "date_end" in vals and not self.env.context.get("maintenance_no_regenerate"):
            # same undoable rule as a covered product's own end date
            self.contract_line_ids._apply_end_dates()
        return res

    @api.ondelete(at_uninstall=False)
    def _unlink_except_history(self):
        """A contract whose visits were planned or done, or that was
        invoiced, is history: it is terminated, never deleted (deleting it
        would take its visits with it)."""
        kept = (
            self.env["maintenance.visit"]
            .sudo()
            .search(
                [("contract_id", "in", self.ids), ("state", "in", ("planned", "done", "missed"))]
            )
            .contract_id
        )
        # sudo: whoever deletes, the question is whether invoices exist at all
        kept |= (
            self.env["account.move.line"]
            .sudo()
            .search([("contract_line_id", "in", self.contract_line_ids.ids)])
            .contract_line_id.contract_id
        )
        if kept:
            raise UserError(
                self.env._(
                    "Contract %(contract)s has planned or done visits or invoices: it cannot be "
                    "deleted. Terminate it instead.",
                    contract=kept[0].display_name,
                )
            )

    @api.model
    def _add_contract_origin(self, invoices):
        # "Invoice created by contract ..." in the customer's language
        by_lang = defaultdict(self.browse)
        for contract in self:
            by_lang[get_lang(self.env, contract.partner_id.lang).code] |= contract
        result = None
        for lang, contracts in by_lang.items():
            result = super(
                ContractContract, contracts.with_context(lang=lang)
            )._add_contract_origin(invoices.with_context(lang=lang))
        return result

    def action_maintenance_validate(self):
        """Validate the contract: checks it, validates its covered products
        (which creates their visits to plan) and starts it."""
        # the lines' checks read in one query, not line by line
        rows = self.contract_line_ids._validation_rows()
        for contract in self:
            if contract.maintenance_state == "terminated":
                raise UserError(
                    self.env._(
                        "Contract %(contract)s is terminated: it cannot be validated again.",
                        contract=contract.display_name,
                    )
                )
            if not contract.site_id:
                raise ValidationError(
                    self.env._(
                        "Contract %(contract)s has no installed site: choose the site "
                        "where the equipment is installed.",
                        contract=contract.display_name,
                    )
                )
            # a forgotten warranty type is named, not taken for a billing line
            lines = contract.contract_line_ids
            forgotten = [line_id for line_id in lines._ids if rows[line_id].forgotten]
            if forgotten:
                lines.browse(forgotten)._check_maintenance_validable(rows)
            if not any(rows[line_id].covered for line_id in lines._ids):
                raise ValidationError(
                    self.env._(
                        "Contract %(contract)s has no covered product: add at least one "
                        "product with an equipment and a warranty type.",
                        contract=contract.display_name,
                    )
                )
        for contract in self.filtered(lambda c: not c.code):
            contract.code = self._maintenance_next_code(contract.company_id)
        self.contract_line_ids._maintenance_validate(rows)
        self.write({"maintenance_state": "active", "is_maintenance": True})
        counts = dict(
            self.env["maintenance.visit"]._read_group(
                [("contract_id", "in", self.ids), ("state", "=", "to_plan")],
                ["contract_id"],
                ["__count"],
            )
        )
        # one note per contract in one batch (the write above checked the
        # user's rights on them): no notification, a flat query count
        self._message_log_batch(
            {
                contract.id: self.env._(
                    "Contract validated: %(count)s visits to plan.",
                    count=counts.get(contract, 0),
                )
                for contract in self
            }
        )
        message = (
            self.env._(
                "Contract %(contract)s validated: %(count)s visits to plan.",
                contract=self.display_name,
                count=counts.get(self, 0),
            )
            if len(self) == 1
            else self.env._("%(count)s contracts validated.", count=len(self))
        )
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "title": self.env._("Contract validated"),
                "message": message,
                "type": "success",
                "sticky": False,
                "next": {"type": "ir.actions.client", "tag": "soft_reload"},
            },
        }

    def action_maintenance_validate_drafts(self):
        """« Validate the contracts » of the list: the selected draft
        contracts (imported ones, once reviewed) are validated in one batch,
        their visits created set-based; the others are left as they are."""
        drafts = self.filtered(lambda contract: contract.maintenance_state == "draft")
        if not drafts:
            raise UserError(
                self.env._("None of the selected contracts is a draft: nothing to validate.")
            )
        return drafts.action_maintenance_validate()

    def action_maintenance_terminate(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Terminate contract"),
            "res_model": "maintenance.contract.terminate",
            "view_mode": "form",
            "target": "new",
            "context": {"default_contract_id": self.id},
        }

    def _maintenance_terminate(self, date, reason):
        """Stop the contract at ``date``: lines end there (OCA invoicing stops),
        lines starting later are cancelled, visits still to plan after it are
        cancelled; the history (planned, done visits, invoices) is kept."""
        for contract in self:
            lines = contract.contract_line_ids
            later = lines.filtered(lambda line: line.date_start and line.date_start > date)
            later.write({"is_canceled": True})
            ending = (lines - later).filtered(
                lambda line: not line.date_end or line.date_end > date
            )
            ending.with_context(maintenance_no_regenerate=True).write({"date_end": date})
            lines._cancel_visits_after(date)
            contract.write(
                {
                    "maintenance_state": "terminated",
                    "termination_date": date,
                    "termination_reason": reason,
                }
            )
            contract.message_post(
                body=self.env._(
                    "Contract terminated on %(date)s: %(reason)s",
                    date=format_date(self.env, date),
                    reason=reason or "-",
                )
            )
        return True

    @api.model
    def _get_contracts_to_invoice_domain(self, date_ref=None):
        domain = super()._get_contracts_to_invoice_domain(date_ref)
        batch_ids = self.env.context.get("maintenance_invoice_batch_ids")
        if batch_ids is not None:
            domain &= Domain("id", "in", batch_ids)
        return domain

    @api.model
    def cron_recurring_create_invoice(self, date_ref=None, batch_size=200):
        return self._cron_recurring_create(date_ref, create_type="invoice", batch_size=batch_size)

    @api.model
    def _cron_recurring_create(self, date_ref=False, create_type="invoice", batch_size=200):
        """OCA's recurring invoicing in bounded batches reporting progress to
        ir.cron; each batch is locked, so a concurrent run (the cron and a
        manual run, two servers) skips the contracts this one invoices
        instead of failing on them (and flagging them in error)."""
        if self.env.context.get("maintenance_invoice_batch_ids") is not None:
            return super()._cron_recurring_create(date_ref, create_type)
        date_ref = date_ref or fields.Date.context_today(self)
        domain = self._get_contracts_to_invoice_domain(date_ref) & Domain(
            "generation_type", "=", create_type
        )
        in_cron = bool(self.env.context.get("ir_cron_progress_id"))
        done_ids = []
        while True:
            contracts = lock_batch(self, domain & Domain("id", "not in", done_ids), batch_size)
            if not contracts:
                break
            done_ids += contracts.ids
            super(
                ContractContract, self.with_context(maintenance_invoice_batch_ids=contracts.ids)
            )._cron_recurring_create(date_ref, create_type)
            if in_cron:
                remaining = self.search_count(domain & Domain("id", "not in", done_ids))
                if not self.env["ir.cron"]._commit_progress(len(contracts), remaining=remaining):
                    break
        return True

    @api.model
    def _maintenance_next_code(self, company):
        # numbering is not a user right: the sequence is read as superuser
        return (
            self.env["ir.sequence"]
            .sudo()
            .with_company(company)
            .next_by_code("maintenance.contract", sequence_date=fields.Date.context_today(self))
        )

    @api.readonly
    def action_view_visits(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "maintenance_contracts.maintenance_visit_action"
        )
        action["domain"] = [("contract_id", "=", self.id)]
        action["context"] = {}
        return action
