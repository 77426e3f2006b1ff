#!/usr/bin/env python3
# Copyright 2026 Seed maintainers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Benchmark (not a test): the customer report pack of a year for a large
customer (N equipment on N/10 sites, 12 visits each, 2 meters each read
every 6 hours, one request per equipment, downtime events) against a small
one (10 equipment, same history), read as an operations manager: the
figures (``_pack_data``) and the whole PDF. Prints times, queries and
ratios. Everything is rolled back.

    python3 tests/perf/bench_customer_pack.py -c var/maintenance.conf -d maintenance [-n 500]
"""

import sys
from datetime import date, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

# pylint: disable=print-used

from _bootstrap import Measure, environment, parser

from odoo import fields
from odoo.tests import new_test_user
from odoo.tools import SQL

REPORT = "maintenance_reporting.maintenance_customer_pack_report_action"


def build(env, name, count, year):
    """A customer with ``count`` equipment and a year of history (not measured)."""
    customer = env["res.partner"].create(
        {"name": f"Bench pack {name}", "is_company": True, "lang": "fr_FR"}
    )
    sites = env["maintenance.site"].create(
        [
            {"name": f"Bench pack {name} site {i}", "customer_id": customer.id}
            for i in range(max(count // 10, 1))
        ]
    )
    equipment = env["maintenance.customer.equipment"].create(
        [
            {"name": f"Bench pack {name} eq {i}", "site_id": sites[i % len(sites)].id}
            for i in range(count)
        ]
    )
    # 12 visits per equipment, 10 of them done (raw insert: a fixture)
    env.cr.execute(
        SQL(
            """
            INSERT INTO maintenance_visit (company_id, site_id, customer_id, equipment_id,
                   due_date, window_start, window_end, state, done_date, duration,
                   create_uid, write_uid, create_date, write_date)
            SELECT e.company_id, e.site_id, e.customer_id, e.id,
                   make_date(%(year)s, m, 15), make_date(%(year)s, m, 8),
                   make_date(%(year)s, m, 22),
                   CASE WHEN m <= 10 THEN 'done' ELSE 'missed' END,
                   CASE WHEN m <= 10 THEN make_date(%(year)s, m, 10 + m) END, 2,
                   1, 1, now(), now()
              FROM maintenance_customer_equipment e, generate_series(1, 12) m
             WHERE e.id = ANY(%(ids)s)
            """,
            year=year,
            ids=equipment.ids,
        )
    )
    meters = env["maintenance.meter"].create(
        [
            {"name": kind, "kind": kind, "unit": unit, "equipment_id": eq.id}
            for eq in equipment
            for kind, unit in (("counter", "h"), ("gauge", "°C"))
        ]
    )
    env.cr.execute(
        SQL(
            """
            INSERT INTO maintenance_meter_reading (meter_id, equipment_id, company_id, value,
                   date, source, create_uid, write_uid, create_date, write_date)
            SELECT m.id, m.equipment_id, m.company_id,
                   CASE WHEN m.kind = 'counter' THEN k * 6 ELSE 60 + (k %% 7) END,
                   %(start)s + k * interval '6 hours', 'sensor', 1, 1, now(), now()
              FROM maintenance_meter m, generate_series(0, 365 * 4 - 1) k
             WHERE m.id = ANY(%(ids)s)
            """,
            start=datetime(year, 1, 1),
            ids=meters.ids,
        )
    )
    env["maintenance.customer.request"].create(
        [
            {
                "site_id": eq.site_id.id,
                "equipment_id": eq.id,
                "priority": "2",
                "received_at": datetime(year, 1, 1) + timedelta(hours=17 * i + 9),
            }
            for i, eq in enumerate(equipment)
        ]
    )
    env["maintenance.downtime"].create(
        [
            {
                "equipment_id": eq.id,
                "kind": "failure" if i % 5 else "external",
                "date_start": datetime(year, 1, 1) + timedelta(hours=13 * i + 5),
                "date_end": datetime(year, 1, 1) + timedelta(hours=13 * i + 9),
            }
            for i, eq in enumerate(equipment)
        ]
    )
    return customer


def measure(env, manager, customer, year):
    pack = (
        env["maintenance.customer.pack"]
        .with_user(manager)
        .create(
            {
                "customer_id": customer.id,
                "date_from": date(year, 1, 1),
                "date_to": date(year, 12, 31),
            }
        )
    )
    env.invalidate_all()
    with Measure(env.cr) as figures:
        pack._pack_data()
    env.invalidate_all()
    with Measure(env.cr) as pdf:
        content, _type = (
            env["ir.actions.report"]
            .with_user(manager)
            .with_context(force_report_rendering=True)
            ._render_qweb_pdf(REPORT, pack.ids)
        )
    return figures, pdf, len(content)


def main():
    args = parser(__doc__.splitlines()[0])
    args.add_argument("-n", type=int, default=500, help="equipment of the large customer")
    options = args.parse_args()
    with environment(options) as env:
        year = fields.Date.today().year - 1
        env["res.lang"]._activate_lang("fr_FR")
        manager = new_test_user(
            env,
            login="bench_pack_manager",
            groups="maintenance_contracts.group_maintenance_manager",
        )
        small = build(env, "small", 10, year)
        large = build(env, "large", options.n, year)
        env.flush_all()
        rows = {}
        for label, customer, count in (("small", small, 10), ("large", large, options.n)):
            figures, pdf, size = measure(env, manager, customer, year)
            rows[label] = (figures, pdf)
            print(
                f"{label}: {count} equipment, {count * 12} visits, {count * 2 * 1460} readings, "
                f"{count} requests, {count} downtime events - figures {figures.seconds:.2f} s "
                f"/ {figures.queries} queries; whole PDF {pdf.seconds:.2f} s / {pdf.queries} "
                f"queries, {size // 1024} KiB"
            )
        small_figures, small_pdf = rows["small"]
        large_figures, large_pdf = rows["large"]
        print(
            f"{options.n // 10}x the equipment: figures {large_figures.seconds / small_figures.seconds:.1f}x "
            f"the time, {large_figures.queries / small_figures.queries:.2f}x the queries; "
            f"PDF {large_pdf.seconds / small_pdf.seconds:.1f}x the time"
        )


if __name__ == "__main__":
    main()
