#!/usr/bin/env python3
# Copyright 2026 Seed maintainers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Benchmark of the price revision engine (not a test).

Creates N running maintenance contracts due for revision, revises them with
the daily cron's code path (batches of 200) and prints contracts per second
and queries per contract. Everything happens in one transaction that is
rolled back at the end: the database is left as it was.

    python3 tests/perf/bench_price_revision.py -c var/<DB>.conf -d <DB> [-n 5000]
"""

# pylint: disable=print-used
# a command line benchmark reports on the terminal
import sys
import time
from pathlib import Path

from dateutil.relativedelta import relativedelta

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _bootstrap import Measure, environment, parser

from odoo import Command, fields


def build(env, count):
    """``count`` running contracts of one covered product, started a year
    ago, with a formula on a benchmark index (figures made up, rolled back)."""
    today = fields.Date.context_today(env["res.users"])
    start = today - relativedelta(years=1)
    index = env["maintenance.price.index"].create({"code": "BENCH-IDX", "name": "Benchmark index"})
    reference = (start - relativedelta(months=3)).replace(day=1)
    current = (today - relativedelta(months=3)).replace(day=1)
    env["maintenance.price.index.value"].create(
        [
            {"index_id": index.id, "month": reference, "value": 100.0, "is_demo": True},
            {"index_id": index.id, "month": current, "value": 103.7, "is_demo": True},
        ]
    )
    formula = env["maintenance.price.revision.formula"].create(
        {
            "name": "Benchmark 15/85",
            "fixed_part": 0.15,
            "term_ids": [Command.create({"index_id": index.id, "weight": 0.85})],
            "reference_month_rule": "lag",
            "reference_lag_months": 3,
        }
    )
    customer = env["res.partner"].create({"name": "Benchmark customer", "is_company": True})
    site = env["maintenance.site"].create({"name": "Benchmark site", "customer_id": customer.id})
    product = env["product.product"].create({"name": "Benchmark maintenance", "type": "service"})
    wtype = env.ref("maintenance_contracts.warranty_type_full_2")
    equipment = env["maintenance.customer.equipment"].create(
        [
            {"name": f"Bench {i}", "site_id": site.id, "serial_number": f"BENCH-{i:07d}"}
            for i in range(count)
        ]
    )
    contracts = env["contract.contract"].create(
        [
            {
                "name": f"Bench contract {i}",
                "partner_id": customer.id,
                "site_id": site.id,
                "is_maintenance": True,
                "contract_type": "sale",
                "date_start": start,
                "recurring_rule_type": "yearly",
                "recurring_interval": 1,
                "price_revision_formula_id": formula.id,
                "price_revision_base_month": reference,
                "contract_line_ids": [
                    Command.create(
                        {
                            "product_id": product.id,
                            "name": "Maintenance",
                            "quantity": 1,
                            "price_unit": 1000.0 + i % 500,
                            "equipment_id": equipment[i].id,
                            "warranty_type_id": wtype.id,
                        }
                    )
                ],
            }
            for i in range(count)
        ]
    )
    # running contracts; their visits are not needed to revise prices
    contracts.write({"maintenance_state": "active"})
    contracts.contract_line_ids.write({"maintenance_state": "validated"})
    env.flush_all()
    return contracts


def main():
    args = parser(__doc__)
    args.add_argument("-n", "--count", type=int, default=5000)
    args.add_argument("--batch-size", type=int, default=200)
    options = args.parse_args()
    with environment(options) as base_env:
        env = base_env(context=dict(base_env.context, mail_create_nolog=True))
        started = time.perf_counter()
        contracts = build(env, options.count)
        print(
            f"created {len(contracts)} contracts in {time.perf_counter() - started:.1f} s (not measured)"
        )
        env.invalidate_all()
        with Measure(env.cr) as measure:
            # the daily cron's code path: due contracts in batches
            env["maintenance.price.revision"]._cron_revise_prices(batch_size=options.batch_size)
            env.flush_all()
        revised = env["maintenance.price.revision"].search_count(
            [("contract_id", "in", contracts.ids)]
        )
        print(
            f"revised {revised}/{len(contracts)} contracts in {measure.seconds:.2f} s "
            f"(batches of {options.batch_size})"
        )
        print(f"{revised / measure.seconds:.0f} contracts per second")
        print(
            f"{measure.queries} queries, {measure.queries / max(revised, 1):.3f} queries per contract"
        )


if __name__ == "__main__":
    main()
