# Copyright 2026 Seed maintainers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models


class ResPartner(models.Model):
    _inherit = "res.partner"

    maintenance_origin_id = fields.Many2one(
        comodel_name="maintenance.contract.origin",
        string="Contract origin",
        help="Default origin of this customer's new maintenance contracts.",
    )
    maintenance_site_ids = fields.One2many(
        comodel_name="maintenance.site",
        inverse_name="customer_id",
        string="Installed sites",
    )
    maintenance_site_count = fields.Integer(
        string="Sites",
        compute="_compute_maintenance_site_count",
    )
    maintenance_portal_site_scope = fields.Selection(
        selection=[
            ("all", "All the sites of the customer"),
            ("contact", "Only the sites they are the on-site contact of"),
        ],
        string="Sites on the portal",
        required=True,
        default="all",
        help="What this contact sees on the customer portal: every site of their "
        "company (and its equipment, visits, dossiers and requests), or only the "
        "sites whose on-site contact they are (a syndic's building manager).",
    )

    def _compute_maintenance_site_count(self):
        groups = self.env["maintenance.site"]._read_group(
            [("customer_id", "in", self.ids)], ["customer_id"], ["__count"]
        )
        counts = {customer.id: count for customer, count in groups}
        for partner in self:
            partner.maintenance_site_count = counts.get(partner.id, 0)

    @api.model
    def get_import_templates(self):
        return [
            *super().get_import_templates(),
            {
                "label": self.env._("Import template for maintenance customers"),
                "template": "/maintenance_contracts/static/xls/customers_import_template.xlsx",
            },
        ]

    @api.model
    def _load_records_create(self, vals_list):
        partners = super(
            ResPartner, self.with_context(maintenance_import_commercial_sync=True)
        )._load_records_create(vals_list)
        return partners.with_env(self.env)

    def _convert_fields_to_values(self, field_names):
        # Odoo's import copies a company's commercial fields to its imported
        # contacts (res.partner._load_records_create) and writes them as
        # superuser, but reads them as the user: a user without accounting
        # rights could not import a contact of a company (credit_limit). The
        # values are read as superuser too; only for that copy.
        partners = self
        if self.env.context.get("maintenance_import_commercial_sync"):
            partners = self.sudo()
        return super(ResPartner, partners)._convert_fields_to_values(field_names)

    def write(self, vals):
        result = super().write(vals)
        if "maintenance_portal_site_scope" in vals:
            # the portal record rules read this setting: their cached domains
            # are stale
            self.env.registry.clear_cache()
        return result

    @api.readonly
    def action_view_maintenance_sites(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "maintenance_contracts.maintenance_site_action"
        )
        action["domain"] = [("customer_id", "=", self.id)]
        action["context"] = {"default_customer_id": self.id}
        return action
