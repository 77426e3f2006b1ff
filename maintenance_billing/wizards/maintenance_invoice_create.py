# Copyright 2026 Seed maintainers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models


class MaintenanceInvoiceCreate(models.TransientModel):
    """Invoice the selected dossiers: one draft invoice per billed customer,
    or per billed customer and month of closing."""

    _name = "maintenance.invoice.create"
    _description = "Create invoices from dossiers"

    intervention_ids = fields.Many2many(
        comodel_name="maintenance.intervention",
        string="Dossiers",
        required=True,
    )
    per_month = fields.Boolean(
        string="One invoice per customer and month",
        help="Otherwise one invoice per billed customer for the whole selection.",
    )
    intervention_count = fields.Integer(compute="_compute_summary")
    amount_billable = fields.Monetary(compute="_compute_summary", string="To bill")
    currency_id = fields.Many2one(
        comodel_name="res.currency", default=lambda self: self.env.company.currency_id
    )

    @api.model
    def default_get(self, fields_list):
        values = super().default_get(fields_list)
        if (
            "intervention_ids" in fields_list
            and not values.get("intervention_ids")
            and self.env.context.get("active_model") == "maintenance.intervention"
        ):
            values["intervention_ids"] = [
                fields.Command.set(self.env.context.get("active_ids", []))
            ]
        return values

    @api.depends("intervention_ids")
    def _compute_summary(self):
        for wizard in self:
            wizard.intervention_count = len(wizard.intervention_ids)
            wizard.amount_billable = sum(wizard.intervention_ids.mapped("amount_billable"))

    def action_create_invoices(self):
        self.ensure_one()
        invoices = self.intervention_ids._maintenance_create_invoices(per_month=self.per_month)
        if not self.env.user.has_group("account.group_account_invoice"):
            # operations managers stay on their dossiers: the accountants
            # post and send the drafts
            return {
                "type": "ir.actions.client",
                "tag": "display_notification",
                "params": {
                    "type": "success",
                    "message": self.env._(
                        "Draft invoices created for the accountants: %(invoices)s",
                        invoices=", ".join(invoices.mapped("display_name")),
                    ),
                    "next": {"type": "ir.actions.act_window_close"},
                },
            }
        action = self.env["ir.actions.act_window"]._for_xml_id("account.action_move_out_invoice")
        action["domain"] = [("id", "in", invoices.ids)]
        action["context"] = {"default_move_type": "out_invoice", "create": False}
        if len(invoices) == 1:
            action.update({"views": [(False, "form")], "res_id": invoices.id})
        return action
