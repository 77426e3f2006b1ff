# Copyright 2026 Seed maintainers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""security/access_matrix.csv as behaviour, for the models of
maintenance_planning: each role really reads, writes, creates and deletes
records, and what happens is compared with the matrix.

Three records per model and attempt:

- ``own``: the technician's (their task, its dossier, check-ins, readings,
  parts...) in the users' company;
- ``other``: another technician's, in the same company;
- ``foreign``: one of another company (the technician's task there).

A cell ``1`` reaches ``own`` and ``other``, ``own`` reaches only ``own``,
``0`` reaches nothing; nobody reaches ``foreign``. The sensor gateway user
(a share user of the Sensor gateway group, not a row of the matrix) reaches
nothing at all: the readings endpoint is its only way in.
"""

import csv
import itertools
from datetime import datetime, timedelta

from odoo import Command
from odoo.exceptions import AccessError
from odoo.tests import TransactionCase, new_test_user, tagged

from .test_access_matrix import MATRIX, ROLES

MODELS = (
    "maintenance.intervention",
    "maintenance.task",
    "maintenance.task.checklist",
    "maintenance.task.checkin",
    "maintenance.meter",
    "maintenance.meter.reading",
    "maintenance.task.part",
    "maintenance.workload.report",
)
SCOPES = ("own", "other", "foreign")
OPERATIONS = ("read", "write", "create", "unlink")
GATEWAY = "gateway"


@tagged("post_install", "-at_install")
class TestAccessBehaviourPlanning(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=True))
        cls.company = cls.env.company
        cls.foreign_company = cls.env["res.company"].create({"name": "Clim Services Sud"})
        cls.users = {
            role: new_test_user(cls.env, login=f"behaviour_{role}", groups=group)
            for role, group in ROLES.items()
        }
        cls.users[GATEWAY] = new_test_user(
            cls.env,
            login="behaviour_gateway",
            groups="maintenance_planning.group_maintenance_sensor_gateway",
        )
        cls.technician = cls.users["technician"]
        cls.technician2 = new_test_user(
            cls.env,
            login="behaviour_technician2",
            groups="maintenance_contracts.group_maintenance_technician",
        )
        customer = cls.env["res.partner"].create({"name": "Résidence Les Tilleuls"})
        cls.site = {
            company: cls.env["maintenance.site"].create(
                {
                    "name": f"Site {company.name}",
                    "customer_id": customer.id,
                    "company_id": company.id,
                }
            )
            for company in cls.company | cls.foreign_company
        }
        # the portal user is a contact of the customer: "own" dossiers are its
        # customer's, "other" ones another customer's
        cls.users["portal"].partner_id.parent_id = customer
        other_customer = cls.env["res.partner"].create({"name": "Copropriété Le Belvédère"})
        cls.other_site = {
            company: cls.env["maintenance.site"].create(
                {
                    "name": f"Autre site {company.name}",
                    "customer_id": other_customer.id,
                    "company_id": company.id,
                }
            )
            for company in cls.company | cls.foreign_company
        }
        cls.equipment = {
            company: cls.env["maintenance.customer.equipment"].create(
                {"name": "Chaudière", "site_id": site.id, "company_id": company.id}
            )
            for company, site in cls.site.items()
        }
        cls.product = cls.env["product.product"].create({"name": "Joint", "type": "consu"})
        cls.dates = (datetime(2026, 1, 1) + timedelta(minutes=n) for n in itertools.count())
        with MATRIX.open(newline="") as handle:
            cls.matrix = {(row["role"], row["model"]): row for row in csv.DictReader(handle)}

    # the records of each scope (made as superuser: the set-up, not the test)

    def _scope(self, scope):
        company = self.foreign_company if scope == "foreign" else self.company
        technician = self.technician2 if scope == "other" else self.technician
        return company, technician

    def _site(self, scope, company):
        return (self.other_site if scope == "other" else self.site)[company]

    def _task(self, scope):
        company, technician = self._scope(scope)
        dossier = self.env["maintenance.intervention"].create(
            {"site_id": self._site(scope, company).id, "company_id": company.id}
        )
        start = next(self.dates)
        return self.env["maintenance.task"].create(
            {
                "name": f"Tâche {scope}",
                "intervention_id": dossier.id,
                "user_ids": [Command.set(technician.ids)],
                "equipment_ids": [Command.set(self.equipment[company].ids)],
                "planned_start": start,
                "planned_end": start + timedelta(hours=2),
            }
        )

    def _meter(self, scope):
        company, _technician = self._scope(scope)
        return self.env["maintenance.meter"].create(
            {"name": "Température", "equipment_id": self.equipment[company].id, "kind": "gauge"}
        )

    def _record(self, model, scope):
        """A new record of ``model`` in ``scope``."""
        if model == "maintenance.workload.report":
            task = self._task(scope)
            self.env.flush_all()
            return self.env[model].search(
                [("user_id", "in", task.user_ids.ids), ("company_id", "=", task.company_id.id)],
                limit=1,
            )
        if model == "maintenance.meter":
            return self._meter(scope)
        if model == "maintenance.intervention":
            return self._task(scope).intervention_id
        if model == "maintenance.task":
            return self._task(scope)
        return self.env[model].create(self._create_vals(model, scope))

    def _create_vals(self, model, scope):
        company, technician = self._scope(scope)
        if model == "maintenance.intervention":
            return {"site_id": self._site(scope, company).id, "company_id": company.id}
        if model == "maintenance.task":
            return {
                "name": "Nouvelle tâche",
                "company_id": company.id,
                "user_ids": [Command.set(technician.ids)],
            }
        if model == "maintenance.meter":
            return {"name": "Pression", "equipment_id": self.equipment[company].id}
        task = self._task(scope)
        return {
            "maintenance.task.checklist": {"task_id": task.id, "name": "Contrôle"},
            # a closed pair: a technician has one open check-in at a time
            "maintenance.task.checkin": {
                "task_id": task.id,
                "user_id": technician.id,
                "check_in": datetime(2026, 5, 1, 8),
                "check_out": datetime(2026, 5, 1, 9),
            },
            "maintenance.meter.reading": {
                "task_id": task.id,
                "meter_id": self._meter(scope).id,
                "value": 20.0,
                "date": next(self.dates),
            },
            "maintenance.task.part": {"task_id": task.id, "product_id": self.product.id},
            "maintenance.workload.report": {"task_count": 1},
        }[model]

    WRITE_VALS = {
        "maintenance.intervention": {"description": "<p>Vu</p>"},
        "maintenance.task": {"description": "<p>Vu</p>"},
        "maintenance.task.checklist": {"comment": "Vu"},
        "maintenance.task.checkin": {"check_out": datetime(2026, 6, 1)},
        "maintenance.meter": {"name": "Renommé"},
        "maintenance.meter.reading": {"value": 21.0},
        "maintenance.task.part": {"note": "Vu"},
        "maintenance.workload.report": {"task_count": 2},
    }

    # one attempt, as the role ----------------------------------------------

    def _attempt(self, user, model, operation, scope):
        """'1' when the role did it, '0' when refused with an AccessError,
        otherwise what went wrong."""
        try:
            with self.env.cr.savepoint():
                if operation == "create":
                    vals = self._create_vals(model, scope)
                    self.env[model].with_user(user).create(vals)
                else:
                    record = self._record(model, scope)
                    self.assertTrue(record, f"no {model} record for {scope}")
                    self.env.invalidate_all()
                    as_user = record.with_user(user)
                    if operation == "read":
                        as_user.read(["display_name"])
                        found = self.env[model].with_user(user).search([("id", "=", record.id)])
                        if found != as_user:
                            return "read but not found by search"
                    elif operation == "write":
                        as_user.write(self.WRITE_VALS[model])
                    else:
                        as_user.unlink()
                    self.env.flush_all()
        except AccessError:
            return "0"
        except Exception as error:  # noqa: BLE001 - reported as a difference
            return f"{type(error).__name__}: {error}"
        return "1"

    @staticmethod
    def _expected(cell, scope):
        if scope == "foreign" or cell == "0":
            return "0"
        return "1" if cell == "1" or scope == "own" else "0"

    def test_roles_reach_what_the_matrix_says(self):
        differences = []
        for role, user in self.users.items():
            for model in MODELS:
                row = self.matrix.get((role, model))
                for operation in OPERATIONS:
                    cell = row[operation] if row else "0"  # the gateway: nothing
                    for scope in SCOPES:
                        expected = self._expected(cell, scope)
                        got = self._attempt(user, model, operation, scope)
                        if got != expected:
                            differences.append(
                                f"{role} {operation} {model} ({scope}): matrix says "
                                f"{cell} so {expected}, the role got {got}"
                            )
        self.assertFalse(differences, "\n".join(differences))
