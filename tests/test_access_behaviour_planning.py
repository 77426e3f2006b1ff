# Copyright 2026 Seed maintainers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""security/access_matrix.csv as behaviour, for the models of
maintenance_planning: each role really reads, writes, creates and deletes
records, and what happens is compared with the matrix.

Three records per model, made once for the class (as superuser) and tried
by every role, each attempt in a savepoint rolled back afterwards:

- ``own``: the technician's (their task, its dossier, check-ins, readings,
  parts...) in the users' company;
- ``other``: another technician's, in the same company;
- ``foreign``: one of another company (the technician's task there).

A cell ``1`` reaches ``own`` and ``other``, ``own`` reaches only ``own``,
``0`` reaches nothing; nobody reaches ``foreign``. The sensor gateway user
(a share user of the Sensor gateway group, not a row of the matrix) reaches
nothing at all: the readings endpoint is its only way in.

Every attempt runs as the user in the user's own companies (the context the
web client sends): ``foreign`` records are refused by the multi-company record
rules, not by the context; a refusal because of the context ("Access to
unauthorized or invalid companies") is reported as a difference.
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
# the error of an environment whose companies are not the user's (odoo.api)
INVALID_COMPANIES = "Access to unauthorized or invalid companies."


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
            groups="maintenance_meter_sensor.group_maintenance_sensor_gateway",
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
        cls.tasks = {scope: cls._task(scope) for scope in SCOPES}
        cls.meters = {scope: cls._meter(scope) for scope in SCOPES}
        cls.env.flush_all()  # the workload report reads the tasks in SQL
        cls.records, cls.create_vals = {}, {}
        for model in MODELS:
            for scope in SCOPES:
                cls.records[model, scope] = cls._record(model, scope)
                cls.create_vals[model, scope] = cls._create_vals(model, scope)
        cls.company_ids = {user: user.company_ids.ids for user in cls.users.values()}

    # the records of each scope (made as superuser: the set-up, not the test)

    @classmethod
    def _scope(cls, scope):
        company = cls.foreign_company if scope == "foreign" else cls.company
        technician = cls.technician2 if scope == "other" else cls.technician
        return company, technician

    @classmethod
    def _site(cls, scope, company):
        return (cls.other_site if scope == "other" else cls.site)[company]

    @classmethod
    def _task(cls, scope):
        company, technician = cls._scope(scope)
        dossier = cls.env["maintenance.intervention"].create(
            {"site_id": cls._site(scope, company).id, "company_id": company.id}
        )
        start = next(cls.dates)
        return cls.env["maintenance.task"].create(
            {
                "name": f"Tâche {scope}",
                "intervention_id": dossier.id,
                "user_ids": [Command.set(technician.ids)],
                "equipment_ids": [Command.set(cls.equipment[company].ids)],
                "planned_start": start,
                "planned_end": start + timedelta(hours=2),
            }
        )

    @classmethod
    def _meter(cls, scope):
        company, _technician = cls._scope(scope)
        return cls.env["maintenance.meter"].create(
            {"name": "Température", "equipment_id": cls.equipment[company].id, "kind": "gauge"}
        )

    @classmethod
    def _record(cls, model, scope):
        """The record of ``model`` in ``scope`` that read, write and unlink are
        tried on."""
        task = cls.tasks[scope]
        if model == "maintenance.workload.report":
            return cls.env[model].search(
                [("user_id", "in", task.user_ids.ids), ("company_id", "=", task.company_id.id)],
                limit=1,
            )
        if model == "maintenance.meter":
            return cls.meters[scope]
        if model == "maintenance.intervention":
            return task.intervention_id
        if model == "maintenance.task":
            return task
        return cls.env[model].create(cls._create_vals(model, scope))

    @classmethod
    def _create_vals(cls, model, scope):
        """Values of a new record of ``model`` in ``scope``, on the scope's task."""
        company, technician = cls._scope(scope)
        if model == "maintenance.intervention":
            return {"site_id": cls._site(scope, company).id, "company_id": company.id}
        if model == "maintenance.task":
            return {
                "name": "Nouvelle tâche",
                "company_id": company.id,
                "user_ids": [Command.set(technician.ids)],
            }
        if model == "maintenance.meter":
            return {"name": "Pression", "equipment_id": cls.equipment[company].id}
        task = cls.tasks[scope]
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
                "meter_id": cls.meters[scope].id,
                "value": 20.0,
                "date": next(cls.dates),
            },
            "maintenance.task.part": {"task_id": task.id, "product_id": cls.product.id},
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
        # the user's own environment: the user's companies, not the records'
        env = self.env(
            user=user, context=dict(self.env.context, allowed_company_ids=self.company_ids[user])
        )
        savepoint = self.env.cr.savepoint()
        try:
            if operation == "create":
                env[model].create(dict(self.create_vals[model, scope]))
            else:
                record = self.records[model, scope]
                self.assertTrue(record, f"no {model} record for {scope}")
                self.env.invalidate_all()
                as_user = record.with_env(env)
                if operation == "read":
                    as_user.read(["display_name"])
                    if env[model].search([("id", "=", record.id)]) != as_user:
                        return "read but not found by search"
                elif operation == "write":
                    as_user.write(self.WRITE_VALS[model])
                else:
                    as_user.unlink()
            self.env.flush_all()
        except AccessError as error:
            if str(error) in (
                INVALID_COMPANIES,
                env._("Access to unauthorized or invalid companies."),
            ):
                return f"refused by the context, not by a record rule ({error})"
            return "0"
        except Exception as error:  # noqa: BLE001 - reported as a difference
            return f"{type(error).__name__}: {error}"
        finally:
            savepoint.close(rollback=True)
            self.env.invalidate_all()
        return "1"

    @staticmethod
    def _expected(cell, scope):
        if scope == "foreign" or cell == "0":
            return "0"
        return "1" if cell == "1" or scope == "own" else "0"

    def _differences(self, models=MODELS):
        """What the roles got, where it is not what the matrix says."""
        differences = []
        for role, user in self.users.items():
            for model in models:
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
        return differences

    def test_roles_reach_what_the_matrix_says(self):
        for role, user in self.users.items():
            self.assertNotIn(self.foreign_company, user.company_ids, f"{role} is in it")
        differences = self._differences()
        self.assertFalse(differences, "\n".join(differences))

    def test_a_missing_company_rule_is_reported(self):
        """The check can fail: without the multi-company rule of task operations,
        the other company's operation is reached, and the check says so."""
        self.env.ref("maintenance_planning.maintenance_task_checklist_rule_company").active = False
        differences = self._differences(models=["maintenance.task.checklist"])
        self.assertIn(
            "manager read maintenance.task.checklist (foreign): matrix says 1 so 0, the role got 1",
            differences,
        )
        self.assertTrue(all("(foreign)" in line for line in differences), differences)
