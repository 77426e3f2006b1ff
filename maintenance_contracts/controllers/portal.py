# Copyright 2026 Seed maintainers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Customer portal: sites, equipment and visits (``/my/...``).

Lists search as the portal user (the portal record rules decide what they
see); a detail page checks the user's read access on the record first
(``_document_check_access``) and answers 404 for a record that does not
exist or is another customer's.
"""

from odoo import fields, http
from odoo.exceptions import AccessError, MissingError
from odoo.http import request

from odoo.addons.contract.controllers.main import PortalContract
from odoo.addons.portal.controllers.portal import CustomerPortal
from odoo.addons.portal.controllers.portal import pager as portal_pager

OPEN_VISIT_STATES = ("to_plan", "planned")


class MaintenancePortal(CustomerPortal):
    def _prepare_home_portal_values(self, counters):
        values = super()._prepare_home_portal_values(counters)
        for counter, model in (
            ("maintenance_site_count", "maintenance.site"),
            ("maintenance_equipment_count", "maintenance.customer.equipment"),
            ("maintenance_visit_count", "maintenance.visit"),
        ):
            if counter in counters:
                Model = request.env[model]
                values[counter] = (
                    Model.search_count(self._maintenance_domain(model))
                    if Model.has_access("read")
                    else 0
                )
        return values

    def _maintenance_domain(self, model):
        """What the portal lists of ``model`` (the record rules narrow it to
        the user's sites)."""
        if model == "maintenance.visit":
            return [("state", "!=", "cancelled")]
        if model == "maintenance.customer.equipment":
            return [("state", "!=", "removed")]
        return []

    def _maintenance_record(self, model, record_id):
        """The record, sudo, once the user's read access is checked; None
        when it does not exist or is not theirs."""
        try:
            return self._document_check_access(model, record_id)
        except (AccessError, MissingError):
            return None

    def _maintenance_render(self, template, values, records=None):
        """Render one of our portal pages, its times in the time zone of
        the company of ``records`` (else of the user's company), not in the
        zone the portal user's contact happens to have."""
        companies = request.env.company
        if records and "company_id" in records._fields:
            # sudo: only their company is read (they were checked as the user)
            companies = records.sudo().company_id
        request.update_context(tz=companies._maintenance_tz())
        return request.render(template, values)

    def _maintenance_list(self, model, url, page, domain, order, *, extra_args=None):
        Model = request.env[model]
        if not Model.has_access("read"):
            return None, None
        total = Model.search_count(domain)
        pager = portal_pager(
            url=url,
            url_args=extra_args or {},
            total=total,
            page=page,
            step=self._items_per_page,
        )
        records = Model.search(
            domain, order=order, limit=self._items_per_page, offset=pager["offset"]
        )
        return records, pager

    # sites ------------------------------------------------------------------

    @http.route(
        ["/my/sites", "/my/sites/page/<int:page>"],
        type="http",
        auth="user",
        website=True,
        readonly=True,
    )
    def portal_my_maintenance_sites(self, page=1, **kw):
        sites, pager = self._maintenance_list(
            "maintenance.site",
            "/my/sites",
            page,
            self._maintenance_domain("maintenance.site"),
            "name, id",
        )
        if sites is None:
            return request.redirect("/my")
        values = self._prepare_portal_layout_values()
        values.update(
            {
                "page_name": "maintenance_sites",
                "sites": sites.sudo(),
                "next_visits": sites._portal_next_visit_dates(),
                "pager": pager,
                "default_url": "/my/sites",
            }
        )
        return self._maintenance_render(
            "maintenance_contracts.portal_my_maintenance_sites", values, sites
        )

    @http.route(["/my/sites/<int:site_id>"], type="http", auth="user", website=True, readonly=True)
    def portal_my_maintenance_site(self, site_id, **kw):
        site_sudo = self._maintenance_record("maintenance.site", site_id)
        if site_sudo is None:
            raise request.not_found()
        equipment = request.env["maintenance.customer.equipment"].search(
            [("site_id", "=", site_sudo.id), ("state", "!=", "removed")]
        )
        values = self._prepare_portal_layout_values()
        values.update(
            {
                "page_name": "maintenance_site",
                "site": site_sudo,
                "equipment": equipment.sudo(),
                "next_visits": equipment._portal_next_visit_dates(),
                "visits": self._portal_visits([("site_id", "=", site_sudo.id)]),
            }
        )
        return self._maintenance_render(
            "maintenance_contracts.portal_my_maintenance_site", values, site_sudo
        )

    # equipment -----------------------------------------------------------------

    @http.route(
        ["/my/equipment", "/my/equipment/page/<int:page>"],
        type="http",
        auth="user",
        website=True,
        readonly=True,
    )
    def portal_my_maintenance_equipment_list(self, page=1, **kw):
        equipment, pager = self._maintenance_list(
            "maintenance.customer.equipment",
            "/my/equipment",
            page,
            self._maintenance_domain("maintenance.customer.equipment"),
            "site_id, name, id",
        )
        if equipment is None:
            return request.redirect("/my")
        values = self._prepare_portal_layout_values()
        values.update(
            {
                "page_name": "maintenance_equipment_list",
                "equipment": equipment.sudo(),
                "next_visits": equipment._portal_next_visit_dates(),
                "pager": pager,
                "default_url": "/my/equipment",
            }
        )
        return self._maintenance_render(
            "maintenance_contracts.portal_my_maintenance_equipment_list", values, equipment
        )

    @http.route(
        ["/my/equipment/<int:equipment_id>"],
        type="http",
        auth="user",
        website=True,
        readonly=True,
    )
    def portal_my_maintenance_equipment(self, equipment_id, **kw):
        equipment_sudo = self._maintenance_record("maintenance.customer.equipment", equipment_id)
        if equipment_sudo is None:
            raise request.not_found()
        values = self._prepare_portal_layout_values()
        values.update(self._portal_equipment_values(equipment_sudo))
        return self._maintenance_render(
            "maintenance_contracts.portal_my_maintenance_equipment", values, equipment_sudo
        )

    def _portal_equipment_values(self, equipment_sudo):
        """The values of an equipment's page (other add-ons add theirs)."""
        equipment = equipment_sudo.with_env(request.env)
        return {
            "page_name": "maintenance_equipment",
            "equipment": equipment_sudo,
            "next_visit": equipment._portal_next_visit_dates().get(equipment.id),
            "visits": self._portal_visits([("id", "in", equipment._portal_visit_ids())]),
        }

    # visits ---------------------------------------------------------------------

    def _portal_visits(self, domain, limit=20):
        """The user's next, late and latest done visits matching ``domain``:
        a visit still open whose due date has passed is late, not to come."""
        Visit = request.env["maintenance.visit"]
        base = domain + self._maintenance_domain("maintenance.visit")
        today = fields.Date.context_today(Visit)
        upcoming = Visit.search(
            [*base, ("state", "in", OPEN_VISIT_STATES), ("due_date", ">=", today)],
            order="due_date, id",
            limit=limit,
        )
        late = Visit.search(
            [*base, ("state", "in", OPEN_VISIT_STATES), ("due_date", "<", today)],
            order="due_date, id",
            limit=limit,
        )
        past = Visit.search(
            [*base, ("state", "not in", OPEN_VISIT_STATES)],
            order="due_date desc, id desc",
            limit=limit,
        )
        return {"upcoming": upcoming.sudo(), "late": late.sudo(), "past": past.sudo()}

    @http.route(
        ["/my/visits", "/my/visits/page/<int:page>"],
        type="http",
        auth="user",
        website=True,
        readonly=True,
    )
    def portal_my_maintenance_visits(self, page=1, filterby=None, **kw):
        today = fields.Date.context_today(request.env["maintenance.visit"])
        searchbar_filters = {
            "upcoming": {
                "label": request.env._("To come"),
                "domain": [("state", "in", OPEN_VISIT_STATES), ("due_date", ">=", today)],
                "order": "due_date, id",
            },
            "late": {
                "label": request.env._("Late"),
                "domain": [("state", "in", OPEN_VISIT_STATES), ("due_date", "<", today)],
                "order": "due_date, id",
            },
            "done": {
                "label": request.env._("Done"),
                "domain": [("state", "not in", OPEN_VISIT_STATES)],
                "order": "due_date desc, id desc",
            },
        }
        if filterby not in searchbar_filters:
            filterby = "upcoming"
        visits, pager = self._maintenance_list(
            "maintenance.visit",
            "/my/visits",
            page,
            self._maintenance_domain("maintenance.visit") + searchbar_filters[filterby]["domain"],
            searchbar_filters[filterby]["order"],
            extra_args={"filterby": filterby},
        )
        if visits is None:
            return request.redirect("/my")
        values = self._prepare_portal_layout_values()
        values.update(
            {
                "page_name": "maintenance_visits",
                "visits": visits.sudo(),
                "pager": pager,
                "default_url": "/my/visits",
                "searchbar_filters": searchbar_filters,
                "filterby": filterby,
                "today": today,
                "late": filterby == "late",
            }
        )
        return self._maintenance_render(
            "maintenance_contracts.portal_my_maintenance_visits", values, visits
        )


class MaintenanceContractPortal(PortalContract):
    """OCA's contract page sends a user who may not read the contract back to
    /my (303); ours answer 404 for another customer's record (or a missing
    one), as every other portal page here does."""

    @http.route()
    def portal_my_contract_detail(self, contract_contract_id, access_token=None, **kw):
        try:
            self._document_check_access("contract.contract", contract_contract_id, access_token)
        except (AccessError, MissingError):
            raise request.not_found() from None
        return super().portal_my_contract_detail(
            contract_contract_id, access_token=access_token, **kw
        )
