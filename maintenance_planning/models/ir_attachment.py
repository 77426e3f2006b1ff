# Copyright 2026 Seed maintainers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from collections import defaultdict

from odoo import api, fields, models
from odoo.fields import Domain

# the records whose attachments make the maintenance documents (GED)
DOCUMENT_MODELS = (
    "res.partner",
    "maintenance.site",
    "maintenance.customer.equipment",
    "contract.contract",
    "maintenance.intervention",
    "maintenance.task",
)


class IrAttachment(models.Model):
    _inherit = "ir.attachment"

    maintenance_category = fields.Selection(
        selection=[
            ("photo", "Photo"),
            ("report", "Intervention report"),
            ("certificate", "Certificate"),
            ("plan", "Plan"),
            ("manual", "Manual"),
            ("quote", "Quote"),
            ("other", "Other"),
        ],
        string="Document category",
        index="btree_not_null",
    )
    maintenance_portal_shared = fields.Boolean(
        string="Shared with the customer",
        index=True,
        help="The customer's contacts see and download this document on their portal "
        "(when they may see the record it is attached to). Portal users have no "
        "right on attachments: they download through the portal pages, which check "
        "the record first.",
    )

    @api.model
    def _maintenance_search(self, model, domain):
        """The records of ``model`` matching ``domain`` that the user may
        read; none (rather than an access error) for a model they cannot."""
        if not self.env["ir.model.access"].check(model, "read", raise_exception=False):
            return self.env[model]
        return self.env[model].search(domain)

    @api.model
    def _maintenance_scope_domain(self, scope):
        """The attachments of ``scope`` (a list of recordsets), limited to
        the models the user may read."""
        by_model = defaultdict(set)
        for records in scope:
            if records and self.env["ir.model.access"].check(
                records._name, "read", raise_exception=False
            ):
                by_model[records._name].update(records.ids)
        return Domain.OR(
            Domain("res_model", "=", model) & Domain("res_id", "in", sorted(ids))
            for model, ids in by_model.items()
        )

    @api.model
    def _maintenance_document_counts(self, scopes):
        """{key: number of attachments} for ``scopes`` = {key: [recordsets]},
        in one query whatever the number of keys."""
        domain = self._maintenance_scope_domain([rs for scope in scopes.values() for rs in scope])
        if domain.is_false():
            return dict.fromkeys(scopes, 0)
        counts = {
            (res_model, res_id): count
            for res_model, res_id, count in self._read_group(
                domain, ["res_model", "res_id"], ["__count"]
            )
        }
        return {
            key: sum(
                counts.get((records._name, record_id), 0)
                for records in scope
                for record_id in set(records.ids)
            )
            for key, scope in scopes.items()
        }

    @api.model
    def _maintenance_documents_action(self, scope, name, default_record=None):
        """A window action listing the attachments of ``scope``; new
        documents go to ``default_record``."""
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "maintenance_planning.maintenance_document_action"
        )
        action["name"] = name
        action["domain"] = list(self._maintenance_scope_domain(scope))
        context = {}
        if default_record:
            context = {
                "default_res_model": default_record._name,
                "default_res_id": default_record.id,
            }
        action["context"] = context
        return action
