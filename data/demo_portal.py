# Copyright 2026 Seed maintainers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Demo customer portal: two portal users of Syndic Horizon Immobilier —
Nathalie Girard, who manages the syndic's buildings (every site of the
customer; login ``horizon``), and M. Rousseau, caretaker of Résidence Les
Tilleuls (his site only; login ``rousseau``) — a closed repair dossier with
its signed intervention report, and a manual shared with the customer.

Called at the end of ``data/demo.py``; idempotent like it (a marker record
``maintenance_demo.portal_loaded``)."""

import base64
from datetime import timedelta

from odoo import fields
from odoo.fields import Command

# a one-page PDF: the manufacturer's manual stands in for the real one
MANUAL_PDF = base64.b64decode(
    b"JVBERi0xLjQKMSAwIG9iajw8L1R5cGUvQ2F0YWxvZy9QYWdlcyAyIDAgUj4+ZW5kb2JqCjIgMCBvYmo8"
    b"PC9UeXBlL1BhZ2VzL0tpZHNbMyAwIFJdL0NvdW50IDE+PmVuZG9iagozIDAgb2JqPDwvVHlwZS9QYWdl"
    b"L1BhcmVudCAyIDAgUi9NZWRpYUJveFswIDAgNTk1IDg0Ml0+PmVuZG9iagp0cmFpbGVyPDwvUm9vdCAx"
    b"IDAgUj4+CiUlRU9G"
)


def load(loader):
    """Create the demo portal users and documents with ``loader``
    (data/demo.py's Loader)."""
    env = loader.env
    if env.ref("maintenance_demo.portal_loaded", raise_if_not_found=False):
        return 0
    created = loader.created
    horizon = loader.ref("customer_horizon")
    portal = env.ref("base.group_portal")
    girard = loader.ensure(
        "res.partner",
        "contact_horizon_girard",
        {
            "name": "Nathalie Girard",
            "parent_id": horizon.id,
            "type": "contact",
            "function": "Gestionnaire de copropriétés",
            "email": "n.girard@horizon-immobilier.example",
            "lang": "fr_FR",
        },
    )
    rousseau = loader.ref("contact_tilleuls")
    rousseau.write({"maintenance_portal_site_scope": "contact", "lang": "fr_FR"})
    for key, login, partner in (("horizon", "horizon", girard), ("rousseau", "rousseau", rousseau)):
        loader.ensure(
            "res.users",
            f"user_portal_{key}",
            {
                "login": login,
                "password": login,
                "partner_id": partner.id,
                "group_ids": [Command.set(portal.ids)],
                "lang": "fr_FR",
                "tz": "Europe/Paris",
            },
        )
    # OCA's contract page shows the contracts a contact follows
    env["contract.contract"].search([("partner_id", "=", horizon.id)]).message_subscribe(
        partner_ids=girard.ids
    )
    boiler = loader.ref("equipment_tilleuls_chaud1")
    julien = loader.ref("user_julien")
    start = fields.Datetime.now().replace(hour=7, minute=30, second=0, microsecond=0) - timedelta(
        days=12
    )
    dossier = loader.ensure(
        "maintenance.intervention",
        "intervention_portal_repair",
        {
            "intervention_type": "corrective",
            "site_id": boiler.site_id.id,
            "equipment_ids": [Command.set(boiler.ids)],
            "description": "<p>Chaudière en sécurité (code F28), plus de chauffage "
            "au bâtiment B.</p>",
        },
    )
    if not dossier.task_ids:
        task = env["maintenance.task"].create(
            {
                "name": "Remplacement de l'électrode d'allumage",
                "intervention_id": dossier.id,
                "user_ids": [Command.set(julien.ids)],
                "planned_start": start,
                "duration": 2.0,
            }
        )
        task.write(
            {
                "work_summary": "Électrode d'allumage encrassée et fissurée remplacée, "
                "brûleur nettoyé, combustion contrôlée (CO 18 ppm). Chaudière remise en "
                "service, chauffage rétabli au bâtiment B.",
                "customer_signer_name": "M. Rousseau (gardien)",
            }
        )
        # closing stores the signed intervention report on the task
        task.write({"state": "done"})
        if dossier.state != "done":
            dossier.action_done()
    if not env["ir.attachment"].search_count(
        [
            ("res_model", "=", boiler._name),
            ("res_id", "=", boiler.id),
            ("maintenance_portal_shared", "=", True),
        ]
    ):
        env["ir.attachment"].create(
            {
                "name": "Notice d'utilisation De Dietrich C 230 Eco.pdf",
                "raw": MANUAL_PDF,
                "mimetype": "application/pdf",
                "res_model": boiler._name,
                "res_id": boiler.id,
                "maintenance_category": "manual",
                "maintenance_portal_shared": True,
            }
        )
        loader.created += 1
    loader.ensure("res.partner", "portal_loaded", {"name": "Demo marker", "active": False})
    return loader.created - created
