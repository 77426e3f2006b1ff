#!/usr/bin/env python3
# Copyright 2026 Seed maintainers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Benchmark (not a test): the reads of the preventive / corrective
dashboard (the read_group of each of its pivots and charts, as the
operations manager's spreadsheet sends them) over N preventive visits and
N/10 corrective dossiers with a task and a check-in/out pair each, then
over a tenth of that; print times, queries and ratios. Everything is
rolled back.

    python3 tests/perf/bench_dashboard.py -c var/maintenance.conf -d maintenance [-n 20000]
"""

import random
import sys
from datetime import date, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

# pylint: disable=print-used

from _bootstrap import Measure, environment, parser

from odoo.fields import Command
from odoo.tests import new_test_user

READS = [
    # model, domain, groupby, aggregates: what the dashboard's pivots and charts ask
    ("maintenance.kpi.visit", [], [], ["due_count:sum", "on_time_rate:avg", "late_count:sum"]),
    ("maintenance.kpi.visit", [], [], ["backlog_count:sum", "overdue_count:sum"]),
    ("maintenance.kpi.visit", [], ["due_date:month"], ["due_count:sum", "on_time_rate:avg"]),
    ("maintenance.kpi.visit", [], ["due_date:month", "state"], ["__count"]),
    (
        "maintenance.kpi.intervention",
        [("intervention_type", "=", "corrective")],
        ["priority"],
        ["dossier_count:sum", "open_count:sum", "hours_on_site:sum", "days_to_close:avg"],
    ),
    ("maintenance.kpi.hours", [], ["date:month", "intervention_type"], ["hours:sum"]),
    ("maintenance.kpi.utilisation", [], ["user_id"], ["utilisation:avg", "on_site_hours:sum"]),
    ("maintenance.request.analysis", [("is_done", "=", True)], [], ["compliance:avg"]),
]


def build(env, count, technicians, tag):
    """``count`` visits over the past year and ``count // 10`` corrective
    dossiers, each with a done task and a check-in/out pair (not measured)."""
    rng = random.Random(count)
    customer = env["res.partner"].create({"name": f"Bench dashboard {tag}", "is_company": True})
    sites = env["maintenance.site"].create(
        [{"name": f"Bench dashboard {tag} site {i}", "customer_id": customer.id} for i in range(50)]
    )
    today = date.today()
    vals_list = []
    for index in range(count):
        site = sites[index % len(sites)]
        due = today - timedelta(days=rng.randint(1, 365))
        vals_list.append(
            {
                "company_id": env.company.id,
                "contract_id": None,
                "contract_line_id": None,
                "visit_group_id": None,
                "site_id": site.id,
                "customer_id": customer.id,
                "sector_id": None,
                "equipment_id": None,
                "warranty_type_id": None,
                "due_date": due,
                "window_start": due - timedelta(days=15),
                "window_end": due + timedelta(days=15),
                "operations": None,
                "duration": 1.5,
                "generation_key": f"bench-{tag}-{index}",
            }
        )
    Visit = env["maintenance.visit"]
    inserted = set()
    Visit._insert_generated(vals_list, inserted)
    visits = Visit.browse(sorted(inserted))
    done = visits.filtered(lambda v: rng.random() < 0.85)
    for offset in range(-5, 25, 5):
        part = done.filtered(lambda v, o=offset: v.id % 6 == (o + 5) // 5)
        part.write({"state": "done"})
        env.cr.execute(
            "UPDATE maintenance_visit SET done_date = due_date + %s WHERE id = ANY(%s)",
            [offset, part.ids],
        )
    (visits - done).filtered(lambda v: v.id % 3 == 0).write({"state": "missed"})
    dossiers = []
    for index in range(count // 10):
        start = datetime.combine(today - timedelta(days=rng.randint(1, 365)), datetime.min.time())
        start += timedelta(hours=rng.choice([7, 8, 12, 13]))
        hours = rng.uniform(0.5, 4)
        technician = technicians[index % len(technicians)]
        dossiers.append(
            {
                "intervention_type": "corrective",
                "priority": rng.choice("012"),
                "site_id": sites[index % len(sites)].id,
                "task_ids": [
                    Command.create(
                        {
                            "name": "Dépannage",
                            "user_ids": [Command.set(technician.ids)],
                            "planned_start": start,
                            "planned_end": start + timedelta(hours=hours),
                            "state": "done",
                            "checkin_ids": [
                                Command.create(
                                    {
                                        "user_id": technician.id,
                                        "check_in": start,
                                        "check_out": start + timedelta(hours=hours),
                                    }
                                )
                            ],
                        }
                    )
                ],
            }
        )
    env["maintenance.intervention"].create(dossiers)
    env.flush_all()


def read_dashboard(env, manager):
    """All the reads, and each one's time."""
    manager_env = env(user=manager)
    manager_env.invalidate_all()
    each = []
    with Measure(env.cr) as measure:
        for model, domain, groupby, aggregates in READS:
            with Measure(env.cr) as one:
                manager_env[model]._read_group(domain, groupby, aggregates)
            each.append((model, groupby, one.seconds))
    measure.each = each
    return measure


def main():
    args = parser(__doc__.splitlines()[0])
    args.add_argument("-n", "--count", type=int, default=20000)
    options = args.parse_args()
    with environment(options) as env:
        manager = new_test_user(
            env,
            login="bench_dashboard_manager",
            groups="maintenance_contracts.group_maintenance_manager",
        )
        technicians = [
            new_test_user(
                env,
                login=f"bench_dashboard_tech{i}",
                groups="maintenance_contracts.group_maintenance_technician",
            )
            for i in range(5)
        ]
        small = options.count // 10
        build(env, small, technicians, "small")
        read_dashboard(env, manager)  # warm the caches, as a running server has
        first = read_dashboard(env, manager)
        build(env, options.count - small, technicians, "large")
        second = read_dashboard(env, manager)
        print(
            f"dashboard reads ({len(READS)} read_group) over {small} visits, "
            f"{small // 10} dossiers: {first.seconds:.3f} s, {first.queries} queries"
        )
        print(
            f"dashboard reads over {options.count} visits, {options.count // 10} dossiers: "
            f"{second.seconds:.3f} s, {second.queries} queries"
        )
        for model, groupby, seconds in second.each:
            print(f"  {model} {groupby}: {seconds:.3f} s")
        print(
            f"ratio for 10x the records: time x{second.seconds / first.seconds:.1f}, "
            f"queries x{second.queries / first.queries:.1f}"
        )


if __name__ == "__main__":
    main()
