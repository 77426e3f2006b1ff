#!/usr/bin/env python3
# Copyright 2026 Seed maintainers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Benchmark (not a test): validate N covered products and compare the visit
generation with a raw SQL bulk insert of the same number of visit rows, in the
same database and the same run.

The contracts are built and committed first, then validated in a transaction
of their own, as a user validates a saved contract: the validation and the
raw insert are rolled back, and the contracts deleted at the end. (Validating
rows inserted by the same transaction makes PostgreSQL check again every
foreign key of each updated row, ~1.3 s for 10,000 covered products that no
real validation pays; ``--same-transaction`` measures it that way.)

    python3 tests/perf/bench_visits.py -c var/maintenance.conf -d maintenance [-n 10000]
"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _bootstrap import Measure, create_maintenance_contracts, environment, parser

from odoo.tools import SQL

PER_CONTRACT = 20


def build(env, count):
    """N covered products on N/20 contracts of N/20 sites (not measured)."""
    contracts = create_maintenance_contracts(
        env, count, PER_CONTRACT, env.ref("maintenance_contracts.warranty_type_full_2")
    )
    env.flush_all()
    env.invalidate_all()
    return contracts


def raw_insert(env, contracts):
    """The floor: the very same visit rows, copied by one INSERT ... SELECT
    (same columns, foreign keys and indexes; only the key differs)."""
    columns = SQL(", ").join(
        SQL.identifier(name)
        for name in (
            "company_id",
            "contract_id",
            "contract_line_id",
            "site_id",
            "customer_id",
            "sector_id",
            "equipment_id",
            "warranty_type_id",
            "due_date",
            "window_start",
            "window_end",
            "state",
            "operations",
            "duration",
            "create_uid",
            "create_date",
            "write_uid",
            "write_date",
        )
    )
    env.cr.execute(
        SQL(
            """
            INSERT INTO maintenance_visit (%(columns)s, generation_key)
            SELECT %(columns)s, 'raw:' || generation_key
              FROM maintenance_visit WHERE contract_id = ANY(%(contracts)s)
            """,
            columns=columns,
            contracts=contracts.ids,
        )
    )
    return env.cr.rowcount


def cleanup(env, contract_ids):
    """Delete the committed bench data (contracts, their lines, equipment,
    sites, customer and product)."""
    contracts = env["contract.contract"].browse(contract_ids).exists()
    sites = contracts.site_id
    lines = contracts.contract_line_ids
    equipment = lines.equipment_id
    customer = contracts.partner_id
    product = lines.product_id
    contracts.unlink()
    equipment.unlink()
    sites.unlink()
    customer.unlink()
    product.product_tmpl_id.unlink()


def main():
    args = parser(__doc__)
    args.add_argument("-n", "--count", type=int, default=10000, help="covered products")
    args.add_argument(
        "--same-transaction",
        action="store_true",
        help="build and validate in one transaction (all rolled back)",
    )
    options = args.parse_args()
    if options.same_transaction:
        with environment(options) as env:
            measure(env, build(env, options.count), options.count)
        return
    with environment(options, commit=True) as env:
        contract_ids = build(env, options.count).ids
    try:
        with environment(options) as env:
            measure(env, env["contract.contract"].browse(contract_ids), options.count)
    finally:
        with environment(options, commit=True) as env:
            cleanup(env, contract_ids)


def measure(env, contracts, count):
    """Validate ``contracts``, then copy their visits by raw SQL; print both."""
    with Measure(env.cr) as ours:
        contracts.action_maintenance_validate()
        env.flush_all()
    visits = env["maintenance.visit"].search_count([("contract_id", "in", contracts.ids)])
    with Measure(env.cr) as raw:
        copied = raw_insert(env, contracts)
    assert copied == visits
    print(f"covered products validated : {count}")
    print(f"visits generated           : {visits}")
    print(
        f"ours (validation)          : {ours.seconds:.3f} s, {ours.queries} queries, "
        f"{visits / ours.seconds:,.0f} visits/s"
    )
    print(
        f"raw SQL bulk insert        : {raw.seconds:.3f} s, {raw.queries} queries, "
        f"{visits / raw.seconds:,.0f} visits/s"
    )
    print(f"ratio ours / raw SQL       : {ours.seconds / raw.seconds:.2f}x")


if __name__ == "__main__":
    main()
