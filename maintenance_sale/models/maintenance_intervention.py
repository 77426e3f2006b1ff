# Copyright 2026 Seed maintainers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models

SALE_GROUPS = "sales_team.group_sale_salesman,account.group_account_invoice"


class MaintenanceIntervention(models.Model):
    _inherit = "maintenance.intervention"

    proposal_ids = fields.One2many(
        comodel_name="maintenance.part.proposal",
        inverse_name="intervention_id",
        string="To propose",
        readonly=True,
    )
    proposal_to_quote_count = fields.Integer(
        string="Proposals to quote", compute="_compute_proposal_to_quote_count"
    )
    sale_order_id = fields.Many2one(
        comodel_name="sale.order",
        string="Quotation",
        index="btree_not_null",
        readonly=True,
        copy=False,
        groups=SALE_GROUPS,
        help="The confirmed quotation this dossier carries out: it invoices the work.",
    )
    quotation_ids = fields.Many2many(
        comodel_name="sale.order",
        relation="maintenance_intervention_sale_order_source_rel",
        column1="intervention_id",
        column2="order_id",
        string="Quotations",
        readonly=True,
        copy=False,
        groups=SALE_GROUPS,
    )
    quotation_count = fields.Integer(
        compute="_compute_quotation_count", groups=SALE_GROUPS, string="Number of quotations"
    )

    def _compute_proposal_to_quote_count(self):
        counts = dict(
            self.env["maintenance.part.proposal"]._read_group(
                [("intervention_id", "in", self.ids), ("state", "=", "proposed")],
                ["intervention_id"],
                ["__count"],
            )
        )
        for intervention in self:
            intervention.proposal_to_quote_count = counts.get(intervention, 0)

    def _compute_quotation_count(self):
        for intervention in self:
            intervention.quotation_count = len(intervention.quotation_ids)

    def action_create_quotation(self):
        """Quote the proposals still to quote of this dossier."""
        self.ensure_one()
        return self.proposal_ids.filtered(
            lambda proposal: proposal.state == "proposed"
        ).action_create_quotation()

    @api.readonly
    def action_view_quotations(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "maintenance_sale.sale_order_action_maintenance"
        )
        orders = self.quotation_ids | self.sale_order_id
        action["domain"] = [("id", "in", orders.ids)]
        action["context"] = {}
        if len(orders) == 1:
            action.update(views=[(False, "form")], view_mode="form", res_id=orders.id)
        return action

    def _maintenance_billing_values(self):
        """A dossier created by a confirmed quotation is invoiced by that
        quotation (sale's own invoicing): nothing of it is billed again with
        the dossiers, nor any part sold on a quotation."""
        sold = self.filtered(lambda intervention: intervention.sudo().sale_order_id)
        values = super(MaintenanceIntervention, self - sold)._maintenance_billing_values()
        if not values:
            return values
        part_ids = [vals["part_id"] for vals in values if vals.get("part_id")]
        sold_part_ids = set(
            self.env["maintenance.task.part"]
            .sudo()
            .search([("id", "in", part_ids), ("is_sold", "=", True)])
            .ids
        )
        return [vals for vals in values if vals.get("part_id") not in sold_part_ids]
