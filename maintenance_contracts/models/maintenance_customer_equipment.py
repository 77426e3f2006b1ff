# Copyright 2026 Seed maintainers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools import SQL

from .maintenance_refrigerant import fgas_check_interval, fgas_co2e_tonnes

# changing one of these changes the leak-check frequency of the equipment
FGAS_FIELDS = {"refrigerant_id", "refrigerant_charge", "hermetically_sealed", "leak_detection"}


class MaintenanceCustomerEquipment(models.Model):
    """Equipment installed at a customer's site.

    Not ``maintenance.equipment``: that name belongs to Odoo's own
    Maintenance app (the company's own tools).
    """

    _name = "maintenance.customer.equipment"
    _description = "Installed equipment"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "site_id, name"
    _check_company_auto = True
    # an import (or a many2one) finds an equipment by its name or its serial number
    _rec_names_search = ["name", "serial_number"]

    name = fields.Char(required=True, tracking=True)
    active = fields.Boolean(default=True)
    company_id = fields.Many2one(
        comodel_name="res.company",
        required=True,
        index=True,
        default=lambda self: self.env.company,
    )
    product_id = fields.Many2one(
        comodel_name="product.product",
        string="Product",
        index=True,
        check_company=True,
    )
    serial_number = fields.Char(tracking=True, index="btree_not_null")
    site_id = fields.Many2one(
        comodel_name="maintenance.site",
        string="Installed site",
        required=True,
        index=True,
        check_company=True,
        tracking=True,
    )
    customer_id = fields.Many2one(
        related="site_id.customer_id", store=True, index=True, string="Customer"
    )
    sector_id = fields.Many2one(related="site_id.sector_id", store=True)
    location = fields.Char(string="Location on site", help="Building, floor, room, roof...")
    brand = fields.Char()
    model = fields.Char()
    installation_date = fields.Date()
    manufacturer_warranty_end = fields.Date(string="Manufacturer warranty end")
    state = fields.Selection(
        selection=[
            ("in_service", "In service"),
            ("out_of_service", "Out of service"),
            ("removed", "Removed"),
        ],
        default="in_service",
        required=True,
        tracking=True,
    )
    parent_id = fields.Many2one(
        comodel_name="maintenance.customer.equipment",
        string="Parent equipment",
        index=True,
        check_company=True,
        domain="[('site_id', '=', site_id)]",
    )
    child_ids = fields.One2many(
        comodel_name="maintenance.customer.equipment",
        inverse_name="parent_id",
        string="Components",
    )
    note = fields.Html()
    # refrigerating equipment (Regulation (EU) 2024/573)
    refrigerant_id = fields.Many2one(
        comodel_name="maintenance.refrigerant",
        string="Refrigerant",
        index=True,
        tracking=True,
    )
    refrigerant_charge = fields.Float(
        string="Refrigerant charge (kg)", digits=(16, 3), tracking=True
    )
    hermetically_sealed = fields.Boolean(
        help="Hermetically sealed equipment, labelled as such: exempt from leak "
        "checks below 10 t CO2 equivalent.",
        tracking=True,
    )
    leak_detection = fields.Boolean(
        string="Leakage detection system",
        help="A leakage detection system is installed: leak checks are half as frequent.",
        tracking=True,
    )
    fgas_co2e = fields.Float(
        string="Tonnes of CO2 equivalent",
        digits=(16, 2),
        compute="_compute_fgas",
        store=True,
        help="GWP of the refrigerant x charge in kg / 1000.",
    )
    fgas_check_interval = fields.Integer(
        string="Leak check every (months)",
        compute="_compute_fgas",
        store=True,
        help="Regulation (EU) 2024/573, art. 5: 12 months from 5 t CO2 equivalent, "
        "6 from 50 t, 3 from 500 t (for HFOs: from 1, 10 and 100 kg of charge), "
        "twice as long with a leakage detection system; 0: no leak check required.",
    )
    visit_count = fields.Integer(compute="_compute_visit_count")
    document_count = fields.Integer(compute="_compute_document_count")

    _serial_product_company_unique = models.Constraint(
        "UNIQUE(serial_number, product_id, company_id)",
        "This serial number is already used for this product in this company.",
    )

    @api.depends(
        "refrigerant_id.gwp",
        "refrigerant_id.is_fluorinated",
        "refrigerant_id.is_unsaturated",
        "refrigerant_charge",
        "hermetically_sealed",
        "leak_detection",
    )
    def _compute_fgas(self):
        for equipment in self:
            refrigerant = equipment.refrigerant_id
            equipment.fgas_co2e = fgas_co2e_tonnes(refrigerant.gwp, equipment.refrigerant_charge)
            equipment.fgas_check_interval = fgas_check_interval(
                refrigerant.is_fluorinated,
                refrigerant.gwp,
                equipment.refrigerant_charge,
                sealed=equipment.hermetically_sealed,
                detection=equipment.leak_detection,
                unsaturated=refrigerant.is_unsaturated,
            )

    @api.depends("name", "serial_number")
    def _compute_display_name(self):
        for equipment in self:
            equipment.display_name = (
                f"{equipment.name} [{equipment.serial_number}]"
                if equipment.serial_number
                else equipment.name
            )

    def _compute_visit_count(self):
        counts = dict(
            self.env["maintenance.visit"]._read_group(
                [("equipment_id", "in", self.ids)], ["equipment_id"], ["__count"]
            )
        )
        for equipment in self:
            equipment.visit_count = counts.get(equipment, 0)

    def _compute_document_count(self):
        counts = dict(
            self.env["ir.attachment"]._read_group(
                [("res_model", "=", self._name), ("res_id", "in", self.ids)],
                ["res_id"],
                ["__count"],
            )
        )
        for equipment in self:
            equipment.document_count = counts.get(equipment.id, 0)

    def _portal_visit_ids(self):
        """Ids of the visits of this equipment, its own and those of the
        visit groups it belongs to, in one query (group visits name their
        equipment through their covered products). The caller searches them
        as the user, so the record rules still decide what is shown."""
        if not self:
            return []
        self.env["maintenance.visit"].flush_model(["equipment_id"])
        self.env["contract.line"].flush_model(["equipment_id"])
        self.env.cr.execute(
            SQL(
                """
                SELECT v.id FROM maintenance_visit v WHERE v.equipment_id = ANY(%(ids)s)
                UNION
                SELECT r.visit_id
                  FROM maintenance_visit_group_line_rel r
                  JOIN contract_line l ON l.id = r.contract_line_id
                 WHERE l.equipment_id = ANY(%(ids)s)
                """,
                ids=list(self.ids),
            )
        )
        return [row[0] for row in self.env.cr.fetchall()]

    def _portal_next_visit_dates(self):
        """{equipment id: due date of its next visit to plan or planned,
        today or later (a late visit is not the next one)}, counting the
        visits of its visit groups, in one query."""
        if not self:
            return {}
        self.env["maintenance.visit"].flush_model(["equipment_id", "state", "due_date"])
        self.env["contract.line"].flush_model(["equipment_id"])
        self.env.cr.execute(
            SQL(
                """
                SELECT eq, MIN(due_date) FROM (
                    SELECT v.equipment_id AS eq, v.due_date
                      FROM maintenance_visit v
                     WHERE v.equipment_id = ANY(%(ids)s) AND v.state IN ('to_plan', 'planned')
                       AND v.due_date >= %(today)s
                    UNION ALL
                    SELECT l.equipment_id, v.due_date
                      FROM maintenance_visit v
                      JOIN maintenance_visit_group_line_rel r ON r.visit_id = v.id
                      JOIN contract_line l ON l.id = r.contract_line_id
                     WHERE l.equipment_id = ANY(%(ids)s) AND v.state IN ('to_plan', 'planned')
                       AND v.due_date >= %(today)s
                ) next_visits
                GROUP BY eq
                """,
                ids=list(self.ids),
                today=fields.Date.context_today(self),
            )
        )
        return dict(self.env.cr.fetchall())

    @api.model
    def get_import_templates(self):
        return [
            {
                "label": self.env._("Import template for installed equipment"),
                "template": "/maintenance_contracts/static/xls/equipment_import_template.xlsx",
            }
        ]

    @api.constrains("refrigerant_charge")
    def _check_refrigerant_charge(self):
        if self.filtered(lambda equipment: equipment.refrigerant_charge < 0):
            raise ValidationError(self.env._("A refrigerant charge cannot be negative."))

    def write(self, vals):
        if not FGAS_FIELDS & set(vals):
            return super().write(vals)
        before = {equipment: equipment.fgas_check_interval for equipment in self}
        res = super().write(vals)
        changed = self.filtered(
            lambda equipment: equipment.fgas_check_interval != before[equipment]
        )
        if changed:
            changed._regenerate_fgas_visits()
        return res

    def _regenerate_fgas_visits(self):
        """The leak-check frequency changed: the future visits still to plan
        of the covered products checking these equipment's leaks are
        generated again at the new pace (planned and done ones are kept)."""
        lines = self.env["contract.line"].search(
            [
                ("equipment_id", "in", self.ids),
                ("maintenance_state", "=", "validated"),
                ("warranty_type_id.visit_interval_unit", "=", "fgas"),
            ]
        )
        lines._regenerate_future_visits()

    @api.constrains("parent_id")
    def _check_parent_id(self):
        if self._has_cycle():
            raise ValidationError(self.env._("An equipment cannot be its own component."))

    @api.readonly
    def action_view_visits(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "maintenance_contracts.maintenance_visit_action"
        )
        action["domain"] = [("equipment_id", "=", self.id)]
        action["context"] = {}
        return action

    @api.readonly
    def action_view_documents(self):
        self.ensure_one()
        return self.site_id.action_view_documents() | {
            "domain": [("res_model", "=", self._name), ("res_id", "=", self.id)],
            "context": {"default_res_model": self._name, "default_res_id": self.id},
        }
