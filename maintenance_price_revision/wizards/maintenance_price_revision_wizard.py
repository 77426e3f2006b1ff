# Copyright 2026 Seed maintainers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import UserError


class MaintenancePriceRevisionWizard(models.TransientModel):
    """Revise the prices of selected contracts: a preview of every price
    first, nothing written until Apply."""

    _name = "maintenance.price.revision.wizard"
    _description = "Revise contract prices"

    contract_ids = fields.Many2many(
        comodel_name="contract.contract",
        string="Contracts",
        required=True,
    )
    revision_date = fields.Date(
        help="Leave empty to revise each contract at its next revision date.",
    )
    line_ids = fields.One2many(
        comodel_name="maintenance.price.revision.wizard.line",
        inverse_name="wizard_id",
        string="Preview",
        readonly=True,
    )
    state = fields.Selection(
        selection=[("draft", "Draft"), ("preview", "Preview")],
        default="draft",
        required=True,
    )
    revisable_count = fields.Integer(compute="_compute_counts")
    error_count = fields.Integer(compute="_compute_counts")

    @api.depends("line_ids.state")
    def _compute_counts(self):
        for wizard in self:
            lines = wizard.line_ids
            wizard.revisable_count = len(
                lines.filtered(lambda line: line.state != "error").contract_id
            )
            wizard.error_count = len(lines.filtered(lambda line: line.state == "error").contract_id)

    @api.model
    def default_get(self, fields_list):
        values = super().default_get(fields_list)
        context = self.env.context
        if context.get("active_model") == "contract.contract" and context.get("active_ids"):
            values.setdefault("contract_ids", [fields.Command.set(context["active_ids"])])
        return values

    @api.model
    def _open_for(self, contracts):
        wizard = self.create({"contract_ids": [fields.Command.set(contracts.ids)]})
        wizard.action_preview()
        return wizard._reopen()

    def _reopen(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Revise contract prices"),
            "res_model": self._name,
            "res_id": self.id,
            "view_mode": "form",
            "views": [(False, "form")],
            "target": "new",
            # the preview's columns, reason included, without scrolling
            "context": {"dialog_size": "extra-large"},
        }

    def action_preview(self):
        """Compute every revision and show it; nothing is written."""
        self.ensure_one()
        self.line_ids.unlink()
        results = self.env["maintenance.price.revision"]._prepare_revisions(
            self.contract_ids, self.revision_date
        )
        self.env["maintenance.price.revision.wizard.line"].create(
            [vals for result in results for vals in self._preview_values(result)]
        )
        self.state = "preview"
        return self._reopen()

    def _preview_values(self, result):
        contract = result["contract"]
        common = {
            "wizard_id": self.id,
            "contract_id": contract.id,
            "revision_date": result["date"],
        }
        if result["error"]:
            return [dict(common, state="error", reason=result["error"])]
        state = {"done": "revise", "scheduled": "scheduled", "skipped": "unchanged"}[
            result["state"]
        ]
        detail = {
            "coefficient": float(result["coefficient"]),
            "limit_effect": result["limit_effect"],
            "index_values": result["index_values_text"],
            "computation": result["computation"],
        }
        values = [
            dict(
                common,
                **detail,
                state=state,
                contract_line_id=line["line"].id,
                base_price=line["base_price"],
                old_price=line["old_price"],
                new_price=line["new_price"],
            )
            for line in result["lines"]
        ]
        values += [
            dict(
                common,
                state="skipped",
                contract_line_id=line.id,
                old_price=line.price_unit,
                new_price=line.price_unit,
                reason=reason,
            )
            for line, reason in result["skipped_lines"]
        ]
        return values

    def action_apply(self):
        """Record the revisions (computed again, the preview is only shown)
        and write the prices of those due; contracts in error are left."""
        self.ensure_one()
        revisions, errors = self.env["maintenance.price.revision"]._revise_contracts(
            self.contract_ids, self.revision_date
        )
        if not revisions:
            raise UserError(
                self.env._(
                    "No contract can be revised:\n%(reasons)s",
                    reasons="\n".join(
                        f"{result['contract'].display_name}: {result['error']}" for result in errors
                    ),
                )
            )
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "maintenance_price_revision.maintenance_price_revision_action"
        )
        action["domain"] = [("id", "in", revisions.ids)]
        action["context"] = {}
        return action
