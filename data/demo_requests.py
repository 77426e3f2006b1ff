# Copyright 2026 Seed maintainers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Demo customer requests: four months of calls and e-mails on the demo
company's sites, with a realistic mix (met, at risk, breached, paused, out
of contract), the committed times of the warranty types, a 24/7 contract
and the French public holidays in the company's calendar.

Called at the end of ``data/demo.py``; idempotent like it (a marker record
``maintenance_demo.requests_loaded``)."""

import random
from datetime import timedelta

from odoo import fields
from odoo.fields import Command

# warranty type -> (priority, kind, hours)
COMMITMENTS = {
    "warranty_type_full_2": [
        ("1", "response", 1.0),
        ("1", "intervention", 4.0),
        ("1", "restoration", 8.0),
        ("2", "response", 2.0),
        ("2", "intervention", 8.0),
        ("2", "restoration", 24.0),
        ("3", "response", 4.0),
        ("3", "intervention", 40.0),
    ],
    "warranty_type_lift": [
        ("1", "response", 0.5),
        ("1", "intervention", 2.0),
        ("1", "restoration", 8.0),
        ("2", "intervention", 8.0),
    ],
    "warranty_type_preventive_1": [
        ("1", "response", 2.0),
        ("2", "response", 4.0),
        ("3", "response", 8.0),
    ],
    "warranty_type_corrective": [
        ("1", "response", 1.0),
        ("1", "intervention", 8.0),
        ("2", "intervention", 16.0),
    ],
}
# what customers say about each kind of equipment (the first words of its
# name, lowercase); a request on a site without equipment named says "the site"
SUBJECTS = [
    (
        ("chaudière", "chaufferie"),
        [
            "Plus de chauffage dans le bâtiment",
            "Chaudière en sécurité, voyant rouge",
            "Fuite d'eau en chaufferie",
            "Radiateurs froids au 3e étage",
        ],
    ),
    (
        ("ascenseur",),
        ["Ascenseur bloqué entre deux étages", "Porte palière de l'ascenseur qui force"],
    ),
    (("vmc",), ["Bruit anormal de la VMC", "VMC à l'arrêt, plus d'extraction"]),
    (
        ("centrale de traitement d'air", "cta"),
        ["Alarme de la centrale de traitement d'air", "Filtres CTA colmatés, débit faible"],
    ),
    (
        ("groupe froid", "climatisation"),
        ["Climatisation en défaut, alarme haute pression", "Plus de froid, groupe en alarme"],
    ),
    (("chambre froide",), ["Chambre froide à +9 °C, alarme température"]),
    (("pompe à chaleur",), ["Pompe à chaleur en défaut, plus de chauffage"]),
    (
        ("production d'eau chaude", "ballons d'eau chaude"),
        ["Eau chaude sanitaire tiède", "Plus d'eau chaude aux douches"],
    ),
    (
        ("système de sécurité incendie", "détection incendie"),
        ["Dérangement sur la centrale incendie", "Détecteur en défaut au 2e étage"],
    ),
    (("groupe électrogène",), ["Groupe électrogène : échec au test de démarrage"]),
    (("four",), ["Four du fournil en panne, ne chauffe plus"]),
]
SITE_SUBJECTS = ["Demande de passage d'un technicien", "Panne signalée, équipement à préciser"]


def subjects_for(equipment):
    """What a customer may say about ``equipment`` (a record or nothing)."""
    name = (equipment.name or "").lower() if equipment else ""
    for starts, subjects in SUBJECTS:
        if name.startswith(starts):
            return subjects
    return SITE_SUBJECTS


# the demo company's business hours: its own calendar, named in French (Odoo's
# « Standard 40 hours/week » is the same hours under an English name)
BUSINESS_HOURS = "Heures ouvrées (lun.–ven. 8 h–12 h, 13 h–17 h)"


def business_hours(loader):
    """The demo company's business-hours calendar (Monday to Friday,
    8:00-12:00 and 13:00-17:00, Paris, French public holidays), counted by
    the requests' committed times; idempotent."""
    env = loader.env
    calendar = loader.ensure(
        "resource.calendar",
        "calendar_business_hours",
        {
            "name": BUSINESS_HOURS,
            "tz": "Europe/Paris",
            "maintenance_holiday_zone": "metropole",
            "attendance_ids": [Command.clear()]
            + [
                Command.create(
                    {
                        "name": f"{day} {period}",
                        "dayofweek": str(day),
                        "hour_from": start,
                        "hour_to": stop,
                        "day_period": period,
                    }
                )
                for day in range(5)
                for period, start, stop in (("morning", 8, 12), ("afternoon", 13, 17))
            ],
        },
    )
    company = env.ref("base.main_company")
    standard = env.ref("resource.resource_calendar_std", raise_if_not_found=False)
    if company.resource_calendar_id == standard or not company.resource_calendar_id:
        company.resource_calendar_id = calendar
    return calendar


PAUSE_REASONS = [
    "Chaufferie fermée, le gardien n'a pas les clés",
    "Le client demande un passage après 14 h",
    "Attente de l'accord du syndic pour le devis",
]


