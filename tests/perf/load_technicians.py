#!/usr/bin/env python3
# Copyright 2026 Seed maintainers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Load script (not a test): N technicians at once, on a RUNNING server.

Each technician (one thread, its own web session, like a phone) loops for a
bounded time: check in on its task (with a position), enter a meter reading,
check out. Sensor gateways (threads too) push batches of readings to
``POST /maintenance/api/readings`` with the API key of a gateway user.

Before: the script creates its own customer, site, equipment, meters,
dossier, tasks and users through JSON-RPC as the administrator. After: it
prints the requests per second and the errors, then checks through the API
that every check-in and reading the server acknowledged is stored exactly
once (none lost, none duplicated), and deletes what it created.

    python3 -m odoo -c var/maintenance.conf --http-port=18479 &   # the server
    python3 tests/perf/load_technicians.py --url http://127.0.0.1:18479 -d maintenance \\
        [-n 50] [--seconds 60] [--sensors 2] [--admin-login admin --admin-password admin]

Only loopback addresses are accepted as --url.
"""

import argparse
import json
import sys
import threading
import time
import uuid
from collections import Counter
from datetime import datetime, timedelta, timezone
from urllib.parse import urlparse

import requests

# pylint: disable=print-used

MAX_SECONDS = 600
SITE = (45.7597, 4.8422)
NEAR = (45.7600, 4.8425, 15.0)
TIMEOUT = 60


class RpcError(Exception):
    pass


class Client:
    """A web session on the server, as the web client (or a phone) has."""

    def __init__(self, url, db):
        self.url = url.rstrip("/")
        self.db = db
        self.http = requests.Session()
        self.uid = None

    def _post(self, path, params):
        response = self.http.post(
            f"{self.url}{path}",
            json={"jsonrpc": "2.0", "method": "call", "id": 1, "params": params},
            timeout=TIMEOUT,
        )
        response.raise_for_status()
        body = response.json()
        if body.get("error"):
            error = body["error"]
            raise RpcError(error.get("data", {}).get("message") or error.get("message"))
        return body["result"]

    def login(self, login, password):
        result = self._post(
            "/web/session/authenticate", {"db": self.db, "login": login, "password": password}
        )
        self.uid = result["uid"]
        self.password = password  # asked again by identity checks
        return self

    def call(self, model, method, *args, **kwargs):
        return self._post(
            "/web/dataset/call_kw",
            {"model": model, "method": method, "args": list(args), "kwargs": kwargs},
        )


class Stats:
    def __init__(self):
        self.lock = threading.Lock()
        self.requests = 0
        self.errors = Counter()
        self.checkin_ids = []
        self.checkouts = 0
        self.readings = Counter()  # meter id -> readings acknowledged
        self.reading_ids = []

    def ok(self, count=1):
        with self.lock:
            self.requests += count

    def error(self, what, message):
        with self.lock:
            self.requests += 1
            self.errors[f"{what}: {str(message)[:600]}"] += 1


def xmlid(admin, module, name):
    rows = admin.call(
        "ir.model.data",
        "search_read",
        [("module", "=", module), ("name", "=", name)],
        fields=["res_id"],
    )
    return rows[0]["res_id"]


def setup(admin, count, sensors, tag, password):
    """Create the data of the run; returns what the threads need."""
    technician_group = xmlid(admin, "maintenance_contracts", "group_maintenance_technician")
    sensor_group = xmlid(admin, "maintenance_planning", "group_maintenance_sensor_gateway")
    customer = admin.call(
        "res.partner", "create", {"name": f"Charge {tag}", "is_company": True, "city": "Lyon"}
    )
    site = admin.call(
        "maintenance.site",
        "create",
        {
            "name": f"Charge {tag} site",
            "customer_id": customer,
            "street": "1 place Bellecour",
            "zip": "69002",
            "city": "Lyon",
            "partner_latitude": SITE[0],
            "partner_longitude": SITE[1],
        },
    )
    equipment = admin.call(
        "maintenance.customer.equipment",
        "create",
        [{"name": f"Charge {tag} chaudière {i}", "site_id": site} for i in range(count)],
    )
    manual_meters = admin.call(
        "maintenance.meter",
        "create",
        [
            {"name": "Relevé manuel", "equipment_id": eq, "kind": "counter", "unit": "h"}
            for eq in equipment
        ],
    )
    sensor_meters = admin.call(
        "maintenance.meter",
        "create",
        [
            {
                "name": "Sonde",
                "code": f"LT-{tag}-{i}",
                "equipment_id": equipment[i % count],
                "kind": "counter",
                "unit": "kWh",
            }
            for i in range(max(sensors, 1) * 5)
        ],
    )
    dossier = admin.call(
        "maintenance.intervention",
        "create",
        {"intervention_type": "corrective", "site_id": site, "equipment_ids": [(6, 0, equipment)]},
    )
    users = admin.call(
        "res.users",
        "create",
        [
            {
                "name": f"Technicien charge {i}",
                "login": f"lt_{tag}_{i}",
                "password": password,
                "group_ids": [(6, 0, [technician_group])],
                "tz": "Europe/Paris",
            }
            for i in range(count)
        ],
    )
    now = datetime.now(timezone.utc).replace(tzinfo=None, microsecond=0)
    tasks = admin.call(
        "maintenance.task",
        "create",
        [
            {
                "name": f"Charge {tag} tâche {i}",
                "intervention_id": dossier,
                "user_ids": [(6, 0, [users[i]])],
                "planned_start": now.strftime("%Y-%m-%d %H:%M:%S"),
                "duration": 1.0,
                "equipment_ids": [(6, 0, [equipment[i]])],
            }
            for i in range(count)
        ],
    )
    gateway = admin.call(
        "res.users",
        "create",
        {
            "name": f"Passerelle charge {tag}",
            "login": f"lt_{tag}_gateway",
            "group_ids": [(6, 0, [sensor_group])],
        },
    )
    key = gateway_key(admin, gateway)
    return {
        "customer": customer,
        "site": site,
        "equipment": equipment,
        "manual_meters": manual_meters,
        "sensor_meters": sensor_meters,
        "sensor_codes": [f"LT-{tag}-{i}" for i in range(len(sensor_meters))],
        "dossier": dossier,
        "users": users,
        "gateway": gateway,
        "tasks": tasks,
        "key": key,
    }


def gateway_key(admin, gateway):
    """The sensor gateway key of the gateway user (a share user), made by the
    administrator with the button of the user's form (with the identity
    check that asks the administrator's password again)."""
    action = admin.call("res.users", "action_maintenance_sensor_key", [gateway])
    if action.get("res_model") == "res.users.identitycheck":
        action = admin.call(
            "res.users.identitycheck",
            "run_check",
            [action["res_id"]],
            context={"password": admin.password},
        )
    return action["context"]["default_key"]


