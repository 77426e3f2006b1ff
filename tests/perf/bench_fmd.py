#!/usr/bin/env python3
# Copyright 2026 Seed maintainers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Benchmark (not a test): the FMD figures (failures, MTBF, MTTR, mean
active repair time, availability against each equipment's required time)
over N downtime events of E pieces of equipment, for the last 12 months, as
an operations manager: for every equipment, for one customer, rolled up by
site, customer, contract and cause; then the analysis per equipment opened
as the web client does (its first page), today and as it was built before.
Prints the time and the queries of each.

The equipment belong to 50 customers and 500 sites; a third run 24/7, a
third to their site's opening hours (the company's 40-hour calendar with
the French public holidays), a third to their own calendar (a second one).
The events are spread over the last 13 months (80 % failures, 10 %
preventive stops, 10 % external causes, with causes), a few open; 1,000
failures have a dossier with technicians' check-ins. The events are written
with one SQL insert (setting up is not measured). Everything is rolled back.

    python3 tests/perf/bench_fmd.py -c var/maintenance.conf -d maintenance [-n 100000] [-e 5000]
    python3 tests/perf/bench_fmd.py -c ... -d ... -e 100000 -n 100000 --sql

With ``--sql`` the equipment are copied by SQL from three made by the ORM
and have no contract (the grouping per contract then has one group).
"""

import os
import random
import sys
import time
from datetime import timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

# pylint: disable=print-used

from _bootstrap import Measure, environment, parser
from lxml import etree

from odoo import Command, fields
from odoo.tools import SQL

CUSTOMERS = 50
SITES = 500
DOSSIERS = 1000


def _equipment_by_orm(env, sites, shifts, equipment_count):
    """The equipment and their contracts (one per site), as the forms make them."""
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
    return [(eq.id, eq.company_id.id, eq.site_id.id, eq.customer_id.id) for eq in equipment]


def _equipment_by_sql(env, sites, shifts, equipment_count):
    """The equipment copied by one SQL insert from three made by the ORM (one
    per operating time: every stored column has a value the ORM gave it),
    without contracts: 100,000 equipment in seconds instead of an hour."""
    templates = env["maintenance.customer.equipment"].create(
        [
            {
                "name": f"Bench FMD eq {i}",
                "site_id": sites[i].id,
                "operating_time": ("always", "site", "calendar")[i],
                "operating_calendar_id": shifts.id if i == 2 else False,
            }
            for i in range(3)
        ]
    )
    env.flush_all()
    env.cr.execute(
        "SELECT column_name FROM information_schema.columns"
        " WHERE table_name = 'maintenance_customer_equipment' AND column_name <> 'id'"
        " ORDER BY ordinal_position"
    )
    columns = [row[0] for row in env.cr.fetchall()]
    site_ids, customer_ids = sites.ids, [site.customer_id.id for site in sites]
    computed = {
        "name": SQL("'Bench FMD eq ' || g"),
        "site_id": SQL("(%s::int[])[mod(g, %s) + 1]", site_ids, SITES),
        "customer_id": SQL("(%s::int[])[mod(g, %s) + 1]", customer_ids, SITES),
    }
    env.cr.execute(
        SQL(
            """
            INSERT INTO maintenance_customer_equipment (%(columns)s)
            SELECT %(values)s
              FROM generate_series(3, %(last)s) AS g
              JOIN maintenance_customer_equipment t ON t.id = (%(templates)s::int[])[mod(g, 3) + 1]
            """,
            columns=SQL(", ").join(SQL.identifier(name) for name in columns),
            values=SQL(", ").join(
                computed.get(name) or SQL("t.%s", SQL.identifier(name)) for name in columns
            ),
            last=equipment_count - 1,
            templates=templates.ids,
        )
    )
    env.cr.execute(
        SQL(
            "SELECT id, company_id, site_id, customer_id FROM maintenance_customer_equipment"
            " WHERE id = ANY(%s) OR name LIKE 'Bench FMD eq %%' ORDER BY id",
            templates.ids,
        )
    )
    return env.cr.fetchall()


def build(env, event_count, equipment_count, rng, sql=False):
    """Customers, sites, equipment, contracts, events, dossiers (not measured):
    equipment and contracts by the ORM, or with ``sql`` the equipment copied
    by SQL, without contracts."""
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
    if sql:
        equipment = _equipment_by_sql(env, sites, shifts, equipment_count)
    else:
        equipment = _equipment_by_orm(env, sites, shifts, equipment_count)
    causes = env["maintenance.failure.cause"].search([])
    by_kind = {
        kind: causes.filtered(lambda c, k=kind: c.kind == k).ids
        for kind in ("failure", "preventive", "external")
    }
    now = fields.Datetime.now()
    rows = []
    for index in range(event_count):
        eq_id, company_id, site_id, customer_id = equipment[index % len(equipment)]
        kind = rng.choices(("failure", "preventive", "external"), (8, 1, 1))[0]
        start = now - timedelta(minutes=rng.randint(60, 395 * 24 * 60))
        end = start + timedelta(minutes=rng.randint(15, 72 * 60))
        rows.append(
            (
                eq_id,
                company_id,
                site_id,
                customer_id,
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


def _open_list(env, model, domain, context, offset=0):
    """The list's page as the web client asks it (80 rows and the count)."""
    records = env[model].with_context(context)
    arch = records.get_views([(False, "list")])["views"]["list"]["arch"]
    spec = {}
    for node in etree.fromstring(arch).findall("field"):
        field = records._fields[node.get("name")]
        spec[field.name] = {"fields": {"display_name": {}}} if field.type == "many2one" else {}
    return records.web_search_read(domain, spec, offset=offset, limit=80, count_limit=10001)


