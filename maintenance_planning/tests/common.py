# Copyright 2026 Seed maintainers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import Command
from odoo.tests import new_test_user

from odoo.addons.maintenance_contracts.tests.common import MaintenanceCommon


class PlanningCommon(MaintenanceCommon):
    """Three sites with validated contracts (visits to plan), a second
    technician, and helpers to plan visits and create dossiers."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.technician2 = new_test_user(
            cls.env,
            login="mp_technician2",
            name="Karim Benali",
            groups="maintenance_contracts.group_maintenance_technician",
        )
        cls.customer2 = cls.env["res.partner"].create(
            {"name": "Copropriété Le Belvédère", "is_company": True, "city": "Villeurbanne"}
        )
        cls.site2 = cls.env["maintenance.site"].create(
            {
                "name": "Immeuble Le Belvédère",
                "customer_id": cls.customer2.id,
                "city": "Villeurbanne",
            }
        )
        cls.site3 = cls.env["maintenance.site"].create(
            {"name": "Crèche Les Lutins", "customer_id": cls.customer.id, "city": "Lyon"}
        )
        cls.Intervention = cls.env["maintenance.intervention"]
        cls.Task = cls.env["maintenance.task"]

    @classmethod
    def _validated_visits(cls, site=None, count=1, warranty_type=None, name="Chaudière"):
        """Visits to plan of a validated contract with ``count`` covered
        products on ``site`` (through the real validation code)."""
        site = site or cls.site
        equipment = cls._create_equipment(count, site=site, name=name)
        contract = cls._create_contract(
            [(eq, warranty_type or cls.wt_full, {}) for eq in equipment], site=site
        )
        contract.action_maintenance_validate()
        return contract.visit_ids

    @classmethod
    def _first_visits(cls, visits):
        """The visits due first (one per covered product)."""
        first = min(visits.mapped("due_date"))
        return visits.filtered(lambda visit: visit.due_date == first)

    @staticmethod
    def _tick(tasks):
        """Record every operation of ``tasks`` as done, as the technician
        does on site: required operations block the closing otherwise."""
        tasks.sudo().checklist_ids.write({"result": "done"})

    def _plan(self, visits, user=None, technicians=None, start="2027-01-05 08:00:00", **extra):
        """Run the planning wizard as ``user`` (the operations manager)."""
        wizard = (
            self.env["maintenance.visit.plan"]
            .with_user(user or self.manager)
            .create(
                {
                    "visit_ids": [Command.set(visits.ids)],
                    "user_ids": [Command.set((technicians or self.technician).ids)],
                    "planned_start": start,
                    **extra,
                }
            )
        )
        wizard.action_plan()
        self.env.invalidate_all()
        return visits.intervention_id

    def _dossier_with_tasks(self, count=2, technicians=None, **vals):
        """A manual corrective dossier on the main site with ``count`` tasks."""
        technicians = technicians or self.technician
        env = self.env(user=self.manager)
        dossier = env["maintenance.intervention"].create(
            {
                "intervention_type": "corrective",
                "site_id": self.site.id,
                "description": "<p>Fuite sur le circuit primaire</p>",
                **vals,
            }
        )
        env["maintenance.task"].create(
            [
                {
                    "name": f"Intervention {index + 1}",
                    "intervention_id": dossier.id,
                    "user_ids": [Command.set(technicians.ids)],
                    "planned_start": f"2027-01-0{index + 4} 08:00:00",
                    "duration": 2.0,
                }
                for index in range(count)
            ]
        )
        return dossier
