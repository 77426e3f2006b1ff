# Copyright 2026 Seed maintainers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import UserError

MANAGER_GROUP = "maintenance_contracts.group_maintenance_manager"


class MaintenanceTaskChecklist(models.Model):
    """An operation to perform during a task, copied from the warranty type
    of the visit it serves when the visit is planned."""

    _name = "maintenance.task.checklist"
    _description = "Task operation"
    _order = "task_id, sequence, id"
    _check_company_auto = True

    task_id = fields.Many2one(
        comodel_name="maintenance.task",
        string="Task",
        required=True,
        index=True,
        ondelete="cascade",
    )
    company_id = fields.Many2one(
        related="task_id.company_id", store=True, index=True, string="Company"
    )
    sequence = fields.Integer(default=10)
    name = fields.Char(string="Operation", required=True)
    is_required = fields.Boolean(string="Required", default=True)
    visit_id = fields.Many2one(
        comodel_name="maintenance.visit",
        string="Visit",
        index=True,
        ondelete="set null",
        check_company=True,
    )
    equipment_id = fields.Many2one(
        comodel_name="maintenance.customer.equipment",
        string="Equipment",
        index=True,
        check_company=True,
    )
    operation_id = fields.Many2one(
        comodel_name="maintenance.warranty.operation",
        string="Warranty operation",
        ondelete="set null",
    )
    result = fields.Selection(
        selection=[
            ("todo", "To do"),
            ("done", "Done"),
            ("not_applicable", "Not applicable"),
            ("anomaly", "Anomaly"),
        ],
        required=True,
        default="todo",
    )
    comment = fields.Text()

    def action_set_done(self):
        return self._set_result("done")

    def action_set_not_applicable(self):
        return self._set_result("not_applicable")

    def action_set_anomaly(self):
        """Mark an anomaly, then ask for its description."""
        self._set_result("anomaly")
        if len(self) != 1:
            return True
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Describe the anomaly"),
            "res_model": self._name,
            "res_id": self.id,
            "view_mode": "form",
            "views": [
                (
                    self.env.ref(
                        "maintenance_planning.maintenance_task_checklist_view_form_anomaly"
                    ).id,
                    "form",
                )
            ],
            "target": "new",
        }

    def action_reset(self):
        return self._set_result("todo")

    def _set_result(self, result):
        closed = self.task_id.filtered(lambda task: task.state not in ("todo", "in_progress"))
        if closed:
            raise UserError(
                self.env._(
                    "Task %(task)s is closed: its operations can no longer be ticked.",
                    task=closed[0].display_name,
                )
            )
        self.write({"result": result})
        return True

    def _technician_writable_fields(self):
        """Fields a technician may change on the operations of their tasks."""
        return {"result", "comment"}

    @api.model_create_multi
    def create(self, vals_list):
        lines = super().create(vals_list)
        lines._check_task_open()
        return lines

    def write(self, vals):
        if not (self.env.su or self.env.user.has_group(MANAGER_GROUP)) and (
            set(vals) - self._technician_writable_fields()
        ):
            raise UserError(
                self.env._(
                    "Only an operations manager can change the operations of a "
                    "task; you can record their result and a comment."
                )
            )
        self._check_task_open()
        res = super().write(vals)
        if "task_id" in vals:
            self._check_task_open()
        return res

    @api.ondelete(at_uninstall=False)
    def _unlink_except_task_closed(self):
        self._check_task_open()

    def _check_task_open(self):
        """The operations of a done task are part of its signed report:
        frozen for everyone until an operations manager reopens the task.
        Technicians change those of their open tasks only."""
        closed = self.task_id._frozen_for_user()
        if closed:
            raise UserError(
                self.env._(
                    "Task %(task)s is closed: its operations can no longer be changed.",
                    task=closed[0].display_name,
                )
            )
