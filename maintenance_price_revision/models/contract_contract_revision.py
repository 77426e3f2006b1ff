# Copyright 2026 Seed maintainers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import UserError


class ContractContract(models.Model):
    """Price revision of a maintenance contract: its reference month I0,
    its next revision date and the history of its revisions."""

    _inherit = "contract.contract"

    price_revision_formula_id = fields.Many2one(
        comodel_name="maintenance.price.revision.formula",
        string="Price-revision formula",
        tracking=True,
    )

    price_revision_base_month = fields.Date(
        string="Reference month (I0)",
        tracking=True,
        help="The month of the index values the contract's prices were based "
        "on (mois zéro). Stored as the first day of the month.",
    )
    price_revision_next_date = fields.Date(
        string="Next price revision",
        compute="_compute_price_revision_next_date",
        store=True,
        readonly=False,
        index=True,
        copy=False,
        help="Computed from the formula (contract anniversary or fixed date) "
        "after the last revision; it can be changed by hand.",
    )
    price_revision_ids = fields.One2many(
        comodel_name="maintenance.price.revision",
        inverse_name="contract_id",
        string="Price revisions",
        groups="maintenance_contracts.group_maintenance_manager,account.group_account_invoice",
    )
    price_revision_count = fields.Integer(
        compute="_compute_price_revision_count",
        groups="maintenance_contracts.group_maintenance_manager,account.group_account_invoice",
    )
    price_revision_last_id = fields.Many2one(
        comodel_name="maintenance.price.revision",
        string="Last price revision",
        compute="_compute_price_revision_count",
        groups="maintenance_contracts.group_maintenance_manager,account.group_account_invoice",
        help="The last applied or scheduled revision: the one the customer letter announces.",
    )

    @api.depends(
        "date_start",
        "date_end",
        "price_revision_formula_id.revision_date_rule",
        "price_revision_formula_id.revision_day",
        "price_revision_formula_id.revision_month",
        "price_revision_ids.date",
    )
    def _compute_price_revision_next_date(self):
        # the form computes it on new records too: only saved ones have revisions
        saved_ids = [id_ for id_ in self._origin.ids if id_]
        last_dates = dict(
            self.env["maintenance.price.revision"]
            .sudo()
            ._read_group([("contract_id", "in", saved_ids)], ["contract_id"], ["date:max"])
        )
        for contract in self:
            formula = contract.price_revision_formula_id
            if not formula or not contract.date_start:
                contract.price_revision_next_date = False
                continue
            date = formula._next_revision_date(
                contract.date_start, last_dates.get(contract._origin)
            )
            if contract.date_end and date and date > contract.date_end:
                date = False
            contract.price_revision_next_date = date

    def _compute_price_revision_count(self):
        revisions = self.env["maintenance.price.revision"].search(
            [("contract_id", "in", self.ids)], order="date desc, id desc"
        )
        by_contract = {}
        for revision in revisions:
            by_contract.setdefault(revision.contract_id, []).append(revision)
        for contract in self:
            history = by_contract.get(contract, [])
            contract.price_revision_count = len(history)
            contract.price_revision_last_id = next(
                (revision for revision in history if revision.state in ("done", "scheduled")),
                False,
            )

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("price_revision_base_month"):
                vals["price_revision_base_month"] = fields.Date.to_date(
                    vals["price_revision_base_month"]
                ).replace(day=1)
        return super().create(vals_list)

    def write(self, vals):
        if vals.get("price_revision_base_month"):
            vals = dict(
                vals,
                price_revision_base_month=fields.Date.to_date(
                    vals["price_revision_base_month"]
                ).replace(day=1),
            )
        return super().write(vals)

    def action_price_revision_wizard(self):
        """Open the revision wizard on these contracts, preview computed."""
        return self.env["maintenance.price.revision.wizard"]._open_for(self)

    @api.readonly
    def action_view_price_revisions(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "maintenance_price_revision.maintenance_price_revision_action"
        )
        action["domain"] = [("contract_id", "=", self.id)]
        action["context"] = {}
        return action

    def action_send_price_revision_letter(self):
        """Open the mail composer with the price revision letter attached."""
        self.ensure_one()
        if not self.price_revision_last_id:
            raise UserError(
                self.env._(
                    "Contract %(contract)s has no price revision to announce.",
                    contract=self.display_name,
                )
            )
        template = self.env.ref(
            "maintenance_price_revision.mail_template_price_revision_letter",
            raise_if_not_found=False,
        )
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Send price revision letter"),
            "res_model": "mail.compose.message",
            "view_mode": "form",
            "views": [(False, "form")],
            "target": "new",
            "context": {
                "default_model": "contract.contract",
                "default_res_ids": self.ids,
                "default_composition_mode": "comment",
                "default_template_id": template.id if template else False,
                "default_email_layout_xmlid": "mail.mail_notification_light",
                "force_email": True,
            },
        }

    def action_print_price_revision_letter(self):
        self.ensure_one()
        return self.env.ref(
            "maintenance_price_revision.action_report_price_revision_letter"
        ).report_action(self)

    @api.model
    def get_import_templates(self):
        """maintenance_contracts' template, and the same with the contracts'
        price-revision formula and base month."""
        return [
            *super().get_import_templates(),
            {
                "label": self.env._(
                    "Import template for maintenance contracts with price revision"
                ),
                "template": "/maintenance_price_revision/static/xls/"
                "contracts_revision_import_template.xlsx",
            },
        ]
