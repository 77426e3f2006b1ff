#!/usr/bin/env python3
# Copyright 2026 Seed maintainers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Benchmark of out-of-contract billing (not a test).

1. Invoice N closed dossiers (one billed customer each: N invoices of a
   section and 4 lines) next to OCA ``contract`` invoicing N plain contracts
   (N invoices of 1 line), in the same run: time and queries per invoice and
   per invoice line, and the same OCA invoicing of contracts of 4 lines under
   a section (the dossiers' invoice shape). The computation of the dossiers'
   billing lines (at closing) is measured too. With ``--profile``, where the
   time of each goes (Python's profiler: inside Odoo's ``account.move``
   create, in our code, in the chatter).
2. The contract invoicing cron on N maintenance contracts whose prices were
   revised (the invoice looks up the price in force at the period's start)
   next to the same cron on N plain OCA contracts.

Everything happens in one transaction rolled back at the end.

    python3 tests/perf/bench_billing.py -c var/<DB>.conf -d <DB> [-n 1000] [--profile] [--skip-cron]
"""

# pylint: disable=print-used
# a command line benchmark reports on the terminal
import cProfile
import pstats
import sys
from datetime import datetime, time, timedelta
from pathlib import Path

from dateutil.relativedelta import relativedelta

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _bootstrap import Measure, environment, parser
from bench_price_revision import build as build_revised_contracts

from odoo import Command, fields
from odoo.tools import SQL


def plain_contracts(env, count, start, tag, lines=1):
    """``count`` plain OCA contracts (no maintenance), one customer each, of
    ``lines`` lines (under a section when more than one)."""
    customers = env["res.partner"].create(
        [
            {
                "name": f"Bench {tag} customer {i}",
                "is_company": True,
                "street": f"{i} rue de la République",
                "zip": "69002",
                "city": "Lyon",
            }
            for i in range(count)
        ]
    )
    product = env["product.product"].create({"name": f"Bench {tag}", "type": "service"})
    return env["contract.contract"].create(
        [
            {
                "name": f"Bench {tag} {i}",
                "partner_id": customer.id,
                "contract_type": "sale",
                "date_start": start,
                "recurring_rule_type": "yearly",
                "recurring_interval": 1,
                "contract_line_ids": (
                    [
                        Command.create(
                            {
                                "display_type": "line_section",
                                "name": "Contrat",
                                "date_start": start,
                                "recurring_next_date": start,
                            }
                        )
                    ]
                    if lines > 1
                    else []
                )
                + [
                    Command.create(
                        {
                            "product_id": product.id,
                            "name": f"Abonnement {n}",
                            "quantity": 1,
                            "price_unit": 1000.0 + i % 500 + n,
                            # several lines: OCA computes their next date from
                            # the contract's, which it computes from its lines
                            **(
                                {"date_start": start, "recurring_next_date": start}
                                if lines > 1
                                else {}
                            ),
                        }
                    )
                    for n in range(lines)
                ],
            }
            for i, customer in enumerate(customers)
        ]
    )


def closed_dossiers(env, count, tag="bench"):
    """``count`` closed dossiers of ``count`` customers out of contract: a
    technician's 2 h 10 (17:00-19:10 the last working Monday) and a part."""
    technician = env["res.users"].create(
        {
            "name": "Bench technician",
            "login": f"{tag}_billing_technician",
            "group_ids": [
                Command.link(env.ref("maintenance_contracts.group_maintenance_technician").id)
            ],
        }
    )
    part = env["product.product"].create(
        {"name": "Bench part", "type": "consu", "list_price": 48.0}
    )
    sector = env["maintenance.sector"].create(
        {"name": f"Bench sector {tag}", "code": tag.upper(), "travel_flat_fee": 40.0}
    )
    customers = env["res.partner"].create(
        [
            {
                "name": f"Bench {tag} customer {i}",
                "is_company": True,
                "street": f"{i} avenue Jean Jaurès",
                "zip": "69007",
                "city": "Lyon",
            }
            for i in range(count)
        ]
    )
    sites = env["maintenance.site"].create(
        [
            {"name": f"Bench {tag} site {i}", "customer_id": customer.id, "sector_id": sector.id}
            for i, customer in enumerate(customers)
        ]
    )
    dossiers = env["maintenance.intervention"].create([{"site_id": site.id} for site in sites])
    monday = fields.Date.today() - timedelta(days=fields.Date.today().weekday() + 7)
    start = datetime.combine(monday, time(16, 0))  # 17:00 in Paris (winter), UTC
    tasks = env["maintenance.task"].create(
        [
            {
                "name": "Dépannage",
                "intervention_id": dossier.id,
                "user_ids": [Command.set(technician.ids)],
                "planned_start": start,
                "duration": 2.0,
            }
            for dossier in dossiers
        ]
    )
    env["maintenance.task.checkin"].create(
        [
            {
                "task_id": task.id,
                "user_id": technician.id,
                "check_in": start,
                "check_out": start + timedelta(hours=2, minutes=10),
            }
            for task in tasks
        ]
    )
    env["maintenance.task.part"].create(
        [{"task_id": task.id, "product_id": part.id, "quantity": 1.0} for task in tasks]
    )
    # done without the closing's PDF report per task (minutes of wkhtmltopdf
    # that are not what is measured here)
    env.flush_all()
    env.cr.execute(
        SQL("UPDATE maintenance_task SET state = 'done' WHERE id IN %s", tuple(tasks.ids))
    )
    env.invalidate_all()
    return dossiers


def report(label, measure, invoices, lines=None):
    count = max(invoices, 1)
    per_line = ""
    if lines is not None:
        per_line = (
            f"; {lines} invoice lines: {1000 * measure.seconds / max(lines, 1):.2f} ms and"
            f" {measure.queries / max(lines, 1):.2f} queries per line"
        )
    print(
        f"{label}: {invoices} invoices in {measure.seconds:.2f} s, {measure.queries} queries "
        f"({1000 * measure.seconds / count:.2f} ms and {measure.queries / count:.2f} queries "
        f"per invoice{per_line})"
    )
    return (
        measure.seconds / count,
        measure.queries / count,
        measure.seconds / max(lines or count, 1),
    )


def invoiced(env, before):
    """(invoices, their product lines) created since the move id ``before``."""
    env.cr.execute(
        SQL(
            "SELECT COUNT(DISTINCT m.id), COUNT(l.id) FILTER (WHERE l.display_type = 'product')"
            " FROM account_move m LEFT JOIN account_move_line l ON l.move_id = m.id"
            " WHERE m.id > %s",
            before,
        )
    )
    return env.cr.fetchone()


def last_move(env):
    env.flush_all()
    env.cr.execute("SELECT COALESCE(MAX(id), 0) FROM account_move")
    return env.cr.fetchone()[0]


def run(env, function, profile):
    """Run ``function`` (and flush), under Python's profiler when asked."""
    profiler = cProfile.Profile() if profile else None
    with Measure(env.cr) as measure:
        if profiler:
            profiler.enable()
        function()
        env.flush_all()
        if profiler:
            profiler.disable()
    measure.stats = pstats.Stats(profiler) if profiler else None
    return measure


def _cumulative(stats, predicate):
    """The largest cumulative time of the functions ``predicate`` accepts
    (the outermost call of a chain of overrides holds the others)."""
    return max(
        (
            ct
            for (path, _line, name), (_cc, _nc, _tt, ct, _callers) in stats.stats.items()
            if predicate(path, name)
        ),
        default=0.0,
    )


def profile_report(label, measure, invoices):
    """Where the time goes, per invoice, from the profile: inside Odoo's
    ``account.move`` create (its lines, their computes, the taxes), the
    chatter, and each of our functions that takes time."""
    stats = measure.stats
    total = sum(tt for (_cc, _nc, tt, _ct, _callers) in stats.stats.values())
    per = 1000.0 / max(invoices, 1)
    create = _cumulative(
        stats,
        lambda path, name: (
            name == "create"
            and path.endswith(
                ("account/models/account_move.py", "maintenance_billing/models/account_move.py")
            )
        ),
    )
    chatter = {
        name: _cumulative(stats, lambda path, func, name=name: func == name and "mail/" in path)
        for name in ("message_post", "message_post_with_source", "_message_log_batch")
    }
    print(
        f"   profile of {label} (per invoice, profiled {1000 * total / max(invoices, 1) * 1:.1f} ms):"
        f" account.move create {per * create:.1f} ms ({100 * create / total:.0f} %),"
        + ", ".join(f" {name} {per * value:.1f} ms" for name, value in chatter.items() if value)
    )
    ours = sorted(
        (
            (ct, name, path.rsplit("/", 3)[-3:])
            for (path, _line, name), (_cc, _nc, _tt, ct, _callers) in stats.stats.items()
            if "/maintenance_" in path and "/tests/" not in path
        ),
        reverse=True,
    )[:8]
    for ct, name, path in ours:
        print(f"      {per * ct:6.1f} ms  {'/'.join(path)}:{name}")


def main():
    args = parser(__doc__)
    args.add_argument("-n", "--count", type=int, default=1000)
    args.add_argument(
        "--profile", action="store_true", help="where the invoicing's time goes (cProfile)"
    )
    args.add_argument(
        "--skip-cron", action="store_true", help="only the invoicing of dossiers vs contracts"
    )
    args.add_argument(
        "--rounds", type=int, default=4, help="invoicings in turn, in this many rounds"
    )
    options = args.parse_args()
    count = options.count
    with environment(options) as base_env:
        env = base_env(context=dict(base_env.context, mail_create_nolog=True, tz="Europe/Paris"))
        env.company._maintenance_billing_product_taxes()
        Move = env["account.move"]
        # warm-up, not measured: a few invoices, then fresh planner statistics
        # (a test database has empty accounting tables: PostgreSQL would plan
        # the invoices' queries for empty tables)
        warm = closed_dossiers(env, 20, tag="warm")
        warm.write({"state": "done", "date_done": fields.Date.today()})
        warm._maintenance_create_invoices()
        plain_contracts(env, 20, fields.Date.today(), "warm")._recurring_create_invoice()
        env.flush_all()
        env.cr.execute("ANALYZE")
        # 1. dossiers vs plain contracts, N invoices each ---------------------
        dossiers = closed_dossiers(env, count)
        env.invalidate_all()
        with Measure(env.cr) as closing:
            dossiers.write({"state": "done", "date_done": fields.Date.today()})
            env.flush_all()
        lines = env["maintenance.billing.line"].search_count(
            [("intervention_id", "in", dossiers.ids)]
        )
        print(
            f"closing {count} dossiers (billing lines computed: {lines}): "
            f"{closing.seconds:.2f} s, {closing.queries} queries"
        )
        plain = {
            line_count: plain_contracts(
                env, count, fields.Date.today(), f"plain-invoice-{line_count}", lines=line_count
            )
            for line_count in (1, 4)
        }
        env.flush_all()
        # in rounds, each invoicing in turn: the machine's load (shared
        # cores) weighs on the three alike
        labels = {
            "dossiers": "dossiers invoiced",
            1: "OCA contracts invoiced (1 line)",
            4: "OCA contracts of 4 lines under a section invoiced",
        }
        totals = {key: [Measure(env.cr), 0, 0, None] for key in labels}
        size = -(-count // options.rounds)
        for start in range(0, count, size):
            chunk = slice(start, start + size)
            for key, records, method in (
                ("dossiers", dossiers[chunk], "_maintenance_create_invoices"),
                (1, plain[1][chunk], "_recurring_create_invoice"),
                (4, plain[4][chunk], "_recurring_create_invoice"),
            ):
                env.invalidate_all()
                before = last_move(env)
                measure = run(env, getattr(records, method), options.profile)
                invoices, lines = invoiced(env, before)
                total = totals[key]
                total[0].seconds += measure.seconds
                total[0].queries += measure.queries
                total[1] += invoices
                total[2] += lines
                if measure.stats:
                    total[3] = measure.stats if total[3] is None else total[3].add(measure.stats)
        results = {}
        for key, (measure, invoices, lines, stats) in totals.items():
            results[key] = report(labels[key], measure, invoices, lines)
            if stats:
                measure.stats = stats
                profile_report(labels[key], measure, invoices)
        dossier_figures = results["dossiers"]
        oca_results = [results[1], results[4]]
        (oca_figures, oca4_figures) = oca_results
        print(
            f"=> per invoice, dossiers / OCA contracts: time {dossier_figures[0] / oca_figures[0]:.2f}x, "
            f"queries {dossier_figures[1] / max(oca_figures[1], 0.001):.2f}x"
        )
        print(
            f"=> per invoice line, dossiers / OCA contracts: time "
            f"{dossier_figures[2] / oca_figures[2]:.2f}x"
        )
        print(
            f"=> per invoice of the same shape (a section and 4 lines), dossiers / OCA contracts: "
            f"time {dossier_figures[0] / oca4_figures[0]:.2f}x, "
            f"queries {dossier_figures[1] / max(oca4_figures[1], 0.001):.2f}x"
        )
        if options.skip_cron:
            return
        # 2. the invoicing cron: maintenance contracts with revised prices vs plain
        env.cr.execute("SAVEPOINT bench_cron")
        start = fields.Date.today() - relativedelta(years=1)
        warm = plain_contracts(env, 50, start, "warm-up")
        env["contract.contract"].cron_recurring_create_invoice()
        env.cr.execute("ROLLBACK TO SAVEPOINT bench_cron")
        env.invalidate_all()
        env.registry.clear_cache()
        del warm
        revised = build_revised_contracts(env, count)
        env["maintenance.price.revision"]._cron_revise_prices()
        revisions = env["maintenance.price.revision"].search_count(
            [("contract_id", "in", revised.ids)]
        )
        env.flush_all()
        env.cr.execute("ANALYZE")
        env.invalidate_all()
        before = Move.search_count([])
        with Measure(env.cr) as cron_maintenance:
            env["contract.contract"].cron_recurring_create_invoice()
            env.flush_all()
        maintenance_figures = report(
            f"cron, maintenance contracts with revised prices ({revisions} revised)",
            cron_maintenance,
            Move.search_count([]) - before,
        )
        line = env["account.move.line"].search(
            [("contract_line_id", "in", revised.contract_line_ids[:1].ids)], limit=1
        )
        print(
            f"   first invoice line: {line.price_unit:.2f} (price in force at the period's "
            f"start), contract line now {revised.contract_line_ids[:1].price_unit:.2f}"
        )
        env.cr.execute("ROLLBACK TO SAVEPOINT bench_cron")
        env.invalidate_all()
        plain = plain_contracts(env, count, start, "plain-cron")
        env.flush_all()
        env.cr.execute("ANALYZE")
        env.invalidate_all()
        before = Move.search_count([])
        with Measure(env.cr) as cron_plain:
            env["contract.contract"].cron_recurring_create_invoice()
            env.flush_all()
        plain_figures = report(
            "cron, plain OCA contracts", cron_plain, Move.search_count([]) - before
        )
        del plain
        print(
            f"=> cron per invoice, maintenance / plain: time "
            f"{maintenance_figures[0] / plain_figures[0]:.2f}x, queries "
            f"{maintenance_figures[1] / max(plain_figures[1], 0.001):.2f}x"
        )


if __name__ == "__main__":
    main()
