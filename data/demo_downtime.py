# Copyright 2026 Seed maintainers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Demo downtime: the stops of the demo company's equipment, from its own
history, so that the FMD indicators show real figures.

Reads what is there (it runs after the other demo loaders, the year of
history included): customer requests on an equipment become stops (the
customer's failure time a little before the call, back in service at the
restoration), corrective dossiers without a request get theirs (from a
little before their first task to the last departure), some done
preventive dossiers are planned stops, and a few power cuts and misuses are
external causes. Equipment of a town hall, a gym, a school and a bakery
run to opening hours; the others 24/7.

Called from ``data/demo.py``; idempotent (marker record
``maintenance_demo.downtime_loaded``)."""

import random
from datetime import timedelta

from odoo import fields
from odoo.fields import Command

# failure causes (xml id in maintenance_downtime) and their weights
FAILURE_CAUSES = [
    ("failure_cause_wear", 5),
    ("failure_cause_electrical", 4),
    ("failure_cause_control", 4),
    ("failure_cause_leak", 3),
    ("failure_cause_mechanical", 3),
    ("failure_cause_fouling", 2),
    ("failure_cause_unknown", 1),
]
EXTERNAL = [
    ("failure_cause_power_cut", "Coupure ENEDIS sur le quartier", 2, 6),
    ("failure_cause_power_cut", "Coupure de gaz GRDF (travaux de voirie)", 3, 9),
    ("failure_cause_misuse", "Thermostat bloqué à 12 °C par un occupant", 1, 4),
    ("failure_cause_misuse", "Vanne d'arrêt fermée par l'entreprise de ménage", 1, 3),
    ("failure_cause_third_party", "Câble sectionné par l'entreprise de travaux", 4, 20),
    ("failure_cause_power_cut", "Disjoncteur général du client déclenché", 1, 3),
]
# site -> (calendar name, days, opening hour, closing hour) and its equipment on it
OPENING_HOURS = {
    "hotel_ville": ("Hôtel de ville - heures d'ouverture", range(5), 8, 18, ["hdv_cta"]),
    "gymnase": ("Gymnase Jules Ferry - créneaux", range(6), 8, 22, ["gym_pac"]),
    "ampere": ("Lycée Ampère - internat", range(5), 7, 22, ["amp_vmc"]),
}
# equipment with operating hours of their own
OWN_HOURS = {"gir_four": ("Fournil Giraud - cuisson", range(1, 7), 4, 13)}


def _calendar(env, name, days, start, stop):
    calendar = env["resource.calendar"].search([("name", "=", name)], limit=1)
    if calendar:
        return calendar
    calendar = env["resource.calendar"].create(
        {
            "name": name,
            "tz": "Europe/Paris",
            "maintenance_holiday_zone": "metropole",
            "attendance_ids": [Command.clear()]
            + [
                Command.create(
                    {
                        "name": f"{day}",
                        "dayofweek": str(day),
                        "hour_from": start,
                        "hour_to": stop,
                        "day_period": "morning" if start < 12 else "afternoon",
                    }
                )
                for day in days
            ],
        }
    )
    year = fields.Date.today().year
    calendar._generate_public_holidays([year - 1, year, year + 1])
    return calendar


def _operating_hours(loader):
    env = loader.env
    for site_key, (name, days, start, stop, keys) in OPENING_HOURS.items():
        site = loader.ref(f"site_{site_key}")
        if not site.resource_calendar_id:
            site.resource_calendar_id = _calendar(env, name, days, start, stop)
        for key in keys:
            loader.ref(f"equipment_{key}").operating_time = "site"
    for key, (name, days, start, stop) in OWN_HOURS.items():
        loader.ref(f"equipment_{key}").write(
            {
                "operating_time": "calendar",
                "operating_calendar_id": _calendar(env, name, days, start, stop).id,
            }
        )


def load(loader):
    """Create the demo downtime events with ``loader`` (data/demo.py's Loader)."""
    env = loader.env
    if env.ref("maintenance_demo.downtime_loaded", raise_if_not_found=False):
        return 0
    rng = random.Random(1306)
    now = fields.Datetime.now()
    _operating_hours(loader)
    causes = {key: env.ref(f"maintenance_downtime.{key}") for key, _w in FAILURE_CAUSES}
    weights = [weight for _key, weight in FAILURE_CAUSES]

    def failure_cause():
        return causes[rng.choices([key for key, _w in FAILURE_CAUSES], weights)[0]].id

    Downtime = env["maintenance.downtime"]
    before = Downtime.search_count([])

    # 1. customer requests on an equipment: most are stops
    Request = env["maintenance.customer.request"]
    requests = Request.search(
        [("equipment_id", "!=", False), ("state", "!=", "cancelled"), ("downtime_ids", "=", False)]
    )
    for request in requests.sorted("received_at"):
        if not request.restored_at and request.received_at < now - timedelta(days=30):
            continue  # an old request never restored: not a stop worth showing
        if rng.random() > 0.75:
            continue  # a question, a noise: the equipment still runs
        failure = request.received_at - timedelta(minutes=rng.randint(5, 150))
        request.write({"equipment_stopped": True, "failure_at": failure.replace(microsecond=0)})
    events = Downtime.search([("request_id", "in", requests.ids), ("cause_id", "=", False)])
    for event in events:
        event.cause_id = failure_cause()

    # 2. corrective dossiers without a stop yet (calls logged as dossiers, alerts)
    dossiers = env["maintenance.intervention"].search(
        [
            ("intervention_type", "=", "corrective"),
            ("equipment_ids", "!=", False),
            ("state", "!=", "cancelled"),
            ("downtime_ids", "=", False),
        ]
    )
    vals_list = []
    for dossier in dossiers:
        tasks = dossier.task_ids.filtered("planned_start")
        first = min(tasks.mapped("planned_start"), default=dossier.create_date)
        start = first - timedelta(hours=rng.uniform(1.5, 20))
        if start >= now:
            continue
        end = False
        if dossier.state == "done":
            departures = dossier.task_ids.checkin_ids.filtered("check_out").mapped("check_out")
            ends = departures or tasks.mapped("planned_end")
            end = max(ends) if ends else start + timedelta(hours=rng.uniform(2, 30))
            end = min(max(end, start + timedelta(minutes=30)), now)
        elif start < now - timedelta(days=30):
            continue  # long forgotten open dossier: not a stop
        vals_list.extend(
            {
                "equipment_id": equipment.id,
                "date_start": start.replace(microsecond=0),
                "date_end": end and end.replace(microsecond=0),
                "kind": "failure",
                "cause_id": failure_cause(),
                "intervention_id": dossier.id,
                "origin": "dossier",
            }
            for equipment in dossier.equipment_ids[:1]
        )

    # 3. planned stops: some done preventive visits stopped the equipment
    preventive = env["maintenance.intervention"].search(
        [
            ("intervention_type", "=", "preventive"),
            ("state", "=", "done"),
            ("equipment_ids", "!=", False),
        ]
    )
    planned = env.ref("maintenance_downtime.failure_cause_preventive")
    for dossier in preventive.filtered(lambda _d: rng.random() < 0.3):
        task = dossier.task_ids.filtered("planned_start")[:1]
        if not task or task.planned_start >= now:
            continue
        vals_list.append(
            {
                "equipment_id": dossier.equipment_ids[0].id,
                "date_start": task.planned_start,
                "date_end": min(task.planned_end or task.planned_start + timedelta(hours=2), now),
                "kind": "preventive",
                "cause_id": planned.id,
                "intervention_id": dossier.id,
                "origin": "dossier",
                "description": "Arrêt programmé pour l'entretien annuel.",
            }
        )

    # 4. external causes over the last year
    equipment = env["maintenance.customer.equipment"].search([("site_id.customer_id", "!=", False)])
    for cause_key, text, low, high in EXTERNAL:
        start = now - timedelta(days=rng.uniform(10, 330), hours=rng.uniform(0, 12))
        vals_list.append(
            {
                "equipment_id": rng.choice(equipment).id,
                "date_start": start.replace(microsecond=0),
                "date_end": (start + timedelta(hours=rng.uniform(low, high))).replace(
                    microsecond=0
                ),
                "cause_id": env.ref(f"maintenance_downtime.{cause_key}").id,
                "description": text,
            }
        )
    Downtime.create(vals_list)
    loader.ensure("res.partner", "downtime_loaded", {"name": "Demo marker", "active": False})
    return Downtime.search_count([]) - before
