# Copyright 2026 Seed maintainers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Issue 24, planning and the technician's phone, clicked in headless
Chromium from /odoo: the technician on a phone (the parts picker, the
equipment filled in, the signature pad, the closing's confirmation), the
operations manager at a desk (the dossiers' columns and search, a task
line, the technicians offered)."""

from datetime import timedelta

from odoo import Command, fields
from odoo.tests import HttpCase, tagged

from odoo.addons.maintenance_contracts.tests.browser import FrenchBrowserMixin
from odoo.addons.maintenance_planning.tests.technician_common import TechnicianCommon


@tagged("post_install", "-at_install")
class TestPlanningAndPhoneTour(FrenchBrowserMixin, HttpCase, TechnicianCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        (cls.technician | cls.manager).write({"lang": "en_US"})
        now = fields.Datetime.now().replace(second=0, microsecond=0)
        cls.task.with_user(cls.manager).write({"planned_start": now - timedelta(minutes=30)})
        category = cls.env["product.category"].create({"name": "Pièces détachées"})
        models = cls.env["product.category"].create({"name": "Équipements"})
        cls.part, cls.boiler = cls.env["product.product"].create(
            [
                {
                    "name": "Électrode d'allumage",
                    "default_code": "PD-ELE-101",
                    "type": "consu",
                    "categ_id": category.id,
                    "list_price": 18.5,
                },
                {
                    "name": "Chaudière gaz à condensation 150 kW",
                    "default_code": "EQ-CHC-150",
                    "type": "consu",
                    "categ_id": models.id,
                    "list_price": 17600.0,
                    "maintenance_equipment_model": True,
                },
            ]
        )

    def test_technician_phone(self):
        self.browser_size = "390x844"
        self.touch_enabled = True
        self.start_tour(
            "/odoo", "maintenance_planning_phone_technician", login=self.technician.login
        )
        task = self.task
        self.assertEqual(task.state, "done")
        self.assertEqual(task.part_ids.product_id, self.part)
        self.assertEqual(task.part_ids.equipment_id, self.equipment)
        self.assertTrue(task.customer_signature)
        # the note sent by the phone's queue, once
        notes = task.message_ids.filtered(lambda m: "remplacement de l" in (m.body or ""))
        self.assertEqual(len(notes), 1)

    def test_manager_dossiers(self):
        self.browser_size = "1440x900"
        clinic = self.env["res.partner"].create({"name": "Clinique du Parc", "is_company": True})
        site = self.env["maintenance.site"].create(
            {"name": "Bloc opératoire", "customer_id": clinic.id, "city": "Lyon"}
        )
        Intervention = self.env["maintenance.intervention"].with_user(self.manager)
        dossier = Intervention.create({"intervention_type": "corrective", "site_id": site.id})
        self.env["maintenance.task"].with_user(self.manager).create(
            {
                "name": "Recherche de fuite",
                "intervention_id": dossier.id,
                "user_ids": [Command.set(self.technician.ids)],
                "planned_start": "2027-01-06 08:00:00",
            }
        )
        self.start_tour("/odoo", "maintenance_planning_phone_manager", login=self.manager.login)
        new_task = dossier.task_ids.filtered(lambda task: task.name == "Contrôle après dépannage")
        self.assertEqual(new_task.user_ids, self.technician)
        self.assertEqual(new_task.duration, 1.0)
