# Copyright 2026 Seed maintainers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Load of issue 16 on Locust (not a test): run it with tests/perf/load.sh.

Four kinds of users at once, each with its own web session (HTTP/1.1
keep-alive, like a browser or a phone):

- technicians (50): My day, open the task, check in, tick a checklist
  operation, enter a meter reading, upload a photo, check out; every fourth
  visit, close the task with the customer's signature and go to the next one;
- office users (10, operations managers): visits to plan, dossiers,
  contracts, the planning wizard's preview, the dashboard's figures;
- sensor gateways (5): batches of readings to ``POST /maintenance/api/readings``
  with their own sensor gateway key;
- portal customers (20): the portal pages of maintenance_contracts and
  maintenance_planning (/my/sites, /my/equipment, /my/visits,
  /my/interventions, /my/documents, /my/requests).

Before the run (``test_start``), the users, the customer and its site are made
or found again (idempotent: the same logins and password every run, made once), and the records a run
consumes (tasks, checklist lines, meters) are created afresh with the run's
tag. Every acknowledged write carries a unique marker recorded here (the
check-in id, the reading's meter and date, the photo's name, the checklist
comment, the closing summary); after the run (``test_stop``) each marker is
looked up in the database and counted: exactly once, or it is reported lost
or duplicated. The summary prints requests/s, p50/p95/p99 per kind, errors,
lost and duplicated writes; the exit code is 1 when any write is lost or
duplicated.

