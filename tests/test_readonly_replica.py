# Copyright 2026 Seed maintainers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Our read-only routes and ``@api.readonly`` methods really only read.

With ``db_replica_host`` set, Odoo serves a ``readonly=True`` route, and a
``/web/dataset/call_kw`` or ``call_button`` call of an ``@api.readonly``
method, on a cursor of the hot standby; if the code writes, PostgreSQL
refuses (``ReadOnlySqlTransaction``) and Odoo replays the whole request on
the primary, logging "retrying with a read/write cursor" (odoo/http.py,
``_serve_db``). In tests, Odoo's test cursor simulates the read-only
connection with ``SET TRANSACTION READ ONLY``, so the same refusal and the
same warning happen. Each route and method is called here through HTTP as
its role, answers with its data, and must not log that warning.
``test_a_writing_readonly_method_is_caught`` shows the check does fail when
a read-only method writes, and ``test_every_readonly_method_is_tested``
that a method marked later without a test here fails the suite.
"""

import inspect
from unittest.mock import patch

from odoo import api
from odoo.tests import HttpCase, new_test_user, tagged

from odoo.addons.maintenance_request.tests.portal_common import RequestPortalCommon

RETRY = "retrying with a read/write cursor"


@tagged("post_install", "-at_install")
class TestReadonlyReplica(HttpCase, RequestPortalCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        data = cls.data[cls.site]
        cls.equipment = data["equipment"]
        cls.contract = data["contract"]
        cls.dossier = data["dossier"]
        cls.task = data["task"]
        cls.request = data["request"]
        cls.env["maintenance.logbook.entry"].create(
            {"equipment_id": cls.equipment.id, "name": "Contrôle étanchéité fait"}
        )
        cls.meter = cls.env["maintenance.meter"].create(
            {"name": "Heures brûleur", "equipment_id": cls.equipment.id, "unit": "h"}
        )
        cls.visit = cls.contract.visit_ids[:1]
        cls.visit_group = cls.env["maintenance.visit.group"].create(
            {"name": "Chaufferie", "site_id": cls.site.id}
        )
        cls.invoice = cls.env["account.move"].create(
            {"move_type": "out_invoice", "partner_id": cls.customer.id}
        )
        cls.order = cls.env["sale.order"].create({"partner_id": cls.customer.id})
        cls.salesman = new_test_user(
            cls.env,
            login="ro_salesman",
            groups="maintenance_contracts.group_maintenance_manager,sales_team.group_sale_salesman",
        )

    def _methods(self):
        """(model, method, records, login, password, args): every method of
        our add-ons marked ``@api.readonly``, called as the role that uses it."""
        tech = ("mc_technician", "mc_technician")
        manager = ("mc_manager", "mc_manager")
        task_buttons = (
            "action_open_my_day",
            "action_open_tomorrow",
            "action_open_directions",
            "action_view_checkins",
            "action_view_site_documents",
            "action_view_equipment_documents",
            "action_view_meters",
        )
        calls = [("maintenance.task", name, self.task, *tech, ()) for name in task_buttons]
        calls.append(
            ("maintenance.task", "get_unusual_days", None, *tech, ("2027-01-01", "2027-01-31"))
        )
        office = {
            "maintenance.site": (
                self.site,
                (
                    "action_view_equipment",
                    "action_view_visits",
                    "action_view_contracts",
                    "action_view_documents",
                ),
            ),
            "maintenance.customer.equipment": (
                self.equipment,
                (
                    "action_view_visits",
                    "action_view_documents",
                    "action_view_logbook",
                    "action_view_certificates",
                    "action_view_meters",
                    "action_view_downtime",
                ),
            ),
            "contract.contract": (
                self.contract,
                (
                    "action_view_visits",
                    "action_view_price_revisions",
                    "action_view_maintenance_documents",
                ),
            ),
            "res.partner": (
                self.customer,
                ("action_view_maintenance_sites", "action_view_maintenance_documents"),
            ),
            "maintenance.intervention": (
                self.dossier,
                (
                    "action_view_tasks",
                    "action_view_visits",
                    "action_view_documents",
                    "action_view_downtime",
                    "action_view_invoices",
                    "action_view_quotations",
                ),
            ),
            "maintenance.customer.request": (
                self.request,
                ("action_view_intervention", "action_view_downtime"),
            ),
            "maintenance.visit": (self.visit, ("action_view_intervention",)),
            "maintenance.visit.group": (self.visit_group, ("action_view_visits",)),
            "maintenance.meter": (self.meter, ("action_view_readings",)),
            "maintenance.price.index": (
                self.env.ref("maintenance_price_revision.price_index_syntec"),
                ("action_view_values",),
            ),
            "maintenance.price.revision.formula": (
                self.env.ref("maintenance_price_revision.price_revision_formula_syntec_15_85"),
                ("action_view_contracts",),
            ),
        }
        for model, (records, names) in office.items():
            calls += [(model, name, records, *manager, ()) for name in names]
        calls.append(
            (
                "account.move",
                "action_view_maintenance_interventions",
                self.invoice,
                "mc_accountant",
                "mc_accountant",
                (),
            )
        )
        calls += [
            ("sale.order", name, self.order, "ro_salesman", "ro_salesman", ())
            for name in (
                "action_view_maintenance_intervention",
                "action_view_maintenance_proposals",
            )
        ]
        return calls

    def _call(self, model, method, records, args, button=True):
        route = "call_button" if button and records is not None else "call_kw"
        return self.make_jsonrpc_request(
            f"/web/dataset/{route}/{model}.{method}",
            {
                "model": model,
                "method": method,
                "args": ([records.ids] if records is not None else []) + list(args),
                "kwargs": {},
            },
        )

    def test_readonly_methods_answer_on_a_readonly_cursor(self):
        for model, method, records, login, password, args in self._methods():
            with self.subTest(model=model, method=method, login=login):
                self.authenticate(login, password)
                with self.assertNoLogs("odoo.http", "WARNING"):
                    result = self._call(model, method, records, args)
                if method == "get_unusual_days":
                    # Saturday 2 January 2027 is off, Monday the 4th is not
                    self.assertIs(result["2027-01-02"], True)
                    self.assertIs(result["2027-01-04"], False)
                elif method == "action_open_directions":
                    self.assertEqual(result["type"], "ir.actions.act_url")
                else:
                    self.assertEqual(result["type"], "ir.actions.act_window")

    def test_a_writing_readonly_method_is_caught(self):
        """The check above can fail: a method marked read-only that writes
        is replayed on the primary, with the warning, and its write kept."""

        @api.readonly
        def action_rename_for_test(self):
            self.name = "Renommée"
            return True

        Task = type(self.env["maintenance.task"])
        self.authenticate("mc_manager", "mc_manager")
        with (
            patch.object(Task, "action_rename_for_test", action_rename_for_test, create=True),
            self.assertLogs("odoo.http", "WARNING") as logs,
        ):
            self._call("maintenance.task", "action_rename_for_test", self.task, ())
        self.assertIn(RETRY, "\n".join(logs.output))
        self.task.invalidate_recordset()
        self.assertEqual(self.task.name, "Renommée")

    def test_every_readonly_method_is_tested(self):
        tested = {(model, method) for model, method, *_rest in self._methods()}
        marked = set()
        for model_name in self.env.registry:
            for cls in type(self.env[model_name]).mro():
                if not cls.__module__.startswith("odoo.addons.maintenance_"):
                    continue
                for name, member in vars(cls).items():
                    if inspect.isfunction(member) and getattr(member, "_readonly", False):
                        marked.add((model_name, name))
        self.assertEqual(marked - tested, set(), "read-only methods without a test here")
        self.assertEqual(tested - marked, set(), "tested here but not marked read-only")

    def test_portal_routes_answer_on_a_readonly_cursor(self):
        data = self.data[self.site]
        pages = {
            "/my/sites": "Résidence",
            f"/my/sites/{self.site.id}": data["equipment"].name,
            "/my/equipment": data["equipment"].name,
            f"/my/equipment/{self.equipment.id}": data["equipment"].name,
            f"/my/equipment/{self.equipment.id}/logbook": "Contrôle étanchéité fait",
            "/my/visits": data["equipment"].name,
            "/my/interventions": data["dossier"].name,
            f"/my/interventions/{self.dossier.id}": data["task"].name,
            "/my/documents": data["shared"].name,
            "/my/requests": data["request"].title,
            f"/my/requests/{self.request.id}": data["request"].title,
            "/my/requests/new": self.site.name,
        }
        self.authenticate("portal_a", "portal_a" * 2)
        for url, text in pages.items():
            with self.subTest(url=url), self.assertNoLogs("odoo.http", "WARNING"):
                response = self.url_open(url)
                self.assertEqual(response.status_code, 200)
                self.assertIn(text, response.text)
        files = {
            f"/my/equipment/{self.equipment.id}/logbook/pdf": "Contrôle étanchéité fait",
            f"/my/interventions/{self.dossier.id}/reports/{data['report'].id}": "report of",
            f"/my/documents/{data['shared'].id}": "notice of",
        }
        for url, text in files.items():
            with self.subTest(url=url), self.assertNoLogs("odoo.http", "WARNING"):
                response = self.url_open(url)
                self.assertEqual(response.status_code, 200)
                self.assertIn(text, response.content.decode())
