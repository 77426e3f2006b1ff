# Copyright 2026 Seed maintainers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Which PostgreSQL served our add-ons' traffic: the hot standby or the primary.

Run by ``scripts/replica.sh measure`` (the standby must be running):

    python3 tests/perf/replica_share.py -c var/h16r.conf -d h16r \\
        --http-port 8134 --workers 2 --replica-port 5434

It starts Odoo with ``--workers`` and ``--db_replica_host``/``--db_replica_port``
(the standby's Unix socket), logs in as the demo users (office manager, a
technician, a portal customer), drives read-only traffic (lists through
``web_search_read``, pivots and graphs of the dashboard through
``formatted_read_group``, the spreadsheet dashboard, forms, smart buttons,
the calendar's unusual days, portal pages, the portal logbook PDF) and some
writes (chatter notes, a portal request), stops Odoo, then counts:

- per request kind, from Odoo's own request log (its last field is the
  cursor mode: ``ro`` = served on the standby, ``rw`` = on the primary,
  ``ro->rw`` = a read-only route that tried to write and was replayed on the
  primary) the requests and their SQL queries;
- on the standby, ``pg_stat_statements`` of the database: the statements it
  ran (SELECT / WITH, and INSERT/UPDATE/DELETE, which must be 0);
- on the primary, ``pg_stat_database``: the rows written meanwhile.
"""

import argparse
import collections
import importlib.util
import os
import re
import signal
import subprocess
import sys
import time

import psycopg2
import requests

LOG_LINE = re.compile(
    r'"(?P<verb>GET|POST) (?P<path>\S+) HTTP/[\d.]+" (?P<status>\d+) \S+ '
    r"(?P<queries>\d+) [\d.]+ [\d.]+ (?P<mode>ro->rw|ro|rw|-)\s*$"
)


PREFIX_KINDS = (
    ("/spreadsheet/dashboard/data", "spreadsheet dashboard"),
    ("/web/session/authenticate", "login"),
    ("/web/assets/", "report assets (wkhtmltopdf)"),
    ("/web/static/", "report assets (wkhtmltopdf)"),
)
GENERIC_METHODS = ("web_search_read", "formatted_read_group", "web_read", "message_post")


def kind_of(path):
    # website=True routes answer the portal user's language under /fr/...
    path = re.sub(r"^/[a-z]{2}(_[A-Z]{2})?(?=/my\b)", "", path.split("?")[0])
    kind = path
    if path.startswith(("/web/dataset/call_kw/", "/web/dataset/call_button/")):
        model, _dot, method = path.rsplit("/", 1)[1].rpartition(".")
        kind = method if method in GENERIC_METHODS else f"{model}.{method}"
    elif path.startswith("/my/"):
        kind = "portal PDF (logbook)" if path.endswith("/pdf") else "portal page"
    else:
        kind = next((label for prefix, label in PREFIX_KINDS if path.startswith(prefix)), path)
    return kind


class Client:
    def __init__(self, base, db, login):
        self.base, self.db, self.login = base, db, login
        self.http = requests.Session()
        result = self.jsonrpc(
            "/web/session/authenticate", {"db": db, "login": login, "password": login}
        )
        self.uid = result["uid"]

    def jsonrpc(self, path, params):
        response = self.http.post(
            self.base + path,
            json={"jsonrpc": "2.0", "method": "call", "params": params},
            timeout=120,
        )
        response.raise_for_status()
        body = response.json()
        if body.get("error"):
            raise RuntimeError(f"{self.login} {path}: {body['error']['data']['message']}")
        return body["result"]

    def call(self, model, method, *args, **kwargs):
        return self.jsonrpc(
            f"/web/dataset/call_kw/{model}.{method}",
            {"model": model, "method": method, "args": list(args), "kwargs": kwargs},
        )

    def get(self, path):
        response = self.http.get(self.base + path, timeout=120)
        response.raise_for_status()
        return response

    def first_id(self, model, domain=()):
        records = self.call(model, "web_search_read", list(domain), {"display_name": {}}, limit=1)[
            "records"
        ]
        return records[0]["id"] if records else None


LISTS = {
    "maintenance.intervention": {"display_name": {}, "state": {}, "customer_id": {}},
    "maintenance.task": {"display_name": {}, "planned_start": {}, "state": {}, "site_id": {}},
    "maintenance.visit": {"display_name": {}, "state": {}},
    "contract.contract": {"display_name": {}, "partner_id": {}},
    "maintenance.site": {"display_name": {}},
    "maintenance.customer.equipment": {"display_name": {}, "site_id": {}},
    "maintenance.customer.request": {"display_name": {}, "state": {}},
}
DASHBOARD = {
    "maintenance.kpi.visit": ["due_date:month"],
    "maintenance.kpi.intervention": ["intervention_type"],
    "maintenance.kpi.hours": ["user_id"],
}


def office_round(client, ids):
    for model, spec in LISTS.items():
        client.call(model, "web_search_read", [], spec, limit=80)
    for model, groupby in DASHBOARD.items():
        client.call(model, "formatted_read_group", [], groupby, ["__count"])
    if ids.get("dashboard"):
        client.get(f"/spreadsheet/dashboard/data/{ids['dashboard']}")
    if ids.get("intervention"):
        client.call(
            "maintenance.intervention",
            "web_read",
            [ids["intervention"]],
            {"display_name": {}, "state": {}, "task_ids": {"fields": {"display_name": {}}}},
        )
        client.call("maintenance.intervention", "action_view_tasks", [ids["intervention"]])
        client.call(
            "maintenance.intervention",
            "message_post",
            [ids["intervention"]],
            body="Note de suivi (mesure réplique)",
            message_type="comment",
            subtype_xmlid="mail.mt_note",
        )
    if ids.get("site"):
        client.call("maintenance.site", "action_view_equipment", [ids["site"]])
    client.call("maintenance.task", "get_unusual_days", "2026-01-01", "2026-02-28")


def technician_round(client, ids):
    client.call(
        "maintenance.task",
        "web_search_read",
        [["user_ids", "in", [client.uid]]],
        LISTS["maintenance.task"],
        limit=40,
    )
    if ids.get("task"):
        client.call(
            "maintenance.task",
            "web_read",
            [ids["task"]],
            {"display_name": {}, "state": {}, "site_address": {}, "checklist_ids": {}},
        )
        client.call("maintenance.task", "action_view_meters", [ids["task"]])
        client.call(
            "maintenance.task",
            "message_post",
            [ids["task"]],
            body="Passage effectué, RAS (mesure réplique)",
            message_type="comment",
            subtype_xmlid="mail.mt_note",
        )


def portal_round(client, ids):
    for path in (
        "/my/sites",
        "/my/equipment",
        "/my/visits",
        "/my/interventions",
        "/my/documents",
        "/my/requests",
    ):
        client.get(path)
    if ids.get("portal_site"):
        client.get(f"/my/sites/{ids['portal_site']}")
    if ids.get("portal_equipment"):
        client.get(f"/my/equipment/{ids['portal_equipment']}")
        client.get(f"/my/equipment/{ids['portal_equipment']}/logbook")
    if ids.get("portal_logbook"):
        client.get(f"/my/equipment/{ids['portal_logbook']}/logbook/pdf")


def stats(dsn, query):
    with psycopg2.connect(dsn) as cnx, cnx.cursor() as cr:
        cr.execute(query)
        return cr.fetchone()


def main():
    args = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    args.add_argument("-c", "--config", required=True)
    args.add_argument("-d", "--database", required=True)
    args.add_argument("--http-port", type=int, default=8134)
    args.add_argument("--workers", type=int, default=2)
    args.add_argument("--replica-port", type=int, default=5434)
    args.add_argument("--socket-dir", default="/var/run/postgresql")
    args.add_argument("--rounds", type=int, default=5)
    options = args.parse_args()
    root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    logfile = os.path.join(root, "var", "replica", "odoo-measure.log")
    os.makedirs(os.path.dirname(logfile), exist_ok=True)
    if os.path.exists(logfile):
        os.unlink(logfile)
    primary = f"dbname={options.database}"
    standby = f"host={options.socket_dir} port={options.replica_port} dbname={options.database}"
    written = (
        "SELECT tup_inserted + tup_updated + tup_deleted, xact_commit "
        "FROM pg_stat_database WHERE datname = current_database()"
    )
    notes = "SELECT count(*) FROM mail_message WHERE body::text LIKE '%%(mesure réplique)%%'"
    stats(standby, "SELECT pg_stat_statements_reset()")
    before = stats(primary, written)
    notes_before = stats(primary, notes)[0]

    # Odoo's console script, not ``python -m odoo``: the prefork server
    # spawns its gevent (websocket) process by re-running its own argv[0]
    launcher = next(
        (
            os.path.join(os.path.dirname(path), "odoo-bin")
            for path in importlib.util.find_spec("odoo").submodule_search_locations
            if os.path.exists(os.path.join(os.path.dirname(path), "odoo-bin"))
        ),
        None,
    )
    if not launcher:
        raise SystemExit("Odoo's odoo-bin was not found beside the odoo package")
    command = [
        sys.executable,
        launcher,
        "-c",
        options.config,
        "-d",
        options.database,
        f"--http-port={options.http_port}",
        f"--gevent-port={options.http_port + 40}",
        f"--workers={options.workers}",
        "--max-cron-threads=0",
        f"--db_replica_host={options.socket_dir}",
        f"--db_replica_port={options.replica_port}",
        f"--logfile={logfile}",
        "--log-handler=werkzeug:INFO",
        "--limit-time-real=300",
        "--limit-time-cpu=200",
    ]
    # the server's own output (e.g. its gevent process) beside its log
    with open(logfile.replace(".log", ".out"), "w", encoding="utf-8") as output:
        server = subprocess.Popen(command, cwd=root, stdout=output, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{options.http_port}"
    try:
        for _attempt in range(120):
            try:
                if requests.get(base + "/web/login", timeout=60).status_code == 200:
                    break
            except requests.RequestException:
                pass
            time.sleep(1)
        else:
            raise SystemExit(f"Odoo did not answer on {base}: see {logfile}")

        office = Client(base, options.database, "sophie")
        technician = Client(base, options.database, "julien")
        portal = Client(base, options.database, "horizon")
        ids = {
            "intervention": office.first_id("maintenance.intervention"),
            "site": office.first_id("maintenance.site"),
            "dashboard": office.first_id(
                "spreadsheet.dashboard", [["name", "ilike", "Preventive"]]
            ),
            "task": technician.first_id("maintenance.task", [["user_ids", "in", [technician.uid]]]),
            "portal_site": portal.first_id("maintenance.site"),
            "portal_equipment": portal.first_id("maintenance.customer.equipment"),
            "portal_logbook": portal.first_id(
                "maintenance.customer.equipment", [["logbook_entry_ids", "!=", False]]
            ),
        }
        started = time.perf_counter()
        for _round in range(options.rounds):
            office_round(office, ids)
            technician_round(technician, ids)
            portal_round(portal, ids)
        elapsed = time.perf_counter() - started
    finally:
        server.send_signal(signal.SIGTERM)
        try:
            server.wait(timeout=60)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()

    # a backend reports its statistics when it ends: wait for Odoo's
    for _attempt in range(30):
        if not stats(
            primary,
            "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
            "AND pid != pg_backend_pid()",
        )[0]:
            break
        time.sleep(1)
    time.sleep(1)
    after = stats(primary, written)
    notes_primary = stats(primary, notes)[0] - notes_before
    # wait until the standby has replayed what the primary wrote so far
    target = stats(primary, "SELECT pg_current_wal_lsn()::text")[0]
    for _attempt in range(60):
        if stats(standby, f"SELECT pg_last_wal_replay_lsn() >= '{target}'::pg_lsn")[0]:
            break
        time.sleep(1)
    notes_standby = stats(standby, notes)[0] - notes_before
    standby_reads, standby_writes, standby_other = stats(
        standby,
        r"""SELECT COALESCE(SUM(calls) FILTER (WHERE query ~* '^\s*(select|with)\M'), 0),
                   COALESCE(SUM(calls) FILTER (WHERE query ~* '^\s*(insert|update|delete)\M'), 0),
                   COALESCE(SUM(calls) FILTER (WHERE query !~* '^\s*(select|with|insert|update|delete)\M'), 0)
              FROM pg_stat_statements s JOIN pg_database d ON d.oid = s.dbid
             WHERE d.datname = current_database()""",
    )

    table = collections.defaultdict(collections.Counter)
    with open(logfile, encoding="utf-8") as log:
        for line in log:
            match = LOG_LINE.search(line)
            if not match:
                continue
            row = table[kind_of(match["path"])]
            mode = match["mode"]
            row["requests"] += 1
            row[mode] += 1
            row[f"q_{mode}"] += int(match["queries"])
            row["errors"] += match["status"] >= "400"
            row["redirects"] += match["status"] in ("301", "302", "303")

    print(
        f"\n{options.rounds} rounds (office manager, technician, portal customer) in "
        f"{elapsed:.1f} s, Odoo --workers={options.workers}, standby on port "
        f"{options.replica_port}\n"
    )
    header = f"{'request kind':38} {'requests':>8} {'ro':>5} {'rw':>5} {'ro->rw':>6} {'-':>3} "
    header += f"{'queries standby':>15} {'queries primary':>15} {'errors':>6}"
    print(header)
    print("-" * len(header))
    total = collections.Counter()
    for kind in sorted(table, key=lambda k: (-table[k]["ro"], k)):
        row = table[kind]
        total.update(row)
        print(
            f"{kind:38} {row['requests']:8d} {row['ro']:5d} {row['rw']:5d} {row['ro->rw']:6d} "
            f"{row['-']:3d} "
            f"{row['q_ro']:15d} {row['q_rw'] + row['q_ro->rw']:15d} {row['errors']:6d}"
        )
    print("-" * len(header))
    print(
        f"{'total':38} {total['requests']:8d} {total['ro']:5d} {total['rw']:5d} "
        f"{total['ro->rw']:6d} {total['-']:3d} {total['q_ro']:15d} {total['q_rw'] + total['q_ro->rw']:15d} "
        f"{total['errors']:6d}"
    )
    print(
        "(ro = served by the standby, rw = by the primary, ro->rw = a read-only route that "
        "wrote and was replayed on the primary, - = no database cursor: static files and the "
        f"{total['redirects']} redirects to the portal user's language)"
    )
    queries = total["q_ro"] + total["q_rw"] + total["q_ro->rw"]
    print(
        f"\nQueries run on the standby (Odoo's count of the 'ro' requests): {total['q_ro']} of "
        f"{queries} = {100.0 * total['q_ro'] / queries:.1f} % of all the SQL of these requests"
        " (the writing requests' reads included in the rest)"
    )
    print(
        f"Standby pg_stat_statements for {options.database}: {standby_reads} SELECT/WITH, "
        f"{standby_writes} INSERT/UPDATE/DELETE, {standby_other} others (BEGIN, SET, SHOW...)"
    )
    print(
        f"Primary pg_stat_database for {options.database}: {after[0] - before[0]} rows "
        f"written, {after[1] - before[1]} transactions committed meanwhile"
    )
    print(
        f"Chatter notes posted: {2 * options.rounds}; new on the primary: {notes_primary}; "
        f"seen on the standby (replicated, not written there): {notes_standby}"
    )
    return 0 if not total["errors"] else 1


if __name__ == "__main__":
    sys.exit(main())
