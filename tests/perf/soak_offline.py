#!/usr/bin/env python3
# Copyright 2026 Seed maintainers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Soak script (not a test): technicians going offline and online at random
against a RUNNING server, through ``/maintenance/offline/sync`` (issue 15).

Each technician (one thread, its own web session, like a phone) loops for
the given time. It goes offline and online at random; every few hundred
milliseconds it records an action (note, part, reading, checklist result,
arrival/departure, sometimes a photo), queued locally with a fresh UUID and
its device time. When online it sends the unacknowledged actions in order,
in batches; sometimes it resends acknowledged ones on purpose, and sometimes
it cuts the connection before the answer (a client timeout of a few
milliseconds: the server finishes and commits, the phone never hears it) so
that the next batch resends them. At the end, pairs of requests carrying the
same batch are sent at the same time (one must apply it, the other answer
duplicate), every queue is flushed, and the script checks, through the
administrator's JSON-RPC, that every action is on the server EXACTLY once:
one journal row per UUID, applied, and the effects (notes, parts, readings,
check-ins, photos) counted independently of the journal.

Setup is idempotent: the technicians ``soak_tech_<i>`` (password ``--password``),
their site, equipment, meters and task of the day are created once and reused.

    python3 -m odoo -c var/h15s.conf -d h15s --http-port=8131 &       # the server
    python3 tests/perf/soak_offline.py --url http://127.0.0.1:8131 -d h15s \\
        --technicians 50 --minutes 5 [--admin-login admin --admin-password admin]

