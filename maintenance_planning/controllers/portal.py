# Copyright 2026 Seed maintainers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Customer portal: intervention dossiers and their signed reports, shared
documents and customer requests (``/my/...``).

Every route reads as the portal user first (record rules: their sites only)
and answers 404 for another customer's ids; files are served only once the
record they belong to has been checked (reports are stored on the tasks, which
portal users do not read: the dossier is checked, then its file is served).
"""

from odoo import http
from odoo.exceptions import AccessError, MissingError, ValidationError
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
MAX_PHOTOS = 10
MAX_PHOTO_SIZE = 10 * 1024 * 1024


class MaintenancePlanningPortal(MaintenancePortal):
    def _prepare_home_portal_values(self, counters):
        values = super()._prepare_home_portal_values(counters)
        for counter, model in (
            ("maintenance_intervention_count", "maintenance.intervention"),
            ("maintenance_request_count", "maintenance.customer.request"),
        ):
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

    # requests ---------------------------------------------------------------------

    @http.route(
        ["/my/requests", "/my/requests/page/<int:page>"],
        type="http",
        auth="user",
        website=True,
        readonly=True,
    )
    def portal_my_requests(self, page=1, **kw):
        requests, pager = self._maintenance_list(
            "maintenance.customer.request",
            "/my/requests",
            page,
            self._maintenance_domain("maintenance.customer.request"),
            "received_at desc, id desc",
        )
        if requests is None:
            return request.redirect("/my")
        values = self._prepare_portal_layout_values()
        values.update(
            {
                "page_name": "maintenance_requests",
                "maintenance_requests": requests.sudo(),
                "pager": pager,
                "default_url": "/my/requests",
            }
        )
        return self._maintenance_render("maintenance_planning.portal_my_requests", values, requests)

    @http.route(
        ["/my/requests/<int:request_id>"], type="http", auth="user", website=True, readonly=True
    )
    def portal_my_request(self, request_id, **kw):
        request_sudo = self._maintenance_record("maintenance.customer.request", request_id)
        if request_sudo is None:
            raise request.not_found()
        intervention = request_sudo.intervention_id
        values = self._prepare_portal_layout_values()
        values.update(
            {
                "page_name": "maintenance_request",
                "maintenance_request": request_sudo,
                "intervention": intervention,
                "tasks": intervention.task_ids.filtered(lambda t: t.state != "cancelled"),
                "photos": request_sudo.attachment_ids.filtered("maintenance_portal_shared"),
                "created": kw.get("created"),
                # the conversation (portal.message_thread): read and posted
                # as the user, whom the request's record rules let in
                "object": request_sudo.with_env(request.env),
            }
        )
        return self._maintenance_render(
            "maintenance_planning.portal_my_request", values, request_sudo
        )

    @http.route(
        ["/my/requests/<int:request_id>/photos/<int:attachment_id>"],
        type="http",
        auth="user",
        website=True,  # not found: the portal's 404 page
        readonly=True,
    )
    def portal_my_request_photo(self, request_id, attachment_id, **kw):
        """A photo of the request (portal users have no right on
        attachments: the request is checked, then its photo is served)."""
        request_sudo = self._maintenance_record("maintenance.customer.request", request_id)
        if request_sudo is None:
            raise request.not_found()
        photo = request_sudo.attachment_ids.filtered(
            lambda a: a.id == attachment_id and a.maintenance_portal_shared
        )
        if not photo:
            raise request.not_found()
        return self._portal_stream(photo, download=False)

    def _portal_request_form_values(self, error=None, form=None):
        Request = request.env["maintenance.customer.request"]
        sites = request.env["maintenance.site"].search([])
        equipment = request.env["maintenance.customer.equipment"].search(
            [("state", "!=", "removed")]
        )
        values = self._prepare_portal_layout_values()
        values.update(
            {
                "page_name": "maintenance_request_new",
                "sites": sites.sudo(),
                "equipment": equipment.sudo(),
                "priorities": Request._fields["priority"]._description_selection(request.env),
                "error": error,
                "form": form or {"priority": "2"},
            }
        )
        return values

    @http.route(
        ["/my/requests/new"], type="http", auth="user", website=True, methods=["GET"], readonly=True
    )
    def portal_my_request_new(self, **kw):
        if not request.env["maintenance.site"].has_access("read"):
            return request.redirect("/my")
        form = {"priority": "2"}
        if kw.get("equipment_id", "").isdigit():
            equipment = request.env["maintenance.customer.equipment"].search(
                [("id", "=", int(kw["equipment_id"]))]
            )
            form.update(equipment_id=equipment.id, site_id=equipment.site_id.id)
        return self._maintenance_render(
            "maintenance_planning.portal_my_request_new",
            self._portal_request_form_values(form=form),
        )

    @http.route(["/my/requests/new"], type="http", auth="user", website=True, methods=["POST"])
    def portal_my_request_create(self, **kw):
        form = {
            "site_id": int(kw["site_id"]) if kw.get("site_id", "").isdigit() else False,
            "equipment_id": (
                int(kw["equipment_id"]) if kw.get("equipment_id", "").isdigit() else False
            ),
            "priority": kw.get("priority"),
            "title": kw.get("title", ""),
            "description": kw.get("description", ""),
        }
        # ids the user does not see are refused like missing ones
        site = request.env["maintenance.site"].search([("id", "=", form["site_id"] or 0)])
        equipment = request.env["maintenance.customer.equipment"].search(
            [("id", "=", form["equipment_id"] or 0)]
        )
        error = None
        photos = [
            upload
            for upload in request.httprequest.files.getlist("photos")
            if upload and upload.filename
        ]
        if not site:
            error = request.env._("Choose the site of the request.")
        elif form["equipment_id"] and not equipment:
            error = request.env._("Choose one of your equipment.")
        elif len(photos) > MAX_PHOTOS:
            error = request.env._("Attach at most %(count)s photos.", count=MAX_PHOTOS)
        files = []
        if not error:
            for upload in photos:
                data = upload.read(MAX_PHOTO_SIZE + 1)
                if len(data) > MAX_PHOTO_SIZE:
                    error = request.env._(
                        "The photo %(name)s is larger than 10 MB.", name=upload.filename
                    )
                    break
                files.append((upload.filename, upload.mimetype or "", data))
        if not error:
            try:
                new_request = request.env["maintenance.customer.request"]._create_from_portal(
                    site,
                    equipment,
                    priority=form["priority"],
                    title=form["title"],
                    description=form["description"],
                    photos=files,
                )
            except (ValidationError, AccessError, MissingError) as exc:
                error = exc.args[0]
            else:
                return request.redirect(f"/my/requests/{new_request.id}?created=1")
        return self._maintenance_render(
            "maintenance_planning.portal_my_request_new",
            self._portal_request_form_values(error=error, form=form),
        )
