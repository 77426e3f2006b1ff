# Copyright 2026 Seed maintainers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import logging
from datetime import datetime, time, timedelta

from odoo import api, fields, models
from odoo.exceptions import UserError

from odoo.addons.maintenance_contracts.cron_lock import lock_batch
from odoo.addons.maintenance_contracts.report_pdf import ReportStyleError
from odoo.addons.maintenance_planning.models.frozen import FLOW, in_flow, is_now

_logger = logging.getLogger(__name__)

# the reminder comes this long before the deadline (or at once when later)
REMINDER_BEFORE = timedelta(days=3)
# what may change on an issued certificate: its sending and its reminder
# (forward only), its PDF (attached once, by the documents job)
MUTABLE_FIELDS = ("state", "sent_date", "reminder_sent", "attachment_id")


class MaintenanceCertificate(models.Model):
    """A document the law requires after a visit of regulated equipment: the
    boiler service certificate (arrêté du 15 septembre 2009), the F-gas
    leak check record (Regulation (EU) 2024/573, art. 5 and 6), the heat
    pump service certificate (décret n° 2020-912, arrêté du 24 juillet 2020)
    or the lift maintenance visit report (CCH art. R134-1 and following). Closing the
    task produces it (PDF attached to the equipment), sends it to the
    customer and tracks its deadline."""

    _name = "maintenance.certificate"
    _description = "Regulatory certificate"
    _inherit = ["mail.thread"]
    _order = "issue_date desc, id desc"
    _check_company_auto = True

    name = fields.Char(string="Number", required=True, readonly=True, default="/", copy=False)
    certificate_type = fields.Selection(
        selection=[
            ("boiler", "Boiler service certificate"),
            ("fgas", "F-gas leak check record"),
            ("heat_pump", "Heat pump service certificate"),
            ("lift", "Lift maintenance visit report"),
        ],
        string="Type",
        required=True,
        readonly=True,
    )
    company_id = fields.Many2one(
        comodel_name="res.company", required=True, index=True, readonly=True
    )
    equipment_id = fields.Many2one(
        comodel_name="maintenance.customer.equipment",
        string="Equipment",
        required=True,
        index=True,
        readonly=True,
        ondelete="restrict",
        check_company=True,
    )
    task_id = fields.Many2one(
        comodel_name="maintenance.task",
        string="Task",
        index=True,
        readonly=True,
        ondelete="restrict",
    )
    intervention_id = fields.Many2one(related="task_id.intervention_id", store=True)
    site_id = fields.Many2one(related="equipment_id.site_id", string="Installed site")
    customer_id = fields.Many2one(
        comodel_name="res.partner", string="Customer", index=True, readonly=True
    )
    warranty_type_id = fields.Many2one(
        comodel_name="maintenance.warranty.type", string="Warranty type", readonly=True
    )
    technician_id = fields.Many2one(comodel_name="res.users", string="Done by", readonly=True)
    visit_date = fields.Date(string="Visit date", required=True, readonly=True)
    issue_date = fields.Date(string="Issued on", readonly=True)
    deadline = fields.Date(
        string="Due to the customer by",
        required=True,
        readonly=True,
        index=True,
        help="The law's deadline to hand the certificate to the customer "
        "(15 days after a boiler service).",
    )
    state = fields.Selection(
        selection=[("to_send", "To send"), ("sent", "Sent")],
        string="Status",
        required=True,
        default="to_send",
        readonly=True,
        index=True,
        tracking=True,
    )
    sent_date = fields.Datetime(string="Sent on", readonly=True)
    is_late = fields.Boolean(string="Late", compute="_compute_is_late", search="_search_is_late")
    reminder_sent = fields.Boolean(readonly=True, copy=False)
    attachment_id = fields.Many2one(
        comodel_name="ir.attachment", string="PDF", readonly=True, copy=False
    )
    # measures and results, copied from the task when it was closed
    work_summary = fields.Text(string="Work done", readonly=True)
    efficiency = fields.Float(string="Efficiency (%)", digits=(16, 1), readonly=True)
    co_ppm = fields.Float(string="Carbon monoxide (ppm)", digits=(16, 1), readonly=True)
    nox_emission = fields.Float(string="NOx (mg/kWh)", digits=(16, 1), readonly=True)
    advice = fields.Text(string="Advice to the user", readonly=True)
    refrigerant_id = fields.Many2one(
        comodel_name="maintenance.refrigerant", string="Refrigerant", readonly=True
    )
    refrigerant_charge = fields.Float(
        string="Refrigerant charge (kg)", digits=(16, 3), readonly=True
    )
    fgas_co2e = fields.Float(string="Tonnes of CO2 equivalent", digits=(16, 2), readonly=True)
    leak_found = fields.Boolean(string="Leak found", readonly=True)
    refrigerant_added = fields.Float(string="Quantity added (kg)", digits=(16, 3), readonly=True)
    refrigerant_recovered = fields.Float(
        string="Quantity recovered (kg)", digits=(16, 3), readonly=True
    )
    next_check_date = fields.Date(string="Next check by", readonly=True)
    obligations_done = fields.Text(
        string="Regulatory checks done",
        readonly=True,
        help="The further obligations done at the same visit (a lift's cable "
        "check, safety gear check, technical inspection...).",
    )

    _name_company_unique = models.Constraint(
        "UNIQUE(name, company_id)", "This certificate number already exists."
    )

    @api.depends("state", "deadline")
    def _compute_is_late(self):
        today = fields.Date.context_today(self)
        for certificate in self:
            certificate.is_late = certificate.state == "to_send" and certificate.deadline < today

    def _search_is_late(self, operator, value):
        if operator not in ("in", "not in"):
            return NotImplemented
        late = [("state", "=", "to_send"), ("deadline", "<", fields.Date.context_today(self))]
        if (operator == "in") == (True in value):
            return late
        return ["!", *late]

    @api.model_create_multi
    def create(self, vals_list):
        # the law's document: issued by closing the task, never by hand
        # (the superuser included)
        if not in_flow(self.env, "maintenance_certificate_flow"):
            raise UserError(
                self.env._(
                    "A certificate is issued by closing the task of the visit, "
                    "never created by hand."
                )
            )
        sequence = self.env["ir.sequence"]
        for vals in vals_list:
            if vals.get("name", "/") == "/":
                vals["name"] = (
                    sequence.with_company(vals.get("company_id")).next_by_code(
                        "maintenance.certificate"
                    )
                    or "/"
                )
        certificates = super().create(vals_list)
        certificates._schedule_reminders()
        return certificates

    def write(self, vals):
        if self:
            self._check_frozen(vals)
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_issued(self):
        raise UserError(
            self.env._(
                "An issued certificate is never deleted: it is the legal record of the visit."
            )
        )

    def _check_frozen(self, vals):
        """An issued certificate records what was measured and handed over:
        for every role (the superuser included), only its sending moves
        forward and its PDF is attached once, by the documents job."""
        frozen = [
            name
            for name in vals
            if name not in MUTABLE_FIELDS
            and name in self._fields
            and self._fields[name].store
            and name not in self.env["mail.thread"]._fields
        ]
        if frozen:
            raise UserError(
                self.env._(
                    "Certificate %(number)s is issued: what it records (%(field)s) "
                    "cannot be changed. Reopen the task and close it again to issue "
                    "a new certificate.",
                    number=self[0].name,
                    field=self._fields[frozen[0]]._description_string(self.env),
                )
            )
        if "state" in vals and vals["state"] != "sent":
            sent = self.filtered(lambda certificate: certificate.state == "sent")
            if sent:
                raise UserError(
                    self.env._(
                        "Certificate %(number)s has been sent: its status cannot go back "
                        "to To send.",
                        number=sent[0].name,
                    )
                )
        if vals.get("sent_date") and not is_now(vals["sent_date"]):
            raise UserError(self.env._("A certificate is marked sent at the time it is sent."))
        if "sent_date" in vals and not vals["sent_date"] and any(self.mapped("sent_date")):
            raise UserError(self.env._("The sending date of a certificate cannot be erased."))
        if "reminder_sent" in vals and not vals["reminder_sent"]:
            raise UserError(self.env._("A reminder sent cannot be undone."))
        if "attachment_id" in vals:
            attached = self.filtered("attachment_id")
            if (
                not in_flow(self.env, "maintenance_certificate_flow")
                or attached
                or not vals["attachment_id"]
            ):
                raise UserError(
                    self.env._(
                        "The PDF of certificate %(number)s is attached once, when it is "
                        "issued: it cannot be replaced nor detached.",
                        number=(attached or self)[0].name,
                    )
                )

    # actions ------------------------------------------------------------

    def action_send(self):
        """Send the certificates to their customers, by e-mail, with the PDF."""
        self.check_access("write")
        missing = self.filtered(lambda certificate: not certificate.customer_id.email)
        if missing:
            raise UserError(
                self.env._(
                    "Customer %(customer)s has no e-mail address: certificate %(number)s "
                    "cannot be sent. Add the address, or hand the certificate over and mark "
                    "it sent.",
                    customer=missing[0].customer_id.display_name,
                    number=missing[0].name,
                )
            )
        self._send()
        return True

    def action_mark_sent(self):
        """Handed over on paper: the deadline is met."""
        self.check_access("write")
        self.filtered(lambda certificate: certificate.state == "to_send").sudo().write(
            {"state": "sent", "sent_date": fields.Datetime.now()}
        )
        return True

    def action_download(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_url",
            "url": f"/web/content/{self.attachment_id.id}?download=true",
            "target": "self",
        }

    # flows ----------------------------------------------------------------

    @api.model
    def _issue_for_tasks(self, tasks):
        """Certificates of the closed ``tasks``: one per equipment whose
        visit's warranty type requires one, in one create; each PDF is
        attached to its equipment, logged in its logbook and sent.

        sudo: the technician closing the task issues the certificate the law
        requires, which they have no right to create by hand."""
        vals_list = []
        for task in tasks:
            for visit in task.visit_ids:
                wtype = visit.warranty_type_id
                kind = wtype.certificate_type
                if kind in (False, "none") or visit.obligation_id:
                    continue
                equipment = visit.equipment_id | visit.sudo().group_line_ids.filtered(
                    lambda line, wtype=wtype: line.warranty_type_id == wtype
                ).equipment_id.sudo(False)
                for item in equipment:
                    vals_list.append(task._certificate_values(item, wtype))
        if not vals_list:
            return self.browse()
        certificates = (
            self.sudo()
            .with_context(maintenance_certificate_flow=FLOW)
            .create(vals_list)
            .with_context(maintenance_certificate_flow=False)
        )
        self.env["maintenance.logbook.entry"]._log(
            [
                {
                    "equipment_id": certificate.equipment_id.id,
                    "company_id": certificate.company_id.id,
                    "entry_type": "certificate",
                    "name": self.env._(
                        "%(type)s %(number)s issued",
                        type=dict(
                            certificate._fields["certificate_type"]._description_selection(self.env)
                        )[certificate.certificate_type],
                        number=certificate.name,
                    ),
                    "certificate_id": certificate.id,
                    "task_id": certificate.task_id.id,
                    "intervention_id": certificate.intervention_id.id,
                }
                for certificate in certificates
            ]
        )
        # the PDF is rendered and sent by the documents job, not in the
        # closing request (see maintenance.task._schedule_closing_documents)
        tasks._schedule_closing_documents()
        return certificates

    @api.model
    def _attach_pending_pdfs(self, batch_size=20):
        """Certificates issued without their PDF yet: render and attach it,
        then send it to the customers who have an e-mail address."""
        cron = self.env["ir.cron"]
        in_cron = bool(self.env.context.get("ir_cron_progress_id"))
        domain = [("attachment_id", "=", False), ("state", "=", "to_send")]
        while True:
            certificates = lock_batch(self, domain, batch_size)
            if not certificates:
                break
            try:
                with self.env.cr.savepoint():
                    certificates._attach_pdf()
            except ReportStyleError as error:
                # Odoo does not answer at its report address (report.url): no
                # unstyled PDF, the certificates stay to render at the next run
                _logger.warning("Certificates left for the next run: %s", error)
                return True
            certificates.filtered(lambda certificate: certificate.customer_id.email)._send()
            if in_cron and not cron._commit_progress(
                len(certificates), remaining=self.search_count(domain)
            ):
                return True
        return True

    def _attach_pdf(self):
        """Render each certificate and attach it to its equipment."""
        report = self.env.ref("maintenance_regulatory.maintenance_certificate_report_action")
        Report = self.env["ir.actions.report"].sudo()
        Attachment = self.env["ir.attachment"].sudo()
        for certificate in self:
            content, report_type = Report._render_qweb_pdf(report, certificate.ids)
            name = certificate._filename(report_type)
            attachment = Attachment.create(
                {
                    "name": name,
                    "raw": content,
                    "mimetype": "application/pdf" if report_type == "pdf" else "text/html",
                    "res_model": "maintenance.customer.equipment",
                    "res_id": certificate.equipment_id.id,
                    "maintenance_category": "certificate",
                }
            )
            certificate.sudo().with_context(maintenance_certificate_flow=FLOW).write(
                {"attachment_id": attachment.id}
            )

    def _filename(self, extension="pdf"):
        self.ensure_one()
        label = dict(self._fields["certificate_type"]._description_selection(self.env))
        return f"{label[self.certificate_type]} {self.name}.{extension}".replace("/", "-")

    def _send(self):
        """E-mail each certificate to its customer with its PDF, from the
        company (the job sending it runs as OdooBot); the certificate is
        then sent (the deadline met)."""
        template = self.env.ref("maintenance_regulatory.maintenance_certificate_mail_template")
        for certificate in self.sudo():
            template.send_mail(
                certificate.id,
                email_values={
                    "attachment_ids": certificate.attachment_id.ids,
                    **certificate.company_id._maintenance_mail_sender(),
                },
            )
        self.sudo().write({"state": "sent", "sent_date": fields.Datetime.now()})

    def _schedule_reminders(self):
        """Wake the reminder cron at the earliest reminder to come."""
        pending = self.filtered(lambda certificate: certificate.state == "to_send")
        if not pending:
            return
        first = min(pending.mapped("deadline"))
        at = max(datetime.combine(first, time(7, 0)) - REMINDER_BEFORE, fields.Datetime.now())
        self.env.ref("maintenance_regulatory.ir_cron_certificate_reminder").sudo()._trigger(at=at)

    @api.model
    def _cron_remind(self, batch_size=200):
        """Certificates still to send whose deadline is near: one activity for
        the dossier's responsible (else the closer); then wake again at the
        next reminder to come."""
        now = fields.Datetime.now()
        limit = (now + REMINDER_BEFORE).date()
        domain = [
            ("state", "=", "to_send"),
            ("reminder_sent", "=", False),
            ("deadline", "<=", limit),
        ]
        todo = self.env["ir.cron"]
        while True:
            certificates = lock_batch(self, domain, batch_size)
            if not certificates:
                break
            activity = self.env.ref("mail.mail_activity_data_todo")
            self.env["mail.activity"].create(
                [
                    {
                        "res_model_id": self.env["ir.model"]._get_id(self._name),
                        "res_id": certificate.id,
                        "activity_type_id": activity.id,
                        "date_deadline": certificate.deadline,
                        "summary": self.env._(
                            "Send certificate %(number)s to %(customer)s",
                            number=certificate.name,
                            customer=certificate.customer_id.display_name,
                        ),
                        "user_id": (
                            certificate.intervention_id.user_id or certificate.technician_id
                        ).id
                        or self.env.uid,
                    }
                    for certificate in certificates
                ]
            )
            certificates.write({"reminder_sent": True})
            if self.env.context.get("ir_cron_progress_id"):
                remaining = self.search_count(domain)
                if not todo._commit_progress(len(certificates), remaining=remaining):
                    return True
        self.search(
            [("state", "=", "to_send"), ("reminder_sent", "=", False)]
        )._schedule_reminders()
        return True
