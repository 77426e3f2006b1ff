# Copyright 2026 Seed maintainers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import datetime, time, timedelta

import pytz
from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.fields import Domain
from odoo.tools import format_date, get_lang

FREQUENCIES = [("none", "Never"), ("monthly", "Every month"), ("yearly", "Every year")]


class MaintenanceCustomerPack(models.Model):
    """The customer's report pack for a period: a PDF (summary page, covered
    equipment, preventive visits planned and done, corrective interventions
    against the committed times, meter readings, availability and failures,
    documents issued) for one customer, or one of its sites or contracts.
    Each pack printed or sent is kept: the history of what the customer
    received, and the key that makes the monthly/yearly sending idempotent."""

    _name = "maintenance.customer.pack"
    _description = "Customer report pack"
    _inherit = ["mail.thread"]
    _order = "date_to desc, id desc"
    _check_company_auto = True

    name = fields.Char(compute="_compute_name", store=True, readonly=True)
    period_label = fields.Char(string="Period", compute="_compute_name", store=True)
    company_id = fields.Many2one(
        comodel_name="res.company",
        required=True,
        index=True,
        default=lambda self: self.env.company,
    )
    customer_id = fields.Many2one(
        comodel_name="res.partner",
        string="Customer",
        required=True,
        index=True,
        domain="[('is_company', '=', True)]",
    )
    site_id = fields.Many2one(
        comodel_name="maintenance.site",
        string="Installed site",
        index=True,
        check_company=True,
        domain="[('customer_id', '=', customer_id)]",
        help="Leave empty for all the customer's sites.",
    )
    contract_id = fields.Many2one(
        comodel_name="contract.contract",
        string="Contract",
        index=True,
        check_company=True,
        domain="[('is_maintenance', '=', True), ('site_id.customer_id', '=', customer_id)]",
        help="Leave empty for all the customer's contracts.",
    )
    partner_id = fields.Many2one(
        comodel_name="res.partner",
        string="Send to",
        compute="_compute_partner_id",
        store=True,
        readonly=False,
        precompute=True,
        help="The contact who receives the pack: the site's contact, otherwise the customer.",
    )
    date_from = fields.Date(string="From", required=True)
    date_to = fields.Date(string="To", required=True)
    state = fields.Selection(
        selection=[("draft", "Not sent"), ("sent", "Sent")],
        string="Status",
        default="draft",
        required=True,
        readonly=True,
        copy=False,
        tracking=True,
    )
    sent_date = fields.Datetime(string="Sent on", readonly=True, copy=False)
    scheduled = fields.Boolean(
        string="Sent automatically",
        readonly=True,
        copy=False,
        help="Created and sent by the monthly or yearly sending of its contract.",
    )

    _dates_check = models.Constraint(
        "CHECK(date_from <= date_to)",
        "The period of a customer report must start before it ends.",
    )
    # the scheduled sending writes one pack per contract and period, once
    _scheduled_unique = models.UniqueIndex(
        "(contract_id, date_from, date_to) WHERE scheduled",
        "This contract's report for this period was already sent.",
    )

    @api.depends("customer_id", "site_id", "contract_id", "date_from", "date_to")
    def _compute_name(self):
        for pack in self:
            lang = get_lang(pack.env, pack.customer_id.lang).code
            env = pack.with_context(lang=lang).env
            scope = pack.contract_id.code or pack.site_id.name or pack.customer_id.name or ""
            if pack.date_from and pack.date_to:
                period = pack._period_label(lang)
                pack.period_label = period
                pack.name = env._("Report %(scope)s - %(period)s", scope=scope, period=period)
            else:
                pack.period_label = False
                pack.name = env._("Report %(scope)s", scope=scope)

    @api.depends("customer_id", "site_id")
    def _compute_partner_id(self):
        for pack in self:
            pack.partner_id = pack.site_id.site_contact_id or pack.customer_id

    @api.constrains("customer_id", "site_id", "contract_id")
    def _check_scope(self):
        for pack in self:
            if pack.site_id and pack.site_id.customer_id != pack.customer_id:
                raise ValidationError(
                    self.env._(
                        "The site %(site)s is not a site of %(customer)s.",
                        site=pack.site_id.name,
                        customer=pack.customer_id.name,
                    )
                )
            if pack.contract_id and pack.contract_id.site_id.customer_id != pack.customer_id:
                raise ValidationError(
                    self.env._(
                        "The contract %(contract)s is not a contract of %(customer)s.",
                        contract=pack.contract_id.display_name,
                        customer=pack.customer_id.name,
                    )
                )

    # ------------------------------------------------------------------
    # actions
    # ------------------------------------------------------------------
    def action_print(self):
        return self.env.ref(
            "maintenance_reporting.maintenance_customer_pack_report_action"
        ).report_action(self)

    def action_send(self):
        """The mail composer with the French template and the PDF attached."""
        self.ensure_one()
        template = self.env.ref(
            "maintenance_reporting.mail_template_customer_pack", raise_if_not_found=False
        )
        return {
            "type": "ir.actions.act_window",
            "res_model": "mail.compose.message",
            "view_mode": "form",
            "views": [(False, "form")],
            "target": "new",
            "context": {
                "default_model": self._name,
                "default_res_ids": self.ids,
                "default_template_id": template.id if template else False,
                "default_composition_mode": "comment",
                "default_email_layout_xmlid": "mail.mail_notification_light",
                "mark_pack_as_sent": True,
            },
        }

    def message_post(self, **kwargs):
        if self.env.context.get("mark_pack_as_sent"):
            self.filtered(lambda pack: pack.state == "draft").write(
                {"state": "sent", "sent_date": fields.Datetime.now()}
            )
        return super().message_post(**kwargs)

    def _send_scheduled(self):
        """Send each pack with the French template (PDF attached, logged in
        its chatter); a pack whose recipient has no e-mail address stays
        *not sent*, with a note saying so."""
        template = self.env.ref("maintenance_reporting.mail_template_customer_pack")
        sendable = self.filtered(lambda pack: pack.partner_id.email)
        for pack in self - sendable:
            lang = get_lang(self.env, pack.customer_id.lang).code
            pack.message_post(
                body=pack.with_context(lang=lang).env._(
                    "Not sent: %(partner)s has no e-mail address.",
                    partner=pack.partner_id.display_name or pack.customer_id.display_name,
                )
            )
        # from the company, not from the job's OdooBot
        for company, packs in sendable.grouped("company_id").items():
            packs.with_context(mark_pack_as_sent=True).message_post_with_source(
                template,
                message_type="comment",
                subtype_xmlid="mail.mt_comment",
                email_layout_xmlid="mail.mail_notification_light",
                **company._maintenance_mail_sender(),
            )
        return sendable

    # ------------------------------------------------------------------
    # period and scope
    # ------------------------------------------------------------------
    def _tz(self):
        # the company's zone, like every document we print (the customer's
        # contact's zone is only the zone of whoever created it)
        return self.company_id._maintenance_tz()

    def _period_bounds(self):
        """The period as UTC naive datetimes [start, stop): from midnight of
        its first day to midnight after its last day, in the company's
        time zone."""
        tz = pytz.timezone(self._tz())

        def utc(day):
            return (
                tz.localize(datetime.combine(day, time.min))
                .astimezone(pytz.utc)
                .replace(tzinfo=None)
            )

        return utc(self.date_from), utc(self.date_to + timedelta(days=1))

    def _period_label(self, lang):
        env = self.with_context(lang=lang).env
        first, last = self.date_from, self.date_to
        if first.day == 1 and last == first + relativedelta(day=31):
            return format_date(env, first, lang_code=lang, date_format="MMMM yyyy")
        if (first.month, first.day, last.month, last.day) == (1, 1, 12, 31) and (
            first.year == last.year
        ):
            return str(first.year)
        return env._(
            "%(first)s to %(last)s",
            first=format_date(env, first, lang_code=lang),
            last=format_date(env, last, lang_code=lang),
        )

    def _scope_domain(self, customer="customer_id", site="site_id", contract="contract_id"):
        """The domain of this pack's customer (and site, contract) on a
        model having these fields: nothing of another customer."""
        domain = Domain(customer, "=", self.customer_id.id)
        if self.site_id and site:
            domain &= Domain(site, "=", self.site_id.id)
        if self.contract_id and contract:
            domain &= Domain(contract, "=", self.contract_id.id)
        return domain

    def _scope_equipment(self):
        domain = self._scope_domain(contract=False)
        if self.contract_id:
            domain &= Domain("id", "in", self.contract_id.contract_line_ids.equipment_id.ids)
        return self.env["maintenance.customer.equipment"].search(domain, order="site_id, name")

    # ------------------------------------------------------------------
    # scheduled sending
    # ------------------------------------------------------------------
    @api.model
    def _scheduled_period(self, frequency, today):
        """The last complete month or calendar year before ``today``."""
        if frequency == "monthly":
            first = today + relativedelta(months=-1, day=1)
            return first, first + relativedelta(day=31)
        first = today + relativedelta(years=-1, month=1, day=1)
        return first, first + relativedelta(month=12, day=31)

    @api.model
    def _cron_send_scheduled(self, batch_size=20):
        """Each contract asking for a monthly or yearly report gets it once
        for its last complete period (the unique key contract + period),
        in batches, reporting progress to the cron."""
        today = fields.Date.context_today(self)
        in_cron = bool(self.env.context.get("ir_cron_progress_id"))
        Contract = self.env["contract.contract"]
        for frequency in ("monthly", "yearly"):
            date_from, date_to = self._scheduled_period(frequency, today)
            domain = [
                ("is_maintenance", "=", True),
                ("customer_pack_frequency", "=", frequency),
                ("maintenance_state", "!=", "draft"),
                ("date_start", "<=", date_to),
                "|",
                ("date_end", "=", False),
                ("date_end", ">=", date_from),
                (
                    "customer_pack_ids",
                    "not any",
                    [
                        ("scheduled", "=", True),
                        ("date_from", "=", date_from),
                        ("date_to", "=", date_to),
                    ],
                ),
            ]
            while True:
                contracts = Contract._maintenance_lock_batch(domain, batch_size)
                if not contracts:
                    break
                packs = self.create(
                    [
                        {
                            "company_id": contract.company_id.id,
                            "customer_id": contract.site_id.customer_id.id,
                            "site_id": contract.site_id.id,
                            "contract_id": contract.id,
                            "date_from": date_from,
                            "date_to": date_to,
                            "scheduled": True,
                        }
                        for contract in contracts
                    ]
                )
                packs._send_scheduled()
                if in_cron:
                    remaining = Contract.search_count(domain)
                    if not self.env["ir.cron"]._commit_progress(
                        len(contracts), remaining=remaining
                    ):
                        break
        return True