def technician_loop(*, url, db, login, password, task, meter, deadline, stats):
    try:
        client = Client(url, db).login(login, password)
        stats.ok()
    except Exception as error:  # noqa: BLE001 - counted and reported
        stats.error("login", error)
        return
    # readings one second apart, in the past: one value per meter and date
    base = datetime.now(timezone.utc).replace(tzinfo=None, microsecond=0) - timedelta(days=1)
    step = 0
    while time.monotonic() < deadline:
        step += 1
        try:
            result = client.call("maintenance.task", "action_check_in", [task], *NEAR)
            with stats.lock:
                stats.checkin_ids.append(result["id"])
            stats.ok()
        except Exception as error:  # noqa: BLE001
            stats.error("check-in", error)
            continue
        try:
            reading = client.call(
                "maintenance.meter.reading",
                "create",
                {
                    "meter_id": meter,
                    "task_id": task,
                    "value": float(step),
                    "date": (base + timedelta(seconds=step)).strftime("%Y-%m-%d %H:%M:%S"),
                },
            )
            with stats.lock:
                stats.readings[meter] += 1
                stats.reading_ids.append(reading)
            stats.ok()
        except Exception as error:  # noqa: BLE001
            stats.error("reading", error)
        try:
            client.call("maintenance.task", "action_check_out", [task], *NEAR)
            with stats.lock:
                stats.checkouts += 1
            stats.ok()
        except Exception as error:  # noqa: BLE001
            stats.error("check-out", error)


