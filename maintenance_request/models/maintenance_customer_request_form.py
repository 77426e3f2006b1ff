# Copyright 2026 Seed maintainers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""What the request form tells while a call is logged: the customer's only
site chosen for them, and why nobody is due before the calendar's next
working hour (a P1 received at night)."""

from datetime import timedelta

from pytz import timezone, utc

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import format_datetime

# a request received less than this before the calendar's next working
# moment is not "outside business hours" (ir.cron and the form are to the minute)
OPENING_SLACK = timedelta(minutes=1)


class MaintenanceCustomerRequest(models.Model):
    _inherit = "maintenance.customer.request"

    deadline_note = fields.Char(
        string="Committed times counted from",
        compute="_compute_deadline_note",
        help="Why the first deadline is later than the allowed time after the reception: "
        "the request was received outside the business hours of its calendar.",
    )

    @api.depends("name")
    def _compute_display_name(self):
        res = super()._compute_display_name()
        # numbered when saved: « New request » until then, not « / »
        for request in self:
            if not request.name or request.name == "/":
                request.display_name = self.env._("New request")
        return res

    @api.depends(
        "received_at",
        "calendar_id",
        "next_deadline",
        "response_basis",
        "intervention_basis",
        "restoration_basis",
    )
    @api.depends_context("tz")
    def _compute_deadline_note(self):
        counted = self.filtered(
            lambda r: (
                r.received_at
                and r.calendar_id
                and r.next_deadline
                and "business" in (r.response_basis, r.intervention_basis, r.restoration_basis)
            )
        )
        (self - counted).deadline_note = False
        if not counted:
            return
        try:
            # zero working hours after the reception: the next working moment
            openings = counted._plan_batch(
                [(request, "business", request.received_at, 0.0) for request in counted]
            )
        except UserError:
            # a calendar without working time: the deadlines say so themselves
            counted.deadline_note = False
            return
        for request, opening in zip(counted, openings, strict=True):
            if not opening or opening - request.received_at < OPENING_SLACK:
                request.deadline_note = False
                continue
            request.deadline_note = self.env._(
                "Received outside business hours: the committed times count from "
                '%(opening)s on the calendar "%(calendar)s"; next deadline %(deadline)s.',
                opening=request._moment_label(opening),
                calendar=request.calendar_id.name,
                deadline=request._moment_label(request.next_deadline),
            )

    def _moment_label(self, moment):
        """« today 18:00 », « tomorrow 09:00 » or « Mon 14 Dec 09:00 », in
        the user's time zone (else the calendar's)."""
        tz_name = self.env.context.get("tz") or self.env.user.tz or self.calendar_id.tz
        tz = timezone(tz_name or "Europe/Paris")
        local = utc.localize(moment).astimezone(tz)
        today = fields.Datetime.now().replace(tzinfo=utc).astimezone(tz).date()
        hour = local.strftime("%H:%M")
        if local.date() == today:
            return self.env._("today %(hour)s", hour=hour)
        if local.date() == today + timedelta(days=1):
            return self.env._("tomorrow %(hour)s", hour=hour)
        return format_datetime(self.env, moment, tz=tz.zone, dt_format="EEE d MMM HH:mm")

    @api.onchange("customer_id")
    def _onchange_customer_id_site(self):
        """The customer's only site is theirs to choose: chosen. A site of
        another customer is cleared (with its equipment)."""
        if not self.customer_id:
            return
        if self.site_id and self.site_id.customer_id != self.customer_id:
            self.site_id = False
            self.equipment_id = False
        if not self.site_id:
            sites = self.env["maintenance.site"].search(
                [
                    ("customer_id", "=", self.customer_id.id),
                    ("company_id", "in", [self.company_id.id or self.env.company.id, False]),
                ],
                limit=2,
            )
            if len(sites) == 1:
                self.site_id = sites
