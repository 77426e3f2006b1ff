# Copyright 2026 Seed maintainers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "Maintenance Planning",
    "summary": "Intervention dossiers, tasks, planning and technician execution",
    "version": "19.0.1.0.0",
    "category": "Services/Maintenance",
    "website": "https://github.com/seed-maintainers/maintenance",
    "author": "Seed maintainers",
    "license": "LGPL-3",
    "development_status": "Alpha",
    "installable": True,
    "depends": ["maintenance_contracts"],
    "data": [
        "security/ir.model.access.csv",
        "security/maintenance_planning_security.xml",
        "data/ir_sequence_data.xml",
        "views/maintenance_intervention_views.xml",
        "views/maintenance_task_views.xml",
        "views/maintenance_visit_views.xml",
        "views/res_users_views.xml",
        "wizards/maintenance_visit_plan_views.xml",
        "report/maintenance_workload_report_views.xml",
        "views/maintenance_planning_menus.xml",
    ],
    "assets": {
        "web.assets_backend": [
            "maintenance_planning/static/src/**/*",
        ],
        "web.assets_tests": [
            "maintenance_planning/static/tests/tours/**/*",
        ],
    },
}
