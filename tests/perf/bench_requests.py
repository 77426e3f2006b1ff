#!/usr/bin/env python3
# Copyright 2026 Seed maintainers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Benchmark (not a test): create N customer requests in one create() as an
operations manager and compute their deadlines (response, intervention,
restoration and their at-risk moments, in business hours with public
holidays), then the same for 100; print the time and the queries. The
requests are received over the last 90 days on sites under running
contracts, half on office hours, half 24/7. Everything is rolled back.

    python3 tests/perf/bench_requests.py -c var/maintenance.conf -d maintenance [-n 10000]
"""

import random
import sys
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

# pylint: disable=print-used

from _bootstrap import Measure, environment, parser

from odoo import Command, fields

SITES = 100


def build(env):
    """Sites, equipment and running contracts (not measured)."""
    wtype = env.ref("maintenance_contracts.warranty_type_full_2")
    if not wtype.commitment_ids:
        wtype.commitment_ids = [
            Command.create({"priority": p, "kind": k, "hours": h})
            for p, k, h in (
                ("1", "response", 1.0),
                ("1", "intervention", 4.0),
                ("1", "restoration", 8.0),
                ("2", "response", 2.0),
                ("2", "intervention", 8.0),
                ("2", "restoration", 24.0),
                ("3", "intervention", 40.0),
            )
        ]
    calendar = env.company.resource_calendar_id
    if calendar.maintenance_holiday_zone == "none":
        calendar.maintenance_holiday_zone = "metropole"
    year = fields.Date.today().year
    calendar._generate_public_holidays([year - 1, year])
    customer = env["res.partner"].create({"name": "Bench requests", "is_company": True})
    product = env["product.product"].create({"name": "Bench requests", "type": "service"})
    sites = env["maintenance.site"].create(
        [{"name": f"Bench requests site {i}", "customer_id": customer.id} for i in range(SITES)]
    )
    equipment = env["maintenance.customer.equipment"].create(
        [{"name": f"Bench requests eq {i}", "site_id": site.id} for i, site in enumerate(sites)]
    )
    start = date(year - 1, 1, 1)
    for index, (site, eq) in enumerate(zip(sites, equipment, strict=True)):
        contract = env["contract.contract"].create(
            {
                "name": f"Bench {site.name}",
                "partner_id": customer.id,
                "site_id": site.id,
                "is_maintenance": True,
                "date_start": start,
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
                ],
            }
        )
        contract.maintenance_state = "active"
        if index % 2:
            contract.maintenance_commitment_ids = [
                Command.create(
                    {"priority": "1", "kind": "intervention", "hours": 4.0, "basis": "continuous"}
                )
            ]
    env.flush_all()
    return equipment


def run(env, manager, equipment, count, rng):
    now = fields.Datetime.now()
    vals_list = []
    for _i in range(count):
        eq = rng.choice(equipment)
        vals_list.append(
            {
                "site_id": eq.site_id.id,
                "equipment_id": eq.id,
                "priority": rng.choice("123"),
                "received_at": now - timedelta(minutes=rng.randint(10, 90 * 24 * 60)),
            }
        )
    env.invalidate_all()
    with Measure(env.cr) as measure:
        requests = env["maintenance.customer.request"].with_user(manager).create(vals_list)
        env.flush_all()
    assert all(requests.mapped("intervention_deadline"))
    return measure


def main():
    args = parser(__doc__)
    args.add_argument("-n", "--count", type=int, default=10000, help="requests")
    options = args.parse_args()
    rng = random.Random(11)
    with environment(options) as env:
        group = env.ref("maintenance_contracts.group_maintenance_manager")
        manager = env["res.users"].create(
            {
                "name": "Bench manager",
                "login": "bench_requests_manager",
                "group_ids": [Command.link(group.id)],
            }
        )
        equipment = build(env)
        run(env, manager, equipment, 10, rng)  # warm the caches
        results = {size: run(env, manager, equipment, size, rng) for size in (100, options.count)}
        print("customer requests: create and compute their deadlines, one create()")
        for size, measure in results.items():
            print(
                f"{size:>6} requests: {measure.seconds:.3f} s, {measure.queries} queries, "
                f"{size / measure.seconds:,.0f} requests/s"
            )
        small, large = results[100], results[options.count]
        print(
            f"ratio {options.count} / 100: time {large.seconds / small.seconds:.2f}x, "
            f"queries {large.queries / small.queries:.2f}x "
            f"(for {options.count / 100:.0f}x the requests)"
        )


if __name__ == "__main__":
    main()
