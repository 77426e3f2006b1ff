#!/usr/bin/env python3
# Copyright 2026 Seed maintainers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Chaos run (not a test): our generation crons run by real, separate Odoo
processes at the same time, then killed (SIGKILL) in the middle of a batch.

For each job, on bench data it builds in the database (committed, tagged
"Chaos"):

1. **concurrent**: three processes start together: two run the scheduled
   action the way Odoo's cron thread does (``ir.cron.method_direct_trigger``:
   the job's row lock, ``ir.cron.progress``, a commit per batch), the third
   calls the job's method directly, as a button, a shell or a second server
   would (no ir.cron lock: only the job's own batch locks protect it).
2. **killed**: one process runs the scheduled action in small batches; once
   ``ir.cron.progress`` shows committed batches, the process is SIGKILLed;
   a new process runs the action again until nothing remains.

Expected results come from a clean single run of the same job on the same
data, rolled back, just before each phase. Duplicates and lost work are
counted in SQL afterwards; a table is printed.

    python3 tests/perf/cron_chaos.py -c var/maintenance.conf -d maintenance [-n 600]
"""

import json
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _bootstrap import create_maintenance_contracts, environment, parser
from dateutil.relativedelta import relativedelta

import odoo
from odoo import fields
from odoo.tools import SQL, config

TAG = "Chaos"

# job key: (cron xml id, model, method, chaos batch size)
JOBS = {
    "visits": (
        "maintenance_contracts.ir_cron_generate_visits",
        "contract.line",
        "_cron_generate_visits",
        20,
    ),
    "invoicing": ("contract.contract_cron_for_invoice", "contract.contract", None, 5),
    "holidays": (
        "maintenance_planning.resource_calendar_french_holidays",
        "resource.calendar",
        "_cron_generate_public_holidays",
        None,
    ),
}


# ----------------------------------------------------------------------------
# child processes
# ----------------------------------------------------------------------------
def child(options):
    """One Odoo process: wait for the go file, run the job, print JSON."""
    config.parse_config(["-c", options.config, "-d", options.database])
    registry = odoo.modules.registry.Registry(options.database)
    from odoo.exceptions import UserError  # noqa: PLC0415
    from odoo.service.model import retrying  # noqa: PLC0415

    Path(options.ready).touch()
    while options.go and not Path(options.go).exists():
        time.sleep(0.005)
    xmlid, model, method, _batch = JOBS[options.job]
    outcome = "ran"
    start = time.monotonic()
    with registry.cursor() as cr:
        env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {"tracking_disable": True})
        try:
            if options.mode == "cron":
                env.ref(xmlid).method_direct_trigger()
            else:
                # a direct call of the job's method, without ir.cron's lock, as
                # a button does through RPC (retried on serialization failures)
                records = env[model]
                call = getattr(records, method or "cron_recurring_create_invoice")
                retrying(call, env)
            cr.commit()
        except UserError as error:  # "already executing": ir.cron's own lock
            cr.rollback()
            outcome = f"refused: {error}"
        except Exception as error:  # noqa: BLE001 - reported in the table
            cr.rollback()
            outcome = f"failed: {type(error).__name__}"
    print(json.dumps({"outcome": outcome, "seconds": time.monotonic() - start}))


def spawn(options, job, mode, tmp, index, *, go=True):
    ready = Path(tmp) / f"ready-{job}-{mode}-{index}"
    command = [
        sys.executable,
        __file__,
        "-c",
        options.config,
        "-d",
        options.database,
        "--child",
        "--job",
        job,
        "--mode",
        mode,
        "--ready",
        str(ready),
    ]
    if go:
        command += ["--go", str(Path(tmp) / f"go-{job}")]
    log = Path(tmp) / f"{job}-{mode}-{index}.log"
    with log.open("w") as errors:
        process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=errors, text=True)
    process.ready = ready
    process.log = log
    return process


def result(process):
    out, _err = process.communicate()
    lines = [line for line in out.splitlines() if line.startswith("{")]
    if lines:
        return json.loads(lines[-1])["outcome"]
    if process.returncode != -signal.SIGKILL:  # a crash, not our SIGKILL: show why
        print(process.log.read_text()[-2000:], file=sys.stderr)
    return f"killed ({process.returncode})"


# ----------------------------------------------------------------------------
# bench data, expected results and counts (parent process)
# ----------------------------------------------------------------------------
def build(options):
    with environment(options, commit=True) as env:
        if env["contract.contract"].search_count([("name", "=like", f"Bench %{TAG}%")]):
            return
        warranty = env.ref("maintenance_contracts.warranty_type_full_2")
        contracts = create_maintenance_contracts(env, options.count, 3, warranty, tag=TAG)
        contracts.action_maintenance_validate()
        # these contracts are for the visits: their invoicing is not due
        contracts.contract_line_ids.recurring_next_date = fields.Date.today() + relativedelta(
            years=5
        )
        env["resource.calendar"].create(
            [
                {"name": f"{TAG} calendar {i}", "maintenance_holiday_zone": zone}
                for i, zone in enumerate(["metropole", "alsace_moselle", "guadeloupe"] * 10)
            ]
        )


def prepare(options, job, phase):
    """Give the job work to do again (committed)."""
    with environment(options, commit=True) as env:
        if job == "visits":  # a horizon a year beyond the lines': two visits each to add
            until = max(
                env["contract.line"]
                .search([("contract_id.name", "=like", f"Bench %{TAG}%")])
                .mapped("visits_generated_until")
            )
            today = fields.Date.today()
            months = (until.year - today.year) * 12 + until.month - today.month + 1
            env.company.maintenance_visit_horizon = months + 12
        elif job == "invoicing":  # new contracts due today
            warranty = env.ref("maintenance_contracts.warranty_type_full_2")
            create_maintenance_contracts(
                env, options.invoices, 1, warranty, tag=f"{TAG} {phase} {int(time.time())}"
            ).action_maintenance_validate()
        elif job == "holidays":
            env["resource.calendar.leaves"].search(
                [("calendar_id.name", "=like", f"{TAG} calendar%")]
            ).unlink()
        cron = env.ref(JOBS[job][0])
        code = cron.code.split("(")[0]
        batch = JOBS[job][3]
        cron.code = f"{code}(batch_size={batch})" if batch and phase == "killed" else f"{code}()"


def counts(env, job):
    """(rows, duplicates) of the job's output on the bench data."""
    if job == "visits":
        rows = env.execute_query(
            SQL(
                """SELECT count(*), count(*) - count(DISTINCT (v.contract_line_id, v.due_date,
                          v.generation_key))
                     FROM maintenance_visit v JOIN contract_contract c ON c.id = v.contract_id
                    WHERE c.name LIKE %s""",
                f"Bench %{TAG}%",
            )
        )
        total, dup_keys = rows[0]
        # a duplicate visit is a second visit of one line at one due date
        dups = env.execute_query(
            SQL(
                """SELECT COALESCE(sum(n - 1), 0) FROM (
                     SELECT count(*) n FROM maintenance_visit v
                       JOIN contract_contract c ON c.id = v.contract_id
                      WHERE c.name LIKE %s AND v.state != 'cancelled'
                      GROUP BY v.contract_line_id, v.due_date, v.operations) s""",
                f"Bench %{TAG}%",
            )
        )[0][0]
        return total, int(max(dups, dup_keys))
    if job == "invoicing":  # one invoice per contract and run
        rows = env.execute_query(
            SQL(
                """SELECT COALESCE(sum(n), 0), COALESCE(sum(n - 1), 0) FROM (
                     SELECT count(DISTINCT l.move_id) n FROM account_move_line l
                       JOIN contract_line cl ON cl.id = l.contract_line_id
                       JOIN contract_contract c ON c.id = cl.contract_id
                      WHERE c.name LIKE %s GROUP BY c.id) s""",
                f"Bench %{TAG}%",
            )
        )
        return int(rows[0][0]), int(rows[0][1])
    rows = env.execute_query(
        SQL(
            """SELECT count(*), count(*) - count(DISTINCT (l.calendar_id, l.date_from))
                 FROM resource_calendar_leaves l JOIN resource_calendar c ON c.id = l.calendar_id
                WHERE c.name LIKE %s""",
            f"{TAG} calendar%",
        )
    )
    return rows[0]


def expected(options, job):
    """The job's output after one clean run on the current data (rolled back)."""
    with environment(options) as env:
        _xmlid, model, method, _batch = JOBS[job]
        if method:
            getattr(env[model], method)()
        else:
            env[model].cron_recurring_create_invoice()
        env.flush_all()
        return counts(env, job)[0]


def current(options, job):
    with environment(options) as env:
        return counts(env, job)


def progress(options, job):
    with environment(options) as env:
        rows = env.execute_query(
            SQL(
                """SELECT p.done, p.remaining FROM ir_cron_progress p
                    WHERE p.cron_id = %s ORDER BY p.id DESC LIMIT 1""",
                env.ref(JOBS[job][0]).id,
            )
        )
        return rows[0] if rows else (0, 0)


def remaining(options, job):
    """What the job would still do: a second clean run adds nothing."""
    return expected(options, job) - current(options, job)[0]


# ----------------------------------------------------------------------------
# phases
# ----------------------------------------------------------------------------
def wait_ready(processes):
    while not all(p.ready.exists() for p in processes):
        if any(p.poll() is not None for p in processes):
            break
        time.sleep(0.05)


def concurrent(options, job, tmp):
    prepare(options, job, "concurrent")
    before = current(options, job)[0]
    want = expected(options, job)
    processes = [
        spawn(options, job, "cron", tmp, 1),
        spawn(options, job, "cron", tmp, 2),
        spawn(options, job, "direct", tmp, 3),
    ]
    wait_ready(processes)
    Path(tmp, f"go-{job}").touch()
    outcomes = [result(p) for p in processes]
    left = remaining(options, job)
    reruns, last = rerun(options, job, tmp)
    got, dups = current(options, job)
    return {
        "job": job,
        "phase": "cron x2 + direct call",
        "runs": "; ".join(outcomes) + f"; {reruns} rerun(s): {last}",
        "new": got - before,
        "expected": want - before,
        "left": left,
        "reruns": reruns,
        "duplicates": dups,
        "lost": max(want - got, 0),
        "remaining": remaining(options, job),
    }


def rerun(options, job, tmp):
    """Run the scheduled action again while work remains, as the next cron
    worker does (a job left partially done is rescheduled at once)."""
    runs, outcome = 0, "-"
    while remaining(options, job) > 0 and runs < 6:
        runs += 1
        outcome = result(spawn(options, job, "cron", tmp, 20 + runs, go=False))
    return runs, outcome


def killed(options, job, tmp):
    prepare(options, job, "killed")
    before = current(options, job)[0]
    want = expected(options, job)
    process = spawn(options, job, "cron", tmp, 9, go=False)
    seen = (0, 0)
    while process.poll() is None:
        seen = progress(options, job)
        if seen[0] > 0 and seen[1] > 0:
            process.send_signal(signal.SIGKILL)
            break
        time.sleep(0.05)
    first = result(process)
    left = remaining(options, job)
    reruns, outcome = rerun(options, job, tmp)
    got, dups = current(options, job)
    return {
        "job": job,
        "phase": f"SIGKILL at done={seen[0]} remaining={seen[1]}",
        "runs": f"{first}; {reruns} rerun(s): {outcome}",
        "new": got - before,
        "expected": want - before,
        "left": left,
        "reruns": reruns,
        "duplicates": dups,
        "lost": max(want - got, 0),
        "remaining": remaining(options, job),
        "progress": progress(options, job),
    }


def main():
    args = parser(__doc__)
    args.add_argument("-n", "--count", type=int, default=600, help="covered products")
    args.add_argument("--invoices", type=int, default=60, help="contracts to invoice a phase")
    args.add_argument("--child", action="store_true", help=HIDDEN)
    args.add_argument("--job", choices=sorted(JOBS), help=HIDDEN)
    args.add_argument("--mode", choices=["cron", "direct"], help=HIDDEN)
    args.add_argument("--ready", help=HIDDEN)
    args.add_argument("--go", help=HIDDEN)
    args.add_argument("--only", nargs="*", choices=sorted(JOBS), help="jobs to run")
    options = args.parse_args()
    if options.child:
        return child(options)
    start = time.monotonic()
    build(options)
    print(f"bench data ready in {time.monotonic() - start:.1f} s", flush=True)
    rows = []
    with environment(options) as env:
        horizon = env.company.maintenance_visit_horizon
    try:
        with tempfile.TemporaryDirectory() as tmp:
            run_jobs(options, tmp, rows)
    finally:
        restore(options, horizon)
    report(rows)
    bad = [row for row in rows if row["duplicates"] or row["lost"] or row["remaining"]]
    print("OK: 0 duplicates, 0 lost, 0 remaining" if not bad else f"FAILED: {len(bad)} row(s)")
    return 1 if bad else 0


def restore(options, horizon):
    """The company's horizon and the jobs' code as they were."""
    with environment(options, commit=True) as env:
        env.company.maintenance_visit_horizon = horizon
        for xmlid, *_rest in JOBS.values():
            cron = env.ref(xmlid)
            cron.code = cron.code.split("(")[0] + "()"


def run_jobs(options, tmp, rows):
    for job in options.only or JOBS:
        for phase in (concurrent, killed):
            if job == "holidays" and phase is killed:
                continue  # one short batch: nothing to kill in the middle
            started = time.monotonic()
            row = phase(options, job, tmp)
            row["seconds"] = time.monotonic() - started
            rows.append(row)
            print(json.dumps(row, default=str), flush=True)


def report(rows):
    print()
    print(
        f"{'job':<10} {'phase':<36} {'expected':>8} {'left':>6} {'reruns':>6} {'new':>6} "
        f"{'dupl.':>6} {'lost':>5} {'remain':>6} {'s':>6}"
    )
    for row in rows:
        print(
            f"{row['job']:<10} {row['phase']:<36} {row['expected']:>8} {row['left']:>6} "
            f"{row['reruns']:>6} {row['new']:>6} {row['duplicates']:>6} {row['lost']:>5} "
            f"{row['remaining']:>6} {row['seconds']:>6.1f}"
        )
    print(
        "expected: output of one clean run (rolled back); left: still to do when the "
        "chaos processes ended; reruns: runs of the scheduled action until nothing remains"
    )
    for row in rows:
        print(f"  {row['job']} / {row['phase']}: {row['runs']}")


HIDDEN = "internal: used by the child processes"

if __name__ == "__main__":
    sys.exit(main())
