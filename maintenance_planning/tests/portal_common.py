# Copyright 2026 Seed maintainers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import base64

from odoo import Command
from odoo.tests import new_test_user

from .common import PlanningCommon

PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=="
)


class PortalCommon(PlanningCommon):
    """Two customers, each with what the portal shows: customer A
    (``customer``) has two sites (``site``, ``site3``), customer B
    (``customer2``) one (``site2``). Each site has an equipment, a validated
    contract (visits), a planned dossier whose task has a stored signed
    report, a request, a document shared with the customer and an internal
    one. Portal users: ``portal_a`` (all of A's sites), ``portal_a_site``
    (a contact of A restricted to the sites they are the on-site contact of:
    ``site3``), ``portal_b`` (B)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.portal_a = cls._portal_user("portal_a", "Agnès Roux", cls.customer)
        cls.portal_a_site = cls._portal_user(
            "portal_a_site", "Bruno Garnier", cls.customer, scope="contact"
        )
        cls.portal_b = cls._portal_user("portal_b", "Denis Perrin", cls.customer2)
        cls.site3.site_contact_id = cls.portal_a_site.partner_id
        cls.data = {site: cls._site_data(site) for site in (cls.site, cls.site3, cls.site2)}

    @classmethod
    def _portal_user(cls, login, name, customer, scope="all"):
        user = new_test_user(
            cls.env, login=login, name=name, groups="base.group_portal", password=login * 2
        )
        user.partner_id.write({"parent_id": customer.id, "maintenance_portal_site_scope": scope})
        return user

    @classmethod
    def _site_data(cls, site):
        code = site.name.split()[-1].upper()
        equipment = cls._create_equipment(1, site=site, name=f"Chaudière {code}")
        contract = cls._create_contract([(equipment, cls.wt_full, {})], site=site)
        contract.action_maintenance_validate()
        for follower in (cls.portal_a | cls.portal_a_site | cls.portal_b).partner_id:
            if follower.commercial_partner_id == site.customer_id:
                contract.message_subscribe(partner_ids=follower.ids)
        dossier = cls.Intervention.create(
            {
                "intervention_type": "corrective",
                "site_id": site.id,
                "equipment_ids": [Command.set(equipment.ids)],
            }
        )
        task = cls.Task.create(
            {
                "name": f"Dépannage {code}",
                "intervention_id": dossier.id,
                "user_ids": [Command.set(cls.technician.ids)],
                "planned_start": "2027-01-05 08:00:00",
                "duration": 2.0,
            }
        )
        dossier.state = "planned"
        Attachment = cls.env["ir.attachment"]
        report = Attachment.create(
            {
                "name": task.intervention_report_filename(),
                "raw": f"%PDF-1.4 report of {code}".encode(),
                "mimetype": "application/pdf",
                "res_model": "maintenance.task",
                "res_id": task.id,
                "maintenance_category": "report",
            }
        )
        shared, internal = Attachment.create(
            [
                {
                    "name": f"Notice {code}.pdf",
                    "raw": f"notice of {code}".encode(),
                    "mimetype": "application/pdf",
                    "res_model": "maintenance.customer.equipment",
                    "res_id": equipment.id,
                    "maintenance_category": "manual",
                    "maintenance_portal_shared": True,
                },
                {
                    "name": f"Devis interne {code}.pdf",
                    "raw": f"internal quote of {code}".encode(),
                    "mimetype": "application/pdf",
                    "res_model": "maintenance.site",
                    "res_id": site.id,
                    "maintenance_category": "quote",
                },
            ]
        )
        return {
            "code": code,
            "equipment": equipment,
            "contract": contract,
            "dossier": dossier,
            "task": task,
            "report": report,
            "shared": shared,
            "internal": internal,
            **cls._site_extra_data(site, equipment, dossier, code),
        }

    @classmethod
    def _site_extra_data(cls, site, equipment, dossier, code):
        """What the add-ons building on planning add to a site's portal data
        (maintenance_request: a customer request)."""
        return {}
