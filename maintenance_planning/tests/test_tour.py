# Copyright 2026 Seed maintainers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields
from odoo.tests import HttpCase, tagged

from odoo.addons.maintenance_contracts.tests.browser import FrenchBrowserMixin

from .common import PlanningCommon


@tagged("post_install", "-at_install")
class TestPlanningTour(FrenchBrowserMixin, HttpCase, PlanningCommon):
    """The operations manager plans three due visits from the backlog, finds
    the task in the planning and closes the task, then the dossier."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.manager.write({"tz": "Europe/Paris", "lang": "en_US"})
        cls.technician.tz = "Europe/Paris"
        site = cls.env["maintenance.site"].create(
            {"name": "Tour Résidence Bellecour", "customer_id": cls.customer.id, "city": "Lyon"}
        )
        equipment = cls._create_equipment(3, site=site, name="Tour chaudière")
        # a contract starting today: its first visits are due today
        contract = cls._create_contract(
            [(eq, cls.wt_full, {}) for eq in equipment],
            site=site,
            date_start=fields.Date.context_today(cls.manager),
        )
        contract.action_maintenance_validate()
        cls.visits = cls._first_visits(contract.visit_ids)

    def test_planning_tour(self):
        self.assertEqual(len(self.visits), 3)
        self.start_tour(
            "/odoo/action-maintenance_contracts.maintenance_visit_action",
            "maintenance_planning_tour",
            login=self.manager.login,
        )
        dossier = self.visits.intervention_id
        self.assertEqual(len(dossier), 1)
        self.assertEqual(dossier.state, "done")
        self.assertEqual(dossier.task_ids.state, "done")
        self.assertEqual(dossier.task_ids.closed_by, self.manager)
        self.assertEqual(set(self.visits.mapped("state")), {"done"})