Environment: LOAD_DB (required), LOAD_ADMIN_LOGIN/LOAD_ADMIN_PASSWORD
(admin/admin), LOAD_TECHNICIANS (50), LOAD_OFFICE (10), LOAD_SENSORS (5),
LOAD_PORTAL (20), LOAD_BATCH (readings per sensor batch, 20),
LOAD_SESSIONS_FILE (where the users' sessions are kept between runs).
"""

import itertools
import json
import os
import time
import uuid
from collections import Counter
from datetime import datetime, timedelta, timezone
from urllib.parse import urlparse

import gevent.pool
import requests
from _jsonrpc import Client, RpcError
from locust import HttpUser, between, constant, events, task

# pylint: disable=print-used

DB = os.environ.get("LOAD_DB", "")
ADMIN_LOGIN = os.environ.get("LOAD_ADMIN_LOGIN", "admin")
ADMIN_PASSWORD = os.environ.get("LOAD_ADMIN_PASSWORD", "admin")
TECHNICIANS = int(os.environ.get("LOAD_TECHNICIANS", "50"))
OFFICE = int(os.environ.get("LOAD_OFFICE", "10"))
SENSORS = int(os.environ.get("LOAD_SENSORS", "5"))
PORTAL = int(os.environ.get("LOAD_PORTAL", "20"))
BATCH = int(os.environ.get("LOAD_BATCH", "20"))
SESSIONS_FILE = os.environ.get("LOAD_SESSIONS_FILE", "")
TASKS_PER_TECHNICIAN = 12  # one closed every fourth visit: enough for 5 minutes
METERS_PER_GATEWAY = 4
PASSWORD = "load-" + DB  # users of the load only, on a loopback server
TIMEOUT = 120
SITE = (45.7597, 4.8422)
NEAR = (45.7600, 4.8425, 15.0)
# 1x1 pixel images: a photo and a signature
PNG = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR4nGNgYGD4DwABBAEAwS2OUAAAAABJRU5ErkJggg=="
PORTAL_PAGES = (
    "/my",
    "/my/sites",
    "/my/equipment",
    "/my/visits",
    "/my/interventions",
    "/my/documents",
    "/my/requests",
)

STATE = {}  # what setup made, read by the users
LEDGER = {  # the acknowledged writes, by marker
    "checkins": [],
    "checkouts": 0,
    "readings": [],  # (meter id, date) of every acknowledged reading
    "photos": [],
    "checklist": {},  # line id -> last comment acknowledged
    "closings": {},  # task id -> summary acknowledged
}
COUNTERS = {kind: itertools.count() for kind in ("technician", "office", "sensor", "portal")}


class Admin(Client):
    """The administrator's JSON-RPC session, for setup and verification."""

    def __init__(self, url):
        super().__init__(url, DB, timeout=600)
        self.login(ADMIN_LOGIN, ADMIN_PASSWORD)

    def users(self, prefix, count, name, groups, extra=None):
        """Users prefix_0..prefix_{count-1}: made once, then found again (and
        their password set again) on every run."""
        logins = [f"{prefix}_{index}" for index in range(count)]
        rows = self.call(
            "res.users",
            "search_read",
            [("login", "in", logins)],
            fields=["login"],
            context={"active_test": False},
        )
        found = {row["login"]: row["id"] for row in rows}
        missing = [
            {
                "name": f"{name} {index + 1}",
                "login": login,
                "password": PASSWORD,
                "group_ids": [(6, 0, groups)],
                "tz": "Europe/Paris",
                **(extra(index) if extra else {}),
            }
            for index, login in enumerate(logins)
            if login not in found
        ]
        if missing:
            for user_id, values in zip(
                self.call("res.users", "create", missing), missing, strict=True
            ):
                found[values["login"]] = user_id
        ids = [found[login] for login in logins]
        inactive = self.call("res.users", "search", [("id", "in", ids), ("active", "=", False)])
        if inactive:
            self.call("res.users", "write", inactive, {"active": True})
        return list(zip(logins, ids, strict=True))


def setup(url):
    admin = Admin(url)
    tag = uuid.uuid4().hex[:8]
    technician_group = admin.xmlid("maintenance_contracts", "group_maintenance_technician")
    manager_group = admin.xmlid("maintenance_contracts", "group_maintenance_manager")
    sensor_group = admin.xmlid("maintenance_planning", "group_maintenance_sensor_gateway")
    portal_group = admin.xmlid("base", "group_portal")
    customer = admin.find_or_create(
        "res.partner",
        [("name", "=", "Résidence Charge Bellecour"), ("is_company", "=", True)],
        {"name": "Résidence Charge Bellecour", "is_company": True, "city": "Lyon"},
    )
    site = admin.find_or_create(
        "maintenance.site",
        [("name", "=", "Charge Bellecour - chaufferie"), ("customer_id", "=", customer)],
        {
            "name": "Charge Bellecour - chaufferie",
            "customer_id": customer,
            "street": "1 place Bellecour",
            "zip": "69002",
            "city": "Lyon",
            "partner_latitude": SITE[0],
            "partner_longitude": SITE[1],
        },
    )
    equipment = admin.find_or_create(
        "maintenance.customer.equipment",
        [("name", "=", "Charge Bellecour - chaudière"), ("site_id", "=", site)],
        {"name": "Charge Bellecour - chaudière", "site_id": site},
    )
    technicians = admin.users("load_tech", TECHNICIANS, "Technicien charge", [technician_group])
    office = admin.users("load_office", OFFICE, "Bureau charge", [manager_group])
    gateways = admin.users("load_gateway", SENSORS, "Passerelle charge", [sensor_group])
    contacts = [
        admin.find_or_create(
            "res.partner",
            [("name", "=", f"Client portail charge {index + 1}"), ("parent_id", "=", customer)],
            {
                "name": f"Client portail charge {index + 1}",
                "parent_id": customer,
                "email": f"load_portal_{index}@example.com",
            },
        )
        for index in range(PORTAL)
    ]
    portal = admin.users(
        "load_portal",
        PORTAL,
        "Client portail charge",
        [portal_group],
        extra=lambda index: {"partner_id": contacts[index]},
    )
    # a check-in left open by an interrupted run would refuse this run's
    stale = admin.call(
        "maintenance.task.checkin",
        "search",
        [
            ("user_id", "in", [user_id for _login, user_id in technicians]),
            ("check_out", "=", False),
        ],
    )
    if stale:
        admin.call("maintenance.task.checkin", "write", stale, {"check_out": fields_now()})
    # the records a run consumes, tagged with the run
    now = datetime.now(timezone.utc).replace(tzinfo=None, microsecond=0)
    dossier = admin.call(
        "maintenance.intervention",
        "create",
        {
            "intervention_type": "corrective",
            "site_id": site,
            "equipment_ids": [(6, 0, [equipment])],
        },
    )
    task_values = [
        {
            "name": f"Charge {tag} tâche {index}-{number}",
            "intervention_id": dossier,
            "user_ids": [(6, 0, [user_id])],
            "planned_start": now.strftime("%Y-%m-%d %H:%M:%S"),
            "duration": 1.0,
            "equipment_ids": [(6, 0, [equipment])],
        }
        for index, (_login, user_id) in enumerate(technicians)
        for number in range(TASKS_PER_TECHNICIAN)
    ]
    tasks = []
    for start in range(0, len(task_values), 200):
        tasks += admin.call("maintenance.task", "create", task_values[start : start + 200])
    lines = admin.call(
        "maintenance.task.checklist",
        "create",
        [{"task_id": task_id, "name": "Contrôle de combustion"} for task_id in tasks],
    )
    manual_meters = admin.call(
        "maintenance.meter",
        "create",
        [
            {
                "name": f"Relevé manuel {tag} {index}",
                "equipment_id": equipment,
                "kind": "counter",
                "unit": "h",
            }
            for index in range(TECHNICIANS)
        ],
    )
    codes = [f"LC-{tag}-{index}" for index in range(SENSORS * METERS_PER_GATEWAY)]
    sensor_meters = admin.call(
        "maintenance.meter",
        "create",
        [
            {
                "name": "Sonde",
                "code": code,
                "equipment_id": equipment,
                "kind": "counter",
                "unit": "kWh",
            }
            for code in codes
        ],
    )
    keys = [gateway_key(admin, user_id) for _login, user_id in gateways]
    # logged in before the run, as phones and browsers are: the password
    # hashing of 85 logins is not the load we measure
    logins = [login for login, _user_id in technicians + office + portal]
    # (the sessions of the previous run are kept in var/load/ and used again
    # while the server still knows them)
    saved = {}
    if SESSIONS_FILE and os.path.exists(SESSIONS_FILE):
        with open(SESSIONS_FILE, encoding="utf-8") as file:
            saved = json.load(file)
    pool = gevent.pool.Pool(8)
    sessions = dict(
        zip(
            logins,
            pool.map(lambda login: session_of(url, login, saved.get(login)), logins),
            strict=True,
        )
    )
    if SESSIONS_FILE:
        with open(SESSIONS_FILE, "w", encoding="utf-8") as file:
            json.dump(sessions, file)
    visits = admin.call("maintenance.visit", "search", [("state", "=", "to_plan")], limit=5)
    STATE.update(
        admin=admin,
        tag=tag,
        sessions=sessions,
        dossier=dossier,
        technicians=[
            {
                "login": login,
                "tasks": tasks[index * TASKS_PER_TECHNICIAN : (index + 1) * TASKS_PER_TECHNICIAN],
                "lines": lines[index * TASKS_PER_TECHNICIAN : (index + 1) * TASKS_PER_TECHNICIAN],
                "meter": manual_meters[index],
            }
            for index, (login, _user_id) in enumerate(technicians)
        ],
        office=[login for login, _user_id in office],
        office_technician=technicians[0][1] if technicians else False,
        visits_to_plan=visits,
        gateways=[
            {
                "key": keys[index],
                "codes": codes[index * METERS_PER_GATEWAY : (index + 1) * METERS_PER_GATEWAY],
                "meters": sensor_meters[
                    index * METERS_PER_GATEWAY : (index + 1) * METERS_PER_GATEWAY
                ],
            }
            for index in range(SENSORS)
        ],
        portal=[login for login, _user_id in portal],
        tasks=tasks,
        meters=manual_meters + sensor_meters,
    )
    print(
        f"Load {tag}: {TECHNICIANS} technicians ({len(tasks)} tasks), {OFFICE} office users, "
        f"{SENSORS} sensor gateways, {PORTAL} portal customers on {DB}"
    )


def fields_now():
    return datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M:%S")


def session_of(url, login, saved=None):
    """The session cookie of a user logged in through the web client's route
    (``saved``, [session id, uid], when the server still knows it)."""
    http = requests.Session()
    if saved:
        http.cookies.set("session_id", saved[0])
        response = http.post(
            url.rstrip("/") + "/web/session/get_session_info",
            json={"jsonrpc": "2.0", "method": "call", "id": 1, "params": {}},
            timeout=TIMEOUT,
        )
        if response.ok and (response.json().get("result") or {}).get("uid") == saved[1]:
            return saved
        http = requests.Session()
    response = http.post(
        url.rstrip("/") + "/web/session/authenticate",
        json={
            "jsonrpc": "2.0",
            "method": "call",
            "id": 1,
            "params": {"db": DB, "login": login, "password": PASSWORD},
        },
        timeout=TIMEOUT,
    )
    response.raise_for_status()
    body = response.json()
    if body.get("error"):
        raise RpcError(f"{login} cannot log in: {body['error']}")
    return [http.cookies["session_id"], body["result"]["uid"]]


def gateway_key(admin, gateway):
    """A sensor gateway key, made with the button of the user's form."""
    action = admin.call("res.users", "action_maintenance_sensor_key", [gateway])
    if action.get("res_model") == "res.users.identitycheck":
        action = admin.call(
            "res.users.identitycheck",
            "run_check",
            [action["res_id"]],
            context={"password": ADMIN_PASSWORD},
        )
    return action["context"]["default_key"]


def verify():
    """Each acknowledged write in the database, exactly once."""
    admin = STATE["admin"]
    lost = Counter()
    duplicated = Counter()
    checkins = admin.call(
        "maintenance.task.checkin",
        "search_read",
        [("task_id", "in", STATE["tasks"])],
        fields=["id", "check_out"],
    )
    stored = Counter(row["id"] for row in checkins)
    for checkin_id in LEDGER["checkins"]:
        lost["check-in"] += stored[checkin_id] == 0
    duplicated["check-in"] += len(LEDGER["checkins"]) - len(set(LEDGER["checkins"]))
    closed = sum(1 for row in checkins if row["check_out"])
    lost["check-out"] += max(LEDGER["checkouts"] - closed, 0)
    readings = admin.call(
        "maintenance.meter.reading",
        "search_read",
        [("meter_id", "in", STATE["meters"])],
        fields=["meter_id", "date"],
    )
    stored = Counter((row["meter_id"][0], row["date"]) for row in readings)
    for key in set(LEDGER["readings"]):
        lost["reading"] += stored[key] == 0
        duplicated["reading"] += max(stored[key] - 1, 0)
    duplicated["reading"] += len(LEDGER["readings"]) - len(set(LEDGER["readings"]))
    photos = admin.call(
        "ir.attachment",
        "search_read",
        [("res_model", "=", "maintenance.task"), ("name", "in", LEDGER["photos"] or ["-"])],
        fields=["name"],
    )
    stored = Counter(row["name"] for row in photos)
    for name in LEDGER["photos"]:
        lost["photo"] += stored[name] == 0
        duplicated["photo"] += max(stored[name] - 1, 0)
    lines = admin.call(
        "maintenance.task.checklist",
        "read",
        list(LEDGER["checklist"]),
        ["comment", "result"],
    )
    stored = {row["id"]: row["comment"] for row in lines}
    for line_id, comment in LEDGER["checklist"].items():
        lost["checklist"] += stored.get(line_id) != comment
    tasks = admin.call(
        "maintenance.task",
        "read",
        list(LEDGER["closings"]),
        ["work_summary", "state", "customer_signed_on"],
    )
    stored = {row["id"]: row for row in tasks}
    for task_id, summary in LEDGER["closings"].items():
        row = stored.get(task_id) or {}
        lost["closing"] += not (
            row.get("work_summary") == summary
            and row.get("state") == "done"
            and row.get("customer_signed_on")
        )
    written = {
        "check-in": len(LEDGER["checkins"]),
        "check-out": LEDGER["checkouts"],
        "reading": len(LEDGER["readings"]),
        "photo": len(LEDGER["photos"]),
        "checklist": len(LEDGER["checklist"]),
        "closing": len(LEDGER["closings"]),
    }
    return written, lost, duplicated


class OdooUser(HttpUser):
    """A user with an Odoo web session."""

    abstract = True
    uid = None

    def rpc(self, name, path, params):
        with self.client.post(
            path,
            json={"jsonrpc": "2.0", "method": "call", "id": 1, "params": params},
            name=name,
            catch_response=True,
            timeout=TIMEOUT,
        ) as response:
            try:
                body = response.json()
            except ValueError:
                response.failure(f"HTTP {response.status_code}: not JSON")
                return None
            if body.get("error"):
                error = body["error"]
                response.failure(error.get("data", {}).get("message") or error.get("message"))
                return None
            response.success()
            return body["result"]

    def call(self, name, model, method, *args, **kwargs):
        return self.rpc(
            name,
            "/web/dataset/call_kw",
            {"model": model, "method": method, "args": list(args), "kwargs": kwargs},
        )

    def login(self, login):
        session = STATE["sessions"].get(login)
        if session and not self.uid:
            # the session opened by setup: the user is already logged in
            self.client.cookies.set("session_id", session[0])
            self.uid = session[1]
            return
        result = self.rpc(
            "login", "/web/session/authenticate", {"db": DB, "login": login, "password": PASSWORD}
        )
        self.uid = result and result["uid"]


class Technician(OdooUser):
    fixed_count = TECHNICIANS
    wait_time = between(0.5, 1.5)

    def on_start(self):
        self.me = STATE["technicians"][next(COUNTERS["technician"]) % TECHNICIANS]
        self.current = 0
        self.visits = 0
        self.checked_in = False
        # one reading a second in the past: one value per meter and date
        self.base = datetime.now(timezone.utc).replace(tzinfo=None, microsecond=0)
        self.base -= timedelta(days=1)
        self.login(self.me["login"])

    @task
    def visit(self):
        if not self.uid:
            self.login(self.me["login"])
            return
        task_id = self.me["tasks"][self.current]
        line_id = self.me["lines"][self.current]
        if self.checked_in:
            # the last check-out was refused or lost: check out first
            if (
                self.call(
                    "technician: check-out",
                    "maintenance.task",
                    "action_check_out",
                    [task_id],
                    *NEAR,
                )
                is not None
            ):
                LEDGER["checkouts"] += 1
                self.checked_in = False
            return
        self.visits += 1
        marker = uuid.uuid4().hex
        self.call(
            "technician: my day",
            "maintenance.task",
            "web_search_read",
            [("user_ids", "in", [self.uid]), ("state", "in", ["todo", "in_progress"])],
            specification={"name": {}, "planned_start": {}, "state": {}, "site_id": {}},
            limit=80,
        )
        self.call(
            "technician: task open",
            "maintenance.task",
            "web_read",
            [task_id],
            specification={
                "name": {},
                "state": {},
                "description": {},
                "checklist_ids": {"fields": {"name": {}, "result": {}, "comment": {}}},
            },
        )
        result = self.call(
            "technician: check-in", "maintenance.task", "action_check_in", [task_id], *NEAR
        )
        if result is None:
            return
        LEDGER["checkins"].append(result["id"])
        self.checked_in = True
        if (
            self.call(
                "technician: checklist",
                "maintenance.task.checklist",
                "write",
                [line_id],
                {"result": "done", "comment": f"Contrôle {marker}"},
            )
            is not None
        ):
            LEDGER["checklist"][line_id] = f"Contrôle {marker}"
        date = (self.base + timedelta(seconds=self.visits)).strftime("%Y-%m-%d %H:%M:%S")
        if (
            self.call(
                "technician: reading",
                "maintenance.meter.reading",
                "create",
                {
                    "meter_id": self.me["meter"],
                    "task_id": task_id,
                    "value": float(self.visits),
                    "date": date,
                },
            )
            is not None
        ):
            LEDGER["readings"].append((self.me["meter"], date))
        name = f"photo-{marker}.png"
        attachment = self.call(
            "technician: photo upload",
            "ir.attachment",
            "create",
            {
                "name": name,
                "datas": PNG,
                "mimetype": "image/png",
                "res_model": "maintenance.task",
                "res_id": task_id,
            },
        )
        if attachment is not None and (
            self.call(
                "technician: photo upload",
                "maintenance.task",
                "write",
                [task_id],
                {"photo_ids": [(4, attachment)]},
            )
            is not None
        ):
            LEDGER["photos"].append(name)
        if (
            self.call(
                "technician: check-out", "maintenance.task", "action_check_out", [task_id], *NEAR
            )
            is not None
        ):
            LEDGER["checkouts"] += 1
            self.checked_in = False
        if self.visits % 4 == 0 and self.current + 1 < len(self.me["tasks"]):
            self.close(task_id, marker)

    def close(self, task_id, marker):
        summary = f"Entretien fait, brûleur réglé ({marker})"
        written = self.call(
            "technician: close with signature",
            "maintenance.task",
            "write",
            [task_id],
            {
                "work_summary": summary,
                "customer_signer_name": "M. Charge",
                "customer_signature": PNG,
            },
        )
        if written is None:
            return
        if (
            self.call(
                "technician: close with signature", "maintenance.task", "action_done", [task_id]
            )
            is not None
        ):
            LEDGER["closings"][task_id] = summary
            self.current += 1


class OfficeUser(OdooUser):
    fixed_count = OFFICE
    wait_time = between(1, 3)

    def on_start(self):
        self.login(STATE["office"][next(COUNTERS["office"]) % OFFICE])

    @task(3)
    def visits_to_plan(self):
        self.call(
            "office: visits to plan",
            "maintenance.visit",
            "web_search_read",
            [("state", "=", "to_plan")],
            specification={"display_name": {}, "due_date": {}, "site_id": {}, "state": {}},
            limit=80,
            count_limit=10001,
        )

    @task(3)
    def dossiers(self):
        self.call(
            "office: dossiers",
            "maintenance.intervention",
            "web_search_read",
            [],
            specification={"name": {}, "state": {}, "site_id": {}, "intervention_type": {}},
            limit=80,
            count_limit=10001,
        )

    @task(2)
    def contracts(self):
        self.call(
            "office: contracts",
            "contract.contract",
            "web_search_read",
            [],
            specification={"name": {}, "partner_id": {}, "recurring_next_date": {}},
            limit=80,
            count_limit=10001,
        )

    @task(1)
    def planning_wizard(self):
        visits = STATE["visits_to_plan"]
        if not visits:
            return
        # the wizard's preview: a new wizard read back, never confirmed
        self.call(
            "office: planning wizard",
            "maintenance.visit.plan",
            "onchange",
            [],
            {},
            [],
            {"visit_ids": {}, "dossier_count": {}, "total_duration": {}},
            context={"active_model": "maintenance.visit", "active_ids": visits},
        )

    @task(2)
    def dashboard(self):
        self.call(
            "office: dashboard",
            "maintenance.kpi.intervention",
            "formatted_read_group",
            [],
            ["intervention_type", "state"],
            ["__count"],
        )


class SensorGateway(HttpUser):
    fixed_count = SENSORS
    wait_time = constant(1)

    def on_start(self):
        self.me = STATE["gateways"][next(COUNTERS["sensor"]) % SENSORS]
        self.step = 0
        self.base = datetime.now(timezone.utc).replace(tzinfo=None, microsecond=0)
        self.base -= timedelta(days=2)

    @task
    def push(self):
        readings = []
        for _index in range(BATCH):
            self.step += 1
            code = self.me["codes"][self.step % len(self.me["codes"])]
            readings.append(
                {
                    "meter": code,
                    "value": float(self.step),
                    "date": (self.base + timedelta(seconds=self.step)).isoformat() + "Z",
                    "unit": "kWh",
                }
            )
        with self.client.post(
            "/maintenance/api/readings",
            json={"readings": readings},
            headers={"Authorization": f"Bearer {self.me['key']}"},
            name="sensor: readings batch",
            catch_response=True,
            timeout=TIMEOUT,
        ) as response:
            if response.status_code != 200:
                response.failure(f"HTTP {response.status_code}: {response.text[:200]}")
                return
            body = response.json()
            if body.get("created") != len(readings):
                response.failure(f"{body.get('duplicates')} readings taken as duplicates")
                return
            response.success()
        meters = dict(zip(self.me["codes"], self.me["meters"], strict=True))
        LEDGER["readings"].extend(
            (meters[item["meter"]], item["date"][:-1].replace("T", " ")) for item in readings
        )


class PortalCustomer(OdooUser):
    fixed_count = PORTAL
    wait_time = between(1, 3)

    def on_start(self):
        self.login(STATE["portal"][next(COUNTERS["portal"]) % PORTAL])
        self.pages = itertools.cycle(PORTAL_PAGES)

    @task
    def page(self):
        path = next(self.pages)
        with self.client.get(
            path, name=f"portal: {path}", catch_response=True, timeout=TIMEOUT
        ) as response:
            if response.status_code != 200 or "/web/login" in response.url:
                response.failure(f"HTTP {response.status_code} {response.url}")
            else:
                response.success()


@events.init_command_line_parser.add_listener
def _options(parser):
    parser.add_argument("--load-label", default="", help="name of the run in the summary")


@events.init.add_listener
def _setup(environment, **_kwargs):
    # at init, before the run's clock starts: the setup is not in the figures
    host = urlparse(environment.host or "").hostname or ""
    if not (host == "localhost" or host.startswith("127.") or host == "::1"):
        raise SystemExit("--host must be a loopback address (127.0.0.0/8, localhost or ::1)")
    if not DB:
        raise SystemExit("LOAD_DB must name the database")
    setup(environment.host)


@events.test_start.add_listener
def _start(**_kwargs):
    STATE["started"] = time.monotonic()


@events.test_stop.add_listener
def _summary(environment, **_kwargs):
    stats = environment.stats
    total = stats.total
    elapsed = max(time.monotonic() - STATE.get("started", time.monotonic()), 1e-3)
    label = environment.parsed_options.load_label if environment.parsed_options else ""
    print(f"\n==== Load summary {label} (tag {STATE.get('tag')}), {elapsed:.0f} s")
    print(
        f"{'kind':44} {'reqs':>7} {'fails':>6} {'req/s':>7} {'p50 ms':>7} "
        f"{'p95 ms':>7} {'p99 ms':>7}"
    )
    for entry in sorted(stats.entries.values(), key=lambda entry: entry.name):
        print(
            f"{entry.name[:44]:44} {entry.num_requests:7d} {entry.num_failures:6d} "
            f"{entry.num_requests / elapsed:7.1f} "
            f"{entry.get_response_time_percentile(0.50):7.0f} "
            f"{entry.get_response_time_percentile(0.95):7.0f} "
            f"{entry.get_response_time_percentile(0.99):7.0f}"
        )
    print(
        f"{'TOTAL':44} {total.num_requests:7d} {total.num_failures:6d} "
        f"{total.num_requests / elapsed:7.1f} {total.get_response_time_percentile(0.50):7.0f} "
        f"{total.get_response_time_percentile(0.95):7.0f} "
        f"{total.get_response_time_percentile(0.99):7.0f}"
    )
    for error in list(stats.errors.values())[:10]:
        print(
            f"  error {error.occurrences} x {error.method} {error.name}: {str(error.error)[:300]}"
        )
    sensor = sum(1 for meter, _date in LEDGER["readings"] if meter not in _manual_meters())
    print(
        f"Sensor readings stored: {sensor} "
        f"({sensor / elapsed:.1f}/s); technician readings: {len(LEDGER['readings']) - sensor}"
    )
    written, lost, duplicated = verify()
    print("Writes acknowledged: " + ", ".join(f"{kind} {count}" for kind, count in written.items()))
    print(f"lost={sum(lost.values())} duplicated={sum(duplicated.values())}")
    for kind in written:
        if lost[kind] or duplicated[kind]:
            print(f"  {kind}: lost {lost[kind]}, duplicated {duplicated[kind]}")
    if sum(lost.values()) or sum(duplicated.values()):
        environment.process_exit_code = 1


def _manual_meters():
    return {technician["meter"] for technician in STATE.get("technicians", [])}
