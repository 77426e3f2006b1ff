# Copyright 2026 Seed maintainers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models


class MaintenanceSite(models.Model):
    """An installed site: where a customer's equipment is installed.

    The site *is* an address (``_inherits`` res.partner): it prints, geolocates
    and appears in the contacts like any other address of the customer.
    """

    _name = "maintenance.site"
    _description = "Installed site"
    _inherits = {"res.partner": "partner_id"}
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "customer_id, name"
    _check_company_auto = True
    # an import (or a many2one) finds a site by its name or its code
    _rec_names_search = ["name", "code"]

    partner_id = fields.Many2one(
        comodel_name="res.partner",
        string="Address",
        required=True,
        ondelete="cascade",
        index=True,
    )
    customer_id = fields.Many2one(
        comodel_name="res.partner",
        string="Customer",
        required=True,
        index=True,
        tracking=True,
        domain="[('is_company', '=', True)]",
    )
    company_id = fields.Many2one(
        comodel_name="res.company",
        required=True,
        index=True,
        default=lambda self: self.env.company,
    )
    code = fields.Char(string="Site code", tracking=True)
    sector_id = fields.Many2one(
        comodel_name="maintenance.sector",
        string="Sector",
        index=True,
        check_company=True,
        tracking=True,
        help="Geographical sector used to plan technicians' rounds.",
    )
    site_contact_id = fields.Many2one(
        comodel_name="res.partner",
        string="On-site contact",
        help="Person who welcomes the technician on site.",
    )
    resource_calendar_id = fields.Many2one(
        comodel_name="resource.calendar",
        string="Opening hours",
        check_company=True,
    )
    access_instructions = fields.Html(
        help="Access code, keys, parking, safety rules...",
    )
    equipment_ids = fields.One2many(
        comodel_name="maintenance.customer.equipment",
        inverse_name="site_id",
        string="Equipment",
    )
    equipment_count = fields.Integer(compute="_compute_counts")
    visit_count = fields.Integer(compute="_compute_counts")
    document_count = fields.Integer(compute="_compute_counts")
    contract_count = fields.Integer(
        compute="_compute_contract_count",
        groups="maintenance_contracts.group_maintenance_manager,account.group_account_invoice",
    )
    map_url = fields.Char(compute="_compute_map_url")

    _code_company_unique = models.Constraint(
        "UNIQUE(code, company_id)", "This site code already exists in this company."
    )

    def _compute_counts(self):
        equipment = dict(
            self.env["maintenance.customer.equipment"]._read_group(
                [("site_id", "in", self.ids)], ["site_id"], ["__count"]
            )
        )
        visits = dict(
            self.env["maintenance.visit"]._read_group(
                [("site_id", "in", self.ids)], ["site_id"], ["__count"]
            )
        )
        documents = {
            res_id: count
            for res_id, count in self.env["ir.attachment"]._read_group(
                [("res_model", "=", self._name), ("res_id", "in", self.ids)],
                ["res_id"],
                ["__count"],
            )
        }
        for site in self:
            site.equipment_count = equipment.get(site, 0)
            site.visit_count = visits.get(site, 0)
            site.document_count = documents.get(site.id, 0)

    def _compute_contract_count(self):
        contracts = dict(
            self.env["contract.contract"]._read_group(
                [("site_id", "in", self.ids)], ["site_id"], ["__count"]
            )
        )
        for site in self:
            site.contract_count = contracts.get(site, 0)

    @api.depends("partner_latitude", "partner_longitude", "street", "zip", "city")
    def _compute_map_url(self):
        for site in self:
            if site.partner_latitude or site.partner_longitude:
                query = f"{site.partner_latitude},{site.partner_longitude}"
            else:
                query = "+".join(
                    part.replace(" ", "+") for part in (site.street, site.zip, site.city) if part
                )
            site.map_url = query and f"https://maps.google.com/?q={query}"

    @api.model
    def get_import_templates(self):
        return [
            {
                "label": self.env._("Import template for installed sites"),
                "template": "/maintenance_contracts/static/xls/sites_import_template.xlsx",
            }
        ]

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            # the address is a child address of the customer, in the site's company
            vals.setdefault("type", "other")
            if vals.get("customer_id"):
                vals.setdefault("parent_id", vals["customer_id"])
        sites = super().create(vals_list)
        sites._sync_partner_company()
        return sites

    def write(self, vals):
        if "customer_id" in vals:
            vals.setdefault("parent_id", vals["customer_id"])
        res = super().write(vals)
        if "company_id" in vals:
            self._sync_partner_company()
        return res

    def _portal_next_visit_dates(self):
        """{site id: due date of its next visit to plan or planned, today or
        later (a late visit is not the next one)}, in one query."""
        groups = self.env["maintenance.visit"]._read_group(
            [
                ("site_id", "in", self.ids),
                ("state", "in", ("to_plan", "planned")),
                ("due_date", ">=", fields.Date.context_today(self)),
            ],
            ["site_id"],
            ["due_date:min"],
        )
        return {site.id: due for site, due in groups}

    def _sync_partner_company(self):
        for site in self:
            if site.partner_id.company_id != site.company_id:
                site.partner_id.company_id = site.company_id

    def _action_open(self, xmlid, domain, context=None):
        action = self.env["ir.actions.act_window"]._for_xml_id(xmlid)
        action["domain"] = domain
        action["context"] = context or {}
        return action

    @api.readonly
    def action_view_equipment(self):
        self.ensure_one()
        return self._action_open(
            "maintenance_contracts.maintenance_customer_equipment_action",
            [("site_id", "=", self.id)],
            {"default_site_id": self.id},
        )

    @api.readonly
    def action_view_visits(self):
        self.ensure_one()
        return self._action_open(
            "maintenance_contracts.maintenance_visit_action",
            [("site_id", "=", self.id)],
        )

    @api.readonly
    def action_view_contracts(self):
        self.ensure_one()
        return self._action_open(
            "maintenance_contracts.contract_contract_action_maintenance",
            [("site_id", "=", self.id)],
            {
                # the maintenance contracts action's own defaults, and this site
                "is_contract": 1,
                "default_contract_type": "sale",
                "default_is_maintenance": True,
                "default_site_id": self.id,
                "default_partner_id": self.customer_id.id,
            },
        )

    @api.readonly
    def action_view_documents(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Documents"),
            "res_model": "ir.attachment",
            "view_mode": "kanban,list,form",
            "domain": [("res_model", "=", self._name), ("res_id", "=", self.id)],
            "context": {"default_res_model": self._name, "default_res_id": self.id},
        }
