# Copyright 2026 Seed maintainers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import logging
from collections import defaultdict
from datetime import datetime, time, timedelta, timezone

from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import SQL, format_date, format_datetime, get_lang

from odoo.addons.maintenance_contracts.cron_lock import lock_batch
from odoo.addons.maintenance_contracts.report_pdf import ReportStyleError

_logger = logging.getLogger(__name__)

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
    # check-in / check-out ---------------------------------------------------
    checkin_ids = fields.One2many(
        comodel_name="maintenance.task.checkin",
        inverse_name="task_id",
        string="Check-ins",
        readonly=True,
    )
    is_checked_in = fields.Boolean(
        string="Checked in",
        compute="_compute_is_checked_in",
        help="The current user has checked in on this task and not checked out yet.",
    )
    checkin_count = fields.Integer(string="Number of check-ins", compute="_compute_checkin_times")
    time_on_site = fields.Float(
        string="Time on site",
        compute="_compute_checkin_times",
        help="In hours, from the check-ins and check-outs.",
    )
    travel_time = fields.Float(
        string="Travel time",
        compute="_compute_checkin_times",
        help="In hours, from the technicians' previous check-out of the day.",
    )
    has_far_checkin = fields.Boolean(
        compute="_compute_checkin_times",
        string="Far check-in",
        help="A check-in was recorded far from the site.",
    )
    # readings, parts, photos, documents ------------------------------------
    reading_ids = fields.One2many(
        comodel_name="maintenance.meter.reading",
        inverse_name="task_id",
        string="Readings",
    )
    meter_count = fields.Integer(
        string="Number of meters",
        compute="_compute_meter_count",
        help="Meters of the equipment of this task.",
    )
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

    @api.depends_context("uid")
    def _compute_is_checked_in(self):
        open_task_ids = set(
            self.env["maintenance.task.checkin"]
            .search(
                [
                    ("task_id", "in", self.ids),
                    ("user_id", "=", self.env.uid),
                    ("check_out", "=", False),
                ]
            )
            .task_id.ids
        )
        for task in self:
            task.is_checked_in = task.id in open_task_ids

    def _compute_checkin_times(self):
        groups = {
            task: (count, on_site, travel, far)
            for task, count, on_site, travel, far in self.env[
                "maintenance.task.checkin"
            ]._read_group(
                [("task_id", "in", self.ids)],
                ["task_id"],
                ["__count", "duration:sum", "travel_duration:sum", "is_far:bool_or"],
            )
        }
        for task in self:
            count, on_site, travel, far = groups.get(task, (0, 0.0, 0.0, False))
            task.checkin_count = count
            task.time_on_site = on_site
            task.travel_time = travel
            task.has_far_checkin = far

    @api.depends("equipment_ids")
    def _compute_meter_count(self):
        counts = defaultdict(int)
        for equipment, count in self.env["maintenance.meter"]._read_group(
            [("equipment_id", "in", self.equipment_ids._origin.ids)], ["equipment_id"], ["__count"]
        ):
            counts[equipment.id] = count
        for task in self:
            task.meter_count = sum(counts[equipment.id] for equipment in task.equipment_ids._origin)

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

    def action_check_in(self, latitude=None, longitude=None, accuracy=None):
        """Record the arrival of the current user on the site of the task,
        with the position given by the phone when it gave one. A check-in
        far from the site is flagged, not refused. Starts the task."""
        self.ensure_one()
        self._check_can_work()
        if self.state not in OPEN_STATES:
            raise UserError(
                self.env._(
                    "Task %(task)s is closed or cancelled: you cannot check in on it.",
                    task=self.display_name,
                )
            )
        # sudo: check-ins are only created here, after the checks above
        Checkin = self.env["maintenance.task.checkin"].sudo()
        open_checkin = Checkin.search(
            [("user_id", "=", self.env.uid), ("check_out", "=", False)], limit=1
        )
        if open_checkin.task_id == self:
            raise UserError(
                self.env._(
                    "You are already checked in on this task since %(time)s: check out first.",
                    time=format_datetime(self.env, open_checkin.check_in, dt_format="short"),
                )
            )
        if open_checkin:
            raise UserError(
                self.env._(
                    "You are still checked in on task %(task)s: check out of it first.",
                    task=open_checkin.task_id.display_name,
                )
            )
        now = self._action_now()
        previous = Checkin.search(
            [
                ("user_id", "=", self.env.uid),
                ("check_out", "!=", False),
                ("check_out", "<=", now),
            ],
            order="check_out desc, id desc",
            limit=1,
        )
        travel = 0.0
        if previous and self._local_date(previous.check_out) == self._local_date(now):
            travel = (now - previous.check_out).total_seconds() / 3600.0
        latitude, longitude, accuracy = self._clean_position(latitude, longitude, accuracy)
        checkin = Checkin.create(
            {
                "task_id": self.id,
                "user_id": self.env.uid,
                "check_in": now,
                "travel_duration": travel,
                **Checkin._position_vals(self, latitude, longitude, accuracy),
            }
        )
        if self.state == "todo":
            self.write({"state": "in_progress"})
        self._invalidate_checkin_times()
        return checkin._summary()

    def action_check_out(self, latitude=None, longitude=None, accuracy=None):
        """Record the departure of the current user from the site."""
        self.ensure_one()
        self._check_can_work()
        # sudo: see action_check_in
        Checkin = self.env["maintenance.task.checkin"].sudo()
        checkin = Checkin.search(
            [("task_id", "=", self.id), ("user_id", "=", self.env.uid), ("check_out", "=", False)],
            limit=1,
        )
        if not checkin:
            raise UserError(
                self.env._(
                    "You are not checked in on task %(task)s: check in first.",
                    task=self.display_name,
                )
            )
        latitude, longitude, accuracy = self._clean_position(latitude, longitude, accuracy)
        checkin.write(
            {
                "check_out": max(self._action_now(), checkin.check_in),
                **Checkin._position_vals(self, latitude, longitude, accuracy, prefix="out_"),
            }
        )
        self._invalidate_checkin_times()
        return checkin._summary()

    def action_checklist_all_done(self):
        """Operations managers: tick the remaining operations as done."""
        if not self._is_manager():
            raise UserError(
                self.env._("Only an operations manager can tick all operations at once.")
            )
        self.checklist_ids.filtered(lambda line: line.result == "todo").write({"result": "done"})
        return True

    def action_send_report(self):
        """Open the e-mail composer with the intervention report attached."""
        self.ensure_one()
        template = self.env.ref(
            "maintenance_planning.maintenance_task_mail_template_report", raise_if_not_found=False
        )
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Send the intervention report"),
            "res_model": "mail.compose.message",
            "view_mode": "form",
            "views": [(False, "form")],
            "target": "new",
            "context": {
                "default_model": self._name,
                "default_res_ids": self.ids,
                "default_template_id": template.id if template else False,
                "default_composition_mode": "comment",
                "default_email_layout_xmlid": (
                    "mail.mail_notification_layout_with_responsible_signature"
                ),
                "force_email": True,
            },
        }

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
    def action_view_checkins(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "maintenance_planning.maintenance_task_checkin_action"
        )
        action["domain"] = [("task_id", "=", self.id)]
        action["context"] = {}
        return action

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
    def action_view_meters(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "maintenance_planning.maintenance_meter_action"
        )
        action["domain"] = [("equipment_id", "in", self.equipment_ids.ids)]
        action["context"] = {}
        return action

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
    def _technician_writable_fields(self):
        """Fields a technician may change on their own tasks."""
        return {
            "state",
            "checklist_ids",
            "description",
            "reading_ids",
            "part_ids",
            "parts_to_order",
            "photo_ids",
            "work_summary",
            "customer_signer_name",
            "customer_signature",
        }

    def _frozen_for_user(self):
        """The tasks among these whose checklist, readings and parts the
        current user may no longer change: done ones for everybody (a signed
        report, until an operations manager reopens it), and cancelled ones
        too for technicians, who work on their open tasks only."""
        if self.env.su:
            return self.browse()
        if self.env.user.has_group(MANAGER_GROUP):
            return self.filtered(lambda task: task.state == "done")
        return self.filtered(lambda task: task.state not in OPEN_STATES)

    def _is_manager(self):
        return self.env.su or self.env.user.has_group(MANAGER_GROUP)

    @api.model
    def _system_fields(self):
        """Fields only the closing itself writes: nobody sets them by hand."""
        return {"closed_by", "closed_date", "customer_signed_on", "report_pending"}

    @api.model
    def _frozen_exempt_fields(self):
        """Fields still written on a done task: its state (an operations
        manager reopening it) and the chatter's own bookkeeping."""
        return {"state"} | {
            name for name in self._fields if name.startswith(("message_", "activity_"))
        }

    def _check_system_fields(self, vals):
        if self.env.su:
            return
        forced = self._system_fields() & set(vals)
        if forced:
            raise UserError(
                self.env._(
                    "%(fields)s of a task are recorded by its closing and its signature: "
                    "they cannot be set by hand.",
                    fields=", ".join(
                        self._fields[name].get_description(self.env)["string"]
                        for name in sorted(forced)
                    ),
                )
            )

    def _check_not_frozen(self, vals):
        """A done task is a signed report: its checklist, readings, parts,
        signature and closing stamp do not change, whoever asks, until an
        operations manager reopens it."""
        if self.env.su:
            return
        if vals.get("state") == "cancelled" and self.filtered(lambda task: task.state == "done"):
            raise UserError(self.env._("A done task cannot be cancelled."))
        if not set(vals) - self._frozen_exempt_fields():
            return
        done = self.filtered(lambda task: task.state == "done")
        if done:
            raise UserError(
                self.env._(
                    "Task %(task)s is done: its report is frozen. An operations manager "
                    "can reopen it first.",
                    task=done[0].display_name,
                )
            )

    def _log_reopening(self):
        """Reopening a closed task is written in its chatter and its dossier's."""
        for task in self:
            if task.state == "done":
                body = self.env._(
                    "Task reopened by %(user)s: it was closed by %(closer)s on %(date)s.",
                    user=self.env.user.name,
                    closer=task.closed_by.name or "-",
                    date=format_datetime(
                        self.env, task.closed_date, tz=task.company_id._maintenance_tz()
                    )
                    if task.closed_date
                    else "-",
                )
            else:
                body = self.env._("Cancelled task reopened by %(user)s.", user=self.env.user.name)
            # sudo: the note is the company's record, whoever reopened the task
            task.sudo().message_post(body=body)
            if task.intervention_id:
                task.intervention_id.sudo().message_post(body=Markup("%s: %s") % (task.name, body))

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
        closed = self.filtered(lambda task: task.state not in OPEN_STATES)
        if closed and set(vals) - {"state"}:
            raise UserError(
                self.env._(
                    "Task %(task)s is closed: ask an operations manager to reopen it "
                    "before changing it.",
                    task=closed[0].display_name,
                )
            )
        if "state" in vals and closed.filtered(lambda task: task.state != vals["state"]):
            raise UserError(
                self.env._(
                    "Task %(task)s is closed or cancelled: only an operations manager "
                    "can reopen it.",
                    task=closed[0].display_name,
                )
            )

    def _not_assigned_to_me(self):
        """The tasks the current user may not work on: none for an operations
        manager, else those the user is not a technician of (read with
        sudo, to explain the refusal even when record rules hide the task)."""
        if self._is_manager():
            return self.browse()
        user = self.env.user
        return self.sudo().filtered(lambda task: user not in task.user_ids)

    def _check_can_close(self):
        """The technicians assigned to a task or an operations manager close
        it; nobody else."""
        refused = self._not_assigned_to_me()
        if refused:
            raise UserError(
                self.env._(
                    "Task %(task)s is not assigned to you: only its technicians or "
                    "an operations manager can close it.",
                    task=refused[0].name,
                )
            )

    def _check_can_work(self):
        """Only the technicians of a task or an operations manager check in
        and out on it."""
        refused = self._not_assigned_to_me()
        if refused:
            raise UserError(
                self.env._(
                    "Task %(task)s is not assigned to you: only its technicians or an "
                    "operations manager can check in and out on it.",
                    task=refused[0].name,
                )
            )

    def _check_checklist_complete(self):
        """Required operations must be ticked (done, not applicable or
        anomaly) and anomalies described before a task is closed."""
        errors = []
        for task in self:
            missing = task.checklist_ids.filtered(
                lambda line: line.is_required and line.result == "todo"
            )
            undescribed = task.checklist_ids.filtered(
                lambda line: line.result == "anomaly" and not (line.comment or "").strip()
            )
            if missing:
                errors.append(
                    self.env._(
                        "Task %(task)s cannot be closed: these required operations are not "
                        "ticked: %(operations)s. Tick each one as done, not applicable or "
                        "anomaly.",
                        task=task.display_name,
                        operations=", ".join(missing.mapped("name")),
                    )
                )
            if undescribed:
                errors.append(
                    self.env._(
                        "Task %(task)s cannot be closed: describe the anomaly found on: "
                        "%(operations)s.",
                        task=task.display_name,
                        operations=", ".join(undescribed.mapped("name")),
                    )
                )
        if errors:
            raise UserError("\n".join(errors))

    @api.model
    def _clean_position(self, latitude, longitude, accuracy):
        """The position sent by the phone, or (None, None, None) when it
        sent none or nonsense."""
        try:
            latitude, longitude = float(latitude), float(longitude)
        except (TypeError, ValueError):
            return None, None, None
        if not (-90.0 <= latitude <= 90.0 and -180.0 <= longitude <= 180.0):
            return None, None, None
        try:
            accuracy = abs(float(accuracy)) if accuracy is not None else None
        except (TypeError, ValueError):
            accuracy = None
        return latitude, longitude, accuracy

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

    def _invalidate_checkin_times(self):
        """The figures computed from the check-ins change with them."""
        self.invalidate_recordset(
            ["is_checked_in", "checkin_count", "time_on_site", "travel_time", "has_far_checkin"]
        )

    def _check_out_all(self):
        """Closing a task checks out whoever is still checked in on it."""
        # sudo: the closer may be another technician of the task
        open_checkins = (
            self.env["maintenance.task.checkin"]
            .sudo()
            .search([("task_id", "in", self.ids), ("check_out", "=", False)])
        )
        if open_checkins:
            now = self._action_now()
            # a departure is never before its arrival (an offline closing
            # dated before another technician's later arrival)
            later = open_checkins.filtered(lambda checkin: checkin.check_in > now)
            (open_checkins - later).write({"check_out": now})
            for checkin in later:
                checkin.check_out = checkin.check_in
            self._invalidate_checkin_times()

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

    def intervention_report_filename(self, extension="pdf"):
        """The file name of the task's intervention report, in the
        customer's language (the report action stores and reuses it)."""
        self.ensure_one()
        lang = get_lang(self.env, self.customer_id.lang).code
        name = self.with_context(lang=lang).env._(
            "Intervention report %(task)s", task=self.display_name
        )
        return f"{name.replace('/', '-')}.{extension}"

    def _schedule_closing_documents(self):
        """Wake the job that renders the documents of closed tasks.

        The PDFs are not rendered in the closing request: wkhtmltopdf fetches
        its assets over HTTP from this same Odoo, so under the prefork engine
        workers all closing tasks at once would wait on each other's asset
        requests (measured: every worker blocked, closings timed out). A cron
        worker renders them a moment later instead."""
        # sudo: waking a scheduled job is not a right the closer needs
        self.env.ref("maintenance_planning.ir_cron_closing_documents").sudo()._trigger()

    @api.model
    def _cron_closing_documents(self, batch_size=20):
        """Render the intervention report of each closed task still waiting
        for it, then the certificates still without their PDF (sent to the
        customer once attached). Batches locked against a concurrent run,
        progress committed batch by batch."""
        cron = self.env["ir.cron"]
        in_cron = bool(self.env.context.get("ir_cron_progress_id"))
        domain = [("report_pending", "=", True)]
        while True:
            tasks = lock_batch(self, domain, batch_size)
            if not tasks:
                break
            try:
                tasks.filtered(lambda task: task.state == "done")._attach_intervention_reports()
            except ReportStyleError as error:
                # Odoo does not answer at its report address (report.url): no
                # unstyled PDF, the tasks stay to render at the next run
                _logger.warning("Intervention reports left for the next run: %s", error)
                return True
            tasks.sudo().write({"report_pending": False})
            if in_cron and not cron._commit_progress(
                len(tasks), remaining=self.search_count(domain)
            ):
                return True
        return self.env["maintenance.certificate"]._attach_pending_pdfs(batch_size)

    def _attach_intervention_reports(self):
        """The intervention report of each closed task, stored once, on the
        task: the dossier lists its tasks' documents, and printing or
        e-mailing the report again reuses it (the report's ``attachment_use``)."""
        report = self.env.ref("maintenance_planning.maintenance_task_report_action")
        # sudo: the report is the company's record of the work; the closer
        # may not read everything it shows, and cannot write on the dossier
        Report = self.env["ir.actions.report"].sudo().with_context(report_pdf_no_attachment=True)
        vals_list = []
        for task in self:
            try:
                content, report_type = Report._render_qweb_pdf(report, task.ids)
            except ReportStyleError:
                raise  # the whole batch waits for the next run
            except UserError as error:
                _logger.warning("Intervention report of task %s not generated: %s", task.id, error)
                task.sudo().message_post(
                    body=self.env._(
                        "The intervention report could not be generated: %(error)s",
                        error=str(error),
                    )
                )
                continue
            vals_list.append(
                {
                    "name": task.intervention_report_filename(report_type),
                    "raw": content,
                    "mimetype": "application/pdf" if report_type == "pdf" else "text/html",
                    "res_model": task._name,
                    "res_id": task.id,
                    "maintenance_category": "report",
                }
            )
        if vals_list:
            self.env["ir.attachment"].sudo().create(vals_list)

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
