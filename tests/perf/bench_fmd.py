#!/usr/bin/env python3
# Copyright 2026 Seed maintainers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Benchmark (not a test): the FMD figures (failures, MTBF, MTTR, mean
active repair time, availability against each equipment's required time)
over N downtime events of E pieces of equipment, for the last 12 months, as
an operations manager: for every equipment, for one customer, rolled up by
site, customer, contract and cause. Prints the time and the queries of each.

The equipment belong to 50 customers and 500 sites; a third run 24/7, a
third to their site's opening hours (the company's 40-hour calendar with
the French public holidays), a third to their own calendar (a second one).
The events are spread over the last 13 months (80 % failures, 10 %
preventive stops, 10 % external causes, with causes), a few open; 1,000
failures have a dossier with technicians' check-ins. The events are written
with one SQL insert (setting up is not measured). Everything is rolled back.

    python3 tests/perf/bench_fmd.py -c var/maintenance.conf -d maintenance [-n 100000] [-e 5000]
"""

import json
import os
import random
import sys
import time
from datetime import timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

# pylint: disable=print-used

from _bootstrap import Measure, environment, parser

from odoo import Command, fields
from odoo.tools import SQL

CUSTOMERS = 50
SITES = 500
DOSSIERS = 1000


def build(env, event_count, equipment_count, rng):
    """Customers, sites, equipment, contracts, events, dossiers (not measured)."""
    company = env.company
    office = company.resource_calendar_id
    if office.maintenance_holiday_zone == "none":
        office.maintenance_holiday_zone = "metropole"
    year = fields.Date.today().year
    office._generate_public_holidays([year - 1, year])
    shifts = env["resource.calendar"].create(
        {
            "name": "Bench FMD 2x8",
            "tz": "Europe/Paris",
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
                for day in range(6)
                for period, start, stop in (("morning", 6, 14), ("afternoon", 14, 22))
            ],
        }
    )
    customers = env["res.partner"].create(
        [{"name": f"Bench FMD customer {i}", "is_company": True} for i in range(CUSTOMERS)]
    )
    sites = env["maintenance.site"].create(
        [
            {
                "name": f"Bench FMD site {i}",
                "customer_id": customers[i % CUSTOMERS].id,
                "resource_calendar_id": office.id,
            }
            for i in range(SITES)
        ]
    )
    equipment = env["maintenance.customer.equipment"].create(
        [
            {
                "name": f"Bench FMD eq {i}",
                "site_id": sites[i % SITES].id,
                "operating_time": ("always", "site", "calendar")[i % 3],
                "operating_calendar_id": shifts.id if i % 3 == 2 else False,
            }
            for i in range(equipment_count)
        ]
    )
    product = env["product.product"].create({"name": "Bench FMD", "type": "service"})
    wtype = env.ref("maintenance_contracts.warranty_type_full_2")
    by_site = {}
    for eq in equipment:
        by_site.setdefault(eq.site_id, []).append(eq)
    # one create per contract, as the form does (OCA contract computes the
    # lines' next invoice date from their own contract during its create)
    for site, items in by_site.items():
        env["contract.contract"].create(
            {
                "name": f"Bench FMD {site.name}",
                "partner_id": site.customer_id.id,
                "site_id": site.id,
                "is_maintenance": True,
                "date_start": fields.Date.today() - timedelta(days=400),
                "contract_line_ids": [
                    Command.create(
                        {
                            "product_id": product.id,
                            "name": eq.name,
                            "quantity": 1,
                            "price_unit": 100.0,
                            "equipment_id": eq.id,
                            "warranty_type_id": wtype.id,
                        }
                    )
                    for eq in items
                ],
            }
        )
    causes = env["maintenance.failure.cause"].search([])
    by_kind = {
        kind: causes.filtered(lambda c, k=kind: c.kind == k).ids
        for kind in ("failure", "preventive", "external")
    }
    now = fields.Datetime.now()
    rows = []
    for index in range(event_count):
        eq = equipment[index % equipment_count]
        kind = rng.choices(("failure", "preventive", "external"), (8, 1, 1))[0]
        start = now - timedelta(minutes=rng.randint(60, 395 * 24 * 60))
        end = start + timedelta(minutes=rng.randint(15, 72 * 60))
        rows.append(
            (
                eq.id,
                eq.company_id.id,
                eq.site_id.id,
                eq.customer_id.id,
                start,
                None if index % 997 == 0 or end > now else end,
                kind,
                rng.choice(by_kind[kind]),
            )
        )
    columns = list(zip(*rows, strict=True))
    env.flush_all()
    env.cr.execute(
        SQL(
            """
            INSERT INTO maintenance_downtime
                   (equipment_id, company_id, site_id, customer_id, date_start, date_end,
                    kind, cause_id, origin, create_uid, write_uid, create_date, write_date)
            SELECT e, c, s, cu, ds, de, k, ca, 'manual', 1, 1, now(), now()
              FROM unnest(%s::int[], %s::int[], %s::int[], %s::int[], %s::timestamp[],
                          %s::timestamp[], %s::varchar[], %s::int[])
                   AS t(e, c, s, cu, ds, de, k, ca)
         RETURNING id
            """,
            *(list(column) for column in columns),
        )
    )
    event_ids = [row[0] for row in env.cr.fetchall()]
    # dossiers with a task and two check-in pairs for 1,000 failures
    failures = [
        (event_id, row)
        for event_id, row in zip(event_ids, rows, strict=True)
        if row[6] == "failure" and row[5]
    ][:DOSSIERS]
    dossiers = env["maintenance.intervention"].create(
        [
            {
                "intervention_type": "corrective",
                "site_id": row[2],
                "equipment_ids": [Command.set([row[0]])],
            }
            for _event_id, row in failures
        ]
    )
    technician = env.ref("base.user_admin")
    tasks = env["maintenance.task"].create(
        [
            {
                "name": "Bench FMD",
                "intervention_id": dossier.id,
                "user_ids": [Command.set(technician.ids)],
                "planned_start": row[4],
                "duration": 1.0,
            }
            for dossier, (_event_id, row) in zip(dossiers, failures, strict=True)
        ]
    )
    env["maintenance.task.checkin"].create(
        [
            {
                "task_id": task.id,
                "user_id": technician.id,
                "check_in": row[4] + timedelta(minutes=offset),
                "check_out": row[4] + timedelta(minutes=offset + 45),
            }
            for task, (_event_id, row) in zip(tasks, failures, strict=True)
            for offset in (10, 70)
        ]
    )
    env.flush_all()
    env.cr.execute(
        SQL(
            "UPDATE maintenance_downtime d SET intervention_id = v.dossier"
            " FROM unnest(%s::int[], %s::int[]) AS v(event, dossier) WHERE d.id = v.event",
            [event_id for event_id, _row in failures],
            dossiers.ids,
        )
    )
    # the planner's statistics, as autovacuum keeps them on a live database
    for table in (
        "maintenance_downtime",
        "maintenance_customer_equipment",
        "maintenance_site",
        "maintenance_task_checkin",
        "contract_line",
    ):
        env.cr.execute(SQL("ANALYZE %s", SQL.identifier(table)))
    env.invalidate_all()
    return equipment, customers


def _cpu_seconds(backend_pid):
    """CPU time of this process and of its PostgreSQL backend: what the
    run costs on a machine where nothing else waits for the cores."""
    with open(f"/proc/{backend_pid}/stat", encoding="ascii") as stat:
        fields_ = stat.read().rsplit(")", 1)[1].split()
    ticks = int(fields_[11]) + int(fields_[12])  # utime, stime
    return time.process_time() + ticks / os.sysconf("SC_CLK_TCK")


def measure(env, manager, label, **kwargs):
    today = fields.Date.today()
    date_from = today.replace(year=today.year - 1) + timedelta(days=1)
    fmd = env["maintenance.fmd"].with_user(manager)
    env.cr.execute("SELECT pg_backend_pid()")
    backend = env.cr.fetchone()[0]
    env.invalidate_all()
    cpu = _cpu_seconds(backend)
    with Measure(env.cr) as result:
        rows = fmd._fmd_figures(date_from, today, **kwargs)
    result.cpu = _cpu_seconds(backend) - cpu
    failures = sum(row["failures"] for row in rows)
    down = sum(row["downtime_hours"] for row in rows)
    print(
        f"{label:<44} {result.seconds:6.3f} s (CPU {result.cpu:5.3f} s) {result.queries:3d} queries"
        f" {len(rows):5d} rows, {failures:6d} failures, {down:9.0f} h down"
    )
    return result


def measure_analysis(env, manager):
    """The analysis per equipment over every equipment (the wizard): its
    lines inserted by ``_insert_lines`` (ours), against the ORM's create of
    the same lines (what it did before) and against one raw SQL insert of
    the same rows, log columns included (the floor)."""
    today = fields.Date.today()
    wizard = (
        env["maintenance.fmd.wizard"]
        .with_user(manager)
        .create(
            {
                "date_from": today.replace(year=today.year - 1) + timedelta(days=1),
                "date_to": today,
                "groupby": "equipment_id",
            }
        )
    )
    rows = wizard.env["maintenance.fmd"]._fmd_figures(wizard.date_from, wizard.date_to)
    with Measure(env.cr) as values:
        vals_list = wizard._line_vals(rows)
    Line = wizard.env["maintenance.fmd.line"]

    def clear():
        env.flush_all()
        env.cr.execute(SQL("DELETE FROM maintenance_fmd_line WHERE wizard_id = %s", wizard.id))
        env.invalidate_all()

    with Measure(env.cr) as ours:
        wizard._insert_lines(vals_list)
    clear()
    with Measure(env.cr) as orm:
        Line.create(vals_list)
        env.flush_all()
    clear()
    now = fields.Datetime.now()
    rows_json = json.dumps(
        [
            dict(vals, create_uid=manager.id, write_uid=manager.id, create_date=str(now))
            for vals in vals_list
        ]
    )
    columns = SQL(", ").join(
        SQL.identifier(name) for name in [*vals_list[0], "create_uid", "write_uid", "create_date"]
    )
    with Measure(env.cr) as raw:
        env.cr.execute(
            SQL(
                "INSERT INTO maintenance_fmd_line (%s) SELECT %s"
                " FROM json_populate_recordset(NULL::maintenance_fmd_line, %s)",
                columns,
                columns,
                rows_json,
            )
        )
    clear()
    with Measure(env.cr) as whole:
        wizard.action_compute()
    print(
        f"analysis per equipment, {len(vals_list):,} lines: whole {whole.seconds:.3f} s"
        f" ({whole.queries} queries); lines' values {values.seconds:.3f} s;"
        f" lines inserted {ours.seconds:.3f} s ({ours.queries} queries),"
        f" ORM create {orm.seconds:.3f} s, one raw SQL insert {raw.seconds:.3f} s:"
        f" ORM / ours {orm.seconds / ours.seconds:.1f}x, ours / raw {ours.seconds / raw.seconds:.1f}x"
    )


def main():
    args = parser(__doc__)
    args.add_argument("-n", "--events", type=int, default=100000, help="downtime events")
    args.add_argument("-e", "--equipment", type=int, default=5000, help="equipment")
    options = args.parse_args()
    rng = random.Random(13)
    with environment(options) as env:
        group = env.ref("maintenance_contracts.group_maintenance_manager")
        manager = env["res.users"].create(
            {
                "name": "Bench FMD manager",
                "login": "bench_fmd_manager",
                "group_ids": [Command.link(group.id)],
                "tz": "Europe/Paris",
            }
        )
        equipment, customers = build(env, options.events, options.equipment, rng)
        customer_equipment = equipment.filtered(lambda eq: eq.customer_id == customers[0])
        print(
            f"{options.events:,} downtime events over {options.equipment:,} equipment; "
            f"FMD for the last 12 months as an operations manager "
            f"(load average before: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores)"
        )
        measure(env, manager, "warm-up (one customer)", equipment_ids=customer_equipment.ids)
        whole = measure(env, manager, "every equipment, per equipment")
        one = measure(
            env,
            manager,
            f"one customer ({len(customer_equipment)} equipment), per equipment",
            equipment_ids=customer_equipment.ids,
        )
        measure(env, manager, "every equipment, per site", groupby="site_id")
        measure(env, manager, "every equipment, per customer", groupby="customer_id")
        measure(env, manager, "every equipment, per contract", groupby="contract_id")
        measure(env, manager, "every equipment, Pareto of causes", groupby="cause_id")
        measure(env, manager, "every equipment, external causes left out", exclude_external=True)
        measure_analysis(env, manager)
        print(
            f"ratio every equipment / one customer: time {whole.seconds / one.seconds:.1f}x, "
            f"CPU {whole.cpu / one.cpu:.1f}x "
            f"for {len(equipment) / len(customer_equipment):.0f}x the equipment, "
            f"queries {whole.queries} vs {one.queries}"
        )


if __name__ == "__main__":
    main()
