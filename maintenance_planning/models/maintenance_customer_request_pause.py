# Copyright 2026 Seed maintainers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError


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
        # a pause logged afterwards (with its end) does not stop the request
        requests = self.env["maintenance.customer.request"].browse(
            [
                vals["request_id"]
                for vals in vals_list
                if vals.get("request_id") and not vals.get("date_end")
            ]
        )
        requests.check_access("write")
        busy = requests.filtered(
            lambda r: r.state not in ("new", "acknowledged", "planned", "on_site")
        )
        if busy:
            raise UserError(
                self.env._(
                    "Request %(number)s cannot be paused in its current state.",
                    number=busy[0].name,
                )
            )
        for request in requests:
            request.write({"state_before_pause": request.state, "state": "waiting"})
        return super().create(vals_list)

    def write(self, vals):
        if vals.get("date_end"):
            ending = self.filtered(lambda p: not p.date_end)
            result = super().write(vals)
            for request in ending.request_id.filtered(lambda r: r.state == "waiting"):
                request.write(
                    {"state": request.state_before_pause or "new", "state_before_pause": False}
                )
            return result
        if "reason" in vals and not (vals["reason"] or "").strip():
            raise ValidationError(self.env._("The reason of a pause cannot be emptied."))
        return super().write(vals)

    def action_save(self):
        """The dialog's button: the pause is created by the dialog's save."""
        return {"type": "ir.actions.act_window_close"}