Point --url at the multi-worker server (nginx) to soak it. Prints figures;
exits 1 when an action is missing, doubled or refused.
"""

import argparse
import base64
import random
import sys
import threading
import time
import uuid
from collections import Counter
from datetime import datetime, timedelta, timezone
from urllib.parse import urlparse

import requests
from _jsonrpc import TIMEOUT, Client

# pylint: disable=print-used

MAX_BATCH = 50
SITE = (45.7597, 4.8422)
PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=="
)
PNG_B64 = base64.b64encode(PNG).decode()


def utcnow():
    return datetime.now(timezone.utc).replace(tzinfo=None, microsecond=0)


def iso(value):
    return value.strftime("%Y-%m-%dT%H:%M:%SZ")


def setup(admin, count, password):
    """The soak technicians and their task of the day, created once, reused."""
    technician_group = admin.xmlid("maintenance_contracts", "group_maintenance_technician")
    customer = admin.find_or_create(
        "res.partner",
        [("name", "=", "Soak Résidence")],
        {"name": "Soak Résidence", "is_company": True, "city": "Lyon"},
    )
    site = admin.find_or_create(
        "maintenance.site",
        [("name", "=", "Soak chaufferie")],
        {
            "name": "Soak chaufferie",
            "customer_id": customer,
            "street": "1 place Bellecour",
            "zip": "69002",
            "city": "Lyon",
            "partner_latitude": SITE[0],
            "partner_longitude": SITE[1],
        },
    )
    product = admin.find_or_create(
        "product.product",
        [("default_code", "=", "SOAK-JOINT")],
        {"name": "Soak joint", "default_code": "SOAK-JOINT", "type": "consu"},
    )
    logins = [f"soak_tech_{index}" for index in range(count)]
    existing = {
        row["login"]: row["id"]
        for row in admin.call(
            "res.users", "search_read", [("login", "in", logins)], fields=["login"]
        )
    }
    missing = [login for login in logins if login not in existing]
    if missing:
        created = admin.call(
            "res.users",
            "create",
            [
                {
                    "name": f"Technicien soak {login.rsplit('_', 1)[1]}",
                    "login": login,
                    "password": password,
                    "group_ids": [(6, 0, [technician_group])],
                    "tz": "Europe/Paris",
                    "lang": "fr_FR",
                }
                for login in missing
            ],
        )
        existing.update(zip(missing, created, strict=True))
    dossier = admin.find_or_create(
        "maintenance.intervention",
        [("site_id", "=", site), ("state", "not in", ("done", "cancelled"))],
        {"intervention_type": "corrective", "site_id": site},
    )
    now = utcnow()
    technicians = []
    for login in logins:
        user = existing[login]
        equipment = admin.find_or_create(
            "maintenance.customer.equipment",
            [("name", "=", f"Soak chaudière {login}")],
            {"name": f"Soak chaudière {login}", "site_id": site},
        )
        meter = admin.find_or_create(
            "maintenance.meter",
            [("equipment_id", "=", equipment)],
            {"name": "Compteur soak", "equipment_id": equipment, "kind": "gauge", "unit": "°C"},
        )
        task = admin.find_or_create(
            "maintenance.task",
            [("user_ids", "in", user), ("state", "in", ("todo", "in_progress"))],
            {
                "name": f"Soak entretien {login}",
                "intervention_id": dossier,
                "user_ids": [(6, 0, [user])],
                "planned_start": now.strftime("%Y-%m-%d %H:%M:%S"),
                "duration": 8.0,
                "equipment_ids": [(6, 0, [equipment])],
                "checklist_ids": [(0, 0, {"name": "Contrôle soak", "is_required": False})],
            },
        )
        technicians.append({"login": login, "user": user, "task": task, "meter": meter})
    # a task left checked in by an earlier run is checked out first
    open_checkins = admin.call(
        "maintenance.task.checkin",
        "search",
        [("user_id", "in", list(existing.values())), ("check_out", "=", False)],
    )
    # (at their arrival when a phone's clock put the arrival after now)
    for checkin in (
        admin.call("maintenance.task.checkin", "read", open_checkins, ["check_in"])
        if open_checkins
        else []
    ):
        admin.call(
            "maintenance.task.checkin",
            "write",
            [checkin["id"]],
            {"check_out": max(checkin["check_in"], now.strftime("%Y-%m-%d %H:%M:%S"))},
        )
    return {"product": product, "technicians": technicians}


class Stats:
    def __init__(self):
        self.lock = threading.Lock()
        self.requests = 0
        self.cut = 0
        self.errors = Counter()
        self.statuses = Counter()
        self.refusals = Counter()
        self.latencies = []
        self.actions = []  # every action generated (the phones' queues)
        self.resent_on_purpose = 0
        self.race_pairs = 0
        self.race_bad = []

    def error(self, message):
        with self.lock:
            self.errors[str(message)[:300]] += 1


class Phone:
    """One technician's phone: a local queue, online or not."""

    def __init__(self, options, tech, product, stats, rng):
        self.options = options
        self.tech = tech
        self.product = product
        self.stats = stats
        self.rng = rng
        self.queue = []  # [action, acknowledged]
        self.last_time = utcnow() - timedelta(minutes=1)
        self.checked_in = False
        self.value = 50.0
        self.client = Client(options.url, options.database).login(tech["login"], options.password)
        self.day = self.client.post("/maintenance/offline/day", {})
        tasks = {task["id"]: task for task in self.day["tasks"]}
        task = tasks.get(tech["task"])
        self.checked_in = bool(task and task["checked_in"])
        self.line = task["checklist"][0]["id"] if task and task["checklist"] else None

    def device_time(self):
        # strictly increasing: one reading per meter and second
        self.last_time = max(utcnow(), self.last_time + timedelta(seconds=1))
        return iso(self.last_time)

    def record(self):
        tag = str(uuid.uuid4())
        kind = self.rng.choices(
            ["note", "part", "reading", "checklist", "presence", "photo"],
            weights=[30, 20, 20, 15, 10, 5],
        )[0]
        if kind == "note":
            payload = {"body": f"soak {tag}"}
        elif kind == "part":
            payload = {"product_id": self.product, "quantity": 1, "note": tag}
        elif kind == "reading":
            self.value = 40.0 + self.rng.random() * 40.0
            payload = {"meter_id": self.tech["meter"], "value": round(self.value, 2)}
        elif kind == "checklist" and self.line:
            payload = {"line_id": self.line, "result": self.rng.choice(["done", "reset"])}
        elif kind == "photo":
            payload = {"name": f"soak-{tag}.png", "mimetype": "image/png", "data": PNG_B64}
        else:
            kind = "check_out" if self.checked_in else "check_in"
            self.checked_in = not self.checked_in
            payload = {"latitude": SITE[0], "longitude": SITE[1], "accuracy": 10}
        action = {
            "uuid": tag,
            "task_id": self.tech["task"],
            "type": kind,
            "device_time": self.device_time(),
            "payload": payload,
        }
        self.queue.append([action, False])
        with self.stats.lock:
            self.stats.actions.append((self.tech["login"], action))

    def sync(self, final=False):
        pending = [entry for entry in self.queue if not entry[1]]
        if not pending:
            return
        batch = [entry[0] for entry in pending[:MAX_BATCH]]
        acknowledged = [entry[0] for entry in self.queue if entry[1]]
        if acknowledged and not final and self.rng.random() < 0.2:
            # resend a few acknowledged ones on purpose, before the others
            again = acknowledged[-self.rng.randint(1, 5) :]
            batch = again + batch[: MAX_BATCH - len(again)]
            with self.stats.lock:
                self.stats.resent_on_purpose += len(again)
        cut = not final and self.rng.random() < 0.1
        started = time.monotonic()
        try:
            answer = self.client.post(
                "/maintenance/offline/sync",
                {"actions": batch, "device_now": iso(utcnow())},
                timeout=0.005 if cut else TIMEOUT,
            )
        except requests.exceptions.Timeout:
            with self.stats.lock:
                self.stats.cut += 1
            return
        except Exception as error:  # noqa: BLE001 - counted and reported
            self.stats.error(error)
            return
        with self.stats.lock:
            self.stats.requests += 1
            self.stats.latencies.append(time.monotonic() - started)
        by_uuid = {entry[0]["uuid"]: entry for entry in self.queue}
        for result in answer["results"]:
            with self.stats.lock:
                self.stats.statuses[result["status"]] += 1
                if result["status"] == "refused":
                    self.stats.refusals[result["message"][:200]] += 1
            by_uuid[result["uuid"]][1] = True


