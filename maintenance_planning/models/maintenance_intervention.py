# Copyright 2026 Seed maintainers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from collections import defaultdict

from odoo import api, fields, models
from odoo.exceptions import UserError

from ..numbering import allocate_numbers, number_sequence

SEQUENCE_CODE = "maintenance.intervention"
FOLDED_STATES = ("done", "cancelled")


class MaintenanceIntervention(models.Model):
    """An intervention dossier: numbered follow-up of work at a customer's
    site. Created by the planning of visits (preventive) or by hand by the
    operations manager (e.g. a corrective call). It holds one or more tasks."""

    _name = "maintenance.intervention"
    _description = "Intervention dossier"
    _inherit = ["mail.thread", "mail.activity.mixin", "portal.mixin"]
    _order = "priority desc, date_start desc, id desc"
    _check_company_auto = True

    name = fields.Char(
        string="Number",
        required=True,
        readonly=True,
        copy=False,
        default="/",
        index="trigram",
        help="Given at creation from the company's 'Intervention dossier' sequence.",
    )
    intervention_type = fields.Selection(
        selection=[
            ("preventive", "Preventive"),
            ("corrective", "Corrective"),
            ("installation", "Installation"),
            ("other", "Other"),
        ],
        string="Type",
        required=True,
        default="corrective",
        tracking=True,
    )
    state = fields.Selection(
        selection=[
            ("draft", "Draft"),
            ("planned", "Planned"),
            ("in_progress", "In progress"),
            ("done", "Done"),
            ("cancelled", "Cancelled"),
        ],
        string="Status",
        required=True,
        default="draft",
        copy=False,
        index=True,
        tracking=True,
        # the kanban's columns in the order of the work, closed ones folded
        group_expand=True,
    )
    priority = fields.Selection(
        selection=[("0", "Normal"), ("1", "High"), ("2", "Urgent")],
        default="0",
        index=True,
    )
    company_id = fields.Many2one(
        comodel_name="res.company",
        required=True,
        index=True,
        default=lambda self: self.env.company,
    )
    site_id = fields.Many2one(
        comodel_name="maintenance.site",
        string="Installed site",
        index=True,
        check_company=True,
        tracking=True,
    )
    customer_id = fields.Many2one(
        comodel_name="res.partner",
        string="Customer",
        compute="_compute_customer_id",
        store=True,
        readonly=False,
        precompute=True,
        index=True,
        tracking=True,
        domain="[('is_company', '=', True)]",
    )
    equipment_ids = fields.Many2many(
        comodel_name="maintenance.customer.equipment",
        relation="maintenance_intervention_equipment_rel",
        column1="intervention_id",
        column2="equipment_id",
        string="Equipment",
        check_company=True,
        domain="[('site_id', '=?', site_id)]",
    )
    contract_id = fields.Many2one(
        comodel_name="contract.contract",
        string="Contract",
        index=True,
        check_company=True,
        tracking=True,
        help="Leave empty for work outside any contract.",
    )
    visit_ids = fields.One2many(
        comodel_name="maintenance.visit",
        inverse_name="intervention_id",
        string="Visits",
        readonly=True,
    )
    task_ids = fields.One2many(
        comodel_name="maintenance.task",
        inverse_name="intervention_id",
        string="Tasks",
    )
    is_ready_to_close = fields.Boolean(
        string="Ready to close",
        compute="_compute_is_ready_to_close",
        store=True,
        help="Every task of the open dossier is done or cancelled, at least one done.",
    )
    description = fields.Html()
    user_id = fields.Many2one(
        comodel_name="res.users",
        string="Responsible",
        index=True,
        tracking=True,
        default=lambda self: self.env.user,
        domain=lambda self: [
            ("share", "=", False),
            (
                "all_group_ids",
                "in",
                self.env.ref("maintenance_contracts.group_maintenance_manager").ids,
            ),
        ],
        help="Operations manager following this dossier.",
    )
    date_start = fields.Datetime(
        string="Planned start",
        compute="_compute_dates",
        store=True,
        help="Start of its first task.",
    )
    date_end = fields.Datetime(
        string="Planned end",
        compute="_compute_dates",
        store=True,
        help="End of its last task.",
    )
    date_done = fields.Date(string="Closed on", readonly=True, copy=False)
    part_ids = fields.One2many(
        comodel_name="maintenance.task.part",
        inverse_name="intervention_id",
        string="Parts used",
        readonly=True,
    )
    visit_count = fields.Integer(compute="_compute_counts")
    task_count = fields.Integer(compute="_compute_counts")
    open_task_count = fields.Integer(compute="_compute_counts")
    document_count = fields.Integer(compute="_compute_counts")
    planned_outside_window = fields.Boolean(
        compute="_compute_planned_outside_window",
        help="A task of this dossier is planned outside the tolerance window of one of its visits.",
    )

    _name_company_unique = models.Constraint(
        "UNIQUE(name, company_id)",
        "This intervention dossier number already exists in this company.",
    )

    def _web_read_group_format(self, groupby, aggregates, groups):
        # the kanban by status folds the closed columns (done, cancelled),
        # as project folds its closing stages
        result = super()._web_read_group_format(groupby, aggregates, groups)
        if tuple(groupby) == ("state",) and self._web_read_group_field_expand(groupby):
            for group in result:
                group["__fold"] = group["state"] in FOLDED_STATES
        return result

    def _compute_access_url(self):
        # every record gets its own portal URL below
        for record in self:
            record.access_url = f"/my/interventions/{record.id}"

    @api.depends("site_id")
    def _compute_customer_id(self):
        for intervention in self:
            intervention.customer_id = intervention.site_id.customer_id or intervention.customer_id

    @api.depends("task_ids.planned_start", "task_ids.planned_end", "task_ids.state")
    def _compute_dates(self):
        for intervention in self:
            tasks = intervention.task_ids.filtered(
                lambda task: task.state != "cancelled" and task.planned_start
            )
            intervention.date_start = min(tasks.mapped("planned_start"), default=False)
            intervention.date_end = max(tasks.mapped("planned_end"), default=False)

    @api.depends("state", "task_ids.state")
    def _compute_is_ready_to_close(self):
        for intervention in self:
            states = set(intervention.task_ids.mapped("state"))
            intervention.is_ready_to_close = (
                intervention.state not in ("done", "cancelled")
                and "done" in states
                and states <= {"done", "cancelled"}
            )

    def _compute_counts(self):
        visits = dict(
            self.env["maintenance.visit"]._read_group(
                [("intervention_id", "in", self.ids)], ["intervention_id"], ["__count"]
            )
        )
        tasks = defaultdict(dict)
        for intervention, state, count in self.env["maintenance.task"]._read_group(
            [("intervention_id", "in", self.ids)], ["intervention_id", "state"], ["__count"]
        ):
            tasks[intervention][state] = count
        documents = self.env["ir.attachment"]._maintenance_document_counts(
            self._maintenance_document_scopes()
        )
        for intervention in self:
            by_state = tasks.get(intervention, {})
            intervention.visit_count = visits.get(intervention, 0)
            intervention.task_count = sum(by_state.values())
            intervention.open_task_count = by_state.get("todo", 0) + by_state.get("in_progress", 0)
            intervention.document_count = documents.get(intervention.id, 0)

    @api.depends("task_ids.planned_outside_window", "task_ids.state")
    def _compute_planned_outside_window(self):
        for intervention in self:
            intervention.planned_outside_window = any(
                task.planned_outside_window and task.state != "cancelled"
                for task in intervention.task_ids
            )

    @api.model_create_multi
    def create(self, vals_list):
        to_number = [vals for vals in vals_list if vals.get("name", "/") in ("/", False)]
        if to_number:
            default_company = self.env.company
            by_company = defaultdict(list)
            for vals in to_number:
                by_company[vals.get("company_id") or default_company.id].append(vals)
            for company_id, company_vals in by_company.items():
                numbers = self._allocate_numbers(
                    self.env["res.company"].browse(company_id), len(company_vals)
                )
                for vals, number in zip(company_vals, numbers, strict=True):
                    vals["name"] = number
        return super().create(vals_list)

    def write(self, vals):
        if "name" in vals and any(vals["name"] != record.name for record in self):
            raise UserError(self.env._("The number of an intervention dossier cannot be changed."))
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_history(self):
        """A dossier holding visits or work done is history: cancel it. Its
        tasks would go with it (cascade), and its visits stay planned with
        no dossier to move them on."""
        # sudo: the dossier's visits and tasks, whoever may read them
        for intervention in self.sudo():
            worked = intervention.task_ids.filtered(
                lambda task: task.state in ("in_progress", "done") or task.customer_signed_on
            )
            if intervention.visit_ids or worked:
                raise UserError(
                    self.env._(
                        "Dossier %(number)s holds visits or work already started or done: "
                        "it cannot be deleted. Cancel it instead.",
                        number=intervention.name,
                    )
                )

    # actions ------------------------------------------------------------

    def action_plan(self):
        self.check_access("write")
        for intervention in self:
            if intervention.state != "draft":
                raise UserError(
                    self.env._(
                        "Dossier %(number)s is not a draft: it cannot be planned again.",
                        number=intervention.name,
                    )
                )
            if not intervention.task_ids.filtered("planned_start"):
                raise UserError(
                    self.env._(
                        "Dossier %(number)s has no dated task: add a task with a "
                        "technician and a date before planning it.",
                        number=intervention.name,
                    )
                )
        self.write({"state": "planned"})
        return True

    def action_start(self):
        self.check_access("write")
        if self.filtered(lambda intervention: intervention.state not in ("draft", "planned")):
            raise UserError(self.env._("Only draft or planned dossiers can be started."))
        self.write({"state": "in_progress"})
        return True

    def action_done(self):
        """Close the dossiers: every task must be closed (done or cancelled);
        their visits become done, on the date the work ended."""
        self.check_access("write")
        errors = []
        for intervention in self:
            if intervention.state in ("done", "cancelled"):
                errors.append(
                    self.env._(
                        "Dossier %(number)s is already closed or cancelled.",
                        number=intervention.name,
                    )
                )
                continue
            open_tasks = intervention.task_ids.filtered(
                lambda task: task.state in ("todo", "in_progress")
            )
            if open_tasks:
                errors.append(
                    self.env._(
                        "Dossier %(number)s cannot be closed: these tasks are still "
                        "open: %(tasks)s. Close or cancel them first.",
                        number=intervention.name,
                        tasks=", ".join(open_tasks.mapped("name")),
                    )
                )
        if errors:
            raise UserError("\n".join(errors))
        today = fields.Date.context_today(self)
        for done_date, interventions in self._group_by_done_date(today).items():
            interventions.visit_ids.filtered(
                lambda visit: visit.state in ("to_plan", "planned")
            ).write({"state": "done", "done_date": done_date})
            interventions.write({"state": "done", "date_done": done_date})
        return True

    def action_cancel(self):
        """Cancel the dossiers: their open tasks are cancelled and their
        visits go back to the visits to plan."""
        self.check_access("write")
        if self.filtered(lambda intervention: intervention.state == "done"):
            raise UserError(self.env._("A closed dossier cannot be cancelled."))
        self.task_ids.filtered(lambda task: task.state in ("todo", "in_progress")).write(
            {"state": "cancelled"}
        )
        self.visit_ids.filtered(lambda visit: visit.state == "planned").write(
            {"state": "to_plan", "intervention_id": False}
        )
        self.write({"state": "cancelled"})
        return True

    def action_draft(self):
        self.check_access("write")
        if self.filtered(lambda intervention: intervention.state != "cancelled"):
            raise UserError(self.env._("Only cancelled dossiers can be reset to draft."))
        self.write({"state": "draft"})
        return True

    @api.readonly
    def action_view_tasks(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "maintenance_planning.maintenance_task_action"
        )
        action["domain"] = [("intervention_id", "=", self.id)]
        action["context"] = {
            "default_intervention_id": self.id,
            "initial_date": fields.Datetime.to_string(self.date_start)
            if self.date_start
            else False,
        }
        return action

    @api.readonly
    def action_view_visits(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "maintenance_contracts.maintenance_visit_action"
        )
        action["domain"] = [("intervention_id", "=", self.id)]
        action["context"] = {}
        return action

    @api.readonly
    def action_view_documents(self):
        """The documents of the dossier, of its tasks (photos, reports), of
        its site, equipment and contract."""
        self.ensure_one()
        return self.env["ir.attachment"]._maintenance_documents_action(
            self._maintenance_document_scopes()[self.id],
            self.env._("Documents of %(number)s", number=self.name),
            default_record=self,
        )

    # business helpers -----------------------------------------------------

    def _maintenance_document_scopes(self):
        """{dossier id: [records whose attachments are its documents]}
        (the models the user cannot read are left out by the search)"""
        return {
            intervention.id: [
                intervention,
                intervention.task_ids,
                intervention.site_id,
                intervention.equipment_ids,
                intervention.contract_id,
            ]
            for intervention in self
        }

    def _group_by_done_date(self, today):
        """{done date: dossiers}: the end of the last done task (never later
        than today), or today."""
        result = defaultdict(self.browse)
        for intervention in self:
            ends = [
                fields.Datetime.context_timestamp(self, task.planned_end).date()
                for task in intervention.task_ids
                if task.state == "done" and task.planned_end
            ]
            done_date = min(max(ends), today) if ends else today
            result[done_date] |= intervention
        return result

    @api.model
    def _number_sequence(self, company):
        """The dossier sequence of ``company``; created from the shared one
        the first time a company numbers a dossier (numbers are per company)."""
        return number_sequence(
            self.env,
            SEQUENCE_CODE,
            company,
            lambda: self.env._("Intervention dossier (%(company)s)", company=company.name),
            "INT/%(year)s/",
        )

    @api.model
    def _create_number_sequences(self, companies):
        """Give each of ``companies`` its dossier sequence now, before any
        dossier is numbered (no race on a company's first dossier)."""
        for company in companies:
            self._number_sequence(company)

    @api.model
    def _allocate_numbers(self, company, count):
        """``count`` consecutive dossier numbers of ``company``, drawn in one
        query whatever ``count`` is (same numbers as ``next_by_code``)."""
        return allocate_numbers(self._number_sequence(company), count)
