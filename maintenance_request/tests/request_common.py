# Copyright 2026 Seed maintainers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from freezegun import freeze_time

from odoo import Command

from odoo.addons.maintenance_planning.tests.common import PlanningCommon

# Monday to Friday, 08:00-12:00 and 14:00-18:00 (Europe/Paris): 8 hours a day
OFFICE_HOURS = [
    Command.create(
        {
            "name": f"{day} {period}",
            "dayofweek": str(day),
            "hour_from": start,
            "hour_to": stop,
            "day_period": period,
        }
    )
    for day in range(5)
    for period, start, stop in (("morning", 8, 12), ("afternoon", 14, 18))
]


class RequestCommon(PlanningCommon):
    """A Lyon site and a Strasbourg site under running contracts counted on
    office hours with their public holidays (2027), the committed times of
    the full warranty type, and a site without contract."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Calendar = cls.env["resource.calendar"]
        cls.cal_lyon = Calendar.create(
            {
                "name": "Bureau Lyon",
                "tz": "Europe/Paris",
                "attendance_ids": [Command.clear(), *OFFICE_HOURS],
                "maintenance_holiday_zone": "metropole",
            }
        )
        cls.cal_strasbourg = Calendar.create(
            {
                "name": "Bureau Strasbourg",
                "tz": "Europe/Paris",
                "attendance_ids": [Command.clear(), *OFFICE_HOURS],
                "maintenance_holiday_zone": "alsace_moselle",
            }
        )
        (cls.cal_lyon | cls.cal_strasbourg)._generate_public_holidays([2027])
        cls.wt_full.commitment_ids = [
            Command.create({"priority": priority, "kind": kind, "hours": hours})
            for priority, kind, hours in (
                ("1", "response", 1.0),
                ("1", "intervention", 4.0),
                ("1", "restoration", 8.0),
                ("2", "response", 2.0),
                ("2", "intervention", 8.0),
                ("2", "restoration", 16.0),
                ("3", "intervention", 24.0),
            )
        ]
        cls.site.zip = "69003"
        cls.site_strasbourg = cls.env["maintenance.site"].create(
            {
                "name": "Clinique de l'Orangerie",
                "customer_id": cls.customer2.id,
                "zip": "67000",
                "city": "Strasbourg",
            }
        )
        with freeze_time("2027-01-01"):
            cls.boiler = cls._create_equipment(1, name="Chaudière Lyon")
            cls.contract = cls._create_contract(
                [(cls.boiler, cls.wt_full, {})], maintenance_calendar_id=cls.cal_lyon.id
            )
            cls.contract.action_maintenance_validate()
            cls.boiler_sxb = cls._create_equipment(1, site=cls.site_strasbourg, name="CTA")
            cls.contract_sxb = cls._create_contract(
                [(cls.boiler_sxb, cls.wt_full, {})],
                site=cls.site_strasbourg,
                maintenance_calendar_id=cls.cal_strasbourg.id,
            )
            cls.contract_sxb.action_maintenance_validate()
        cls.Request = cls.env["maintenance.customer.request"]

    def _request(self, received, priority="1", site=None, equipment=None, user=None, **vals):
        """A request logged by the operations manager (``received`` in UTC)."""
        site = site or self.site
        if equipment is None:
            equipment = self.boiler if site == self.site else self.boiler_sxb
        return self.Request.with_user(user or self.manager).create(
            {
                "site_id": site.id,
                "equipment_id": equipment.id if equipment else False,
                "priority": priority,
                "received_at": received,
                "description": "<p>Plus de chauffage</p>",
                **vals,
            }
        )
