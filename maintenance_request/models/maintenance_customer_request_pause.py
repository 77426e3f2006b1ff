# Copyright 2026 Seed maintainers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from odoo.addons.maintenance_planning.models.frozen import is_now

OPEN_STATES = ("new", "acknowledged", "planned", "on_site")


class MaintenanceCustomerRequestPause(models.Model):
    """A time the request waited on the customer (no access to the site,
    an answer awaited): the committed times stop counting. Logged: who,
    when, why."""

    _name = "maintenance.customer.request.pause"
    _description = "Request waiting on the customer"
    _order = "date_start desc, id desc"
    _rec_name = "reason"

    request_id = fields.Many2one(
        comodel_name="maintenance.customer.request",
        string="Request",
        required=True,
        index=True,
        ondelete="cascade",
    )
    company_id = fields.Many2one(
        related="request_id.company_id", store=True, index=True, precompute=True
    )
    date_start = fields.Datetime(
        string="Waiting since", required=True, default=fields.Datetime.now, readonly=True
    )
    date_end = fields.Datetime(string="Until", readonly=True)
    reason = fields.Text(help="Why the request waits on the customer.")
    user_id = fields.Many2one(
        comodel_name="res.users",
        string="Paused by",
        required=True,
        readonly=True,
        default=lambda self: self.env.user,
    )

    _end_after_start = models.Constraint(
        "CHECK(date_end IS NULL OR date_end >= date_start)",
        "A pause cannot end before it starts.",
    )

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if not (vals.get("reason") or "").strip():
                raise ValidationError(
                    self.env._(
                        "Say why the request is waiting on the customer: the reason is "
                        "kept with the pause."
                    )
                )
        self._check_new_pauses(vals_list)
        # a pause logged afterwards (with its end) does not stop the request
        requests = self.env["maintenance.customer.request"].browse(
            [
                vals["request_id"]
                for vals in vals_list
                if vals.get("request_id") and not vals.get("date_end")
            ]
        )
        for request in requests:
            request.write({"state_before_pause": request.state, "state": "waiting"})
        return super().create(vals_list)

    def _check_new_pauses(self, vals_list):
        """A pause is recorded by the person who pauses, on a request still
        open: from now, or (logged afterwards) within the request's life
        between its reception and now, not over another pause."""
        requests = self.env["maintenance.customer.request"].browse(
            {vals["request_id"] for vals in vals_list if vals.get("request_id")}
        )
        requests.check_access("write")
        now = fields.Datetime.now()
        to_datetime = fields.Datetime.to_datetime
        for vals in vals_list:
            request = requests.browse(vals.get("request_id"))
            if request.state not in OPEN_STATES:
                raise UserError(
                    self.env._(
                        "Request %(number)s cannot be paused in its current state.",
                        number=request.name,
                    )
                )
            if vals.get("user_id", self.env.uid) != self.env.uid:
                raise UserError(
                    self.env._("A pause is recorded by the person who pauses the request.")
                )
            start = to_datetime(vals.get("date_start")) or now
            end = to_datetime(vals.get("date_end"))
            if not end and not is_now(start, now):
                raise UserError(
                    self.env._("A pause starts when it is recorded: log a past wait with its end.")
                )
            if start < request.received_at or (end and not start <= end <= now):
                raise UserError(
                    self.env._(
                        "Request %(number)s: a pause lies between the reception of the "
                        "request and now.",
                        number=request.name,
                    )
                )
            if end and any(
                pause.date_start < end and (not pause.date_end or pause.date_end > start)
                for pause in request.pause_ids
            ):
                raise UserError(
                    self.env._(
                        "Request %(number)s already waited on the customer at that time.",
                        number=request.name,
                    )
                )

    def write(self, vals):
        if vals and (
            self.filtered("date_end") or {"request_id", "date_start", "user_id"} & set(vals)
        ):
            raise UserError(
                self.env._(
                    "A pause records when the request waited and who paused it: once "
                    "ended, or for its start and author, it cannot be changed."
                )
            )
        if "date_end" in vals:
            if not vals["date_end"] or not is_now(vals["date_end"]):
                raise UserError(self.env._("A pause ends when the request is resumed: now."))
            result = super().write(vals)
            for request in self.request_id.filtered(lambda r: r.state == "waiting"):
                request.write(
                    {"state": request.state_before_pause or "new", "state_before_pause": False}
                )
            return result
        if "reason" in vals and not (vals["reason"] or "").strip():
            raise ValidationError(self.env._("The reason of a pause cannot be emptied."))
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_recorded(self):
        raise UserError(
            self.env._(
                "A pause is never deleted: it is part of the measure of the committed "
                "times. Resume the request instead."
            )
        )

    def action_save(self):
        """The dialog's button: the pause is created by the dialog's save."""
        return {"type": "ir.actions.act_window_close"}
