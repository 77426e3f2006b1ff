# Copyright 2026 Seed maintainers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "Maintenance Billing",
    "summary": "Out-of-contract billing of interventions by contract coverage",
    "version": "19.0.1.0.0",
    "category": "Services/Maintenance",
    "website": "https://github.com/seed-maintainers/maintenance",
    "author": "Seed maintainers",
    "license": "LGPL-3",
    "development_status": "Alpha",
    "installable": True,
    "depends": ["maintenance_planning", "account", "account_edi_ubl_cii"],
    "data": [],
}