def sensor_loop(*, url, key, codes, meters, deadline, stats, batch_size):
    http = requests.Session()
    base = datetime.now(timezone.utc).replace(tzinfo=None, microsecond=0) - timedelta(days=2)
    step = 0
    while time.monotonic() < deadline:
        readings = []
        for _index in range(batch_size):
            step += 1
            readings.append(
                {
                    "meter": codes[step % len(codes)],
                    "value": float(step),
                    "date": (base + timedelta(seconds=step)).isoformat() + "Z",
                    "unit": "kWh",
                }
            )
        try:
            response = http.post(
                f"{url}/maintenance/api/readings",
                data=json.dumps({"readings": readings}),
                headers={"Authorization": f"Bearer {key}", "Content-Type": "application/json"},
                timeout=TIMEOUT,
            )
            body = response.json()
            if response.status_code != 200:
                stats.error("sensor batch", f"{response.status_code} {body.get('details')}")
                continue
            if body["created"] != len(readings):
                stats.error("sensor batch", f"{body['duplicates']} readings taken as duplicates")
                continue
            with stats.lock:
                for item in readings:
                    stats.readings[meters[codes.index(item["meter"])]] += 1
                stats.reading_ids.extend(body["ids"])
            stats.ok()
        except Exception as error:  # noqa: BLE001
            stats.error("sensor batch", error)


def verify(admin, data, stats):
    """Every acknowledged check-in and reading is stored, exactly once."""
    problems = []
    stored_checkins = admin.call(
        "maintenance.task.checkin",
        "search_read",
        [("task_id", "in", data["tasks"])],
        fields=["id", "check_out"],
    )
    stored_ids = sorted(row["id"] for row in stored_checkins)
    if sorted(stats.checkin_ids) != stored_ids:
        lost = set(stats.checkin_ids) - set(stored_ids)
        extra = set(stored_ids) - set(stats.checkin_ids)
        problems.append(
            f"check-ins: {len(lost)} acknowledged but not stored, {len(extra)} unexpected"
        )
    if len(set(stats.checkin_ids)) != len(stats.checkin_ids):
        problems.append("check-ins: the server returned the same check-in twice")
    open_count = sum(1 for row in stored_checkins if not row["check_out"])
    if len(stored_checkins) - open_count != stats.checkouts:
        problems.append(
            f"check-outs: {stats.checkouts} acknowledged, "
            f"{len(stored_checkins) - open_count} stored"
        )
    meters = data["manual_meters"] + data["sensor_meters"]
    rows = admin.call(
        "maintenance.meter.reading",
        "search_read",
        [("meter_id", "in", meters)],
        fields=["meter_id", "value"],
    )
    stored = Counter(row["meter_id"][0] for row in rows)
    for meter in meters:
        if stored[meter] != stats.readings.get(meter, 0):
            problems.append(
                f"meter {meter}: {stats.readings.get(meter, 0)} readings acknowledged, "
                f"{stored[meter]} stored"
            )
    values = Counter((row["meter_id"][0], row["value"]) for row in rows)
    duplicated = [key for key, times in values.items() if times > 1]
    if duplicated:
        problems.append(f"readings: {len(duplicated)} values stored more than once")
    if sorted(stats.reading_ids) != sorted(row["id"] for row in rows):
        problems.append("readings: the ids acknowledged differ from the ids stored")
    if len(set(stats.reading_ids)) != len(stats.reading_ids):
        problems.append("readings: the server returned the same reading twice")
    return len(stored_checkins), len(rows), problems


