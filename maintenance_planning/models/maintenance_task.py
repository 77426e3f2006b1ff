# Copyright 2026 Seed maintainers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from collections import defaultdict
from datetime import datetime, time, timedelta, timezone

from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import SQL, format_date, format_datetime

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
        # the field technicians of the task's company, not every user who
        # implies the Technician group (the office, the administrator)
        domain="[('share', '=', False), ('is_maintenance_technician', '=', True), "
        "('company_ids', 'in', company_id)]",
    )
    planned_start = fields.Datetime(index=True, tracking=True)
    planned_end = fields.Datetime(tracking=True)
    duration = fields.Float(string="Estimated duration", default=1.0, help="In hours.")
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
    report_pending = fields.Boolean(
        string="Report to produce",
        readonly=True,
        copy=False,
        index=True,
        help="Closed, its intervention report not yet produced: the scheduled job "
        "'documents of closed tasks' renders it a moment after the closing.",
    )
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
    # the technician's day -------------------------------------------------
    time_window = fields.Char(compute="_compute_time_window", string="Time")
    is_overdue = fields.Boolean(
        string="Overdue",
        compute="_compute_is_overdue",
        help="Planned to end before now and still open.",
    )
    site_address = fields.Char(compute="_compute_site_contact", string="Address")
    site_phone = fields.Char(compute="_compute_site_contact", string="Phone on site")
    site_map_url = fields.Char(related="site_id.map_url", string="Directions")
    # parts, photos, documents -----------------------------------------------
    part_ids = fields.One2many(
        comodel_name="maintenance.task.part",
        inverse_name="task_id",
        string="Parts used",
    )
    parts_to_order = fields.Text(
        string="Parts to order",
        help="Parts to order for a next visit: reference, quantity, supplier...",
    )
    photo_ids = fields.Many2many(
        comodel_name="ir.attachment",
        relation="maintenance_task_photo_rel",
        column1="task_id",
        column2="attachment_id",
        string="Photos",
        copy=False,
    )
    site_document_count = fields.Integer(
        string="Number of site documents", compute="_compute_document_counts"
    )
    equipment_document_count = fields.Integer(
        string="Number of equipment documents", compute="_compute_document_counts"
    )
    # closing with the customer ---------------------------------------------
    work_summary = fields.Text(string="Work done", copy=False)
    customer_signer_name = fields.Char(string="Signed by", copy=False)
    customer_signature = fields.Binary(string="Customer signature", copy=False, attachment=True)
    customer_signed_on = fields.Datetime(string="Signed on", readonly=True, copy=False)

    @api.depends("intervention_id")
    def _compute_company_id(self):
        for task in self:
            task.company_id = task.intervention_id.company_id or task.company_id or self.env.company

    @api.depends("state")
    @api.depends_context("uid")
    def _compute_can_edit_planning(self):
        # a done task is a frozen report: its planning is read-only too
        can_edit = self._is_manager()
        for task in self:
            task.can_edit_planning = can_edit and task.state != "done"

    @api.depends("planned_start", "planned_end")
    @api.depends_context("tz", "lang")
    def _compute_time_window(self):
        today = fields.Date.context_today(self)
        for task in self:
            if not task.planned_start:
                task.time_window = False
                continue
            start = fields.Datetime.context_timestamp(task, task.planned_start)
            window = f"{start:%H:%M}"
            if task.planned_end:
                window += f" - {fields.Datetime.context_timestamp(task, task.planned_end):%H:%M}"
            if start.date() != today:
                window = f"{format_date(self.env, start.date())} {window}"
            task.time_window = window

    def _compute_is_overdue(self):
        now = fields.Datetime.now()
        for task in self:
            task.is_overdue = bool(
                task.state in OPEN_STATES and task.planned_end and task.planned_end < now
            )

    @api.depends("site_id")
    def _compute_site_contact(self):
        for task in self:
            site = task.site_id
            city = " ".join(part for part in (site.zip, site.city) if part)
            task.site_address = ", ".join(
                part for part in (site.street, site.street2, city) if part
            )
            task.site_phone = site.site_contact_id.phone or site.phone or False

    def _compute_document_counts(self):
        Attachment = self.env["ir.attachment"]
        site_counts = Attachment._maintenance_document_counts(
            {task.id: [task.site_id] for task in self}
        )
        equipment_counts = Attachment._maintenance_document_counts(
            {task.id: [task.equipment_ids] for task in self}
        )
        for task in self:
            task.site_document_count = site_counts[task.id]
            task.equipment_document_count = equipment_counts[task.id]

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

    @api.depends(
        "planned_start", "state", "company_id", "visit_ids.window_start", "visit_ids.window_end"
    )
    def _compute_planned_outside_window(self):
        for task in self:
            task.planned_outside_window = bool(
                task.state != "cancelled"
                and task.planned_start
                and task.visit_ids._outside_window(task._company_date(task.planned_start))
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
        if any(vals.get("photo_ids") for vals in vals_list):
            tasks._classify_photos()
        return tasks

    def write(self, vals):
        self._check_system_fields(vals)
        self._check_write_rights(vals)
        self._check_not_frozen(vals)
        state = vals.get("state")
        if state and set(vals) <= {"state"}:
            # writing its own state again changes nothing (no new closing stamp)
            unchanged = self.filtered(lambda task: task.state == state)
            if unchanged:
                return (self - unchanged).write(vals) if self - unchanged else True
        closing = self.env["maintenance.task"]
        reopening = self.env["maintenance.task"]
        if state == "done":
            self._check_can_close()
            self._check_checklist_complete()
            closing = self.filtered(lambda task: task.state != "done")
            vals = {
                "closed_by": self.env.uid,
                "closed_date": self._action_now(),
                "report_pending": True,
                **vals,
            }
        elif state in OPEN_STATES:
            reopening = self.filtered(lambda task: task.state not in OPEN_STATES)
            reopening._log_reopening()
            vals = {"closed_by": False, "closed_date": False, **vals}
        if "customer_signature" in vals:
            vals = {
                **vals,
                "customer_signed_on": self._action_now() if vals["customer_signature"] else False,
            }
        if closing:
            closing._check_out_all()
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
        if vals.get("photo_ids"):
            self._classify_photos()
        if closing:
            closing._schedule_closing_documents()
        return res

    @api.ondelete(at_uninstall=False)
    def _unlink_except_history(self):
        """Done or signed work is the company's history: cancel, never delete."""
        kept = self.filtered(lambda task: task.state == "done" or task.customer_signed_on)
        if kept:
            raise UserError(
                self.env._(
                    "Task %(task)s is done or signed by the customer: it cannot be deleted. "
                    "Cancel it instead.",
                    task=kept[0].display_name,
                )
            )

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
        # said on the screen, then the form reloads as after any button
        if len(self) == 1:
            message = self.env._("Task %(task)s closed.", task=self.display_name)
        else:
            message = self.env._("%(count)s tasks closed.", count=len(self))
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "type": "success",
                "message": message,
                "next": {"type": "ir.actions.act_window_close"},
            },
        }

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

    def action_checklist_all_done(self):
        """Operations managers: tick the remaining operations as done."""
        if not self._is_manager():
            raise UserError(
                self.env._("Only an operations manager can tick all operations at once.")
            )
        self.checklist_ids.filtered(lambda line: line.result == "todo").write({"result": "done"})
        return True

    @api.readonly
    def action_open_my_day(self):
        """My day: today's and overdue tasks of the technician."""
        return self.env["ir.actions.act_window"]._for_xml_id(
            "maintenance_planning.maintenance_task_action_my_day"
        )

    @api.readonly
    def action_open_tomorrow(self):
        """Tomorrow's tasks of the technician, one tap from My day."""
        return self.env["ir.actions.act_window"]._for_xml_id(
            "maintenance_planning.maintenance_task_action_tomorrow"
        )

    @api.readonly
    def action_open_directions(self):
        """The site in the phone's map application."""
        self.ensure_one()
        if not self.site_map_url:
            raise UserError(self.env._("The site of this task has no address."))
        return {"type": "ir.actions.act_url", "url": self.site_map_url, "target": "new"}

    @api.readonly
    def action_view_site_documents(self):
        self.ensure_one()
        return self.env["ir.attachment"]._maintenance_documents_action(
            [self.site_id],
            self.env._("Documents of %(site)s", site=self.site_id.display_name),
            default_record=self.site_id,
        )

    @api.readonly
    def action_view_equipment_documents(self):
        self.ensure_one()
        return self.env["ir.attachment"]._maintenance_documents_action(
            [self.equipment_ids],
            self.env._("Equipment documents"),
            default_record=self.equipment_ids[:1],
        )

    @api.readonly
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
    def _action_now(self):
        """When the action being recorded happened: now, or the time the
        phone recorded it offline (``/maintenance/offline/sync`` passes it,
        checked plausible, as a datetime in the context key
        ``maintenance_action_time``; an RPC context, made of JSON, cannot
        carry a datetime, so nobody backdates an action through RPC)."""
        action_time = self.env.context.get("maintenance_action_time")
        if isinstance(action_time, datetime):
            return action_time
        return fields.Datetime.now()

    def _classify_photos(self):
        """Photos taken on the task are documents of the task, category photo."""
        photos = self.photo_ids.filtered(
            lambda photo: (
                not photo.maintenance_category
                and photo.res_model in (False, self._name)
                and photo.res_id in (0, *self.ids)
            )
        )
        for task in self:
            task_photos = photos & task.photo_ids
            if task_photos:
                task_photos.write(
                    {"maintenance_category": "photo", "res_model": self._name, "res_id": task.id}
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

    def _company_date(self, value):
        """The day of ``value`` in the task's company's time zone: the same
        for every user, for what is stored (the window of its visits)."""
        tz = self.company_id._maintenance_tz()
        return fields.Datetime.context_timestamp(self.with_context(tz=tz), value).date()

    def _sync_intervention_state(self):
        """A dossier follows its tasks: planned once a task is dated, in
        progress once a task is started or done."""
        # sudo: the dossier follows all its tasks, also those of other
        # technicians that the current one cannot read
        interventions = self.sudo().intervention_id.filtered(
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
        # (a technician starting their task moves the dossier they cannot edit)
        if started:
            started.write({"state": "in_progress"})
        if planned:
            planned.write({"state": "planned"})

    def _log_reschedule(self, moves):
        """Rescheduling moves nothing else: say so on the dossier."""
        by_intervention = defaultdict(list)
        for task, (old_start, _old_end) in moves.items():
            if task.intervention_id and old_start != task.planned_start:
                by_intervention[task.intervention_id].append((task, old_start))
        for intervention, changes in by_intervention.items():
            lines = []
            # the note stays: its times in the company's zone, not the mover's
            tz = intervention.company_id._maintenance_tz()
            for task, old_start in changes:
                line = self.env._(
                    "Task %(task)s moved from %(old)s to %(new)s.",
                    task=task.name,
                    old=format_datetime(self.env, old_start, tz=tz) if old_start else "-",
                    new=format_datetime(self.env, task.planned_start, tz=tz)
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

    def _operations_managers(self):
        """{task: the user told about its offline work}: the operations
        manager of its dossier, else the first operations manager of the
        task's company (an empty recordset when there is none)."""
        # sudo: the users of the managers' group, whoever asks
        managers = (
            self.env.ref("maintenance_contracts.group_maintenance_manager")
            .sudo()
            .all_user_ids.filtered(lambda user: user.active and not user.share)
            .sorted("id")
        )
        return {
            task: task.intervention_id.user_id
            or managers.filtered(lambda user, task=task: task.company_id in user.company_ids)[:1]
            for task in self
        }

    def _maintenance_earliest_times(self):
        """{task id: [(earliest plausible time of an action on the task,
        reason)]}: what the add-ons know (maintenance_request: the reception
        of the customer's request of its dossier). The phone's times are
        checked against these (maintenance_offline). Nothing here."""
        return {}
