# Copyright 2026 Seed maintainers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Customer portal: intervention dossiers and their signed reports, shared
and shared documents (``/my/...``).

Every route reads as the portal user first (record rules: their sites only)
and answers 404 for another customer's ids; files are served only once the
record they belong to has been checked (reports are stored on the tasks, which
portal users do not read: the dossier is checked, then its file is served).
"""

from odoo import http
from odoo.fields import Domain
from odoo.http import request

from odoo.addons.maintenance_contracts.controllers.portal import MaintenancePortal
from odoo.addons.portal.controllers.portal import pager as portal_pager

# records whose shared documents a customer finds under /my/documents
SHARED_DOCUMENT_MODELS = (
    "maintenance.site",
    "maintenance.customer.equipment",
    "contract.contract",
    "maintenance.intervention",
)


class MaintenancePlanningPortal(MaintenancePortal):
    def _prepare_home_portal_values(self, counters):
        values = super()._prepare_home_portal_values(counters)
        for counter, model in self._maintenance_portal_counters():
            if counter in counters:
                Model = request.env[model]
                values[counter] = (
                    Model.search_count(self._maintenance_domain(model))
                    if Model.has_access("read")
                    else 0
                )
        if "maintenance_document_count" in counters:
            values["maintenance_document_count"] = (
                request.env["ir.attachment"].sudo().search_count(self._portal_documents_domain())
            )
        return values

    def _maintenance_portal_counters(self):
        """(counter of /my, model) of the records the home page counts."""
        return [("maintenance_intervention_count", "maintenance.intervention")]

    def _maintenance_domain(self, model):
        if model == "maintenance.intervention":
            return [("state", "!=", "draft")]
        return super()._maintenance_domain(model)

    # documents and reports ------------------------------------------------------

    def _portal_documents_domain(self, records=None):
        """Domain of the documents shared with the user: attached to the
        records of SHARED_DOCUMENT_MODELS they read (or to ``records``, a
        list of recordsets read as the user) or to the tasks of their
        dossiers. To search with sudo (the domain itself is the check)."""
        if records is None:
            records = [
                request.env[model].search([])
                for model in SHARED_DOCUMENT_MODELS
                if request.env[model].has_access("read")
            ]
        parts = []
        for recordset in records:
            if recordset._name == "maintenance.intervention" and recordset:
                # sudo: portal users do not read tasks; a dossier's tasks are
                # part of the dossier they read
                parts.append(
                    Domain("res_model", "=", "maintenance.task")
                    & Domain("res_id", "in", recordset.sudo().task_ids.ids)
                )
            if recordset:
                parts.append(
                    Domain("res_model", "=", recordset._name)
                    & Domain("res_id", "in", recordset.ids)
                )
        return (
            Domain("maintenance_portal_shared", "=", True)
            & Domain("res_field", "=", False)
            & Domain.OR(parts or [Domain.FALSE])
        )

    def _portal_reports(self, interventions):
        """{dossier id: its tasks' signed intervention reports, newest first}
        for dossiers the user reads, in one search."""
        # sudo: reports are stored on the tasks, which portal users do not
        # read; the dossiers were read as the user
        tasks = interventions.sudo().task_ids
        reports = (
            request.env["ir.attachment"]
            .sudo()
            .search(
                [
                    ("res_model", "=", "maintenance.task"),
                    ("res_id", "in", tasks.ids),
                    ("maintenance_category", "=", "report"),
                    ("res_field", "=", False),
                ],
                order="create_date desc, id desc",
            )
        )
        dossier_of_task = {task.id: task.intervention_id.id for task in tasks}
        result = {intervention.id: reports.browse() for intervention in interventions}
        for report in reports:
            result[dossier_of_task[report.res_id]] |= report
        return result

    def _portal_signed_report_ids(self, reports):
        """The ids of the reports (attachments, sudo) of a task the customer
        had signed when the report was rendered: the others are unsigned
        reports and say so. One read of the tasks."""
        tasks = request.env["maintenance.task"].sudo().browse(set(reports.mapped("res_id")))
        signed_on = {task.id: task.customer_signed_on for task in tasks}
        return {
            report.id
            for report in reports
            if signed_on.get(report.res_id) and signed_on[report.res_id] <= report.create_date
        }

    def _portal_stream(self, attachment_sudo, download=True):
        return (
            request.env["ir.binary"]
            ._get_stream_from(attachment_sudo, "raw")
            .get_response(as_attachment=download)
        )

    # equipment page: its dossiers, reports and shared documents -------------------

    def _portal_equipment_values(self, equipment_sudo):
        values = super()._portal_equipment_values(equipment_sudo)
        equipment = equipment_sudo.with_env(request.env)
        interventions = request.env["maintenance.intervention"].search(
            [
                ("equipment_ids", "in", equipment.ids),
                *self._maintenance_domain("maintenance.intervention"),
            ],
            order="date_start desc, id desc",
            limit=10,
        )
        documents = (
            request.env["ir.attachment"]
            .sudo()
            .search(self._portal_documents_domain([equipment]), order="create_date desc")
        )
        reports = self._portal_reports(interventions)
        values.update(
            {
                "interventions": interventions.sudo(),
                "reports": reports,
                "signed_report_ids": self._portal_signed_report_ids(
                    request.env["ir.attachment"].sudo().union(*reports.values())
                ),
                "documents": documents,
            }
        )
        return values

    # dossiers ---------------------------------------------------------------------

    @http.route(
        ["/my/interventions", "/my/interventions/page/<int:page>"],
        type="http",
        auth="user",
        website=True,
        readonly=True,
    )
    def portal_my_interventions(self, page=1, **kw):
        interventions, pager = self._maintenance_list(
            "maintenance.intervention",
            "/my/interventions",
            page,
            self._maintenance_domain("maintenance.intervention"),
            "date_start desc, id desc",
        )
        if interventions is None:
            return request.redirect("/my")
        values = self._prepare_portal_layout_values()
        reports = self._portal_reports(interventions)
        values.update(
            {
                "page_name": "maintenance_interventions",
                "interventions": interventions.sudo(),
                "reports": reports,
                "signed_report_ids": self._portal_signed_report_ids(
                    request.env["ir.attachment"].sudo().union(*reports.values())
                ),
                "pager": pager,
                "default_url": "/my/interventions",
            }
        )
        return self._maintenance_render(
            "maintenance_planning.portal_my_interventions", values, interventions
        )

    @http.route(
        ["/my/interventions/<int:intervention_id>"],
        type="http",
        auth="user",
        website=True,
        readonly=True,
    )
    def portal_my_intervention(self, intervention_id, **kw):
        intervention_sudo = self._maintenance_record("maintenance.intervention", intervention_id)
        if intervention_sudo is None or intervention_sudo.state == "draft":
            raise request.not_found()
        intervention = intervention_sudo.with_env(request.env)
        values = self._prepare_portal_layout_values()
        reports = self._portal_reports(intervention)[intervention.id]
        values.update(
            {
                "page_name": "maintenance_intervention",
                "intervention": intervention_sudo,
                "tasks": intervention_sudo.task_ids.filtered(lambda t: t.state != "cancelled"),
                "reports": reports,
                "signed_report_ids": self._portal_signed_report_ids(reports),
                "documents": request.env["ir.attachment"]
                .sudo()
                .search(self._portal_documents_domain([intervention]), order="create_date desc"),
            }
        )
        return self._maintenance_render(
            "maintenance_planning.portal_my_intervention", values, intervention_sudo
        )

    @http.route(
        ["/my/interventions/<int:intervention_id>/reports/<int:attachment_id>"],
        type="http",
        auth="user",
        website=True,  # not found: the portal's 404 page
        readonly=True,
    )
    def portal_my_intervention_report(self, intervention_id, attachment_id, **kw):
        """Download a signed intervention report: the dossier is checked as
        the user first, then the report must be one of its tasks'."""
        intervention_sudo = self._maintenance_record("maintenance.intervention", intervention_id)
        if intervention_sudo is None:
            raise request.not_found()
        report = self._portal_reports(intervention_sudo.with_env(request.env))[
            intervention_sudo.id
        ].filtered(lambda a: a.id == attachment_id)
        if not report:
            raise request.not_found()
        return self._portal_stream(report)

    # shared documents -----------------------------------------------------------

    @http.route(
        ["/my/documents", "/my/documents/page/<int:page>"],
        type="http",
        auth="user",
        website=True,
        readonly=True,
    )
    def portal_my_maintenance_documents(self, page=1, **kw):
        Attachment = request.env["ir.attachment"].sudo()
        domain = self._portal_documents_domain()
        total = Attachment.search_count(domain)
        pager = portal_pager(url="/my/documents", total=total, page=page, step=self._items_per_page)
        documents = Attachment.search(
            domain,
            order="create_date desc, id desc",
            limit=self._items_per_page,
            offset=pager["offset"],
        )
        values = self._prepare_portal_layout_values()
        values.update(
            {
                "page_name": "maintenance_documents",
                "documents": documents,
                "pager": pager,
                "default_url": "/my/documents",
            }
        )
        return self._maintenance_render("maintenance_planning.portal_my_documents", values)

    @http.route(
        ["/my/documents/<int:attachment_id>"],
        type="http",
        auth="user",
        website=True,  # a missing document answers the portal's 404 page, in French
        readonly=True,
    )
    def portal_my_maintenance_document(self, attachment_id, **kw):
        document = (
            request.env["ir.attachment"]
            .sudo()
            .search(Domain("id", "=", attachment_id) & self._portal_documents_domain(), limit=1)
        )
        if not document:
            raise request.not_found()
        return self._portal_stream(document)
