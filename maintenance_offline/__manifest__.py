# Copyright 2026 Seed maintainers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    "name": "Maintenance Offline Phone",
    "summary": "The technician's day on the phone, actions queued offline, synced exactly once",
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
        "security/maintenance_offline_security.xml",
        "views/maintenance_offline_action_views.xml",
        "views/webclient_offline_templates.xml",
    ],
    "assets": {
        "web.assets_backend": ["maintenance_offline/static/src/**/*"],
        "web.assets_tests": ["maintenance_offline/static/tests/tours/**/*"],
    },
}
