# Copyright 2026 Seed maintainers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "Maintenance Payment Follow-up",
    "summary": "Payment follow-up of maintenance customers with OCA credit control",
    "version": "19.0.1.0.0",
    "category": "Services/Maintenance",
    "website": "https://github.com/seed-maintainers/maintenance",
    "author": "Seed maintainers",
    "license": "LGPL-3",
    "development_status": "Alpha",
    "installable": True,
    "depends": ["maintenance_planning", "account_credit_control"],
    "data": [],
}
