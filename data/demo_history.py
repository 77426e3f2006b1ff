# Copyright 2026 Seed maintainers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""A year of history for the demo company, relative to today: the
preventive visits of the past year (most on time, some late, a few missed,
a few still overdue) done in closed dossiers with their tasks, check-in/out
pairs, checklists, readings of the boilers' meters and signed reports'
data; corrective dossiers for the customer requests (those of
``demo_requests`` and older ones), with their tasks and pairs; and a few
corrective dossiers still open. So that the dashboard and the indicators
show real figures after ``make run``.

Generated through the ORM in batches (one ``create`` per model and kind),
with a fixed random seed. Idempotent: a marker record
``maintenance_demo.history_loaded``; a second run creates nothing."""

import random
from collections import defaultdict
from datetime import datetime, time, timedelta

from demo_requests import subjects_for  # data/demo_requests.py, beside this script
from pytz import timezone, utc

from odoo import fields
from odoo.fields import Command

TZ = timezone("Europe/Paris")
PREVENTIVE_SUMMARIES = [
    "Entretien annuel réalisé selon la gamme ; installation en bon état de fonctionnement.",
    "Visite de maintenance préventive effectuée, réglages contrôlés, rien à signaler.",
    "Contrôle et nettoyage effectués ; analyse de combustion conforme.",
    "Visite réalisée ; usure des courroies à surveiller lors du prochain passage.",
    "Maintenance effectuée, filtres remplacés, essais de sécurité concluants.",
]
CORRECTIVE_SUMMARIES = [
    "Remplacement de l'électrode d'allumage, remise en service et essais.",
    "Pressostat défectueux remplacé, chaudière relancée.",
    "Déblocage de la cabine, contrôle des portes palières, remise en service.",
    "Fuite sur raccord reprise, circuit remis en pression.",
    "Carte électronique réinitialisée, défaut effacé, surveillance demandée au gardien.",
    "Courroie du ventilateur remplacée, débit d'air contrôlé.",
    "Circulateur grippé débloqué puis remplacé, température retrouvée.",
]
SIGNERS = ["M. Garnier (gardien)", "Mme Roux", "M. Fabre", "Mme Lambert", "M. Chevalier"]


def _utc(day, hour):
    """Naive UTC datetime of ``day`` at local (Paris) decimal ``hour``."""
    local = TZ.localize(datetime.combine(day, time(0, 0)) + timedelta(hours=hour))
    return local.astimezone(utc).replace(tzinfo=None)


def _workday(day, low, high):
    """``day`` moved to a weekday within [low, high] when it can be."""
    for shift in (0, -1, 1, -2, 2, 3, -3):
        candidate = day + timedelta(days=shift)
        if candidate.weekday() < 5 and low <= candidate <= high:
            return candidate
    return day


def load(loader):
    """Create the year of history with ``loader`` (data/demo.py's Loader)."""
    env = loader.env
    if env.ref("maintenance_demo.history_loaded", raise_if_not_found=False):
        return 0
    rng = random.Random(13)
    today = fields.Date.context_today(env["maintenance.visit"])
    since = today - timedelta(days=365)
    sophie = loader.ref("user_sophie")
    technicians = [loader.ref(f"user_{key}") for key in ("julien", "karim", "lucas")]
    people = {"sophie": sophie, "technicians": technicians}
    created = _preventive_history(env, rng, today=today, since=since, **people)
    created += _corrective_history(env, rng, today=today, since=since, **people)
    loader.ensure("res.partner", "history_loaded", {"name": "Demo marker", "active": False})
    return created


def _past_visit_values(env, today, since):
    """The visits of the past year that validation did not create (it skips
    those already overdue beyond their window): same generation keys, so
    nothing is ever generated twice."""
    # imported here: the add-ons path is known once demo.py has read the config
    from odoo.addons.maintenance_contracts.models.maintenance_warranty_type import (  # noqa: PLC0415
        due_dates,
    )

    lines = env["contract.line"].search(
        [("maintenance_state", "=", "validated"), ("warranty_type_id", "!=", False)]
    )
    vals_list, group_dates = [], defaultdict(lambda: defaultdict(list))
    for line in lines:
        wtype = line.warranty_type_id
        before = timedelta(days=wtype.window_before_days)
        after = timedelta(days=wtype.window_after_days)
        first = line._line_first_date()
        end = line.date_end or line.contract_id.date_end
        # validation created the visits due from ``today - after`` on
        last = today - after - timedelta(days=1)
        if end:
            last = min(last, end)
        for due in due_dates(first, last, wtype.visit_interval_unit, wtype.visit_interval):
            if due < since:
                continue
            if line.visit_group_id:
                group_dates[line.visit_group_id][due].append(line)
                continue
            vals_list.append(
                {
                    "company_id": line.company_id.id,
                    "contract_id": line.contract_id.id,
                    "contract_line_id": line.id,
                    "visit_group_id": None,
                    "site_id": line.contract_id.site_id.id,
                    "customer_id": line.contract_id.site_id.customer_id.id,
                    "sector_id": line.contract_id.site_id.sector_id.id,
                    "equipment_id": line.equipment_id.id,
                    "warranty_type_id": wtype.id,
                    "due_date": due,
                    "window_start": due - before,
                    "window_end": due + after,
                    "operations": wtype._operations_text(),
                    "duration": wtype.visit_duration,
                    "generation_key": f"L{line.id}:{due.isoformat()}",
                }
            )
    Visit = env["maintenance.visit"]
    links = {}
    for group, by_date in group_dates.items():
        for due, members in by_date.items():
            wtype = members[0].warranty_type_id
            key = f"G{group.id}:{due.isoformat()}"
            links[key] = [line.id for line in members]
            vals_list.append(
                {
                    "company_id": group.company_id.id,
                    "contract_id": members[0].contract_id.id,
                    "contract_line_id": None,
                    "visit_group_id": group.id,
                    "site_id": group.site_id.id,
                    "customer_id": group.site_id.customer_id.id,
                    "sector_id": group.site_id.sector_id.id,
                    "equipment_id": None,
                    "warranty_type_id": None,
                    "due_date": due,
                    "window_start": due - timedelta(days=wtype.window_before_days),
                    "window_end": due + timedelta(days=wtype.window_after_days),
                    "operations": Visit._group_operations(env["contract.line"].union(*members)),
                    "duration": sum(line.warranty_type_id.visit_duration for line in members),
                    "generation_key": key,
                }
            )
    return vals_list, links


def _preventive_history(env, rng, *, today, since, sophie, technicians):
    Visit = env["maintenance.visit"]
    vals_list, links = _past_visit_values(env, today, since)
    inserted = set()
    ids_by_key = Visit._insert_generated(vals_list, inserted)
    Visit._link_group_lines(ids_by_key, links)
    visits = Visit.browse(sorted(inserted)).sorted("due_date")
    if not visits:
        return 0
    missed = Visit.browse()
    done = defaultdict(Visit.browse)  # (site, day) -> visits
    for index, visit in enumerate(visits):
        draw = rng.random()
        recent = visit.due_date >= today - timedelta(days=60)
        if recent and draw < 0.1:
            continue  # still to plan after its window: overdue (the backlog)
        if not recent and index % 12 == 7:
            missed |= visit  # about one in twelve: the customer's site was closed
            continue
        if draw < 0.16:
            day = min(visit.window_end + timedelta(days=rng.randint(3, 28)), today)
            day = _workday(day, visit.window_end + timedelta(days=1), today)
        else:
            low = max(visit.window_start, visit.due_date - timedelta(days=3))
            high = min(visit.window_end, today - timedelta(days=1))
            day = low + timedelta(days=rng.randint(0, max((high - low).days, 0)))
            day = _workday(day, visit.window_start, high)
        if day >= today:
            continue
        done[visit.site_id, day] |= visit
    missed.write({"state": "missed"})
    by_sector = {}
    for sector in env["maintenance.sector"].search([]):
        by_sector[sector.id] = sector.user_id
    dossier_vals = []
    task_visits = []
    for (site, day), site_visits in sorted(done.items(), key=lambda item: item[0][1]):
        technician = by_sector.get(site.sector_id.id) or rng.choice(technicians)
        duration = max(sum(site_visits.mapped("duration")), 1.0)
        start = _utc(day, rng.choice([8.0, 8.5, 9.0, 10.0, 13.5, 14.0]))
        end = start + timedelta(hours=duration)
        arrival = start + timedelta(minutes=rng.randint(-10, 20))
        departure = arrival + timedelta(hours=duration * rng.uniform(0.8, 1.3))
        operations = [
            line.strip()
            for line in "\n".join(site_visits.mapped("operations") or []).splitlines()
            if line.strip()
        ][:8]
        equipment = site_visits.equipment_ids
        contracts = site_visits.contract_id
        task_visits.append((site_visits, equipment))
        dossier_vals.append(
            {
                "intervention_type": "preventive",
                "company_id": site.company_id.id,
                "site_id": site.id,
                "customer_id": site.customer_id.id,
                "contract_id": contracts.id if len(contracts) == 1 else False,
                "equipment_ids": [Command.set(equipment.ids)],
                "user_id": sophie.id,
                "visit_ids": [Command.set(site_visits.ids)],
                "task_ids": [
                    Command.create(
                        {
                            "name": "Visite préventive",
                            "user_ids": [Command.set(technician.ids)],
                            "planned_start": start,
                            "planned_end": end,
                            "duration": duration,
                            "visit_ids": [Command.set(site_visits.ids)],
                            "equipment_ids": [Command.set(equipment.ids)],
                            "state": "done",
                            "closed_by": technician.id,
                            "closed_date": departure,
                            "work_summary": rng.choice(PREVENTIVE_SUMMARIES),
                            "customer_signer_name": rng.choice(SIGNERS),
                            "checklist_ids": [
                                Command.create(
                                    {"sequence": index, "name": name[:200], "result": "done"}
                                )
                                for index, name in enumerate(operations)
                            ],
                            "checkin_ids": [
                                Command.create(
                                    {
                                        "user_id": technician.id,
                                        "check_in": arrival,
                                        "check_out": departure,
                                        "travel_duration": rng.uniform(0.2, 0.8),
                                    }
                                )
                            ],
                        }
                    )
                ],
            }
        )
    Intervention = env["maintenance.intervention"]
    dossiers = Intervention.create(dossier_vals)
    dossiers.action_done()
    _readings(env, rng, dossiers.task_ids, today)
    return len(visits) + len(dossiers)


def _readings(env, rng, tasks, today):
    """Burner hours (counter) and circuit pressure (gauge) of the boilers,
    read at each preventive visit."""
    boilers = tasks.equipment_ids.filtered(lambda eq: "Chaudière" in (eq.name or ""))
    Meter = env["maintenance.meter"]
    known = Meter.search([("equipment_id", "in", boilers.ids)])
    meter_vals = []
    for boiler in boilers - known.equipment_id:
        meter_vals += [
            {
                "name": "Heures de fonctionnement brûleur",
                "code": f"H-{boiler.id}",
                "equipment_id": boiler.id,
                "kind": "counter",
                "unit": "h",
            },
            {
                "name": "Pression du circuit",
                "code": f"P-{boiler.id}",
                "equipment_id": boiler.id,
                "kind": "gauge",
                "unit": "bar",
                "has_min_threshold": True,
                "min_threshold": 0.8,
                "has_max_threshold": True,
                "max_threshold": 2.5,
            },
        ]
    meters = known | Meter.create(meter_vals)
    by_equipment = defaultdict(dict)
    for meter in meters:
        by_equipment[meter.equipment_id.id][meter.kind] = meter
    origin = today - timedelta(days=400)
    reading_vals = []
    for task in tasks.sorted("planned_start"):
        when = task.checkin_ids[:1].check_out or task.planned_end
        for boiler in task.equipment_ids & boilers:
            meters_of = by_equipment[boiler.id]
            run_hours = 8000 + boiler.id * 37 + (when.date() - origin).days * 9.5
            reading_vals += [
                {
                    "meter_id": meters_of["counter"].id,
                    "value": round(run_hours + rng.uniform(0, 5), 1),
                    "date": when,
                    "task_id": task.id,
                    "user_id": task.user_ids[:1].id,
                },
                {
                    "meter_id": meters_of["gauge"].id,
                    "value": round(rng.uniform(1.2, 1.9), 2),
                    "date": when,
                    "task_id": task.id,
                    "user_id": task.user_ids[:1].id,
                },
            ]
    env["maintenance.meter.reading"].create(reading_vals)


def _corrective_history(env, rng, *, today, since, sophie, technicians):
    Request = env["maintenance.customer.request"].with_context(tracking_disable=True)
    now = fields.Datetime.now()
    sites = env["maintenance.site"].search([("customer_id", "!=", False)])
    equipment = env["maintenance.customer.equipment"].search([("site_id", "in", sites.ids)])
    # the demo requests restored without a dossier get theirs; older ones
    # (before the first demo request) are added with their dossiers
    handled = Request.search(
        [
            ("state", "in", ("restored", "closed")),
            ("intervention_id", "=", False),
            ("site_id", "!=", False),
            ("arrived_at", "!=", False),
        ]
    )
    first = min(Request.search([]).mapped("received_at"), default=now)
    old = []
    received = datetime.combine(since, time(7, 0))
    while True:
        received += timedelta(days=rng.uniform(3, 7), hours=rng.uniform(0, 9))
        if received >= first - timedelta(days=2):
            break
        site = rng.choice(sites)
        site_equipment = equipment.filtered(lambda eq, site=site: eq.site_id == site)
        acknowledged = received + timedelta(hours=rng.uniform(0.1, 2.5))
        arrived = acknowledged + timedelta(hours=rng.uniform(0.5, 20))
        restored = arrived + timedelta(hours=rng.uniform(0.5, 8))
        item = rng.choice(site_equipment) if site_equipment else False
        old.append(
            {
                # what the customer says matches the equipment they call about
                "title": rng.choice(subjects_for(item)),
                "description": "<p>Appel du gardien / du responsable technique.</p>",
                "site_id": site.id,
                "equipment_id": item.id if item else False,
                "priority": rng.choices(["1", "2", "3"], weights=[3, 5, 2])[0],
                "channel": rng.choices(["phone", "email", "portal"], [6, 3, 1])[0],
                "received_at": received.replace(microsecond=0),
                "user_id": sophie.id,
                "acknowledged_at": acknowledged.replace(microsecond=0),
                "arrived_at": arrived.replace(microsecond=0),
                "restored_at": restored.replace(microsecond=0),
                "technician_id": rng.choice(technicians).id,
                "state": "closed",
            }
        )
    requests = handled | Request.create(old)
    dossier_vals = []
    for request in requests:
        technician = request.technician_id or rng.choice(technicians)
        start, end = request.arrived_at, max(request.restored_at, request.arrived_at)
        dossier_vals.append(
            {
                "intervention_type": "corrective",
                "company_id": request.company_id.id,
                "site_id": request.site_id.id,
                "customer_id": request.customer_id.id,
                "equipment_ids": [Command.set(request.equipment_id.ids)],
                "contract_id": request.contract_id.id,
                "priority": {"1": "2", "2": "1"}.get(request.priority, "0"),
                "description": request.description,
                "user_id": sophie.id,
                "customer_request_ids": [Command.link(request.id)],
                "task_ids": [
                    Command.create(
                        {
                            "name": f"Dépannage - {request.title}"[:120],
                            "user_ids": [Command.set(technician.ids)],
                            "planned_start": start,
                            "planned_end": end,
                            "duration": (end - start).total_seconds() / 3600.0,
                            "equipment_ids": [Command.set(request.equipment_id.ids)],
                            "state": "done",
                            "closed_by": technician.id,
                            "closed_date": end,
                            "work_summary": rng.choice(CORRECTIVE_SUMMARIES),
                            "customer_signer_name": rng.choice(SIGNERS),
                            "checkin_ids": [
                                Command.create(
                                    {
                                        "user_id": technician.id,
                                        "check_in": start,
                                        "check_out": end,
                                        "travel_duration": rng.uniform(0.3, 1.0),
                                    }
                                )
                            ],
                        }
                    )
                ],
            }
        )
    Intervention = env["maintenance.intervention"]
    dossiers = Intervention.create(dossier_vals)
    dossiers.action_done()
    # still open: one in progress since yesterday, one planned tomorrow, one
    # just opened (a sensor alert to look at)
    open_vals = []
    for offset, state, title in (
        (-1, "in_progress", "Chaudière en sécurité, voyant rouge"),
        (1, "todo", "Bruit anormal de la VMC"),
        (None, None, "Alarme de la centrale de traitement d'air"),
    ):
        site = rng.choice(sites)
        site_equipment = equipment.filtered(lambda eq, site=site: eq.site_id == site)[:1]
        vals = {
            "intervention_type": "corrective",
            "company_id": site.company_id.id,
            "site_id": site.id,
            "customer_id": site.customer_id.id,
            "equipment_ids": [Command.set(site_equipment.ids)],
            "priority": "2" if offset == -1 else "1",
            "description": f"<p>{title}</p>",
            "user_id": sophie.id,
        }
        if offset is not None:
            start = _utc(today + timedelta(days=offset), 9.0)
            vals["task_ids"] = [
                Command.create(
                    {
                        "name": f"Dépannage - {title}",
                        "user_ids": [Command.set(rng.choice(technicians).ids)],
                        "planned_start": start,
                        "planned_end": start + timedelta(hours=3),
                        "duration": 3.0,
                        "equipment_ids": [Command.set(site_equipment.ids)],
                        "state": state,
                    }
                )
            ]
        open_vals.append(vals)
    dossiers |= Intervention.create(open_vals)
    return len(old) + len(dossiers)
