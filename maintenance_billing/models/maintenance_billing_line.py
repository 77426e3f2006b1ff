# Copyright 2026 Seed maintainers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import UserError

KINDS = [
    ("labour", "Labour"),
    ("surcharge", "Out-of-hours surcharge"),
    ("travel", "Travel"),
    ("part", "Part"),
    ("other", "Other"),
]
# what the operations manager may adjust before invoicing (logged)
ADJUSTABLE_FIELDS = ("name", "quantity", "price_unit", "covered_percent", "product_id", "reason")
# written by the invoicing alone, checked against the invoice it names
INVOICE_FIELDS = ("invoice_id", "invoice_line_id")


class MaintenanceBillingLine(models.Model):
    """A line of what a dossier's work costs: quantity and price, the share
    covered by the contract and the share to bill, and the rule that says so.
    Computed from the check-ins and parts when the dossier closes; the
    operations manager adjusts them before invoicing."""

    _name = "maintenance.billing.line"
    _description = "Billing line of a dossier"
    _order = "intervention_id, sequence, id"
    _check_company_auto = True

    intervention_id = fields.Many2one(
        comodel_name="maintenance.intervention",
        string="Dossier",
        required=True,
        index=True,
        ondelete="cascade",
        check_company=True,
    )
    company_id = fields.Many2one(
        related="intervention_id.company_id", store=True, index=True, precompute=True
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    contract_id = fields.Many2one(
        comodel_name="contract.contract",
        string="Contract",
        index="btree_not_null",
        readonly=True,
        help="The contract whose rule gave the covered share (empty: out of contract).",
    )
    sequence = fields.Integer(default=10)
    kind = fields.Selection(selection=KINDS, required=True, default="other")
    product_id = fields.Many2one(
        comodel_name="product.product",
        string="Product",
        required=True,
        index=True,
        check_company=True,
    )
    name = fields.Char(string="Description", required=True)
    date = fields.Date(string="Work date", index=True)
    task_id = fields.Many2one(
        comodel_name="maintenance.task", string="Task", index="btree_not_null", readonly=True
    )
    user_id = fields.Many2one(comodel_name="res.users", string="Technician", readonly=True)
    part_id = fields.Many2one(
        comodel_name="maintenance.task.part",
        string="Part used",
        index="btree_not_null",
        readonly=True,
        ondelete="set null",
    )
    quantity = fields.Float(digits="Product Unit", default=1.0)
    product_uom_id = fields.Many2one(
        comodel_name="uom.uom",
        string="Unit",
        compute="_compute_product_uom_id",
        store=True,
        readonly=False,
        precompute=True,
    )
    price_unit = fields.Float(string="Unit price", digits="Product Price")
    covered_percent = fields.Float(
        string="Covered (%)",
        digits=(5, 2),
        help="Share of the line the contract pays; the rest is billed.",
    )
    amount = fields.Monetary(
        string="Value", compute="_compute_amounts", store=True, precompute=True
    )
    covered_amount = fields.Monetary(
        string="Covered", compute="_compute_amounts", store=True, precompute=True
    )
    billable_amount = fields.Monetary(
        string="To bill", compute="_compute_amounts", store=True, precompute=True
    )
    covered_quantity = fields.Float(
        digits="Product Unit",
        compute="_compute_amounts",
        store=True,
        precompute=True,
        string="Covered quantity",
    )
    billable_quantity = fields.Float(
        digits="Product Unit",
        compute="_compute_amounts",
        store=True,
        precompute=True,
        string="Quantity to bill",
    )
    reason = fields.Char(string="Rule", help="Which coverage rule gave the covered share.")
    is_adjusted = fields.Boolean(
        string="Adjusted",
        readonly=True,
        copy=False,
        help="Changed by hand before invoicing (the dossier's history says how).",
    )
    invoice_line_id = fields.Many2one(
        comodel_name="account.move.line",
        string="Invoice line",
        readonly=True,
        copy=False,
        index="btree_not_null",
        ondelete="set null",
    )
    invoice_id = fields.Many2one(
        comodel_name="account.move",
        string="Invoice",
        readonly=True,
        copy=False,
        index="btree_not_null",
        ondelete="set null",
    )
    is_invoiced = fields.Boolean(
        string="Invoiced",
        compute="_compute_is_invoiced",
        store=True,
        precompute=True,
        help="On an invoice that is neither cancelled nor fully credited.",
    )

    _percent_range = models.Constraint(
        "CHECK(covered_percent >= 0 AND covered_percent <= 100)",
        "The covered share must be between 0 and 100 %.",
    )
    _quantity_positive = models.Constraint(
        "CHECK(quantity >= 0)", "The quantity of a billing line cannot be negative."
    )

    @api.depends("product_id")
    def _compute_product_uom_id(self):
        for line in self:
            line.product_uom_id = line.product_id.uom_id

    @api.depends("quantity", "price_unit", "covered_percent", "currency_id")
    def _compute_amounts(self):
        for line in self:
            currency = line.currency_id or self.env.company.currency_id
            amount = currency.round(line.quantity * line.price_unit)
            billable = currency.round(
                line.quantity * line.price_unit * (1.0 - line.covered_percent / 100.0)
            )
            line.amount = amount
            line.billable_amount = billable
            line.covered_amount = amount - billable
            line.covered_quantity = line.quantity * line.covered_percent / 100.0
            line.billable_quantity = line.quantity - line.covered_quantity

    # on the invoice itself, not through its lines: creating an invoice
    # changes its lines many times, each change would look for billing lines
    @api.depends("invoice_id.state", "invoice_id.payment_state")
    def _compute_is_invoiced(self):
        for line in self:
            invoice = line.invoice_id
            line.is_invoiced = bool(
                invoice and invoice.state != "cancel" and invoice.payment_state != "reversed"
            )

    @api.model_create_multi
    def create(self, vals_list):
        if any(vals.get(name) for vals in vals_list for name in INVOICE_FIELDS):
            raise UserError(self._invoice_link_error())
        lines = super().create(vals_list)
        if not self.env.context.get("maintenance_billing_compute"):
            lines._check_not_invoiced()
            lines.is_adjusted = True
            for intervention, added in lines.grouped("intervention_id").items():
                intervention.message_post(
                    body=Markup("%s<ul>%s</ul>")
                    % (
                        self.env._("Billing lines added:"),
                        Markup().join(
                            Markup("<li>%s: %s × %s</li>")
                            % (line.name, line.quantity, line.price_unit)
                            for line in added
                        ),
                    )
                )
        return lines

    def write(self, vals):
        # invoiced work is frozen for everyone, whatever the context says: the
        # correction is a credit note (or the invoice cancelled), which frees it
        if self and vals:
            self._check_not_invoiced()
        if any(name in vals for name in INVOICE_FIELDS):
            self._check_invoice_link(vals)
        if self.env.context.get("maintenance_billing_invoicing"):
            return super().write(vals)
        adjusted = [field for field in ADJUSTABLE_FIELDS if field in vals]
        if adjusted or "intervention_id" in vals:
            self._check_not_invoiced()
        before = {line: {field: line[field] for field in adjusted} for line in self}
        res = super().write({**vals, "is_adjusted": True} if adjusted else vals)
        if adjusted:
            self._log_adjustment(before, adjusted)
        return res

    @api.ondelete(at_uninstall=False)
    def _unlink_except_invoiced(self):
        self._check_not_invoiced()

    def unlink(self):
        if not self.env.context.get("maintenance_billing_compute"):
            for intervention, removed in self.grouped("intervention_id").items():
                intervention.message_post(
                    body=self.env._(
                        "Billing lines removed: %(lines)s",
                        lines=", ".join(removed.mapped("name")),
                    )
                )
        return super().unlink()

    def _check_not_invoiced(self):
        invoiced = self.filtered("is_invoiced")
        if invoiced:
            raise UserError(
                self.env._(
                    "The line %(line)s of dossier %(number)s is already on invoice "
                    "%(invoice)s: cancel the invoice or issue a credit note first.",
                    line=invoiced[0].name,
                    number=invoiced[0].intervention_id.name,
                    invoice=invoiced[0].invoice_id.display_name,
                )
            )

    def _check_invoice_link(self, vals):
        """The invoicing links a line to the draft customer invoice line it
        has just written for the same dossier: nothing else is accepted (a
        line cannot be unlinked from its invoice, nor linked to another)."""
        invoice_line = self.env["account.move.line"].sudo().browse(vals.get("invoice_line_id"))
        invoice = invoice_line.move_id
        if (
            not invoice_line
            or invoice.id != vals.get("invoice_id")
            or invoice.move_type != "out_invoice"
            or invoice.state != "draft"
            or self.intervention_id != invoice_line.maintenance_intervention_id
        ):
            raise UserError(self._invoice_link_error())

    def _invoice_link_error(self):
        return self.env._(
            "The invoice of a billing line is written by the invoicing of its dossier: "
            "it cannot be set nor removed by hand. To invoice again, cancel the invoice "
            "or issue a credit note."
        )

    def _log_adjustment(self, before, fields_changed):
        """One message per dossier: each line's old and new values."""
        labels = {name: self._fields[name]._description_string(self.env) for name in fields_changed}
        for intervention, lines in self.grouped("intervention_id").items():
            items = []
            for line in lines:
                for name in fields_changed:
                    old, new = before[line][name], line[name]
                    if old != new:
                        old = old.display_name if isinstance(old, models.BaseModel) else old
                        new = new.display_name if isinstance(new, models.BaseModel) else new
                        items.append(
                            Markup("<li>%s — %s: %s → %s</li>")
                            % (line.name, labels[name], old, new)
                        )
            if items:
                intervention.message_post(
                    body=Markup("%s<ul>%s</ul>")
                    % (self.env._("Billing lines adjusted:"), Markup().join(items))
                )
