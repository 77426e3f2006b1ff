# Copyright 2026 Seed maintainers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    "name": "Maintenance Customer Requests",
    "summary": "Customer requests with committed response, intervention and restoration times",
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
        "security/maintenance_customer_request_security.xml",
        "security/maintenance_customer_request_portal_security.xml",
        "data/maintenance_customer_request_data.xml",
        "views/maintenance_customer_request_views.xml",
        "views/maintenance_portal_templates.xml",
    ],
    "assets": {
        "web.assets_frontend": ["maintenance_request/static/src/portal/**/*"],
        "web.assets_tests": ["maintenance_request/static/tests/tours/**/*"],
    },
}
