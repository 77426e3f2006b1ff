# Copyright 2026 Seed maintainers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import re

from werkzeug.exceptions import NotFound

from odoo import http
from odoo.http import content_disposition, request

from odoo.addons.maintenance_contracts.controllers.portal import MaintenancePortal


class MaintenanceLogbookPortal(MaintenancePortal):
    """An equipment's logbook on the portal, and its PDF for an inspector.

    Access is checked before anything is read or rendered: the equipment
    must belong to the portal user's commercial partner; any other id, an
    unknown one included, is a 404 (never a traceback nor a hint that it
    exists)."""

    def _logbook_equipment(self, equipment_id):
        # searched as the user: the portal record rules (their customer, the
        # contact's site scope, their companies) decide, like every /my page
        equipment = request.env["maintenance.customer.equipment"].search(
            [("id", "=", equipment_id)], limit=1
        )
        if not equipment or not equipment.sudo()._portal_logbook_visible(
            request.env.user.partner_id
        ):
            raise NotFound()
        # sudo: the logbook's entries and report are read on behalf of the
        # portal user once the equipment is known to be theirs
        return equipment.sudo()

    @http.route(
        "/my/equipment/<int:equipment_id>/logbook",
        type="http",
        auth="user",
        website=True,
        readonly=True,
    )
    def portal_equipment_logbook(self, equipment_id, **kwargs):
        equipment = self._logbook_equipment(equipment_id)
        entries = (
            request.env["maintenance.logbook.entry"]
            .sudo()
            .search([("equipment_id", "=", equipment.id)], order="date desc, id desc")
        )
        values = self._prepare_portal_layout_values()
        values.update(
            {
                "page_name": "maintenance_logbook",
                "equipment": equipment,
                "entries": entries,
            }
        )
        return self._maintenance_render(
            "maintenance_regulatory.portal_equipment_logbook", values, equipment
        )

    @http.route(
        "/my/equipment/<int:equipment_id>/logbook/pdf",
        type="http",
        auth="user",
        website=True,
        readonly=True,
    )
    def portal_equipment_logbook_pdf(self, equipment_id, download=False, **kwargs):
        equipment = self._logbook_equipment(equipment_id)
        report = (
            request.env["ir.actions.report"]
            .sudo()
            .with_company(equipment.company_id)
            ._render_qweb_pdf(
                "maintenance_regulatory.maintenance_logbook_report_action",
                equipment.ids,
                data={"report_type": "pdf"},
            )[0]
        )
        label = request.env._("Logbook %(equipment)s", equipment=equipment.display_name)
        filename = re.sub(r"\W+", "_", label) + ".pdf"
        headers = [
            ("Content-Type", "application/pdf"),
            ("Content-Length", len(report)),
            (
                "Content-Disposition",
                content_disposition(
                    filename, disposition_type="attachment" if download else "inline"
                ),
            ),
        ]
        return request.make_response(report, headers=headers)
