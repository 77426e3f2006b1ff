# Copyright 2026 Seed maintainers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import timedelta

from odoo import Command, fields
from odoo.tests import HttpCase, tagged

from odoo.addons.maintenance_contracts.tests.browser import FrenchBrowserMixin

from .request_common import RequestCommon


@tagged("post_install", "-at_install")
class TestRequestTour(FrenchBrowserMixin, HttpCase, RequestCommon):
    """The operations manager logs a phone request and creates the dossier;
    the technician checks in on its task; the request shows the
    intervention time met."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.site.write({"partner_latitude": 45.7597, "partner_longitude": 4.8422})
        (cls.manager | cls.technician).write({"tz": "Europe/Paris", "lang": "en_US"})
        # the browser lives today: the contract runs since last year
        last_year = fields.Date.today().replace(month=1, day=1, year=fields.Date.today().year - 1)
        cls.contract.write({"date_start": last_year})
        cls.contract.contract_line_ids.write({"date_start": last_year})
        cls.cal_lyon._generate_public_holidays([last_year.year + 1])

    def test_request_tour(self):
        self.start_tour(
            "/odoo/action-maintenance_request.maintenance_customer_request_action",
            "maintenance_request_phone_tour",
            login=self.manager.login,
        )
        request = self.Request.search([("title", "=", "Plus de chauffage au bâtiment B")])
        self.assertEqual(len(request), 1)
        self.assertEqual(request.channel, "phone")
        self.assertEqual(request.contract_id, self.contract)
        self.assertEqual(request.state, "planned")
        dossier = request.intervention_id
        self.assertEqual(dossier.site_id, self.site)
        # the manager gives the dossier a task for the technician, now
        self.env["maintenance.task"].with_user(self.manager).create(
            {
                "name": "Dépannage",
                "intervention_id": dossier.id,
                "user_ids": [Command.set(self.technician.ids)],
                "planned_start": fields.Datetime.now() - timedelta(minutes=5),
                "duration": 2.0,
            }
        )
        self.start_tour(
            "/odoo/action-maintenance_planning.maintenance_task_action_my_day",
            "maintenance_request_checkin_tour",
            login=self.technician.login,
        )
        self.assertEqual(request.state, "on_site")
        self.assertEqual(request.technician_id, self.technician)
        self.assertEqual(request.intervention_met, "met")
        self.start_tour(
            f"/odoo/action-maintenance_request.maintenance_customer_request_action/{request.id}",
            "maintenance_request_met_tour",
            login=self.manager.login,
        )
