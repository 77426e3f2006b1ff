#!/usr/bin/env python3
# Copyright 2026 Seed maintainers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Benchmark (not a test): validate N lifts on the regulated preset (a visit
every 6 weeks plus its cable, yearly and five-yearly obligations, each due
date a visit) and N lifts on the plain 6-weekly warranty type, in the same
run: what the obligations cost per visit generated. Rolled back at the end.

    python3 tests/perf/bench_regulated.py -c var/maintenance.conf -d maintenance [-n 2000]
"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _bootstrap import Measure, create_maintenance_contracts, environment, parser

PER_CONTRACT = 20


def validate(env, count, xmlid, tag):
    contracts = create_maintenance_contracts(
        env, count, PER_CONTRACT, env.ref(f"maintenance_contracts.{xmlid}"), tag=tag
    )
    env.flush_all()
    env.invalidate_all()
    with Measure(env.cr) as measure:
        contracts.action_maintenance_validate()
        env.flush_all()
    visits = env["maintenance.visit"].search_count([("contract_id", "in", contracts.ids)])
    return measure, visits


def main():
    args = parser(__doc__)
    args.add_argument("-n", "--count", type=int, default=2000, help="lifts of each kind")
    options = args.parse_args()
    with environment(options) as env:
        plain, plain_visits = validate(env, options.count, "warranty_type_lift", "plain")
        regulated, reg_visits = validate(env, options.count, "warranty_type_reg_lift", "regulated")
        for label, measure, visits in (
            ("plain 6-weekly lifts    ", plain, plain_visits),
            ("regulated preset lifts  ", regulated, reg_visits),
        ):
            print(
                f"{label}: {options.count} lines, {visits} visits, {measure.seconds:.3f} s, "
                f"{measure.queries} queries, {visits / measure.seconds:,.0f} visits/s"
            )
        print(
            "time per visit, regulated / plain: "
            f"{(regulated.seconds / reg_visits) / (plain.seconds / plain_visits):.2f}x"
        )


if __name__ == "__main__":
    main()
