# Copyright 2026 Seed maintainers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    "name": "Maintenance Regulatory Documents",
    "summary": "Boiler, F-gas, heat-pump and lift certificates, the append-only equipment logbook",
    "version": "19.0.1.0.0",
    "category": "Services/Maintenance",
    "website": "https://github.com/seed-maintainers/maintenance",
    "author": "Seed maintainers",
    "license": "AGPL-3",
    "development_status": "Alpha",
    "installable": True,
    "depends": ["maintenance_meter"],
    "data": [
        "security/ir.model.access.csv",
        "security/maintenance_regulated_security.xml",
        "report/maintenance_regulated_report.xml",
        "data/maintenance_regulated_data.xml",
        "views/maintenance_regulated_views.xml",
        "views/maintenance_portal_logbook_templates.xml",
    ],
}
