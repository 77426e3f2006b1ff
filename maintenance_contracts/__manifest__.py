# Copyright 2026 Seed maintainers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "Maintenance Contracts",
    "summary": "Customers, installed sites, equipment, maintenance contracts, "
    "warranty types and preventive visits to plan",
    "version": "19.0.1.0.0",
    "category": "Services/Maintenance",
    "website": "https://github.com/seed-maintainers/maintenance",
    "author": "Seed maintainers",
    "license": "LGPL-3",
    "development_status": "Alpha",
    "application": True,
    "installable": True,
    "depends": [
        "account",
        "base_geolocalize",
        "contract",
        "mail",
        "portal",
        "resource",
    ],
    "assets": {
        "web.assets_tests": [
            "maintenance_contracts/static/tests/tours/**/*",
        ],
    },
    "data": [
        "security/maintenance_contracts_groups.xml",
        "security/ir.model.access.csv",
        "security/maintenance_contracts_security.xml",
        "data/maintenance_contract_origin_data.xml",
        "data/maintenance_warranty_type_data.xml",
        "data/ir_cron_data.xml",
        "views/maintenance_site_views.xml",
        "views/maintenance_customer_equipment_views.xml",
        "views/maintenance_warranty_type_views.xml",
        "views/maintenance_visit_group_views.xml",
        "views/maintenance_visit_views.xml",
        "views/maintenance_sector_views.xml",
        "views/maintenance_contract_origin_views.xml",
        "views/contract_contract_views.xml",
        "views/res_partner_views.xml",
        "views/res_users_views.xml",
        "views/res_config_settings_views.xml",
        "wizards/maintenance_contract_terminate_views.xml",
        "views/maintenance_contracts_menus.xml",
    ],
}
