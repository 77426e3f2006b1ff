# Copyright 2026 Seed maintainers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    "name": "Maintenance Meter Sensors",
    "summary": "HTTP endpoint for sensor gateways sending meter readings, with scoped keys",
    "version": "19.0.1.0.0",
    "category": "Services/Maintenance",
    "website": "https://github.com/seed-maintainers/maintenance",
    "author": "Seed maintainers",
    "license": "AGPL-3",
    "development_status": "Alpha",
    "installable": True,
    "depends": ["maintenance_meter"],
    "data": ["security/maintenance_meter_sensor_security.xml", "views/res_users_views.xml"],
}
