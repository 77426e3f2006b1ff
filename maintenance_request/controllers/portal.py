# Copyright 2026 Seed maintainers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Customer portal: the customer's requests (``/my/requests``), their photos
and the form of a new request.

Every route reads as the portal user first (record rules: their sites only)
and answers 404 for another customer's ids; a photo is served only once its
request has been checked."""

from odoo import http
from odoo.exceptions import AccessError, MissingError, ValidationError
from odoo.http import request

from odoo.addons.maintenance_planning.controllers.portal import MaintenancePlanningPortal

MAX_PHOTOS = 10
MAX_PHOTO_SIZE = 10 * 1024 * 1024


class MaintenanceRequestPortal(MaintenancePlanningPortal):
    def _maintenance_portal_counters(self):
        return [
            *super()._maintenance_portal_counters(),
            ("maintenance_request_count", "maintenance.customer.request"),
        ]

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
        return self._maintenance_render("maintenance_request.portal_my_requests", values, requests)

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
            "maintenance_request.portal_my_request", values, request_sudo
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
            "maintenance_request.portal_my_request_new",
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
            "maintenance_request.portal_my_request_new",
            self._portal_request_form_values(error=error, form=form),
        )
