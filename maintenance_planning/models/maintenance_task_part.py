# Copyright 2026 Seed maintainers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import UserError


class MaintenanceTaskPart(models.Model):
    """A part (product of the catalogue) used during a task. Kept on the
    dossier for the invoicing of work outside the contract."""

    _name = "maintenance.task.part"
    _description = "Part used"
    _order = "task_id, id"
    _check_company_auto = True

    task_id = fields.Many2one(
        comodel_name="maintenance.task",
        string="Task",
        required=True,
        index=True,
        ondelete="cascade",
        check_company=True,
    )
    intervention_id = fields.Many2one(
        related="task_id.intervention_id", store=True, index=True, precompute=True
    )
    company_id = fields.Many2one(
        related="task_id.company_id", store=True, index=True, precompute=True, string="Company"
    )
    product_id = fields.Many2one(
        comodel_name="product.product",
        string="Part",
        required=True,
        index=True,
        check_company=True,
        # the parts catalogue: goods that are not models of installed
        # equipment (a technician records a spare part, not a boiler)
        domain=[("type", "=", "consu"), ("maintenance_equipment_model", "=", False)],
    )
    quantity = fields.Float(required=True, default=1.0, digits="Product Unit")
    product_uom_id = fields.Many2one(
        comodel_name="uom.uom",
        string="Unit",
        compute="_compute_product_uom_id",
        store=True,
        readonly=False,
        precompute=True,
    )
    equipment_id = fields.Many2one(
        comodel_name="maintenance.customer.equipment",
        string="Equipment",
        compute="_compute_equipment_id",
        store=True,
        readonly=False,
        precompute=True,
        check_company=True,
    )
    note = fields.Char()
    user_id = fields.Many2one(
        comodel_name="res.users",
        string="Recorded by",
        readonly=True,
        default=lambda self: self.env.user,
    )

    _quantity_positive = models.Constraint(
        "CHECK(quantity > 0)", "The quantity of a part used must be positive."
    )

    @api.model
    def _part_product_domain(self):
        """The domain of the parts catalogue (the domain of ``product_id``)."""
        return list(self._fields["product_id"].domain)

    @api.depends("task_id")
    def _compute_equipment_id(self):
        # the task's equipment when it has only one: nothing to choose
        for part in self:
            equipment = part.task_id.equipment_ids
            part.equipment_id = part.equipment_id or (equipment if len(equipment) == 1 else False)

    @api.depends("product_id")
    def _compute_product_uom_id(self):
        for part in self:
            part.product_uom_id = part.product_id.uom_id

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            self._check_recorder(vals)
        parts = super().create(vals_list)
        parts._check_task_open()
        return parts

    def write(self, vals):
        self._check_recorder(vals)
        self._check_task_open()
        res = super().write(vals)
        if "task_id" in vals:
            self._check_task_open()
        return res

    @api.ondelete(at_uninstall=False)
    def _unlink_except_task_closed(self):
        self._check_task_open()

    def _check_recorder(self, vals):
        """A part used is signed by whoever records it: nobody (but the
        superuser of an import) records it in another's name or changes it."""
        if self.env.su or "user_id" not in vals:
            return
        if vals["user_id"] != self.env.uid or self.filtered(
            lambda p: p.user_id.id != vals["user_id"]
        ):
            raise UserError(
                self.env._(
                    "A part used is signed by who records it: who recorded it cannot be changed."
                )
            )

    def _check_task_open(self):
        """Technicians record parts on their open tasks only; nobody changes
        those of a done task."""
        closed = self.task_id._frozen_for_user()
        if closed:
            raise UserError(
                self.env._(
                    "Task %(task)s is closed: its parts can no longer be changed.",
                    task=closed[0].display_name,
                )
            )
