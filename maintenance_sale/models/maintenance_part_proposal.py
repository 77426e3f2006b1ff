# Copyright 2026 Seed maintainers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from collections import defaultdict

from odoo import Command, api, fields, models
from odoo.exceptions import AccessError, UserError

MANAGER_GROUP = "maintenance_contracts.group_maintenance_manager"
SALE_GROUPS = "sales_team.group_sale_salesman,account.group_account_invoice"
OPEN_TASK_STATES = ("todo", "in_progress")
# what nobody changes once a proposal is on a quotation: the quotation is the reference
QUOTED_FIELDS = {"task_id", "product_id", "quantity", "product_uom_id", "equipment_id"}


class MaintenancePartProposal(models.Model):
    """A part to replace or some work to propose, recorded on a task by its
    technician (on the phone) or by an operations manager. Products and
    quantities only: prices live on the quotation the manager makes of it."""

    _name = "maintenance.part.proposal"
    _description = "Part or work to propose"
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
        related="task_id.intervention_id",
        store=True,
        index=True,
        precompute=True,
        string="Intervention dossier",
    )
    customer_id = fields.Many2one(
        related="task_id.customer_id", store=True, index=True, precompute=True, string="Customer"
    )
    site_id = fields.Many2one(
        related="task_id.site_id", store=True, index=True, precompute=True, string="Installed site"
    )
    company_id = fields.Many2one(
        related="task_id.company_id", store=True, index=True, precompute=True, string="Company"
    )
    product_id = fields.Many2one(
        comodel_name="product.product",
        string="Part or work",
        required=True,
        index=True,
        check_company=True,
        domain=[("sale_ok", "=", True), ("type", "in", ("consu", "service"))],
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
        index="btree_not_null",
        check_company=True,
    )
    note = fields.Char(help="Why it should be replaced, what to do.")
    user_id = fields.Many2one(
        comodel_name="res.users",
        string="Proposed by",
        readonly=True,
        default=lambda self: self.env.user,
    )
    is_refused = fields.Boolean(
        string="Refused",
        readonly=True,
        copy=False,
        help="Set aside by the operations manager without a quotation.",
    )
    state = fields.Selection(
        selection=[
            ("proposed", "Proposed"),
            ("quoted", "Quoted"),
            ("accepted", "Accepted"),
            ("refused", "Refused"),
        ],
        string="Status",
        compute="_compute_state",
        store=True,
        index=True,
        help="Proposed: not on a quotation yet. Quoted: on a quotation waiting for "
        "the customer. Accepted: the quotation is confirmed. Refused: the quotation "
        "was declined or cancelled, or the manager set the proposal aside.",
    )
    sale_line_id = fields.Many2one(
        comodel_name="sale.order.line",
        string="Quotation line",
        readonly=True,
        copy=False,
        index="btree_not_null",
        ondelete="set null",
        groups=SALE_GROUPS,
    )
    sale_order_id = fields.Many2one(
        related="sale_line_id.order_id",
        store=True,
        index="btree_not_null",
        string="Quotation",
        groups=SALE_GROUPS,
    )

    _quantity_positive = models.Constraint(
        "CHECK(quantity > 0)", "The quantity to propose must be positive."
    )

    @api.depends("product_id")
    def _compute_product_uom_id(self):
        for proposal in self:
            proposal.product_uom_id = proposal.product_id.uom_id

    @api.depends("is_refused", "sale_line_id", "sale_line_id.order_id.state")
    def _compute_state(self):
        states = {"draft": "quoted", "sent": "quoted", "sale": "accepted", "cancel": "refused"}
        for proposal in self.sudo():
            order = proposal.sale_line_id.order_id
            if order:
                proposal.state = states.get(order.state, "quoted")
            else:
                proposal.state = "refused" if proposal.is_refused else "proposed"

    @api.model_create_multi
    def create(self, vals_list):
        if not self._is_office():
            for vals in vals_list:
                self._check_technician_values(vals)
        proposals = super().create(vals_list)
        proposals._check_task_open()
        return proposals

    def write(self, vals):
        if not self._is_office():
            self._check_technician_values(vals)
        self._check_changeable(vals)
        res = super().write(vals)
        if "task_id" in vals:
            self._check_task_open()
        return res

    @api.ondelete(at_uninstall=False)
    def _unlink_except_quoted(self):
        self._check_changeable(QUOTED_FIELDS)

    def action_refuse(self):
        """Set proposals aside without a quotation (the customer said no on site)."""
        self._check_manager()
        quoted = self.filtered(lambda proposal: proposal.state != "proposed")
        if quoted:
            raise UserError(
                self.env._(
                    "%(product)s (%(task)s) is already on a quotation or refused: "
                    "cancel the quotation instead.",
                    product=quoted[0].product_id.display_name,
                    task=quoted[0].task_id.display_name,
                )
            )
        self.write({"is_refused": True})

    def action_reset(self):
        """Put refused proposals back to propose (their quotation is not
        touched; a proposal of a cancelled quotation leaves it)."""
        self._check_manager()
        refused = self.filtered(lambda proposal: proposal.state == "refused")
        refused.sudo().write({"is_refused": False, "sale_line_id": False})

    def action_create_quotation(self):
        """One quotation for the billed customer of these proposals (one task,
        or several of one customer), with the site and the dossiers, the
        contract's coverage shown on each line. Opens it."""
        self._check_manager()
        if not self:
            raise UserError(
                self.env._("There is no proposal to quote: select proposals still to quote.")
            )
        self.check_access("write")
        order = self.env["sale.order"].create(self._quotation_vals())
        return {
            "type": "ir.actions.act_window",
            "res_model": "sale.order",
            "res_id": order.id,
            "view_mode": "form",
            "views": [(False, "form")],
        }

    def _check_manager(self):
        if not (
            self.env.user.has_group(MANAGER_GROUP)
            and self.env.user.has_group("sales_team.group_sale_salesman")
        ):
            raise AccessError(
                self.env._("Only an operations manager turns proposals into quotations.")
            )

    def _is_office(self):
        return self.env.su or self.env.user.has_group(MANAGER_GROUP)

    def _check_technician_values(self, vals):
        """A technician's proposal is signed by them and stays to quote:
        only the office sets a proposal aside (``action_refuse``)."""
        if vals.get("user_id", self.env.uid) != self.env.uid or (
            self and "user_id" in vals and self.filtered(lambda p: p.user_id.id != vals["user_id"])
        ):
            raise UserError(
                self.env._(
                    "A proposal is signed by the technician who records it: "
                    "who proposed it cannot be changed."
                )
            )
        if "is_refused" in vals and (vals["is_refused"] or self.filtered("is_refused")):
            raise UserError(
                self.env._(
                    "Only the office sets a proposal aside or puts it back to quote: "
                    "a technician changes the part, the quantity or the note."
                )
            )

    def _check_task_open(self):
        """Technicians propose on their open tasks; operations managers on
        any task that is not cancelled."""
        if self.env.su:
            return
        if self.env.user.has_group(MANAGER_GROUP):
            closed = self.task_id.filtered(lambda task: task.state == "cancelled")
        else:
            closed = self.task_id.filtered(lambda task: task.state not in OPEN_TASK_STATES)
        if closed:
            raise UserError(
                self.env._(
                    "Task %(task)s is closed: nothing more can be proposed on it.",
                    task=closed[0].display_name,
                )
            )

    def _check_changeable(self, fields_to_write):
        """A proposal on a quotation (or accepted, refused) keeps its product
        and quantity: the quotation is the reference. Technicians change only
        their proposals still to quote, on their open tasks."""
        if self.env.su:
            return
        if set(fields_to_write) & QUOTED_FIELDS:
            done = self.filtered(lambda proposal: proposal.state != "proposed")
            if done:
                raise UserError(
                    self.env._(
                        "%(product)s: the proposal is already %(state)s, it can no longer "
                        "be changed.",
                        product=done[0].product_id.display_name,
                        state=dict(done._fields["state"]._description_selection(self.env))[
                            done[0].state
                        ].lower(),
                    )
                )
        self._check_task_open()

    def _billed_customer(self):
        """The partner billed for this proposal: the contract's billed
        customer, else the dossier's customer."""
        self.ensure_one()
        intervention = self.intervention_id
        return intervention.contract_id.partner_id or intervention.customer_id

    def _coverage(self):
        """{proposal.id: (covered fraction 0..1, reason)} of the parts (goods)
        among these proposals, by the parts rule of their dossier's contract
        for their equipment today (maintenance_billing's coverage API). Work
        (services) is quoted at its price. One call per contract and
        equipment, not per proposal."""
        groups = defaultdict(self.browse)
        for proposal in self:
            if proposal.product_id.type == "consu" and proposal.intervention_id.contract_id:
                key = (proposal.intervention_id.contract_id, proposal.equipment_id)
                groups[key] |= proposal
        coverage = {}
        today = fields.Date.context_today(self)
        for (contract, equipment), proposals in groups.items():
            by_product = contract._maintenance_parts_coverage(
                proposals.product_id, equipment=equipment or None, on_date=today
            )
            for proposal in proposals:
                coverage[proposal.id] = by_product[proposal.product_id.id]
        return coverage

    def _quotation_vals(self):
        not_proposed = self.filtered(lambda proposal: proposal.state != "proposed")
        if not_proposed:
            raise UserError(
                self.env._(
                    "%(product)s (%(task)s) is already on a quotation or refused.",
                    product=not_proposed[0].product_id.display_name,
                    task=not_proposed[0].task_id.display_name,
                )
            )
        no_customer = self.filtered(lambda proposal: not proposal._billed_customer())
        if no_customer:
            raise UserError(
                self.env._(
                    "Task %(task)s belongs to no customer's dossier: there is nobody "
                    "to send a quotation to.",
                    task=no_customer[0].task_id.display_name,
                )
            )
        customers = {proposal._billed_customer() for proposal in self}
        if len(customers) > 1 or len(self.company_id) > 1:
            raise UserError(
                self.env._(
                    "A quotation is for one customer: %(customers)s are selected.",
                    customers=", ".join(sorted(c.display_name for c in customers)),
                )
            )
        customer = customers.pop()
        contract = self.intervention_id.contract_id
        site = self.site_id
        coverage = self._coverage()
        lines = []
        for proposal in self:
            name = proposal.product_id.get_product_multiline_description_sale()
            if proposal.note:
                name += "\n" + proposal.note
            fraction, reason = coverage.get(proposal.id, (0.0, False))
            if fraction:
                name += "\n" + self.env._(
                    "Covered at %(percent)s %%: %(reason)s",
                    percent=f"{fraction * 100:g}",
                    reason=reason,
                )
            lines.append(
                Command.create(
                    {
                        "product_id": proposal.product_id.id,
                        "product_uom_qty": proposal.quantity,
                        "product_uom_id": proposal.product_uom_id.id,
                        "name": name,
                        "discount": fraction * 100,
                        "maintenance_coverage_reason": reason,
                        "maintenance_proposal_ids": [Command.link(proposal.id)],
                    }
                )
            )
        vals = {
            "partner_id": customer.id,
            "company_id": self.company_id.id,
            "require_signature": True,
            "origin": ", ".join(self.intervention_id.mapped("name")) or False,
            "maintenance_site_id": site.id if len(site) == 1 else False,
            "maintenance_contract_id": contract.id if len(contract) == 1 else False,
            "maintenance_source_intervention_ids": [Command.set(self.intervention_id.ids)],
            "order_line": lines,
        }
        if len(contract) == 1 and contract.invoice_partner_id:
            vals["partner_invoice_id"] = contract.invoice_partner_id.id
        if len(site) == 1:
            vals["partner_shipping_id"] = site.partner_id.id
        return vals
