# Copyright 2026 Seed maintainers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Requests received by e-mail (the ``depannage@`` alias).

An e-mail's ``From:`` proves nothing: anybody can write a customer's
contact's address. A request received by e-mail is therefore « to confirm »:
its committed times are not counted (no deadline, no alert, no measure) until
the office has confirmed it with the customer; then they are counted from its
reception, as for a call. The ``Authentication-Results`` header is no better
proof here: it is written by whichever server says so, and Odoo reads mailboxes
without knowing which server of the chain wrote it."""

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import email_normalize


class MaintenanceCustomerRequest(models.Model):
    _inherit = "maintenance.customer.request"

    to_confirm = fields.Boolean(
        string="To confirm",
        readonly=True,
        copy=False,
        index=True,
        tracking=True,
        help="Received by e-mail from a sender nobody has verified: its committed times "
        "are counted (from its reception) once the office has confirmed it with the customer.",
    )

    @api.model_create_multi
    def create(self, vals_list):
        # to confirm: only what the mail gateway receives (a request recorded
        # by the office or the customer's portal starts its clocks)
        if any(vals.get("to_confirm") and vals.get("channel") != "email" for vals in vals_list):
            raise UserError(
                self.env._(
                    "Only a request received by e-mail waits for the confirmation of its sender."
                )
            )
        return super().create(vals_list)

    def write(self, vals):
        if vals.get("to_confirm") and self.filtered(lambda request: not request.to_confirm):
            raise UserError(
                self.env._("A confirmed request stays confirmed: its committed times are counted.")
            )
        return super().write(vals)

    def action_confirm_sender(self):
        """The office has checked with the customer that the request is
        theirs: its committed times are counted from its reception."""
        self.check_access("write")
        todo = self.filtered("to_confirm")
        todo.write({"to_confirm": False})
        for request in todo:
            request.message_post(
                body=self.env._(
                    "Request confirmed with the customer by %(user)s: its committed times "
                    "are counted from its reception.",
                    user=self.env.user.name,
                )
            )
        todo.activity_feedback(["mail.mail_activity_data_todo"])
        return True

    def _commitments(self):
        # not counted while nobody has confirmed who sent the request
        result = super()._commitments()
        waiting = set(self.filtered("to_confirm").ids)
        return {key: value for key, value in result.items() if key[0] not in waiting}

    # mail gateway -------------------------------------------------------------

    @api.model
    def message_new(self, msg_dict, custom_values=None):
        """A request from an e-mail: the sender is matched to a customer's
        contact (by address); the body is the description. It is recorded
        in the company of the customer's sites (the gateway runs in its own
        company), and waits for the office to confirm it."""
        email = email_normalize(msg_dict.get("email_from") or "")
        contact = self.env["res.partner"]
        if email:
            contact = self.env["res.partner"].search(
                [("email_normalized", "=", email), ("parent_id", "!=", False)], limit=1
            ) or self.env["res.partner"].search([("email_normalized", "=", email)], limit=1)
        customer = contact.commercial_partner_id
        values = {
            "name": "/",
            "title": msg_dict.get("subject"),
            "channel": "email",
            "contact_id": contact.id,
            "customer_id": customer.id,
            "description": msg_dict.get("body"),
            "to_confirm": True,
            **(custom_values or {}),
        }
        # sudo: the gateway finds the customer's sites in whichever company
        # holds them (the request is then recorded in that company)
        sites = (
            self.env["maintenance.site"].sudo().search([("customer_id", "=", customer.id)])
            if customer
            else self.env["maintenance.site"]
        )
        if len(sites) == 1:
            values.setdefault("site_id", sites.id)
        company = self.env.company
        if len(sites.company_id) == 1 and "company_id" not in values:
            company = sites.company_id
            values["company_id"] = company.id
        if company.maintenance_request_user_id:
            values.setdefault("user_id", company.maintenance_request_user_id.id)
        request = super(MaintenanceCustomerRequest, self.with_company(company)).message_new(
            msg_dict, custom_values=values
        )
        if contact:
            request.message_subscribe(partner_ids=contact.ids)
        if request.to_confirm and request.user_id:
            request.activity_schedule(
                "mail.mail_activity_data_todo",
                user_id=request.user_id.id,
                summary=request.with_context(lang=request.user_id.lang).env._(
                    "%(number)s: confirm the request with the customer", number=request.name
                ),
                note=request.with_context(lang=request.user_id.lang).env._(
                    "Received by e-mail from %(sender)s: an e-mail's sender can be forged. "
                    "Call the customer back, then confirm the request: its committed times "
                    "are counted from its reception once it is confirmed.",
                    sender=msg_dict.get("email_from") or "-",
                ),
            )
        return request.with_env(self.env)
