# Copyright 2026 Seed maintainers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import UserError


class MaintenanceCustomerPackWizard(models.TransientModel):
    """Print or e-mail the customer report of a customer (or one of its
    sites or contracts) for a period."""

    _name = "maintenance.customer.pack.wizard"
    _description = "Print or send a customer report"

    customer_id = fields.Many2one(
        comodel_name="res.partner",
        string="Customer",
        compute="_compute_customer_id",
        store=True,
        readonly=False,
        precompute=True,
        domain="[('is_company', '=', True), ('maintenance_site_ids', '!=', False)]",
    )
    site_id = fields.Many2one(
        comodel_name="maintenance.site",
        string="Installed site",
        domain="[('customer_id', '=', customer_id)]",
        help="Leave empty for all the customer's sites.",
    )
    contract_id = fields.Many2one(
        comodel_name="contract.contract",
        string="Contract",
        domain="[('is_maintenance', '=', True), ('site_id.customer_id', '=', customer_id)]",
        help="Leave empty for all the customer's contracts.",
    )
    period = fields.Selection(
        selection=[
            ("last_month", "Last month"),
            ("last_quarter", "Last quarter"),
            ("last_year", "Last year"),
            ("this_year", "This year to date"),
            ("custom", "Other period"),
        ],
        default="last_month",
        required=True,
    )
    date_from = fields.Date(
        string="From",
        compute="_compute_dates",
        store=True,
        readonly=False,
        precompute=True,
        required=True,
    )
    date_to = fields.Date(
        string="To",
        compute="_compute_dates",
        store=True,
        readonly=False,
        precompute=True,
        required=True,
    )

    @api.depends("site_id", "contract_id")
    def _compute_customer_id(self):
        for wizard in self:
            wizard.customer_id = (
                wizard.contract_id.site_id.customer_id
                or wizard.site_id.customer_id
                or wizard.customer_id
            )

    @api.depends("period")
    def _compute_dates(self):
        today = fields.Date.context_today(self)
        for wizard in self:
            if wizard.period == "last_month":
                first = today + relativedelta(months=-1, day=1)
                wizard.date_from, wizard.date_to = first, first + relativedelta(day=31)
            elif wizard.period == "last_quarter":
                quarter_start = today + relativedelta(month=((today.month - 1) // 3) * 3 + 1, day=1)
                first = quarter_start + relativedelta(months=-3)
                wizard.date_from = first
                wizard.date_to = quarter_start + relativedelta(days=-1)
            elif wizard.period == "last_year":
                wizard.date_from = today + relativedelta(years=-1, month=1, day=1)
                wizard.date_to = today + relativedelta(years=-1, month=12, day=31)
            elif wizard.period == "this_year":
                wizard.date_from = today + relativedelta(month=1, day=1)
                wizard.date_to = today
            elif not (wizard.date_from and wizard.date_to):
                wizard.date_from = today + relativedelta(day=1)
                wizard.date_to = today

    @api.onchange("customer_id")
    def _onchange_customer_id(self):
        if self.site_id.customer_id != self.customer_id:
            self.site_id = False
        if self.contract_id.site_id.customer_id != self.customer_id:
            self.contract_id = False

    def _create_pack(self):
        self.ensure_one()
        if not self.customer_id:
            raise UserError(self.env._("Choose the customer of the report."))
        if self.date_from > self.date_to:
            raise UserError(self.env._("The period must start before it ends."))
        return self.env["maintenance.customer.pack"].create(
            {
                "customer_id": self.customer_id.id,
                "site_id": self.site_id.id,
                "contract_id": self.contract_id.id,
                "company_id": (
                    self.contract_id.company_id or self.site_id.company_id or self.env.company
                ).id,
                "date_from": self.date_from,
                "date_to": self.date_to,
            }
        )

    def action_print(self):
        return self._create_pack().action_print()

    def action_send(self):
        return self._create_pack().action_send()
