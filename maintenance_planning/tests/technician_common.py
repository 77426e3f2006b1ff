# Copyright 2026 Seed maintainers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import base64

from odoo import Command

from .common import PlanningCommon

# a 1x1 PNG: what a phone camera sends, in small
PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=="
)
# a point about 50 m from the site of MaintenanceCommon (45.7597, 4.8422)
NEAR = (45.7601, 4.8425, 12.0)
# about 2.2 km away: Lyon Part-Dieu station
FAR = (45.7606, 4.8597, 30.0)


class TechnicianCommon(PlanningCommon):
    """A corrective dossier on the main site (which has coordinates) with a
    task for the technician, its equipment, three
    operations (two required), and a task of the other technician."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        (cls.technician | cls.technician2 | cls.manager).write({"tz": "Europe/Paris"})
        cls.equipment = cls._create_equipment(1, name="Chaudière gaz")
        manager_env = cls.env(user=cls.manager)
        cls.dossier = manager_env["maintenance.intervention"].create(
            {
                "intervention_type": "corrective",
                "site_id": cls.site.id,
                "equipment_ids": [Command.set(cls.equipment.ids)],
                "description": "<p>Chaudière en sécurité</p>",
            }
        )
        cls.task = manager_env["maintenance.task"].create(
            {
                "name": "Dépannage chaudière",
                "intervention_id": cls.dossier.id,
                "user_ids": [Command.set(cls.technician.ids)],
                "planned_start": "2027-01-05 08:00:00",
                "duration": 2.0,
                "equipment_ids": [Command.set(cls.equipment.ids)],
                "checklist_ids": [
                    Command.create({"name": "Contrôle des organes de sécurité", "sequence": 1}),
                    Command.create({"name": "Analyse de combustion", "sequence": 2}),
                    Command.create(
                        {"name": "Nettoyage du brûleur", "sequence": 3, "is_required": False}
                    ),
                ],
            }
        )
        cls.task2 = manager_env["maintenance.task"].create(
            {
                "name": "Visite ascenseur",
                "intervention_id": manager_env["maintenance.intervention"]
                .create({"intervention_type": "corrective", "site_id": cls.site2.id})
                .id,
                "user_ids": [Command.set(cls.technician2.ids)],
                "planned_start": "2027-01-05 08:00:00",
                "duration": 1.0,
            }
        )

    def _as(self, user, records):
        return records.with_user(user).with_context(tz="Europe/Paris")
