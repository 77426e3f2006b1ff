# Copyright 2026 Seed maintainers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
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
    # one contract and one site per invoice, stored, to group invoices by
    # them: the first its lines bill (the search view finds every contract
    # and site an invoice bills, through its lines)
    maintenance_contract_id = fields.Many2one(
        comodel_name="contract.contract",
        string="Maintenance contract",
        compute="_compute_maintenance_contract_id",
        store=True,
        index="btree_not_null",
        help="The maintenance contract this invoice bills (the first one when it bills "
        "several): its recurring lines or its dossiers' contract.",
    )
    maintenance_site_id = fields.Many2one(
        comodel_name="maintenance.site",
        string="Installed site",
        compute="_compute_maintenance_site_id",
        store=True,
        index="btree_not_null",
        help="The site this invoice bills (the first one when it bills several).",
    )

    def _maintenance_site_paths(self):
        # the site of a dossier's invoice is on its lines
        return [*super()._maintenance_site_paths(), "line_ids.maintenance_site_id"]

    @api.depends("line_ids.contract_line_id.contract_id", "line_ids.maintenance_contract_id")
    def _compute_maintenance_contract_id(self):
        for move in self:
            # sudo: the contract is read through the invoice's lines, which
            # an accountant reads but whose contract lines may be hidden
            lines = move.sudo().line_ids
            contracts = lines.contract_line_id.contract_id | lines.maintenance_contract_id
            move.maintenance_contract_id = contracts.sorted("id")[:1].id

    @api.depends(lambda self: self._maintenance_site_paths())
    def _compute_maintenance_site_id(self):
        for move in self:
            move.maintenance_site_id = move.maintenance_site_ids.sorted("id")[:1].id

    def _compute_maintenance_intervention_count(self):
        for move in self:
            move.maintenance_intervention_count = len(
                move.invoice_line_ids.maintenance_intervention_id
            )

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            self._maintenance_replace_bot_salesperson(vals)
        return super().create(vals_list)

    @api.model
    def _maintenance_replace_bot_salesperson(self, vals):
        """A customer invoice created by a scheduled action (OCA contract's
        recurring invoicing, a job run as OdooBot) would have OdooBot as
        salesperson: its e-mails would come from "OdooBot", signed "System",
        and the portal would name OdooBot as the seller. The company's
        salesperson of automatic invoices takes its place, or none (the
        e-mails then come from the company)."""
        context = self.env.context
        move_type = vals.get("move_type", context.get("default_move_type", "entry"))
        if move_type not in self.get_sale_types(include_receipts=True):
            return
        user_id = vals.get("invoice_user_id", context.get("default_invoice_user_id", self.env.uid))
        if not user_id or not self.env["res.users"].browse(user_id)._is_superuser():
            return
        company = self.env["res.company"].browse(vals.get("company_id"))
        if not company and vals.get("journal_id"):
            company = self.env["account.journal"].browse(vals["journal_id"]).company_id
        vals["invoice_user_id"] = self._maintenance_salesperson(company or self.env.company).id

    @api.model
    def _maintenance_salesperson(self, company, candidates=None):
        """The salesperson of an invoice created for ``company``: the current
        user when a person creates it, else the first of ``candidates`` (the
        contract's or dossiers' responsibles) who is a person, else the
        company's salesperson of automatic invoices (maybe none)."""
        users = self.env.user | (candidates or self.env["res.users"])
        people = users.filtered(lambda user: not user._is_superuser() and not user.share)
        return people[:1] or company.sudo().maintenance_invoice_user_id

    @api.readonly
    def action_view_maintenance_interventions(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "maintenance_planning.maintenance_intervention_action"
        )
        action["domain"] = [("id", "in", self.invoice_line_ids.maintenance_intervention_id.ids)]
        return action
