#!/usr/bin/env python3
# Copyright 2026 Seed maintainers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Benchmark (not a test): plan N visits to plan in one run of the planning
wizard, as an operations manager, and the same for 100 visits; print the
time, the queries and the ratios. The visits come from contracts whose
covered products are validated through the real code. Everything is rolled
back at the end.

    python3 tests/perf/bench_planning.py -c var/maintenance.conf -d maintenance [-n 1000]
"""

import sys
from datetime import datetime, time, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

# pylint: disable=print-used

from _bootstrap import Measure, create_maintenance_contracts, environment, parser

from odoo import Command, fields

PER_SITE = 10  # covered products per site (and contract): one dossier per site


def build(env, count, tag):
    """``count`` visits to plan on ``count / 10`` sites (not measured)."""
    # one preventive visit a year: one visit to plan per covered product
    wtype = env.ref("maintenance_contracts.warranty_type_preventive_1")
    contracts = create_maintenance_contracts(env, count, PER_SITE, wtype, f"planning {tag}")
    contracts.action_maintenance_validate()
    visits = env["maintenance.visit"].search(
        [("contract_id", "in", contracts.ids), ("state", "=", "to_plan")]
    )
    assert len(visits) == count, (len(visits), count)
    env.flush_all()
    env.invalidate_all()
    return visits


def plan(env, manager, technicians, visits, split_mode):
    """One wizard run, measured from cold record caches."""
    start = datetime.combine(fields.Date.today() + timedelta(days=1), time(7, 0))
    wizard = (
        env["maintenance.visit.plan"]
        .with_user(manager)
        .create(
            {
                "visit_ids": [Command.set(visits.ids)],
                "user_ids": [Command.set(technicians.ids)],
                "planned_start": start,
                "split_mode": split_mode,
                "chain_tasks": False,
                "confirm_outside_window": True,
            }
        )
    )
    env.flush_all()
    env.invalidate_all()
    with Measure(env.cr) as measure:
        wizard.action_plan()
        env.flush_all()
    dossiers = visits.intervention_id
    tasks = dossiers.task_ids
    assert set(visits.mapped("state")) == {"planned"}
    return measure, len(dossiers), len(tasks), len(tasks.checklist_ids)


def main():
    args = parser(__doc__)
    args.add_argument("-n", "--count", type=int, default=1000, help="visits to plan")
    args.add_argument(
        "--split",
        choices=("dossier", "equipment"),
        default="dossier",
        help="one task per dossier (default) or per equipment",
    )
    options = args.parse_args()
    with environment(options) as env:
        group = env.ref("maintenance_contracts.group_maintenance_manager")
        manager = env["res.users"].create(
            {
                "name": "Bench manager",
                "login": "bench_planning_manager",
                "group_ids": [Command.link(group.id)],
            }
        )
        tech_group = env.ref("maintenance_contracts.group_maintenance_technician")
        technicians = env["res.users"].create(
            [
                {
                    "name": f"Bench technicien {i}",
                    "login": f"bench_planning_tech_{i}",
                    "group_ids": [Command.link(tech_group.id)],
                }
                for i in range(3)
            ]
        )
        batches = {size: build(env, size, f"{size}") for size in (10, 100, options.count)}
        plan(env, manager, technicians, batches[10], options.split)  # warm the caches
        results = {}
        for size in (100, options.count):
            results[size] = plan(env, manager, technicians, batches[size], options.split)
        print(f"planning wizard, one run, one task per {options.split}")
        for size, (measure, dossiers, tasks, lines) in results.items():
            print(
                f"{size:>6} visits -> {dossiers} dossiers, {tasks} tasks, {lines} operations: "
                f"{measure.seconds:.3f} s, {measure.queries} queries, "
                f"{size / measure.seconds:,.0f} visits/s"
            )
        small, large = results[100][0], results[options.count][0]
        print(
            f"ratio {options.count} / 100: time {large.seconds / small.seconds:.2f}x, "
            f"queries {large.queries / small.queries:.2f}x "
            f"(for {options.count / 100:.0f}x the visits)"
        )


if __name__ == "__main__":
    main()
