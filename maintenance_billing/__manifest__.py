# Copyright 2026 Seed maintainers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    "name": "Maintenance Billing",
    "summary": "Out-of-contract billing of interventions by contract coverage",
    "version": "19.0.1.2.0",
    "category": "Services/Maintenance",
    "website": "https://github.com/seed-maintainers/maintenance",
    "author": "Seed maintainers",
    "license": "AGPL-3",
    "development_status": "Alpha",
    "installable": True,
    "depends": ["maintenance_planning", "account", "account_edi_ubl_cii"],
    "data": [
        "security/ir.model.access.csv",
        "security/maintenance_billing_security.xml",
        "data/product_data.xml",
        "views/coverage_views.xml",
        "views/maintenance_intervention_views.xml",
        "views/res_company_views.xml",
        "views/account_move_views.xml",
        "report/report_invoice.xml",
        "views/maintenance_billing_menus.xml",
    ],
    "assets": {
        "web.assets_tests": [
            "maintenance_billing/static/tests/tours/*.js",
        ],
    },
    "post_init_hook": "post_init_hook",
}
