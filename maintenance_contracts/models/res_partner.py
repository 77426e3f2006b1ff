# Copyright 2026 Seed maintainers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


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

    def _compute_maintenance_site_count(self):
        groups = self.env["maintenance.site"]._read_group(
            [("customer_id", "in", self.ids)], ["customer_id"], ["__count"]
        )
        counts = {customer.id: count for customer, count in groups}
        for partner in self:
            partner.maintenance_site_count = counts.get(partner.id, 0)

    def action_view_maintenance_sites(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "maintenance_contracts.maintenance_site_action"
        )
        action["domain"] = [("customer_id", "=", self.id)]
        action["context"] = {"default_customer_id": self.id}
        return action
