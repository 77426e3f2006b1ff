# Copyright 2026 Seed maintainers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.addons.maintenance_planning.tests.portal_common import PortalCommon


class RequestPortalCommon(PortalCommon):
    """PortalCommon's sites, each with a customer request on its dossier."""

    @classmethod
    def _site_extra_data(cls, site, equipment, dossier, code):
        data = super()._site_extra_data(site, equipment, dossier, code)
        data["request"] = cls.env["maintenance.customer.request"].create(
            {
                "site_id": site.id,
                "equipment_id": equipment.id,
                "title": f"Panne {code}",
                "priority": "2",
                "intervention_id": dossier.id,
            }
        )
        return data