def measure_analysis(env, manager):
    """Opening the analysis per equipment over every equipment, as the
    manager does: the wizard's button, then the list's first page (what the
    web client asks). Today: the read-only analysis computed by PostgreSQL
    for the page (``maintenance.fmd.equipment``). Before: every line's
    values built in Python and inserted (``_line_vals``, ``_insert_lines``,
    still used by the other groupings), then the page of lines."""
    today = fields.Date.today()
    Wizard = env["maintenance.fmd.wizard"].with_user(manager)
    values = {
        "date_from": today.replace(year=today.year - 1) + timedelta(days=1),
        "date_to": today,
        "groupby": "equipment_id",
    }
    env.cr.execute("SELECT pg_backend_pid()")
    backend = env.cr.fetchone()[0]
    # warm-up (views, access rights), not measured
    wizard = Wizard.create(values)
    _open_list(env(user=manager), "maintenance.fmd.equipment", [], {"fmd_wizard_id": wizard.id})
    results = {}
    for label in ("before: lines built in Python", "today: read-only analysis in SQL"):
        wizard = Wizard.create(values)
        env.flush_all()
        env.invalidate_all()
        env.cr.cache.clear()
        cpu = _cpu_seconds(backend)
        with Measure(env.cr) as opening:
            if label.startswith("before"):
                rows = wizard.env["maintenance.fmd"]._fmd_figures(wizard.date_from, wizard.date_to)
                wizard._insert_lines(wizard._line_vals(rows))
                page = _open_list(
                    wizard.env, "maintenance.fmd.line", [("wizard_id", "=", wizard.id)], {}
                )
            else:
                action = wizard.action_compute()
                page = _open_list(
                    wizard.env, action["res_model"], action["domain"], action["context"]
                )
        opening.cpu = _cpu_seconds(backend) - cpu
        results[label] = opening
        print(
            f"open the analysis per equipment, {label}: {opening.seconds:.3f} s"
            f" (CPU {opening.cpu:.3f} s), {opening.queries} queries"
            f" ({page['length']:,} rows, first page of"
            f" {len(page['records'])}, top: {page['records'][0]['name']},"
            f" {page['records'][0]['downtime_hours']:.1f} h down)"
        )
    # the next page and a filter: a request each (a new transaction)
    for label, domain, offset in (
        ("next page", [], 80),
        ("filter: with failures", [("failures", ">", 0)], 0),
    ):
        env.invalidate_all()
        env.cr.cache.clear()
        cpu = _cpu_seconds(backend)
        with Measure(env.cr) as page_measure:
            page = _open_list(
                wizard.env, "maintenance.fmd.equipment", domain, action["context"], offset=offset
            )
        cpu = _cpu_seconds(backend) - cpu
        print(
            f"   analysis per equipment, {label}: {page_measure.seconds:.3f} s (CPU {cpu:.3f} s),"
            f" {page_measure.queries} queries ({page['length']:,} rows)"
        )
    before, after = results.values()
    print(
        f"=> opening the analysis per equipment: {before.seconds:.3f} s (CPU {before.cpu:.3f} s)"
        f" / {before.queries} queries before, {after.seconds:.3f} s (CPU {after.cpu:.3f} s)"
        f" / {after.queries} queries today (load average {os.getloadavg()[0]:.1f})"
    )


def main():
    args = parser(__doc__)
    args.add_argument("-n", "--events", type=int, default=100000, help="downtime events")
    args.add_argument("-e", "--equipment", type=int, default=5000, help="equipment")
    args.add_argument(
        "--sql",
        action="store_true",
        help="equipment copied by SQL, without contracts (for 100,000 equipment)",
    )
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
        started = time.perf_counter()
        equipment, customers = build(env, options.events, options.equipment, rng, options.sql)
        print(f"built in {time.perf_counter() - started:.0f} s (not measured)")
        customer_equipment = env["maintenance.customer.equipment"].browse(
            [eq[0] for eq in equipment if eq[3] == customers[0].id]
        )
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
