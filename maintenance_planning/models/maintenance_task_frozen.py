# Copyright 2026 Seed maintainers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models
from odoo.exceptions import UserError

from .maintenance_task import MANAGER_GROUP, OPEN_STATES


class MaintenanceTask(models.Model):
    """Who changes what on a task: technicians their progress on their open
    tasks, operations managers the planning; a done task is a signed report,
    frozen until an operations manager reopens it."""

    _inherit = "maintenance.task"

    @api.model
    def _technician_writable_fields(self):
        """Fields a technician may change on their own tasks."""
        return {
            "state",
            "checklist_ids",
            "description",
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
