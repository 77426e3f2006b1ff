# Copyright 2026 Seed maintainers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Issue 24: the demo's requests say what their equipment can suffer (a lift
is stuck, a boiler stops heating, a cold room warms up), and the demo
company's business hours have a French name of its own; idempotent."""

from odoo.tests import TransactionCase, tagged

from .test_demo_catalogue import _demo_module


@tagged("post_install", "-at_install")
class TestDemoRequests(TransactionCase):
    def test_requests_match_their_equipment(self):
        demo = _demo_module()
        demo.Loader(self.env).load()
        demo.demo_requests.load(demo.Loader(self.env))
        # the year of history adds older requests, closed with their dossiers
        demo.demo_history.load(demo.Loader(self.env))
        requests = self.env["maintenance.customer.request"].search([])
        self.assertGreaterEqual(len(requests), 100)
        on_equipment = requests.filtered("equipment_id")
        self.assertGreater(len(on_equipment), 80)
        for request in on_equipment:
            name = request.equipment_id.name.lower()
            title = request.title
            with self.subTest(request=request.name, title=title, equipment=name):
                self.assertIn(title, demo.demo_requests.subjects_for(request.equipment_id))
                if "ascenseur" in title.lower():
                    self.assertTrue(name.startswith("ascenseur"))
                if "chauffage" in title.lower() and "pompe" not in title.lower():
                    self.assertTrue(name.startswith(("chaudière", "chaufferie")))
                if title.startswith(("Plus de froid", "Chambre froide", "Climatisation")):
                    self.assertTrue(
                        name.startswith(("groupe froid", "climatisation", "chambre froide"))
                    )
        # no heating complaint at the clinic (it has no boiler)
        clinic = self.env.ref("maintenance_demo.site_clinique_bloc")
        self.assertFalse(
            requests.filtered(lambda r: r.site_id == clinic and "chauffage" in r.title.lower())
        )
        self.assertTrue(requests.filtered(lambda r: r.site_id == clinic))
        # the business hours the committed times count on, in French
        calendar = self.env.ref("maintenance_demo.calendar_business_hours")
        self.assertEqual(self.env.ref("base.main_company").resource_calendar_id, calendar)
        self.assertEqual(calendar.name, "Heures ouvrées (lun.–ven. 8 h–12 h, 13 h–17 h)")
        counted = requests.filtered(
            lambda r: r.contract_id and not r.contract_id.maintenance_calendar_id
        )
        self.assertTrue(counted)
        self.assertEqual(counted.calendar_id, calendar)
        self.assertEqual(
            calendar.leave_ids.filtered(lambda l: l.name == "Noël").mapped("name")[:1], ["Noël"]
        )
        # idempotent: a second run creates nothing
        again = demo.Loader(self.env)
        self.assertEqual(demo.demo_requests.load(again), 0)
        self.assertEqual(self.env["maintenance.customer.request"].search_count([]), len(requests))
