# Copyright 2026 Seed maintainers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from collections import defaultdict

from markupsafe import Markup

from odoo import Command, api, fields, models

MANAGER_GROUP = "maintenance_contracts.group_maintenance_manager"


class SaleOrder(models.Model):
    """A quotation made of parts and work proposed on maintenance tasks:
    it names the site, the contract and the dossiers they come from; once
    confirmed (signed on the portal or confirmed by the manager) it creates
    the dossier that will fit them."""

    _inherit = "sale.order"

    maintenance_site_id = fields.Many2one(
        comodel_name="maintenance.site",
        string="Installed site",
        index="btree_not_null",
        check_company=True,
        readonly=True,
    )
    maintenance_contract_id = fields.Many2one(
        comodel_name="contract.contract",
        string="Maintenance contract",
        index="btree_not_null",
        check_company=True,
        readonly=True,
    )
    maintenance_source_intervention_ids = fields.Many2many(
        comodel_name="maintenance.intervention",
        relation="maintenance_intervention_sale_order_source_rel",
        column1="order_id",
        column2="intervention_id",
        string="Found during",
        readonly=True,
        copy=False,
        help="The dossiers whose tasks proposed these parts.",
    )
    maintenance_intervention_id = fields.Many2one(
        comodel_name="maintenance.intervention",
        string="Dossier of the work",
        index="btree_not_null",
        readonly=True,
        copy=False,
        help="Created when the quotation is confirmed, with the parts to fit.",
    )
    maintenance_proposal_count = fields.Integer(
        string="Proposals", compute="_compute_maintenance_proposal_count"
    )

    def _compute_maintenance_proposal_count(self):
        counts = dict(
            self.env["maintenance.part.proposal"]._read_group(
                [("sale_order_id", "in", self.ids)], ["sale_order_id"], ["__count"]
            )
        )
        for order in self:
            order.maintenance_proposal_count = counts.get(order, 0)

    def action_confirm(self):
        res = super().action_confirm()
        self.filtered(
            lambda order: (
                order.state == "sale"
                and not order.maintenance_intervention_id
                and order.order_line.maintenance_proposal_ids
            )
        )._maintenance_create_dossiers()
        return res

    @api.readonly
    def action_view_maintenance_intervention(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": "maintenance.intervention",
            "res_id": self.maintenance_intervention_id.id,
            "view_mode": "form",
            "views": [(False, "form")],
        }

    @api.readonly
    def action_view_maintenance_proposals(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "maintenance_sale.maintenance_part_proposal_action"
        )
        action["domain"] = [("sale_order_id", "=", self.id)]
        action["context"] = {}
        return action

    def _maintenance_create_dossiers(self):
        """One corrective dossier per confirmed quotation, with a task to
        plan that lists the parts to fit (planned parts of the task, linked to
        their quotation line) and the work sold. sudo: the customer confirms
        by signing on the portal, an accountant may confirm too; neither
        creates dossiers, and the dossier is the quotation's own consequence."""
        orders = self.sudo()
        proposals_by_order = defaultdict(self.env["maintenance.part.proposal"].sudo)
        for proposal in orders.order_line.maintenance_proposal_ids:
            proposals_by_order[proposal.sale_line_id.order_id] |= proposal
        hour = self.env.ref("uom.product_uom_hour")
        intervention_vals = []
        for order in orders:
            proposals = proposals_by_order[order]
            customer = proposals.customer_id[:1] or order.partner_id.commercial_partner_id
            intervention_vals.append(
                {
                    "intervention_type": "corrective",
                    "company_id": order.company_id.id,
                    "site_id": order.maintenance_site_id.id,
                    "customer_id": customer.id,
                    "contract_id": order.maintenance_contract_id.id,
                    "equipment_ids": [Command.set(proposals.equipment_id.ids)],
                    "user_id": order.user_id.id
                    if order.user_id.has_group(MANAGER_GROUP)
                    else False,
                    "description": Markup("<p>%s</p><ul>%s</ul>")
                    % (
                        self.env._("Work of quotation %(order)s:", order=order.name),
                        Markup().join(
                            Markup("<li>%s × %s</li>")
                            % (line.product_uom_qty, line.product_id.display_name)
                            for line in order.order_line.filtered(
                                lambda line: not line.display_type
                            )
                        ),
                    ),
                }
            )
        interventions = self.env["maintenance.intervention"].sudo().create(intervention_vals)
        task_vals = []
        for order, intervention in zip(orders, interventions, strict=True):
            lines = order.order_line.filtered(lambda line: line.product_id)
            hours = sum(
                line.product_uom_id._compute_quantity(
                    line.product_uom_qty, hour, raise_if_failure=False
                )
                for line in lines
                if line.product_id.type == "service"
                and line.product_uom_id._has_common_reference(hour)
            )
            task_vals.append(
                {
                    "name": self.env._("Work of quotation %(order)s", order=order.name),
                    "intervention_id": intervention.id,
                    "duration": hours,
                    "equipment_ids": [Command.set(intervention.equipment_ids.ids)],
                    "part_ids": [
                        Command.create(
                            {
                                "product_id": line.product_id.id,
                                "quantity": line.product_uom_qty,
                                "product_uom_id": line.product_uom_id.id,
                                "equipment_id": line.maintenance_proposal_ids.equipment_id[:1].id,
                                "note": self.env._("Sold on %(order)s", order=order.name),
                                "sale_line_id": line.id,
                            }
                        )
                        for line in lines
                        if line.product_id.type == "consu" and line.product_uom_qty > 0
                    ],
                }
            )
        self.env["maintenance.task"].sudo().create(task_vals)
        for order, intervention in zip(orders, interventions, strict=True):
            order.maintenance_intervention_id = intervention
            intervention.sale_order_id = order
            intervention.message_post(
                body=self.env._(
                    "Created from quotation %(order)s, confirmed on %(date)s.",
                    order=order.name,
                    date=fields.Date.to_string(order.date_order.date()),
                )
            )
        return interventions

    @api.model
    def _maintenance_quote_domain(self):
        return [("order_line.maintenance_proposal_ids", "!=", False)]


class SaleOrderLine(models.Model):
    _inherit = "sale.order.line"

    maintenance_proposal_ids = fields.One2many(
        comodel_name="maintenance.part.proposal",
        inverse_name="sale_line_id",
        string="Proposals",
        readonly=True,
    )
    maintenance_coverage_reason = fields.Char(
        string="Coverage",
        copy=False,
        help="The contract's rule that covers this line (shown as a discount).",
    )
