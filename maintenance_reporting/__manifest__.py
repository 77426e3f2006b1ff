# Copyright 2026 Seed maintainers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    "name": "Maintenance Reporting",
    "summary": "Maintenance analyses, preventive/corrective dashboard, FMD",
    "version": "19.0.1.0.0",
    "category": "Services/Maintenance",
    "website": "https://github.com/seed-maintainers/maintenance",
    "author": "Seed maintainers",
    "license": "AGPL-3",
    "development_status": "Alpha",
    "installable": True,
    "depends": [
        "maintenance_request",
        "maintenance_meter",
        "maintenance_downtime",
        "spreadsheet_dashboard",
    ],
    "external_dependencies": {"python": ["matplotlib"]},
    "data": [
        "security/ir.model.access.csv",
        "security/maintenance_request_analysis_security.xml",
        "security/maintenance_kpi_security.xml",
        "security/maintenance_customer_pack_security.xml",
        "report/maintenance_customer_pack.xml",
        "data/mail_template_customer_pack.xml",
        "data/maintenance_customer_pack_data.xml",
        "views/maintenance_reporting_menus.xml",
        "views/maintenance_request_analysis_views.xml",
        "views/maintenance_kpi_views.xml",
        "data/maintenance_dashboard.xml",
        "views/maintenance_dashboard_views.xml",
        "views/maintenance_customer_pack_views.xml",
        "views/maintenance_fmd_views.xml",
    ],
    "assets": {
        "spreadsheet.o_spreadsheet": [
            "maintenance_reporting/static/src/dashboard/**/*.js",
        ],
        "web.assets_tests": [
            "maintenance_reporting/static/tests/tours/**/*",
        ],
    },
}
