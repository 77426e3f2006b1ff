# Copyright 2026 Seed maintainers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    "name": "Maintenance Payment Follow-up",
    "summary": "Payment follow-up of maintenance customers with OCA credit control: "
    "French reminder policy, amounts owed, credit hold warning in the planning",
    "version": "19.0.1.1.0",
    "category": "Services/Maintenance",
    "website": "https://github.com/seed-maintainers/maintenance",
    "author": "Seed maintainers",
    "license": "AGPL-3",
    "development_status": "Alpha",
    "installable": True,
    "depends": ["maintenance_planning", "account_credit_control"],
    "data": [
        "security/maintenance_credit_control_security.xml",
        "data/mail_template_data.xml",
        "data/credit_control_policy_data.xml",
        "views/credit_control_policy_views.xml",
        "views/res_partner_views.xml",
        "views/contract_contract_views.xml",
        "views/maintenance_intervention_views.xml",
        "views/maintenance_visit_plan_views.xml",
        "views/maintenance_credit_control_menus.xml",
    ],
    "assets": {
        "web.assets_tests": [
            "maintenance_credit_control/static/tests/tours/**/*",
        ],
    },
}
