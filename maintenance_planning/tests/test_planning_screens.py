# Copyright 2026 Seed maintainers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The operations manager's planning screens: who is offered as a
technician, a new task's duration, the dossiers' kanban and search."""

from datetime import timedelta

from lxml import etree

from odoo import Command, fields
from odoo.tests import Form, new_test_user
from odoo.tools.safe_eval import safe_eval

from .common import PlanningCommon


class TestPlanningScreens(PlanningCommon):
    def _offered_technicians(self, user, company):
        """The users the technician field of a task offers to ``user``, as
        the web client evaluates its domain for a task of ``company``."""
        Task = self.env["maintenance.task"].with_user(user)
        domain = Task.fields_get(["user_ids"])["user_ids"]["domain"]
        if isinstance(domain, str):
            domain = safe_eval(domain, {"company_id": company.id})
        return self.env["res.users"].with_user(user).search(domain)

    def test_technician_field_offers_field_technicians(self):
        company = self.env.company
        other_company = self.env["res.company"].create({"name": "Froid Services Alpes"})
        elsewhere = new_test_user(
            self.env,
            login="mp_technician_alpes",
            groups="maintenance_contracts.group_maintenance_technician",
            company_id=other_company.id,
            company_ids=[Command.set(other_company.ids)],
        )
        retired = new_test_user(
            self.env,
            login="mp_technician_retired",
            groups="maintenance_contracts.group_maintenance_technician",
        )
        retired.active = False
        administrator = self.env.ref("base.user_admin")
        offered = self._offered_technicians(self.manager, company)
        self.assertIn(self.technician, offered)
        self.assertIn(self.technician2, offered)
        # the office implies the Technician group but does not work on site
        for user in (administrator, self.admin, self.manager, elsewhere, retired):
            self.assertNotIn(user, offered, user.login)
        self.assertTrue(self.technician.is_maintenance_technician)
        self.assertFalse(administrator.is_maintenance_technician)
        # an operations manager who also works on site is made one, and
        # stays one when promoted
        self.manager.with_user(administrator).is_maintenance_technician = True
        self.assertIn(self.manager, self._offered_technicians(self.manager, company))
        self.manager.with_user(administrator).group_ids = [
            Command.link(self.env.ref("maintenance_contracts.group_maintenance_admin").id)
        ]
        self.assertTrue(self.manager.is_maintenance_technician)
        # a technician who leaves the maintenance groups is none any more
        self.technician2.with_user(administrator).group_ids = [
            Command.unlink(self.env.ref("maintenance_contracts.group_maintenance_technician").id)
        ]
        self.assertFalse(self.technician2.is_maintenance_technician)
        # the visit planning wizard offers the same users
        Wizard = self.env["maintenance.visit.plan"].with_user(self.manager)
        domain = Wizard.fields_get(["user_ids"])["user_ids"]["domain"]
        if isinstance(domain, str):
            domain = safe_eval(domain)
        wizard_offered = self.env["res.users"].with_user(self.manager).search(domain)
        self.assertIn(self.technician, wizard_offered)
        self.assertNotIn(administrator, wizard_offered)

    def test_corrective_task_lasts_an_hour_by_default(self):
        dossier = self.Intervention.with_user(self.manager).create(
            {"intervention_type": "corrective", "site_id": self.site.id}
        )
        with Form(dossier) as form, form.task_ids.new() as line:
            self.assertEqual(line.duration, 1.0)
            line.name = "Recherche de fuite"
            line.planned_start = fields.Datetime.to_datetime("2027-02-01 08:00:00")
        task = dossier.task_ids
        self.assertEqual(task.duration, 1.0)
        self.assertEqual(task.planned_end - task.planned_start, timedelta(hours=1))
        # a slot drawn in the calendar keeps its length
        drawn = self.Task.with_user(self.manager).create(
            {
                "name": "Créneau",
                "planned_start": "2027-02-01 13:00:00",
                "planned_end": "2027-02-01 15:30:00",
            }
        )
        self.assertEqual(drawn.duration, 2.5)

    def test_dossier_kanban_in_workflow_order(self):
        Intervention = self.Intervention.with_user(self.manager)
        dossiers = Intervention.create(
            [{"intervention_type": "corrective", "site_id": self.site.id} for _i in range(3)]
        )
        dossiers[1].state = "done"
        dossiers[2].state = "cancelled"
        result = Intervention.with_context(read_group_expand=True).web_read_group(
            [("id", "in", dossiers.ids)],
            ["state"],
            auto_unfold=True,
            unfold_read_specification={"name": {}},
        )
        groups = result["groups"]
        self.assertEqual(
            [group["state"] for group in groups],
            ["draft", "planned", "in_progress", "done", "cancelled"],
        )
        opened = [group["state"] for group in groups if "__records" in group]
        self.assertEqual(opened, ["draft", "planned", "in_progress"], "closed columns folded")

    def test_dossier_search_by_customer_site_or_equipment(self):
        clinic = self.env["res.partner"].create({"name": "Clinique du Parc", "is_company": True})
        site = self.env["maintenance.site"].create(
            {"name": "Bloc opératoire", "customer_id": clinic.id, "city": "Lyon"}
        )
        equipment = self.env["maintenance.customer.equipment"].create(
            {"name": "Groupe froid Carrier", "site_id": site.id}
        )
        Intervention = self.Intervention.with_user(self.manager)
        dossier = Intervention.create(
            {
                "intervention_type": "corrective",
                "site_id": site.id,
                "equipment_ids": [Command.set(equipment.ids)],
            }
        )
        other = Intervention.create({"intervention_type": "corrective", "site_id": self.site.id})
        # the first field of the search view: what Enter searches
        arch = etree.fromstring(
            Intervention.get_views([(False, "search")])["views"]["search"]["arch"]
        )
        first = arch.xpath("//field")[0]
        # the web client searches the first field with its filter_domain, or
        # with 'ilike' when it has none
        filter_domain = first.get("filter_domain") or f"[('{first.get('name')}', 'ilike', self)]"
        for text in ("Clinique", "bloc opératoire", "Carrier", dossier.name):
            with self.subTest(text=text):
                domain = safe_eval(filter_domain, {"self": text})
                self.assertEqual(Intervention.search(domain), dossier)
        domain = safe_eval(filter_domain, {"self": other.name})
        self.assertEqual(Intervention.search(domain), other)
