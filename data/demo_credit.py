# Copyright 2026 Seed maintainers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Demo payment follow-up: out-of-contract repair invoices left unpaid by
three customers, and the follow-up runs of the accountant (Claire) over the
last six weeks with the French policy, so that today's run has reminders at
every level: the Clinique du Parc reaches the formal notice (and is on
credit hold), the Hôtel des Célestins and the Boulangerie Giraud get their
second reminder, a recent invoice of the hotel its friendly reminder.

Called at the end of ``data/demo.py``; idempotent like it (a marker record
``maintenance_demo.credit_loaded``)."""

from datetime import timedelta

from odoo import fields
from odoo.fields import Command

# customer, invoice key, days overdue today, lines (description, quantity, unit price)
INVOICES = [
    (
        "clinique",
        "inv_clinique_cta",
        62,
        [
            ("Dépannage CTA bloc opératoire - main d'œuvre (h)", 6.0, 78.0),
            ("Courroie trapézoïdale SPA 1250", 2.0, 42.5),
            ("Sonde de température gaine PT1000", 1.0, 126.0),
            ("Déplacement zone Lyon", 1.0, 45.0),
        ],
    ),
    (
        "celestins",
        "inv_celestins_ecs",
        44,
        [
            ("Remplacement circulateur ECS - main d'œuvre (h)", 3.5, 78.0),
            ("Circulateur Grundfos Magna3 25-60", 1.0, 689.0),
            ("Déplacement zone Lyon", 1.0, 45.0),
        ],
    ),
    (
        "celestins",
        "inv_celestins_fuite",
        12,
        [
            ("Recherche de fuite chaufferie - main d'œuvre (h)", 2.0, 78.0),
            ("Déplacement zone Lyon", 1.0, 45.0),
        ],
    ),
    (
        "boulangerie",
        "inv_giraud_froid",
        35,
        [
            ("Dépannage chambre froide un samedi - main d'œuvre (h)", 2.5, 117.0),
            ("Détendeur thermostatique Danfoss TE2", 1.0, 164.0),
            ("Déplacement zone Est", 1.0, 55.0),
        ],
    ),
]
EMAILS = {
    "clinique": "comptabilite.fournisseurs@clinique-du-parc-lyon.fr",
    "celestins": "direction@hotel-des-celestins.fr",
    "boulangerie": "contact@boulangerie-giraud.fr",
}
# the follow-up runs, in days before today; the reminders of each run but
# the last (today's, still to send) have been sent
RUNS = [40, 20, 0]


def load(loader):
    """Create the demo invoices and follow-up runs with ``loader``
    (data/demo.py's Loader)."""
    env = loader.env
    if env.ref("maintenance_demo.credit_loaded", raise_if_not_found=False):
        return 0
    policy = env.ref(
        "maintenance_credit_control.credit_control_policy_fr", raise_if_not_found=False
    )
    if not policy:
        return 0
    company = env.ref("base.main_company")
    claire = loader.ref("user_claire")
    today = fields.Date.context_today(claire)
    customers = {key: loader.ref(f"customer_{key}") for key in EMAILS}
    for key, email in EMAILS.items():
        if not customers[key].email:
            customers[key].write({"email": email, "lang": "fr_FR"})
    service = loader.ensure(
        "product.product",
        "product_repair_service",
        {
            "name": "Intervention hors contrat",
            "type": "service",
            "list_price": 78.0,
            "default_code": "HC-MO",
        },
    )
    invoices = env["account.move"]
    for customer_key, key, days_overdue, lines in INVOICES:
        due = today - timedelta(days=days_overdue)
        invoices |= loader.ensure(
            "account.move",
            key,
            {
                "move_type": "out_invoice",
                "company_id": company.id,
                "partner_id": customers[customer_key].id,
                "invoice_date": due - timedelta(days=30),
                "invoice_date_due": due,
                "invoice_payment_term_id": False,
                "invoice_line_ids": [
                    Command.create(
                        {
                            "product_id": service.id,
                            "name": name,
                            "quantity": quantity,
                            "price_unit": price,
                        }
                    )
                    for name, quantity, price in lines
                ],
            },
        )
    invoices.filtered(lambda move: move.state == "draft").action_post()
    # Claire's follow-up runs: OCA's engine gives each overdue invoice the
    # next level its delay reaches (D+8, D+30, D+45), one level per run
    Run = env["credit.control.run"].with_user(claire).with_company(company)
    done = set(Run.search([("date", ">=", today - timedelta(days=max(RUNS)))]).mapped("date"))
    for days_ago in RUNS:
        date = today - timedelta(days=days_ago)
        if date in done:
            continue
        run = Run.create({"date": date, "policy_ids": [Command.set(policy.ids)]})
        run.generate_credit_lines()
        if days_ago:
            run.set_to_ready_lines()
            run.line_ids.write({"state": "sent", "date_sent": run.date})
        # OCA's engine reads the previous levels in SQL
        env.flush_all()
    # the clinic calls for a repair while on hold: the dossier is planned
    # (nothing is blocked), the planning shows the warning
    site = loader.ref("site_clinique_bloc")
    dossier = loader.ensure(
        "maintenance.intervention",
        "intervention_clinique_hold",
        {
            "intervention_type": "corrective",
            "site_id": site.id,
            "priority": "1",
            "user_id": loader.ref("user_sophie").id,
            "description": "<p>Alarme de la centrale de traitement d'air du bloc B : "
            "filtre encrassé signalé par la GTC.</p>",
        },
    )
    if not dossier.task_ids:
        start = fields.Datetime.to_datetime(today + timedelta(days=1)).replace(hour=8)
        env["maintenance.task"].create(
            {
                "name": "Contrôle CTA bloc B et remplacement des filtres",
                "intervention_id": dossier.id,
                "user_ids": [Command.set(loader.ref("user_julien").ids)],
                "planned_start": start,
                "duration": 2.0,
            }
        )
    loader.ensure("res.partner", "credit_loaded", {"name": "Demo marker", "active": False})
    return len(invoices) + len(RUNS)
