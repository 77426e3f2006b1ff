# Copyright 2026 Seed maintainers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    "name": "Maintenance Downtime",
    "summary": "Downtime events of customer equipment and their failure causes",
    "version": "19.0.1.0.0",
    "category": "Services/Maintenance",
    "website": "https://github.com/seed-maintainers/maintenance",
    "author": "Seed maintainers",
    "license": "AGPL-3",
    "development_status": "Alpha",
    "installable": True,
    "depends": ["maintenance_request", "maintenance_meter"],
    "data": [
        "security/ir.model.access.csv",
        "security/maintenance_downtime_security.xml",
        "data/maintenance_failure_cause_data.xml",
        "views/maintenance_downtime_views.xml",
    ],
}
