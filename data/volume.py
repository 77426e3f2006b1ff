#!/usr/bin/env python3
# Copyright 2026 Seed maintainers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""A volume company in the database: at ``--scale 1.0`` 2,000 customers,
20,000 sites each under one maintenance contract, 100,000 covered
equipment (5 per contract), the visits the validation generates over the
company's horizon, 100,000 dossiers with their task (a year of history,
a few planned in the coming weeks for "My day"), 10,000 meters with
1,000,000 readings, 100,000 downtime events and 100,000 customer requests;
and the users who open the pages: a manager ``vol_manager``, 50
technicians ``vol_tech_00``..``vol_tech_49`` and a portal customer
``vol_portal`` (password = login).

Built through the add-ons' own set-based API where there is one:
``contract.contract.action_maintenance_validate`` (visit generation, one
insert per batch), ``maintenance.meter.reading._import_sensor_readings``
(the sensor gateway's batch: checks, one insert, meters' last values),
``maintenance.customer.request.create`` (deadlines computed set-based);
batched ORM ``create`` for customers, sites, equipment, contracts, meters,
dossiers with their task and check-in pair; one SQL insert for the
downtime events (as ``tests/perf/bench_fmd.py``: the model has no batch
API and its create only computes related columns, set here from the
equipment).

Idempotent: every record is named or coded ``VOL ...``; each stage counts
what exists and creates only what is missing (a second run adds nothing).
Commits after every batch, so an interrupted run resumes.

    python3 data/volume.py -c var/maintenance.conf -d maintenance [--scale 0.05]