def cleanup(admin, data):
    admin.call("maintenance.task", "unlink", data["tasks"])  # and their check-ins
    admin.call("maintenance.intervention", "unlink", [data["dossier"]])
    admin.call("maintenance.customer.equipment", "unlink", data["equipment"])  # meters, readings
    admin.call("maintenance.site", "unlink", [data["site"]])
    users = [*data["users"], data["gateway"]]
    try:
        admin.call("res.users", "unlink", users)
    except RpcError:
        admin.call("res.users", "write", users, {"active": False})
    admin.call("res.partner", "unlink", [data["customer"]])


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--url", default="http://127.0.0.1:8069")
    parser.add_argument("-d", "--database", required=True)
    parser.add_argument("-n", "--technicians", type=int, default=50)
    parser.add_argument("--sensors", type=int, default=2, help="sensor gateways (threads)")
    parser.add_argument("--batch", type=int, default=20, help="readings per sensor batch")
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--admin-login", default="admin")
    parser.add_argument("--admin-password", default="admin")
    parser.add_argument("--keep", action="store_true", help="keep the data created")
    options = parser.parse_args()
    host = urlparse(options.url).hostname or ""
    if not (host == "localhost" or host.startswith("127.") or host == "::1"):
        parser.error("--url must be a loopback address (127.0.0.0/8, localhost or ::1)")
    seconds = min(max(options.seconds, 1.0), MAX_SECONDS)
    count = max(options.technicians, 1)
    tag = uuid.uuid4().hex[:8]
    password = f"Lt-{uuid.uuid4().hex}"

    admin = Client(options.url, options.database).login(options.admin_login, options.admin_password)
    print(f"Setting up {count} technicians and {options.sensors} sensor gateways (tag {tag})...")
    data = setup(admin, count, options.sensors, tag, password)
    stats = Stats()
    try:
        start = time.monotonic()
        deadline = start + seconds
        threads = [
            threading.Thread(
                target=technician_loop,
                kwargs={
                    "url": options.url,
                    "db": options.database,
                    "login": f"lt_{tag}_{index}",
                    "password": password,
                    "task": data["tasks"][index],
                    "meter": data["manual_meters"][index],
                    "deadline": deadline,
                    "stats": stats,
                },
                daemon=True,
            )
            for index in range(count)
        ]
        per_gateway = max(len(data["sensor_codes"]) // max(options.sensors, 1), 1)
        for index in range(options.sensors):
            codes = data["sensor_codes"][index * per_gateway : (index + 1) * per_gateway]
            meters = data["sensor_meters"][index * per_gateway : (index + 1) * per_gateway]
            threads.append(
                threading.Thread(
                    target=sensor_loop,
                    kwargs={
                        "url": options.url.rstrip("/"),
                        "key": data["key"],
                        "codes": codes,
                        "meters": meters,
                        "deadline": deadline,
                        "stats": stats,
                        "batch_size": options.batch,
                    },
                    daemon=True,
                )
            )
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=seconds + 2 * TIMEOUT)
        elapsed = time.monotonic() - start

        checkins, readings, problems = verify(admin, data, stats)
        print(f"Duration: {elapsed:.1f} s, {count} technicians, {options.sensors} sensor gateways")
        print(f"Requests: {stats.requests} ({stats.requests / elapsed:.1f} per second)")
        print(f"Errors: {sum(stats.errors.values())}")
        for message, times in stats.errors.most_common(10):
            print(f"  {times} x {message}")
        print(
            f"Check-ins acknowledged: {len(stats.checkin_ids)}, stored: {checkins}; "
            f"check-outs: {stats.checkouts}"
        )
        print(
            f"Readings acknowledged: {sum(stats.readings.values())}, stored: {readings} "
            f"(of which sensor readings: "
            f"{sum(stats.readings[m] for m in data['sensor_meters'])})"
        )
        if problems:
            print("LOST OR DUPLICATED:")
            for problem in problems:
                print(f"  {problem}")
        else:
            print("Verified: no check-in or reading lost or duplicated.")
    finally:
        if not options.keep:
            cleanup(admin, data)
            print("Data of the run deleted.")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
