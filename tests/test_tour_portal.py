# Copyright 2026 Seed maintainers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""A customer on the portal, on a phone (390x844, touch), in headless
Chromium: logs in, opens an equipment, downloads its last signed
intervention report, reports a problem with a photo."""

from odoo import Command, fields
from odoo.tests import HttpCase, new_test_user, tagged

from odoo.addons.maintenance_contracts.tests.browser import FrenchBrowserMixin
from odoo.addons.maintenance_planning.tests.common import PlanningCommon


@tagged("post_install", "-at_install")
class TestPortalTour(FrenchBrowserMixin, HttpCase, PlanningCommon):
    browser_size = "390x844"
    touch_enabled = True

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.user = new_test_user(
            cls.env,
            login="portal_tour",
            password="portal_tour_pw",
            name="Nathalie Girard",
            groups="base.group_portal",
            lang="en_US",
        )
        cls.user.partner_id.parent_id = cls.customer
        cls.boiler = cls._create_equipment(1, name="Chaudière gaz")
        # the browser lives today: the contract runs from this month
        start = fields.Date.today().replace(day=1)
        contract = cls._create_contract([(cls.boiler, cls.wt_full, {})], date_start=start)
        contract.action_maintenance_validate()
        dossier = cls.Intervention.create(
            {
                "intervention_type": "corrective",
                "site_id": cls.site.id,
                "equipment_ids": [Command.set(cls.boiler.ids)],
            }
        )
        task = cls.Task.create(
            {
                "name": "Dépannage chaudière",
                "intervention_id": dossier.id,
                "user_ids": [Command.set(cls.technician.ids)],
                "planned_start": "2026-11-05 08:00:00",
                "duration": 2.0,
            }
        )
        dossier.state = "done"
        cls.report = cls.env["ir.attachment"].create(
            {
                "name": task.intervention_report_filename(),
                "raw": b"%PDF-1.4\n% signed intervention report\n",
                "mimetype": "application/pdf",
                "res_model": "maintenance.task",
                "res_id": task.id,
                "maintenance_category": "report",
            }
        )

    def test_portal_tour_on_a_phone(self):
        self.start_tour("/web/login", "maintenance_portal_tour")
        request = self.env["maintenance.customer.request"].search(
            [("title", "=", "Chaudière en sécurité")]
        )
        self.assertEqual(len(request), 1)
        self.assertEqual(
            (request.channel, request.contact_id, request.site_id, request.equipment_id),
            ("portal", self.user.partner_id, self.site, self.boiler),
        )
        self.assertEqual(request.priority, "1")
        self.assertIn("F28", request.description)
        self.assertEqual(request.attachment_ids.mapped("name"), ["chaudiere.png"])