"""

import argparse
import random
import time
from datetime import datetime, timedelta

import odoo
from odoo.tools import SQL, config

# pylint: disable=print-used

FULL = {
    "customers": 2000,
    "sites": 20000,  # one contract each
    "equipment": 100000,
    "dossiers": 100000,
    "meters": 10000,
    "readings": 1000000,
    "downtime": 100000,
    "requests": 100000,
}
TECHNICIANS = 50
BATCH = 1000
CITIES = [
    ("Lyon", "69003"),
    ("Villeurbanne", "69100"),
    ("Vénissieux", "69200"),
    ("Bron", "69500"),
    ("Caluire-et-Cuire", "69300"),
    ("Écully", "69130"),
    ("Vaulx-en-Velin", "69120"),
    ("Saint-Priest", "69800"),
    ("Oullins", "69600"),
    ("Givors", "69700"),
]
KINDS = ["Chaudière gaz", "Pompe à chaleur", "VMC double flux", "Climatiseur", "Ascenseur"]


class Volume:
    def __init__(self, env, scale):
        self.env = env
        self.sizes = {key: max(int(value * scale), 1) for key, value in FULL.items()}
        self.sizes["customers"] = max(self.sizes["customers"], 2)
        self.today = odoo.fields.Date.context_today(env["res.users"])
        self.now = odoo.fields.Datetime.now()

    def commit(self):
        self.env.flush_all()
        self.env.cr.commit()
        self.env.invalidate_all()

    def stage(self, name, function):
        start = time.perf_counter()
        created = function()
        self.commit()
        print(f"{name:<28} +{created:>9,} in {time.perf_counter() - start:8.1f} s", flush=True)

    # users -------------------------------------------------------------

    def users(self):
        Users = self.env["res.users"].with_context(no_reset_password=True)
        existing = set(Users.search([("login", "=like", "vol\\_%")]).mapped("login"))
        groups = {
            "manager": self.env.ref("maintenance_contracts.group_maintenance_manager"),
            "technician": self.env.ref("maintenance_contracts.group_maintenance_technician"),
            "portal": self.env.ref("base.group_portal"),
        }
        wanted = [("vol_manager", "Sophie Volume", "manager")] + [
            (f"vol_tech_{i:02d}", f"Technicien volume {i:02d}", "technician")
            for i in range(TECHNICIANS)
        ]
        vals_list = [
            {
                "login": login,
                "password": login,
                "name": name,
                "tz": "Europe/Paris",
                "group_ids": [odoo.Command.set(groups[role].ids)],
            }
            for login, name, role in wanted
            if login not in existing
        ]
        Users.create(vals_list)
        if "vol_portal" not in existing:
            customer = self.customers()[0]
            contact = self.env["res.partner"].create(
                {"name": "Claire Volume", "parent_id": customer.id, "email": "vol@example.com"}
            )
            Users.create(
                {
                    "login": "vol_portal",
                    "password": "vol_portal",
                    "partner_id": contact.id,
                    "group_ids": [odoo.Command.set(groups["portal"].ids)],
                }
            )
            vals_list.append(True)
        return len(vals_list)

    def technicians(self):
        return self.env["res.users"].search([("login", "=like", "vol\\_tech\\_%")], order="login")

    # referential ---------------------------------------------------------

    def customers(self):
        return self.env["res.partner"].search([("ref", "=like", "VOL-C%")], order="ref")

    def sites(self):
        return self.env["maintenance.site"].search([("code", "=like", "VOL-S%")], order="code")

    def create_customers(self):
        Partner = self.env["res.partner"]
        existing = set(self.customers().mapped("ref"))
        vals_list = [
            {
                "name": f"Copropriété Volume {i:05d}",
                "ref": f"VOL-C{i:05d}",
                "is_company": True,
                "city": CITIES[i % len(CITIES)][0],
                "zip": CITIES[i % len(CITIES)][1],
                "country_id": self.env.ref("base.fr").id,
            }
            for i in range(self.sizes["customers"])
            if f"VOL-C{i:05d}" not in existing
        ]
        for start in range(0, len(vals_list), BATCH):
            Partner.create(vals_list[start : start + BATCH])
            self.commit()
        return len(vals_list)

    def create_sites(self):
        customers = self.customers()
        existing = set(self.sites().mapped("code"))
        vals_list = []
        for i in range(self.sizes["sites"]):
            code = f"VOL-S{i:05d}"
            if code in existing:
                continue
            city, zip_code = CITIES[i % len(CITIES)]
            vals_list.append(
                {
                    "name": f"Résidence Volume {i:05d}",
                    "code": code,
                    "customer_id": customers[i % len(customers)].id,
                    "street": f"{i % 200 + 1} rue de la Volumétrie",
                    "city": city,
                    "zip": zip_code,
                }
            )
        for start in range(0, len(vals_list), BATCH):
            self.env["maintenance.site"].create(vals_list[start : start + BATCH])
            self.commit()
        return len(vals_list)

    def create_equipment(self):
        Equipment = self.env["maintenance.customer.equipment"]
        sites = self.sites()
        per_site = self.sizes["equipment"] // len(sites)
        self.env.cr.execute(
            "SELECT name FROM maintenance_customer_equipment WHERE name LIKE 'VOL %%'"
        )
        existing = {row[0] for row in self.env.cr.fetchall()}
        vals_list = []
        for s, site in enumerate(sites):
            for k in range(per_site):
                name = f"VOL {s:05d}-{k} {KINDS[k % len(KINDS)]}"
                if name not in existing:
                    vals_list.append({"name": name, "site_id": site.id})
        for start in range(0, len(vals_list), BATCH):
            Equipment.create(vals_list[start : start + BATCH])
            self.commit()
        return len(vals_list)

    def create_contracts(self):
        """One contract per site, covering its equipment, created in batches
        of 100 through the ORM."""
        Contract = self.env["contract.contract"]
        self.env.cr.execute(
            "SELECT site_id FROM contract_contract WHERE name LIKE 'VOL %%' AND site_id IS NOT NULL"
        )
        done = {row[0] for row in self.env.cr.fetchall()}
        product = self.env["product.product"].search([("default_code", "=", "VOL-ENT")], limit=1)
        if not product:
            product = product.create(
                {"name": "Entretien (volume)", "default_code": "VOL-ENT", "type": "service"}
            )
        wtypes = [
            self.env.ref("maintenance_contracts.warranty_type_preventive_1"),
            self.env.ref("maintenance_contracts.warranty_type_full_2"),
        ]
        sites = self.sites().filtered(lambda s: s.id not in done)
        equipment = self.env["maintenance.customer.equipment"].search(
            [("site_id", "in", sites.ids)], order="id"
        )
        by_site = {}
        for eq in equipment:
            by_site.setdefault(eq.site_id.id, []).append(eq)
        start_date = self.today - timedelta(days=365)
        count = 0
        for start in range(0, len(sites), 100):
            vals_list = [
                {
                    "name": f"VOL {site.code[5:]} - {site.customer_id.name}",
                    "partner_id": site.customer_id.id,
                    "site_id": site.id,
                    "is_maintenance": True,
                    "date_start": start_date,
                    "contract_line_ids": [
                        odoo.Command.create(
                            {
                                "product_id": product.id,
                                "name": eq.name,
                                "quantity": 1,
                                "price_unit": 180.0 + 20 * (k % 5),
                                "equipment_id": eq.id,
                                "warranty_type_id": wtypes[(site.id + k) % 2].id,
                            }
                        )
                        for k, eq in enumerate(by_site.get(site.id, []))
                    ],
                }
                for site in sites[start : start + 100]
            ]
            Contract.create(vals_list)
            count += len(vals_list)
            self.commit()
        return count

    def validate_contracts(self):
        """The visits: ``action_maintenance_validate`` of the draft
        contracts, 200 at a time (one insert of visits per batch)."""
        Contract = self.env["contract.contract"]
        drafts = Contract.search([("name", "=like", "VOL %"), ("maintenance_state", "=", "draft")])
        for start in range(0, len(drafts), 200):
            drafts[start : start + 200].action_maintenance_validate()
            self.commit()
        return len(drafts)

    # history -------------------------------------------------------------

    def create_dossiers(self):
        """A year of corrective and preventive dossiers, each with one task
        and (when done) one check-in/out pair; one in 20 planned over the
        next 30 days for the technicians' day. Deterministic by index."""
        Intervention = self.env["maintenance.intervention"]
        sites = self.sites()
        techs = self.technicians()
        self.env.cr.execute(
            "SELECT count(*) FROM maintenance_intervention i JOIN maintenance_site s"
            " ON s.id = i.site_id WHERE s.code LIKE 'VOL-S%%'"
        )
        existing = self.env.cr.fetchone()[0]
        total = self.sizes["dossiers"]
        created = 0
        for start in range(existing, total, BATCH):
            vals_list = []
            for index in range(start, min(start + BATCH, total)):
                rng = random.Random(index)
                site = sites[(index * 7) % len(sites)]
                tech = techs[index % len(techs)]
                future = index % 20 == 0
                if future:
                    day = self.today + timedelta(days=index // 20 % 30)
                else:
                    day = self.today - timedelta(days=1 + index % 365)
                begin = datetime.combine(day, datetime.min.time()) + timedelta(
                    hours=rng.choice([6, 7, 8, 11, 12, 13, 14])
                )
                hours = rng.choice([0.5, 1.0, 1.5, 2.0, 3.0])
                task = {
                    "name": "Entretien" if index % 3 else "Dépannage",
                    "user_ids": [odoo.Command.set(tech.ids)],
                    "planned_start": begin,
                    "planned_end": begin + timedelta(hours=hours),
                    "state": "todo" if future else "done",
                }
                if not future:
                    task["closed_by"] = tech.id
                    task["closed_date"] = begin + timedelta(hours=hours)
                    task["checkin_ids"] = [
                        odoo.Command.create(
                            {
                                "user_id": tech.id,
                                "check_in": begin,
                                "check_out": begin + timedelta(hours=hours),
                            }
                        )
                    ]
                vals_list.append(
                    {
                        "intervention_type": "preventive" if index % 3 else "corrective",
                        "priority": rng.choice("0001"),
                        "site_id": site.id,
                        "task_ids": [odoo.Command.create(task)],
                    }
                )
            dossiers = Intervention.create(vals_list)
            # closed in one write once their task is in (a closed dossier
            # takes no new task); the future ones are planned
            dossiers.filtered(lambda d: d.task_ids.state == "done").write({"state": "done"})
            created += len(vals_list)
            self.commit()
        return created

    def create_meters(self):
        Meter = self.env["maintenance.meter"]
        existing = set(Meter.search([("code", "=like", "VOL-M%")]).mapped("code"))
        equipment = self.env["maintenance.customer.equipment"].search(
            [("name", "=like", "VOL %")], order="id", limit=self.sizes["meters"]
        )
        vals_list = [
            {
                "name": "Compteur horaire",
                "code": f"VOL-M{i:06d}",
                "equipment_id": eq.id,
                "kind": "counter",
                "unit": "h",
            }
            for i, eq in enumerate(equipment)
            if f"VOL-M{i:06d}" not in existing
        ]
        for start in range(0, len(vals_list), BATCH):
            Meter.create(vals_list[start : start + BATCH])
            self.commit()
        return len(vals_list)

    def import_readings(self):
        """``per_meter`` hourly-counter readings per meter, one every few
        days over the past year, pushed through the sensor gateway's batch
        method (5,000 a call), oldest first."""
        meters = self.env["maintenance.meter"].search([("code", "=like", "VOL-M%")], order="code")
        per_meter = max(self.sizes["readings"] // max(len(meters), 1), 1)
        self.env.cr.execute(
            "SELECT meter_id, count(*) FROM maintenance_meter_reading"
            " WHERE meter_id = ANY(%s) GROUP BY meter_id",
            [meters.ids],
        )
        counts = dict(self.env.cr.fetchall())
        step = timedelta(minutes=int(365 * 24 * 60 / per_meter))
        first = self.now - timedelta(days=366)
        Reading = self.env["maintenance.meter.reading"]
        created = 0
        items = []

        def push():
            readings, _duplicates, errors = Reading._import_sensor_readings({"readings": items})
            if errors:
                raise RuntimeError(errors[:3])
            self.commit()
            return len(readings)

        for k in range(per_meter):
            for meter in meters:
                if k < counts.get(meter.id, 0):
                    continue
                items.append(
                    {
                        "meter": meter.id,
                        "value": 1000.0 + 12.5 * k + meter.id % 100,
                        "date": (first + step * k).strftime("%Y-%m-%dT%H:%M:%SZ"),
                    }
                )
                if len(items) == 5000:
                    created += push()
                    items = []
        if items:
            created += push()
        return created

    def insert_downtime(self):
        """One SQL insert per 20,000 events (no batch API on the model)."""
        self.env.cr.execute(
            "SELECT count(*) FROM maintenance_downtime d JOIN maintenance_customer_equipment e"
            " ON e.id = d.equipment_id WHERE e.name LIKE 'VOL %%'"
        )
        existing = self.env.cr.fetchone()[0]
        total = self.sizes["downtime"]
        if existing >= total:
            return 0
        self.env.cr.execute(
            "SELECT id, company_id, site_id, customer_id FROM maintenance_customer_equipment"
            " WHERE name LIKE 'VOL %%' ORDER BY id"
        )
        equipment = self.env.cr.fetchall()
        causes = self.env["maintenance.failure.cause"].search([])
        by_kind = {
            kind: causes.filtered(lambda c, k=kind: c.kind == k).ids or [None]
            for kind in ("failure", "preventive", "external")
        }
        created = 0
        for start in range(existing, total, 20000):
            rows = []
            for index in range(start, min(start + 20000, total)):
                rng = random.Random(index)
                eq = equipment[(index * 13) % len(equipment)]
                kind = rng.choices(("failure", "preventive", "external"), (8, 1, 1))[0]
                begin = self.now - timedelta(minutes=rng.randint(60, 395 * 24 * 60))
                end = begin + timedelta(minutes=rng.randint(15, 72 * 60))
                rows.append(
                    (*eq, begin, None if end > self.now else end, kind, rng.choice(by_kind[kind]))
                )
            self.env.cr.execute(
                """
                INSERT INTO maintenance_downtime
                       (equipment_id, company_id, site_id, customer_id, date_start, date_end,
                        kind, cause_id, origin, create_uid, write_uid, create_date, write_date)
                SELECT e, c, s, cu, ds, de, k, ca, 'manual', 1, 1, now(), now()
                  FROM unnest(%s::int[], %s::int[], %s::int[], %s::int[], %s::timestamp[],
                              %s::timestamp[], %s::varchar[], %s::int[])
                       AS t(e, c, s, cu, ds, de, k, ca)
                """,
                [list(column) for column in zip(*rows, strict=True)],
            )
            created += len(rows)
            self.commit()
        return created

    def create_requests(self):
        """Customer requests received over the last year, ORM create in
        batches (deadlines computed set-based); those older than a week
        closed, with their acknowledgement, arrival and restoration times."""
        Request = self.env["maintenance.customer.request"]
        self.env.cr.execute(
            "SELECT count(*) FROM maintenance_customer_request r JOIN maintenance_site s"
            " ON s.id = r.site_id WHERE s.code LIKE 'VOL-S%%'"
        )
        existing = self.env.cr.fetchone()[0]
        total = self.sizes["requests"]
        sites = self.sites()
        created = 0
        for start in range(existing, total, BATCH):
            vals_list = []
            for index in range(start, min(start + BATCH, total)):
                rng = random.Random(index)
                received = self.now - timedelta(minutes=rng.randint(10, 365 * 24 * 60))
                vals = {
                    "site_id": sites[(index * 11) % len(sites)].id,
                    "priority": rng.choice("1223"),
                    "received_at": received,
                }
                if received < self.now - timedelta(days=7):
                    # handled: the times the request went through
                    vals.update(
                        state="closed",
                        acknowledged_at=received + timedelta(minutes=rng.randint(5, 90)),
                        arrived_at=received + timedelta(hours=rng.randint(2, 8)),
                        restored_at=received + timedelta(hours=rng.randint(8, 30)),
                    )
                vals_list.append(vals)
            Request.create(vals_list)
            created += len(vals_list)
            self.commit()
        return created

    def analyze(self):
        for table in (
            "maintenance_visit",
            "maintenance_intervention",
            "maintenance_task",
            "maintenance_task_checkin",
            "maintenance_meter_reading",
            "maintenance_downtime",
            "maintenance_customer_request",
            "contract_contract",
            "contract_line",
            "maintenance_customer_equipment",
            "maintenance_site",
        ):
            self.env.cr.execute(SQL("ANALYZE %s", SQL.identifier(table)))
        return 0

    def run(self):
        steps = [
            ("customers", self.create_customers),
            ("users", self.users),
            ("sites", self.create_sites),
            ("equipment", self.create_equipment),
            ("contracts", self.create_contracts),
            ("visits (validation)", self.validate_contracts),
            ("dossiers + tasks", self.create_dossiers),
            ("meters", self.create_meters),
            ("readings (sensor batches)", self.import_readings),
            ("downtime events (SQL)", self.insert_downtime),
            ("customer requests", self.create_requests),
            ("analyze", self.analyze),
        ]
        for name, function in steps:
            self.stage(name, function)
        counts = [
            ("contracts", "contract_contract"),
            ("equipment", "maintenance_customer_equipment"),
            ("visits", "maintenance_visit"),
            ("dossiers", "maintenance_intervention"),
            ("tasks", "maintenance_task"),
            ("readings", "maintenance_meter_reading"),
            ("downtime events", "maintenance_downtime"),
            ("customer requests", "maintenance_customer_request"),
        ]
        for label, table in counts:
            self.env.cr.execute(SQL("SELECT count(*) FROM %s", SQL.identifier(table)))
            print(f"{label:<28} {self.env.cr.fetchone()[0]:>10,} in the database")


def main():
    args = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    args.add_argument("-c", "--config", required=True)
    args.add_argument("-d", "--database", required=True)
    args.add_argument("--scale", type=float, default=1.0)
    options = args.parse_args()
    config.parse_config(["-c", options.config, "-d", options.database])
    registry = odoo.modules.registry.Registry(options.database)
    start = time.perf_counter()
    with registry.cursor() as cr:
        env = odoo.api.Environment(
            cr,
            odoo.SUPERUSER_ID,
            {"tracking_disable": True, "mail_create_nolog": True, "mail_notrack": True},
        )
        print(f"volume company, scale {options.scale}: {Volume(env, options.scale).sizes}")
        Volume(env, options.scale).run()
    print(f"total {time.perf_counter() - start:.1f} s")


if __name__ == "__main__":
    main()
