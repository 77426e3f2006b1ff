# Copyright 2026 Seed maintainers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    "name": "Maintenance Quotations",
    "summary": "Quotations from the parts and work proposed by technicians",
    "version": "19.0.1.0.0",
    "category": "Services/Maintenance",
    "website": "https://github.com/seed-maintainers/maintenance",
    "author": "Seed maintainers",
    "license": "AGPL-3",
    "development_status": "Alpha",
    "installable": True,
    "depends": ["maintenance_billing", "sale_management"],
    "data": [
        "security/maintenance_sale_security.xml",
        "security/ir.model.access.csv",
        "views/maintenance_part_proposal_views.xml",
        "views/sale_order_views.xml",
        "views/maintenance_sale_menus.xml",
        "report/sale_order_report.xml",
    ],
    "assets": {
        "web.assets_tests": [
            "maintenance_sale/static/tests/tours/**/*",
        ],
    },
}