def load(loader):
    """Create the demo requests with ``loader`` (data/demo.py's Loader)."""
    env = loader.env
    business_hours(loader)
    if env.ref("maintenance_demo.requests_loaded", raise_if_not_found=False):
        return loader.created
    rng = random.Random(2026)
    company = env.ref("base.main_company")
    calendar = company.resource_calendar_id
    calendar.write({"tz": "Europe/Paris", "maintenance_holiday_zone": "metropole"})
    now = fields.Datetime.now()
    calendar._generate_public_holidays([now.year - 1, now.year, now.year + 1])
    for xmlid, lines in COMMITMENTS.items():
        wtype = env.ref(f"maintenance_contracts.{xmlid}")
        if not wtype.commitment_ids:
            wtype.commitment_ids = [
                Command.create({"priority": p, "kind": k, "hours": h}) for p, k, h in lines
            ]
    clinique = env.ref("maintenance_demo.c_clinique")
    clinique.maintenance_commitment_ids = [
        Command.create({"priority": "1", "kind": k, "hours": h, "basis": "continuous"})
        for k, h in (("response", 0.5), ("intervention", 4.0), ("restoration", 12.0))
    ]
    sophie = loader.ref("user_sophie")
    technicians = [loader.ref(f"user_{key}") for key in ("julien", "karim", "lucas")]
    boulangerie = loader.ensure(
        "maintenance.site",
        "site_boulangerie",
        {
            "name": "Boulangerie Martin (hors contrat)",
            "customer_id": loader.ref("customer_horizon").id,
            "street": "12 rue Paul Bert",
            "zip": "69003",
            "city": "Lyon",
            "country_id": env.ref("base.fr").id,
        },
    )
    sites = env["maintenance.site"].search([("customer_id", "!=", False)])
    equipment = env["maintenance.customer.equipment"].search([("site_id", "in", sites.ids)])
    Request = env["maintenance.customer.request"].with_context(tracking_disable=True)
    vals_list = []
    for index in range(80):
        site = rng.choice(sites)
        site_equipment = equipment.filtered(lambda eq, site=site: eq.site_id == site)
        # the last ten are still open: received within the last day and a half
        received = (
            now - timedelta(hours=rng.uniform(0.3, 36))
            if index >= 70
            else now - timedelta(days=rng.uniform(2, 120), hours=rng.uniform(0, 3))
        )
        item = rng.choice(site_equipment) if site_equipment else False
        vals_list.append(
            {
                # what the customer says matches the equipment they call about
                "title": rng.choice(subjects_for(item)),
                "description": "<p>Appel du gardien / du responsable technique.</p>",
                "site_id": site.id,
                "equipment_id": item.id if item else False,
                "priority": rng.choices(["1", "2", "3"], weights=[3, 5, 2])[0],
                "channel": rng.choices(["phone", "email", "sensor", "portal"], [6, 3, 1, 1])[0],
                "received_at": received.replace(microsecond=0),
                "user_id": sophie.id,
            }
        )
    vals_list.append(
        {
            "title": "Four du fournil en panne",
            "site_id": boulangerie.id,
            "priority": "1",
            "received_at": now - timedelta(days=2),
            "user_id": sophie.id,
        }
    )
    requests = Request.create(vals_list)
    # paused by Sophie herself: a pause is recorded by the person who pauses
    Pause = env["maintenance.customer.request.pause"].with_user(sophie)
    for request in requests.sorted("received_at"):
        age = (now - request.received_at).total_seconds() / 3600.0
        technician = rng.choice(technicians)
        if age < 3:
            continue  # just received: still open, the alerts tell
        acknowledged = request.received_at + timedelta(hours=rng.uniform(0.1, 2.5))
        arrived = acknowledged + timedelta(hours=rng.uniform(0.5, 20))
        restored = arrived + timedelta(hours=rng.uniform(0.5, 12))
        if rng.random() < 0.15:
            start = acknowledged + timedelta(hours=0.2)
            Pause.create(
                {
                    "request_id": request.id,
                    "reason": rng.choice(PAUSE_REASONS),
                    "date_start": start,
                    "date_end": min(start + timedelta(hours=rng.uniform(2, 16)), now),
                }
            )
        if age < 40:
            if acknowledged < now:
                request.write({"acknowledged_at": acknowledged, "state": "acknowledged"})
            continue
        if restored > now:
            continue
        request.write(
            {
                "acknowledged_at": acknowledged,
                "arrived_at": arrived,
                "restored_at": restored,
                "technician_id": technician.id,
                "state": "closed" if age > 72 else "restored",
            }
        )
    # open ones: one waiting on the customer, one with its dossier planned
    acknowledged = requests.filtered(lambda r: r.state == "acknowledged")
    if acknowledged:
        Pause.create({"request_id": acknowledged[0].id, "reason": PAUSE_REASONS[2]})
    for request in acknowledged[1:2].filtered("site_id"):
        action = request.action_create_intervention()
        env["maintenance.task"].create(
            {
                "name": "Dépannage",
                "intervention_id": action["res_id"],
                "user_ids": [Command.set(technicians[0].ids)],
                "planned_start": now + timedelta(hours=2),
                "duration": 2.0,
            }
        )
    # closed history: breaches were raised at the time
    for request in requests.filtered(lambda r: r.state in ("restored", "closed")):
        missed = [
            k
            for k in ("response", "intervention", "restoration")
            if request[f"{k}_met"] == "missed"
        ]
        if missed:
            request.write(
                {"sla_status": "breached"}
                | {f"{kind}_breach_sent": True for kind in missed}
                | {f"{kind}_risk_sent": True for kind in missed}
            )
    Request._cron_raise_alerts()
    loader.ensure("res.partner", "requests_loaded", {"name": "Demo marker", "active": False})
    return len(requests)