def phone_loop(phone, deadline):
    online = True
    switch_at = time.monotonic() + phone.rng.uniform(2, 15)
    while time.monotonic() < deadline:
        if time.monotonic() >= switch_at:
            online = not online
            switch_at = time.monotonic() + phone.rng.uniform(2, 15)
        phone.record()
        if online and phone.rng.random() < 0.5:
            phone.sync()
        time.sleep(phone.rng.uniform(0.1, 0.6))


def race(phones, stats):
    """Two requests with the same batch at the same time, for some phones:
    for each action recorded just before, one applies it and the other
    answers duplicate. The batch also carries the phone's older unacknowledged
    actions, among them some whose earlier request was cut after the server
    applied them: for those both answers may be duplicate — never two applied."""
    for phone in phones[:10]:
        for _index in range(3):
            phone.record()
        fresh = {entry[0]["uuid"] for entry in phone.queue[-3:]}
        batch = [entry[0] for entry in phone.queue if not entry[1]][:MAX_BATCH]
        twin = Client(phone.options.url, phone.options.database).login(
            phone.tech["login"], phone.options.password
        )
        answers = [None, None]
        barrier = threading.Barrier(2)

        def send(index, client, batch=batch, answers=answers, barrier=barrier):
            barrier.wait()
            answers[index] = client.post(
                "/maintenance/offline/sync", {"actions": batch, "device_now": iso(utcnow())}
            )

        threads = [
            threading.Thread(target=send, args=(0, phone.client)),
            threading.Thread(target=send, args=(1, twin)),
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        with stats.lock:
            stats.race_pairs += 1
        for first, second in zip(answers[0]["results"], answers[1]["results"], strict=True):
            pair = sorted([first["status"], second["status"]])
            expected = (
                [["applied", "duplicate"]]
                if first["uuid"] in fresh
                else [["applied", "duplicate"], ["duplicate", "duplicate"]]
            )
            if pair not in expected:
                stats.race_bad.append((first["uuid"], pair))
        for entry in phone.queue:
            if entry[0] in batch:
                entry[1] = True


def verify(admin, setup_data, stats, started):
    """Every action exactly once: the journal, then the effects themselves."""
    actions = stats.actions
    uuids = [action["uuid"] for _login, action in actions]
    problems = []
    if len(set(uuids)) != len(uuids):
        problems.append("the script generated a UUID twice")
    rows = []
    for index in range(0, len(uuids), 1000):
        rows += admin.call(
            "maintenance.offline.action",
            "search_read",
            [("uuid", "in", uuids[index : index + 1000])],
            fields=["uuid", "state", "action_type", "res_model", "res_id", "user_id"],
        )
    per_uuid = Counter(row["uuid"] for row in rows)
    missing = [key for key in uuids if per_uuid[key] == 0]
    doubled = [key for key, count in per_uuid.items() if count > 1]
    refused = [row for row in rows if row["state"] != "applied"]
    if missing:
        problems.append(f"{len(missing)} actions missing from the journal, e.g. {missing[:3]}")
    if doubled:
        problems.append(f"{len(doubled)} actions journaled twice")
    if refused:
        problems.append(f"{len(refused)} actions refused")
    by_type = Counter(action["type"] for _login, action in actions)
    users = [tech["user"] for tech in setup_data["technicians"]]
    tasks = [tech["task"] for tech in setup_data["technicians"]]
    since = started.strftime("%Y-%m-%d %H:%M:%S")
    part_notes = {action["uuid"] for _login, action in actions if action["type"] == "part"}
    parts = admin.call(
        "maintenance.task.part",
        "search_read",
        [("note", "in", list(part_notes))] if part_notes else [("id", "=", 0)],
        fields=["note"],
    )
    note_bodies = admin.call(
        "mail.message",
        "search_read",
        [("model", "=", "maintenance.task"), ("res_id", "in", tasks), ("body", "ilike", "soak ")],
        fields=["body"],
    )
    note_tags = Counter(
        body["body"].split("soak ", 1)[1][:36] for body in note_bodies if "soak " in body["body"]
    )
    note_uuids = {action["uuid"] for _login, action in actions if action["type"] == "note"}
    effects = {
        "note": sum(note_tags[key] for key in note_uuids),
        "part": sum(1 for part in parts if part["note"] in part_notes),
        "reading": admin.call(
            "maintenance.meter.reading",
            "search_count",
            [("user_id", "in", users), ("create_date", ">=", since)],
        ),
        "check_in": admin.call(
            "maintenance.task.checkin",
            "search_count",
            [("user_id", "in", users), ("create_date", ">=", since)],
        ),
        "photo": admin.call(
            "ir.attachment",
            "search_count",
            [
                ("res_model", "=", "maintenance.task"),
                ("res_id", "in", tasks),
                ("name", "=like", "soak-%"),
                ("create_date", ">=", since),
            ],
        ),
    }
    for kind, count in effects.items():
        if count != by_type[kind]:
            problems.append(f"{kind}: {by_type[kind]} actions sent, {count} on the server")
    if any(count > 1 for count in note_tags.values()):
        problems.append("a note is posted twice")
    return problems, effects, by_type


def prepare_phones(options, data, stats, rng):
    """Log the phones in and read their day, a few at a time."""
    phones = [None] * len(data["technicians"])
    seeds = [rng.random() for _tech in data["technicians"]]

    # a few logins at a time: the password hash is CPU-bound on the server
    gate = threading.Semaphore(4)

    def prepare(index, tech):
        with gate:
            try:
                phones[index] = Phone(
                    options, tech, data["product"], stats, random.Random(seeds[index])
                )
            except Exception as error:  # noqa: BLE001 - reported below
                stats.error(f"login/day of {tech['login']}: {error}")

    preparing = [
        threading.Thread(target=prepare, args=(index, tech))
        for index, tech in enumerate(data["technicians"])
    ]
    for thread in preparing:
        thread.start()
    for thread in preparing:
        thread.join()
    return phones


def main():
    args = argparse.ArgumentParser(description=__doc__.split("\n\n", 1)[0])
    args.add_argument("--url", required=True)
    args.add_argument("-d", "--database", required=True)
    args.add_argument("--technicians", type=int, default=50)
    args.add_argument("--minutes", type=float, default=5.0)
    args.add_argument("--password", default="soak-Offline-2026")
    args.add_argument("--admin-login", default="admin")
    args.add_argument("--admin-password", default="admin")
    args.add_argument("--seed", type=int, default=15)
    options = args.parse_args()
    host = urlparse(options.url).hostname
    if host not in ("127.0.0.1", "localhost", "::1"):
        sys.exit("Only loopback addresses are accepted as --url.")
    admin = Client(options.url, options.database).login(options.admin_login, options.admin_password)
    clock = time.monotonic()
    data = setup(admin, options.technicians, options.password)
    print(f"setup: {options.technicians} technicians in {time.monotonic() - clock:.1f} s")
    stats = Stats()
    rng = random.Random(options.seed)
    clock = time.monotonic()
    phones = prepare_phones(options, data, stats, rng)
    if None in phones:
        sys.exit(f"Some phones could not log in or read their day: {dict(stats.errors)}")
    print(
        f"logged in and prepared the days (/offline/day) of {len(phones)} phones, 4 at once, "
        f"in {time.monotonic() - clock:.1f} s"
    )
    started = utcnow()
    clock = time.monotonic()
    deadline = clock + options.minutes * 60
    threads = [threading.Thread(target=phone_loop, args=(phone, deadline)) for phone in phones]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    soak_seconds = time.monotonic() - clock
    race(phones, stats)
    # back online for good: every queue is flushed
    for _round in range(10):
        for phone in phones:
            phone.sync(final=True)
        if all(entry[1] for phone in phones for entry in phone.queue):
            break
    unacked = sum(1 for phone in phones for entry in phone.queue if not entry[1])
    problems, effects, by_type = verify(admin, data, stats, started)
    latencies = sorted(stats.latencies) or [0.0]
    print(
        f"soak: {len(phones)} phones for {soak_seconds:.0f} s: {len(stats.actions)} actions, "
        f"{stats.requests} sync requests answered ({stats.requests / soak_seconds:.1f}/s), "
        f"{stats.cut} connections cut before the answer, "
        f"{stats.resent_on_purpose} acknowledged actions resent on purpose"
    )
    print(
        f"sync latency: median {latencies[len(latencies) // 2] * 1000:.0f} ms, "
        f"p95 {latencies[int(len(latencies) * 0.95)] * 1000:.0f} ms, "
        f"max {latencies[-1] * 1000:.0f} ms"
    )
    print(f"answers: {dict(stats.statuses)}")
    print(
        f"race: {stats.race_pairs} pairs of simultaneous identical batches, bad: {stats.race_bad}"
    )
    print(f"actions by type: {dict(by_type)}")
    print(f"effects on the server: {effects}")
    if stats.refusals:
        print(f"refusals: {dict(stats.refusals)}")
    if stats.errors:
        print(f"errors: {dict(stats.errors)}")
    if unacked:
        problems.append(f"{unacked} actions never acknowledged")
    if stats.race_bad:
        problems.append(f"{len(stats.race_bad)} raced actions not applied exactly once")
    if problems:
        print("FAILED: " + "; ".join(problems))
        sys.exit(1)
    print(f"OK: each of the {len(stats.actions)} actions is on the server exactly once")


if __name__ == "__main__":
    main()
