# Copyright 2026 Seed maintainers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Demo customer portal: two portal users of Syndic Horizon Immobilier —
Nathalie Girard, who manages the syndic's buildings (every site of the
customer; login ``horizon``), and M. Rousseau, caretaker of Résidence Les
Tilleuls (his site only; login ``rousseau``) — a closed repair dossier with
its signed intervention report, and a manual shared with the customer.

Called at the end of ``data/demo.py``; idempotent like it (a marker record
``maintenance_demo.portal_loaded``)."""

import io
from datetime import timedelta

from reportlab.lib.pagesizes import A4  # one of Odoo's requirements
from reportlab.pdfgen import canvas

from odoo import fields
from odoo.fields import Command

MANUAL_NAME = "Notice d'utilisation De Dietrich C 230 Eco.pdf"
MANUAL = [
    (
        "Présentation",
        [
            "Chaudière murale gaz à condensation De Dietrich C 230 Eco, 25 kW,",
            "chauffage et eau chaude sanitaire par ballon séparé.",
        ],
    ),
    (
        "Mise en service",
        [
            "1. Vérifier la pression de l'installation : 1,5 à 2 bar à froid.",
            "2. Ouvrir le robinet gaz, mettre l'interrupteur principal sur Marche.",
            "3. Régler la température de départ chauffage (55 °C conseillés).",
        ],
    ),
    (
        "Entretien",
        [
            "Entretien annuel obligatoire par un professionnel qualifié",
            "(décret n° 2009-649) : nettoyage du corps de chauffe et du brûleur,",
            "contrôle de l'électrode d'allumage, analyse de combustion (CO < 50 ppm),",
            "vérification du siphon des condensats et du vase d'expansion.",
        ],
    ),
    (
        "Codes défaut courants",
        [
            "E01 : absence de flamme - vérifier l'alimentation gaz et l'électrode.",
            "E02 : surchauffe - vérifier la circulation et le circulateur.",
            "E10 : pression d'eau insuffisante - remettre en pression.",
        ],
    ),
    (
        "Sécurité",
        [
            "En cas d'odeur de gaz : fermer le robinet gaz, ne pas actionner",
            "d'interrupteur, aérer, appeler le numéro d'urgence du distributeur.",
        ],
    ),
]


def manual_pdf():
    """The manufacturer's manual the demo shares with the customer: a real
    PDF with text, drawn with reportlab (shipped with Odoo); the same bytes
    every run."""
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=A4, invariant=1)
    pdf.setTitle("Notice d'utilisation - De Dietrich C 230 Eco")
    _width, height = A4
    y = height - 72
    pdf.setFont("Helvetica-Bold", 18)
    pdf.drawString(56, y, "Notice d'utilisation")
    y -= 24
    pdf.setFont("Helvetica", 13)
    pdf.drawString(56, y, "Chaudière gaz à condensation De Dietrich C 230 Eco")
    y -= 36
    for title, lines in MANUAL:
        pdf.setFont("Helvetica-Bold", 12)
        pdf.drawString(56, y, title)
        y -= 18
        pdf.setFont("Helvetica", 10.5)
        for line in lines:
            pdf.drawString(68, y, line)
            y -= 15
        y -= 12
    pdf.setFont("Helvetica-Oblique", 8)
    pdf.drawString(56, 40, "Document de démonstration - Thermi-Services Rhône")
    pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def real_manual(env):
    """Replace the blank PDF an older demo shared as the manual."""
    blank = env["ir.attachment"].search(
        [
            ("name", "=", MANUAL_NAME),
            ("maintenance_category", "=", "manual"),
            ("file_size", "<", 400),
        ]
    )
    if blank:
        blank.raw = manual_pdf()
    return len(blank)


def load(loader):
    """Create the demo portal users and documents with ``loader``
    (data/demo.py's Loader)."""
    env = loader.env
    if env.ref("maintenance_demo.portal_loaded", raise_if_not_found=False):
        return real_manual(env)
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
                "name": MANUAL_NAME,
                "raw": manual_pdf(),
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
