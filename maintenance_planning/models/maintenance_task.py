# Copyright 2026 Seed maintainers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from collections import defaultdict
from datetime import datetime, time, timedelta, timezone

from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import SQL, format_datetime

MANAGER_GROUP = "maintenance_contracts.group_maintenance_manager"
TECHNICIAN_GROUP = "maintenance_contracts.group_maintenance_technician"
OPEN_STATES = ("todo", "in_progress")


class MaintenanceTask(models.Model):
    """A dated piece of work for one or more technicians, usually in an
    intervention dossier. A one-off task created from the planning belongs
    to no dossier, hence to no customer."""

    _name = "maintenance.task"
    _description = "Maintenance task"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "planned_start, id"
    _check_company_auto = True

    name = fields.Char(string="Title", required=True, tracking=True)
    intervention_id = fields.Many2one(
        comodel_name="maintenance.intervention",
        string="Intervention dossier",
        index=True,
        check_company=True,
        ondelete="cascade",
        tracking=True,
    )
    company_id = fields.Many2one(
        comodel_name="res.company",
        required=True,
        index=True,
        compute="_compute_company_id",
        store=True,
        readonly=False,
        precompute=True,
    )
    customer_id = fields.Many2one(
        related="intervention_id.customer_id", store=True, index=True, string="Customer"
    )
    site_id = fields.Many2one(
        related="intervention_id.site_id", store=True, index=True, string="Installed site"
    )
    intervention_type = fields.Selection(related="intervention_id.intervention_type")
    user_ids = fields.Many2many(
        comodel_name="res.users",
        relation="maintenance_task_res_users_rel",
        column1="task_id",
        column2="user_id",
        string="Technicians",
        tracking=True,
        domain=lambda self: [
            ("share", "=", False),
            ("all_group_ids", "in", self.env.ref(TECHNICIAN_GROUP).ids),
        ],
    )
    planned_start = fields.Datetime(index=True, tracking=True)
    planned_end = fields.Datetime(tracking=True)
    duration = fields.Float(string="Estimated duration", help="In hours.")
    visit_ids = fields.Many2many(
        comodel_name="maintenance.visit",
        relation="maintenance_task_visit_rel",
        column1="task_id",
        column2="visit_id",
        string="Visits",
        readonly=True,
        check_company=True,
    )
    equipment_ids = fields.Many2many(
        comodel_name="maintenance.customer.equipment",
        relation="maintenance_task_equipment_rel",
        column1="task_id",
        column2="equipment_id",
        string="Equipment",
        check_company=True,
    )
    checklist_ids = fields.One2many(
        comodel_name="maintenance.task.checklist",
        inverse_name="task_id",
        string="Operations",
    )
    description = fields.Html()
    state = fields.Selection(
        selection=[
            ("todo", "To do"),
            ("in_progress", "In progress"),
            ("done", "Done"),
            ("cancelled", "Cancelled"),
        ],
        string="Status",
        required=True,
        default="todo",
        copy=False,
        index=True,
        tracking=True,
    )
    closed_by = fields.Many2one(
        comodel_name="res.users", string="Closed by", readonly=True, copy=False
    )
    closed_date = fields.Datetime(string="Closed on", readonly=True, copy=False)
    has_conflict = fields.Boolean(
        string="Conflict",
        compute="_compute_conflicts",
        search="_search_has_conflict",
        help="A technician of this task has another task at the same time.",
    )
    conflict_task_ids = fields.Many2many(
        comodel_name="maintenance.task",
        string="Overlapping tasks",
        compute="_compute_conflicts",
    )
    planned_outside_window = fields.Boolean(
        compute="_compute_planned_outside_window",
        store=True,
        help="Planned outside the tolerance window of one of its visits.",
    )
    can_edit_planning = fields.Boolean(
        compute="_compute_can_edit_planning",
        help="Technical: operations managers edit the planning of tasks, "
        "technicians only their progress.",
    )

    @api.depends("intervention_id")
    def _compute_company_id(self):
        for task in self:
            task.company_id = task.intervention_id.company_id or task.company_id or self.env.company

    @api.depends_context("uid")
    def _compute_can_edit_planning(self):
        can_edit = self._is_manager()
        for task in self:
            task.can_edit_planning = can_edit

    @api.depends("name", "intervention_id.name")
    def _compute_display_name(self):
        for task in self:
            number = task.intervention_id.name
            task.display_name = f"{number} - {task.name}" if number and task.name else task.name

    @api.depends("planned_start", "planned_end", "user_ids", "state")
    def _compute_conflicts(self):
        conflicts = self._conflicting_pairs(self.filtered("id").ids)
        for task in self:
            others = self.browse(conflicts.get(task.id, ()))
            task.has_conflict = bool(others)
            # another technician's task may be hidden from this user
            task.conflict_task_ids = others._filtered_access("read")

    def _search_has_conflict(self, operator, value):
        if operator not in ("in", "not in"):
            return NotImplemented
        ids = list(self._conflicting_pairs())
        if (operator == "in") == (True in value):
            return [("id", "in", ids)]
        return [("id", "not in", ids)]

    @api.depends("planned_start", "state", "visit_ids.window_start", "visit_ids.window_end")
    def _compute_planned_outside_window(self):
        for task in self:
            task.planned_outside_window = bool(
                task.state != "cancelled"
                and task.planned_start
                and task.visit_ids._outside_window(task._local_date(task.planned_start))
            )

    @api.constrains("planned_start", "planned_end")
    def _check_dates(self):
        for task in self:
            if task.planned_start and task.planned_end and task.planned_end < task.planned_start:
                raise ValidationError(
                    self.env._("Task %(task)s cannot end before it starts.", task=task.name)
                )

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            self._complete_dates(vals)
        tasks = super().create(vals_list)
        closed = tasks.intervention_id.filtered(
            lambda intervention: intervention.state in ("done", "cancelled")
        )
        if closed:
            raise UserError(
                self.env._(
                    "Dossier %(number)s is closed or cancelled: no task can be added to it.",
                    number=closed[0].name,
                )
            )
        tasks._sync_intervention_state()
        self._invalidate_conflicts()
        return tasks

    def write(self, vals):
        self._check_write_rights(vals)
        state = vals.get("state")
        if state == "done":
            self._check_can_close()
            vals = {"closed_by": self.env.uid, "closed_date": fields.Datetime.now(), **vals}
        elif state in OPEN_STATES:
            vals = {"closed_by": False, "closed_date": False, **vals}
        moves = {}
        if "planned_start" in vals or "planned_end" in vals:
            moves = {task: (task.planned_start, task.planned_end) for task in self}
        if "planned_start" in vals and "planned_end" not in vals and vals["planned_start"]:
            # moving the start moves the end, keeping the task's length
            new_start = fields.Datetime.to_datetime(vals["planned_start"])
            for task in self:
                length = (
                    task.planned_end - task.planned_start
                    if task.planned_start and task.planned_end
                    else timedelta(hours=task.duration or 1.0)
                )
                super(MaintenanceTask, task).write({**vals, "planned_end": new_start + length})
            res = True
        else:
            res = super().write(vals)
        if "state" in vals or "planned_start" in vals:
            self._sync_intervention_state()
        if moves:
            self._log_reschedule(moves)
        if {"planned_start", "planned_end", "user_ids", "state"} & set(vals):
            self._invalidate_conflicts()
        return res

    def unlink(self):
        res = super().unlink()
        self._invalidate_conflicts()
        return res

    # actions ------------------------------------------------------------

    def action_start(self):
        if self.filtered(lambda task: task.state != "todo"):
            raise UserError(self.env._("Only tasks to do can be started."))
        self.write({"state": "in_progress"})
        return True

    def action_done(self):
        """Close the tasks: the assigned technician or an operations manager."""
        self._check_can_close()
        not_open = self.filtered(lambda task: task.state not in OPEN_STATES)
        if not_open:
            raise UserError(
                self.env._(
                    "Task %(task)s is already closed or cancelled.",
                    task=not_open[0].display_name,
                )
            )
        self.write({"state": "done"})
        return True

    def action_cancel(self):
        if self.filtered(lambda task: task.state == "done"):
            raise UserError(self.env._("A done task cannot be cancelled."))
        self.write({"state": "cancelled"})
        return True

    def action_reopen(self):
        closed_dossiers = self.intervention_id.filtered(
            lambda intervention: intervention.state in ("done", "cancelled")
        )
        if closed_dossiers:
            raise UserError(
                self.env._(
                    "Dossier %(number)s is closed or cancelled: its tasks cannot be reopened.",
                    number=closed_dossiers[0].name,
                )
            )
        self.write({"state": "todo"})
        return True

    @api.model
    def get_unusual_days(self, date_from, date_to=None):
        """Days off of the user's working hours, greyed in the planning."""
        calendar = self.env.user.maintenance_calendar_id or self.env.company.resource_calendar_id
        start = datetime.combine(fields.Date.from_string(date_from), time.min)
        end = datetime.combine(fields.Date.from_string(date_to or date_from), time.max)
        return calendar._get_unusual_days(
            start.replace(tzinfo=timezone.utc), end.replace(tzinfo=timezone.utc)
        )

    # business helpers -----------------------------------------------------

    @api.model
    def _technician_writable_fields(self):
        """Fields a technician may change on their own tasks."""
        return {"state", "checklist_ids", "description"}

    def _is_manager(self):
        return self.env.su or self.env.user.has_group(MANAGER_GROUP)

    def _check_write_rights(self, vals):
        if self._is_manager():
            return
        forbidden = set(vals) - self._technician_writable_fields()
        if forbidden:
            raise UserError(
                self.env._(
                    "Only an operations manager can change the planning of a task "
                    "(%(fields)s); you can update its progress and its operations.",
                    fields=", ".join(
                        self._fields[name].get_description(self.env)["string"]
                        for name in sorted(forbidden)
                        if name in self._fields
                    ),
                )
            )
        if vals.get("state") == "cancelled":
            raise UserError(self.env._("Only an operations manager can cancel a task."))
        if vals.get("state") in OPEN_STATES and self.filtered(lambda task: task.state == "done"):
            raise UserError(self.env._("Only an operations manager can reopen a done task."))

    def _check_can_close(self):
        """The technicians assigned to a task or an operations manager close
        it; nobody else."""
        if self._is_manager():
            return
        user = self.env.user
        # sudo: explain the refusal even when record rules hide the task
        refused = self.sudo().filtered(lambda task: user not in task.user_ids)
        if refused:
            raise UserError(
                self.env._(
                    "Task %(task)s is not assigned to you: only its technicians or "
                    "an operations manager can close it.",
                    task=refused[0].name,
                )
            )

    @api.model
    def _complete_dates(self, vals):
        """Fill the end from the estimated duration, or the duration from
        the dates (a slot clicked in the calendar)."""
        start = fields.Datetime.to_datetime(vals.get("planned_start"))
        end = fields.Datetime.to_datetime(vals.get("planned_end"))
        if start and not end:
            vals["planned_end"] = start + timedelta(hours=vals.get("duration") or 1.0)
        elif start and end and not vals.get("duration"):
            vals["duration"] = (end - start).total_seconds() / 3600.0

    def _local_date(self, value):
        return fields.Datetime.context_timestamp(self, value).date()

    def _sync_intervention_state(self):
        """A dossier follows its tasks: planned once a task is dated, in
        progress once a task is started or done."""
        interventions = self.intervention_id.filtered(
            lambda intervention: intervention.state in ("draft", "planned")
        )
        started = interventions.filtered(
            lambda intervention: any(
                task.state in ("in_progress", "done") for task in intervention.task_ids
            )
        )
        planned = (interventions - started).filtered(
            lambda intervention: (
                intervention.state == "draft"
                and any(
                    task.planned_start and task.state != "cancelled"
                    for task in intervention.task_ids
                )
            )
        )
        # sudo: a technician starting their task moves the dossier they cannot edit
        if started:
            started.sudo().write({"state": "in_progress"})
        if planned:
            planned.sudo().write({"state": "planned"})

    def _log_reschedule(self, moves):
        """Rescheduling moves nothing else: say so on the dossier."""
        by_intervention = defaultdict(list)
        for task, (old_start, _old_end) in moves.items():
            if task.intervention_id and old_start != task.planned_start:
                by_intervention[task.intervention_id].append((task, old_start))
        for intervention, changes in by_intervention.items():
            lines = []
            for task, old_start in changes:
                line = self.env._(
                    "Task %(task)s moved from %(old)s to %(new)s.",
                    task=task.name,
                    old=format_datetime(self.env, old_start) if old_start else "-",
                    new=format_datetime(self.env, task.planned_start)
                    if task.planned_start
                    else "-",
                )
                if task.planned_outside_window:
                    line += " " + self.env._("It is now outside the window of its visits.")
                lines.append(line)
            lines.append(self.env._("Other tasks and visits were not moved."))
            # sudo: the note is written whoever moved the task
            intervention.sudo().message_post(body=Markup("<br/>").join(lines))

    def _invalidate_conflicts(self):
        """Conflicts depend on the other tasks: recompute them on next read."""
        self.env["maintenance.task"].invalidate_model(["has_conflict", "conflict_task_ids"])

    @api.model
    def _conflicting_pairs(self, task_ids=None):
        """{task id: [ids of the open tasks overlapping it for one of its
        technicians]} for ``task_ids`` (all tasks if None), in one query."""
        if task_ids is not None and not task_ids:
            return {}
        self.env["maintenance.task"].flush_model(
            ["planned_start", "planned_end", "state", "user_ids"]
        )
        query = SQL(
            """
            SELECT a.task_id, array_agg(DISTINCT b.task_id)
              FROM maintenance_task_res_users_rel a
              JOIN maintenance_task ta ON ta.id = a.task_id
              JOIN maintenance_task_res_users_rel b
                ON b.user_id = a.user_id AND b.task_id != a.task_id
              JOIN maintenance_task tb ON tb.id = b.task_id
             WHERE ta.state IN ('todo', 'in_progress')
               AND tb.state != 'cancelled'
               AND ta.planned_start < tb.planned_end
               AND tb.planned_start < ta.planned_end
               %s
             GROUP BY a.task_id
            """,
            SQL("AND a.task_id = ANY(%s)", list(task_ids)) if task_ids is not None else SQL(),
        )
        self.env.cr.execute(query)
        return dict(self.env.cr.fetchall())
