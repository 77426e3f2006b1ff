# Copyright 2026 Seed maintainers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import logging

from markupsafe import Markup

from odoo import api, models
from odoo.exceptions import UserError
from odoo.tools import format_datetime, get_lang

from odoo.addons.maintenance_contracts.cron_lock import lock_batch
from odoo.addons.maintenance_contracts.report_pdf import ReportStyleError

_logger = logging.getLogger(__name__)


class MaintenanceTask(models.Model):
    """Closing a task: who may, what must be ticked first, the reopening
    written down, and the documents of the closed task (its intervention
    report, rendered by a scheduled job a moment after the closing)."""

    _inherit = "maintenance.task"

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

    def intervention_report_filename(self, extension="pdf"):
        """The file name of the task's intervention report, in the
        customer's language (the report action stores and reuses it)."""
        self.ensure_one()
        lang = get_lang(self.env, self.customer_id.lang).code
        name = self.with_context(lang=lang).env._(
            "Intervention report %(task)s", task=self.display_name
        )
        return f"{name.replace('/', '-')}.{extension}"

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
        """The scheduled job 'documents of closed tasks': see
        ``_render_closing_documents``."""
        self._render_closing_documents(batch_size)
        return True

    @api.model
    def _render_closing_documents(self, batch_size=20):
        """Render the intervention report of each closed task still waiting
        for it. Batches locked against a concurrent run, progress committed
        batch by batch. True when every report is done; False when the run
        stops early (Odoo does not answer at its report address, or the job
        ran out of time): the rest waits for the next run.

        Features with documents of their own (the certificates of regulated
        work) extend it with ``super()``, rendering theirs when it is True."""
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
                return False
            tasks.sudo().write({"report_pending": False})
            if in_cron and not cron._commit_progress(
                len(tasks), remaining=self.search_count(domain)
            ):
                return False
        return True

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
