# Copyright 2026 Seed maintainers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    "name": "Maintenance Meters",
    "summary": "Meters and readings of customer equipment, thresholds that open a dossier",
    "version": "19.0.1.0.0",
    "category": "Services/Maintenance",
    "website": "https://github.com/seed-maintainers/maintenance",
    "author": "Seed maintainers",
    "license": "AGPL-3",
    "development_status": "Alpha",
    "installable": True,
    "depends": ["maintenance_planning"],
    "data": [
        "security/ir.model.access.csv",
        "security/maintenance_meter_security.xml",
        "report/maintenance_task_report.xml",
        "views/maintenance_meter_views.xml",
        "views/maintenance_planning_views.xml",
    ],
}
