# Copyright 2026 Seed maintainers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from collections import defaultdict

from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import AccessError
from odoo.tools import SQL

# who sees what a customer owes and its credit hold: accountants and
# operations managers (administrators imply managers); never technicians
CREDIT_GROUPS = "account.group_account_invoice,maintenance_contracts.group_maintenance_manager"
ACCOUNTANT_GROUP = "account.group_account_invoice"
HOLD_FIELDS = {"credit_hold", "credit_hold_date", "credit_hold_reason"}


class ResPartner(models.Model):
    _inherit = "res.partner"

    credit_hold = fields.Boolean(
        string="Credit hold",
        copy=False,
        tracking=True,
        groups=CREDIT_GROUPS,
        help="Set by the payment follow-up when a reminder level marked 'credit hold' is "
        "reached, or by an accountant. The planning shows a warning on the customer's "
        "dossiers; nothing is blocked.",
    )
    credit_hold_date = fields.Date(
        string="On hold since", copy=False, readonly=True, groups=CREDIT_GROUPS
    )
    credit_hold_reason = fields.Char(
        string="Reason for the hold", copy=False, tracking=True, groups=CREDIT_GROUPS
    )
    maintenance_amount_due = fields.Monetary(
        string="Amount due",
        compute="_compute_maintenance_amounts",
        currency_field="currency_id",
        groups=CREDIT_GROUPS,
        help="Open receivables of the customer (posted invoices not paid yet, less credit "
        "notes and unallocated payments), in the current company.",
    )
    maintenance_amount_overdue = fields.Monetary(
        string="Amount overdue",
        compute="_compute_maintenance_amounts",
        currency_field="currency_id",
        groups=CREDIT_GROUPS,
        help="Part of the amount due whose due date is past.",
    )

    @api.depends_context("company")
    def _compute_maintenance_amounts(self):
        amounts = self._maintenance_receivable_amounts(
            self.commercial_partner_id.ids, self.env.company
        )
        for partner in self:
            due, overdue = amounts.get(partner.commercial_partner_id.id, (0.0, 0.0))
            partner.maintenance_amount_due = due
            partner.maintenance_amount_overdue = overdue

    @api.model_create_multi
    def create(self, vals_list):
        # a form sends the hold's empty defaults: only a hold being set counts
        if any(vals.get(field) for vals in vals_list for field in HOLD_FIELDS):
            self._check_credit_hold_rights()
        return super().create(vals_list)

    def write(self, vals):
        if self._maintenance_hold_changes(vals):
            self._check_credit_hold_rights()
        return super().write(vals)

    def _maintenance_hold_changes(self, vals):
        """Whether ``vals`` sets a hold field, or empties one that is set
        (a form saving the hold's empty values unchanged changes nothing)."""
        return any(vals[field] or any(self.mapped(field)) for field in HOLD_FIELDS & vals.keys())

    def action_maintenance_credit_hold(self):
        """Put the customers on credit hold by hand (accountants)."""
        self._check_credit_hold_rights()
        partners = self.commercial_partner_id.filtered(lambda partner: not partner.credit_hold)
        partners._maintenance_write_hold(
            {
                "credit_hold": True,
                "credit_hold_date": fields.Date.context_today(self),
                "credit_hold_reason": self.env._(
                    "Put on hold by %(user)s", user=self.env.user.name
                ),
            }
        )
        return True

    def action_maintenance_credit_release(self):
        """Lift the credit hold (accountants); the chatter keeps who did it."""
        self._check_credit_hold_rights()
        self.commercial_partner_id.filtered("credit_hold")._maintenance_write_hold(
            {"credit_hold": False, "credit_hold_date": False, "credit_hold_reason": False}
        )
        return True

    def action_maintenance_open_invoices(self):
        """The customer's posted invoices and credit notes still open."""
        self.ensure_one()
        return self.env["account.move"]._maintenance_open_invoices_action(
            [("commercial_partner_id", "=", self.commercial_partner_id.id)],
            self.env._("Open invoices of %(customer)s", customer=self.commercial_partner_id.name),
            overdue=self.env.context.get("maintenance_overdue"),
        )

    def _maintenance_write_hold(self, vals):
        """Write the hold fields once the caller's rights are checked.

        sudo: Odoo gives accountants read-only access to contacts; the hold
        is theirs to set, so only these three fields are written as
        superuser (the chatter's tracking still names the accountant)."""
        self._check_credit_hold_rights()
        self.sudo().write({key: vals[key] for key in HOLD_FIELDS & vals.keys()})

    def _check_credit_hold_rights(self):
        if self.env.su or self.env.user.has_group(ACCOUNTANT_GROUP):
            return
        raise AccessError(
            self.env._(
                "Only an accountant may put a customer on credit hold or lift the hold "
                "(%(customer)s).",
                customer=", ".join(self.mapped("display_name")) or "-",
            )
        )

    @api.model
    def _maintenance_receivable_amounts(self, commercial_partner_ids, company):
        """{commercial partner id: (amount due, amount overdue)} of the open
        receivables of ``company``, for every partner in one query.

        Plain SQL on purpose: the figures sum every open receivable of the
        customer, including invoices the reader may not open (operations
        managers read only some invoices). The fields carrying them are
        restricted to accountants and operations managers."""
        if not commercial_partner_ids:
            return {}
        self.env["account.move.line"].flush_model(
            [
                "account_id",
                "amount_residual",
                "company_id",
                "date_maturity",
                "parent_state",
                "partner_id",
                "reconciled",
            ]
        )
        self.env["account.account"].flush_model(["account_type"])
        self.flush_model(["commercial_partner_id"])
        today = fields.Date.context_today(self)
        rows = self.env.execute_query(
            SQL(
                """
                SELECT partner.commercial_partner_id,
                       SUM(line.amount_residual),
                       COALESCE(SUM(line.amount_residual)
                                FILTER (WHERE line.date_maturity < %(today)s), 0)
                  FROM account_move_line line
                  JOIN account_account account ON account.id = line.account_id
                  JOIN res_partner partner ON partner.id = line.partner_id
                 WHERE partner.commercial_partner_id = ANY(%(partner_ids)s)
                   AND account.account_type = 'asset_receivable'
                   AND line.parent_state = 'posted'
                   AND line.reconciled IS NOT TRUE
                   AND line.company_id = %(company_id)s
                 GROUP BY partner.commercial_partner_id
                """,
                today=today,
                partner_ids=list(commercial_partner_ids),
                company_id=company.id,
            )
        )
        return {partner_id: (due, overdue) for partner_id, due, overdue in rows}

    @api.model
    def _maintenance_hold_from_follow_up(self, credit_lines):
        """Put on credit hold the customers of ``credit_lines`` (lines of a
        level marked *credit hold*), saying in their chatter which level and
        invoices did it."""
        by_partner = defaultdict(lambda: self.env["credit.control.line"])
        for line in credit_lines:
            by_partner[line.commercial_partner_id] |= line
        # sudo: the follow-up holds the customer whoever runs it; accountants
        # and credit control users have read-only access to contacts
        partners = self.browse([partner.id for partner in by_partner]).sudo()
        partners = partners.filtered(lambda partner: not partner.credit_hold)
        if not partners:
            return partners
        # the day of the run (its controlling date)
        hold_date = max(credit_lines.mapped("date"), default=fields.Date.context_today(self))
        by_level = defaultdict(self.env["res.partner"].sudo)
        for partner in partners:
            by_level[by_partner[partner].policy_level_id[:1]] |= partner
        for level, level_partners in by_level.items():
            level_partners.write(
                {
                    "credit_hold": True,
                    "credit_hold_date": hold_date,
                    "credit_hold_reason": self.env._(
                        "Payment follow-up: level %(level)s reached", level=level.name
                    ),
                }
            )
        bodies = {
            partner.id: Markup("<p>%s</p>")
            % self.env._(
                "Put on credit hold by the payment follow-up (%(level)s) for the invoices "
                "%(invoices)s.",
                level=by_partner[partner].policy_level_id[:1].name,
                invoices=", ".join(by_partner[partner].invoice_id.mapped("name")),
            )
            for partner in partners
        }
        partners._message_log_batch(bodies=bodies)
        return partners
