# Copyright 2026 Seed maintainers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models


class AccountMove(models.Model):
    _inherit = "account.move"

    # the inverse of the billing lines' invoice: changing an invoice (its
    # lines' amounts change many times while it is created) finds the billing
    # lines to update from this field's cache instead of a search each time
    maintenance_billing_line_ids = fields.One2many(
        comodel_name="maintenance.billing.line",
        inverse_name="invoice_id",
        string="Billing lines of dossiers",
        readonly=True,
        copy=False,
    )
    maintenance_intervention_count = fields.Integer(
        string="Dossiers", compute="_compute_maintenance_intervention_count"
    )

    def _maintenance_site_paths(self):
        # the site of a dossier's invoice is on its lines
        return [*super()._maintenance_site_paths(), "line_ids.maintenance_site_id"]

    def _compute_maintenance_intervention_count(self):
        for move in self:
            move.maintenance_intervention_count = len(
                move.invoice_line_ids.maintenance_intervention_id
            )

    @api.readonly
    def action_view_maintenance_interventions(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "maintenance_planning.maintenance_intervention_action"
        )
        action["domain"] = [("id", "in", self.invoice_line_ids.maintenance_intervention_id.ids)]
        return action
