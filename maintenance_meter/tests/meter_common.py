# Copyright 2026 Seed maintainers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.addons.maintenance_planning.tests.technician_common import TechnicianCommon


class MeterCommon(TechnicianCommon):
    """The technician's dossier of TechnicianCommon, its equipment with two
    meters: an hour counter and a flow temperature gauge with thresholds."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Meter = cls.env["maintenance.meter"]
        cls.counter = Meter.create(
            {
                "name": "Compteur horaire",
                "code": "CH-01-H",
                "equipment_id": cls.equipment.id,
                "kind": "counter",
                "unit": "h",
            }
        )
        cls.gauge = Meter.create(
            {
                "name": "Température départ",
                "code": "CH-01-T",
                "equipment_id": cls.equipment.id,
                "kind": "gauge",
                "unit": "°C",
                "has_min_threshold": True,
                "min_threshold": 30.0,
                "has_max_threshold": True,
                "max_threshold": 90.0,
            }
        )
