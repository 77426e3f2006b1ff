# Copyright 2026 Seed maintainers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The indicators of the preventive / corrective dashboard, on small
fixtures whose figures are computed by hand, read as the operations
manager."""

import ast
import json
from datetime import date, datetime, timedelta

from odoo import Command
from odoo.exceptions import AccessError
from odoo.tests import new_test_user
from odoo.tools import file_open

from odoo.addons.maintenance_planning.tests.common import PlanningCommon

KPI_MODELS = (
    "maintenance.kpi.visit",
    "maintenance.kpi.intervention",
    "maintenance.kpi.hours",
    "maintenance.kpi.utilisation",
)


class TestKpi(PlanningCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.kpi_customer = cls.env["res.partner"].create(
            {"name": "Résidence Les Cèdres", "is_company": True}
        )
        cls.kpi_site = cls.env["maintenance.site"].create(
            {"name": "Les Cèdres - chaufferie", "customer_id": cls.kpi_customer.id}
        )

    def _visits(self, specs):
        """Visits of the fixture site: (due, window days, state, done date)."""
        return self.env["maintenance.visit"].create(
            [
                {
                    "site_id": self.kpi_site.id,
                    "due_date": due,
                    "window_start": due - timedelta(days=window),
                    "window_end": due + timedelta(days=window),
                    "state": state,
                    "done_date": done,
                }
                for due, window, state, done in specs
            ]
        )

    def test_preventive_visits_per_month(self):
        today = date.today()
        due = today - timedelta(days=60)
        self._visits(
            [
                (due, 7, "done", due + timedelta(days=2)),  # on time
                (due, 7, "done", due + timedelta(days=10)),  # late (3 days after)
                (due, 7, "done", due - timedelta(days=10)),  # early
                (due, 7, "missed", False),
                (due, 7, "to_plan", False),  # window closed: overdue, backlog
                (due, 7, "cancelled", False),  # left out
                # due yesterday, window still open: backlog, not overdue
                (today - timedelta(days=1), 7, "to_plan", False),
            ]
        )
        Kpi = self.env(user=self.manager)["maintenance.kpi.visit"]
        domain = [("customer_id", "=", self.kpi_customer.id)]
        measures = [
            "due_count:sum",
            "done_count:sum",
            "on_time_count:sum",
            "late_count:sum",
            "early_count:sum",
            "missed_count:sum",
            "backlog_count:sum",
            "overdue_count:sum",
            "on_time_rate:avg",
            "delay_days:avg",
        ]
        month = Kpi._read_group([*domain, ("due_date", "=", due)], ["due_date:month"], measures)
        self.assertEqual(len(month), 1)
        _month, due_n, done, on_time, late, early, missed, backlog, overdue, rate, delay = month[0]
        # five visits due (the cancelled one is left out): 3 done, 1 missed,
        # 1 overdue; on time 1 out of the 5 whose outcome is known: 20 %
        self.assertEqual(
            (due_n, done, on_time, late, early, missed, backlog, overdue),
            (5, 3, 1, 1, 1, 1, 1, 1),
        )
        self.assertAlmostEqual(rate, 100.0 * 1 / 5)
        # done 2 days after, 10 after and 10 before their due date
        self.assertAlmostEqual(delay, (2 + 10 - 10) / 3)
        [(due_all, backlog_all, overdue_all, rate_all)] = Kpi._read_group(
            domain,
            [],
            ["due_count:sum", "backlog_count:sum", "overdue_count:sum", "on_time_rate:avg"],
        )
        # yesterday's visit: due, in the backlog, not yet overdue, not in the rate
        self.assertEqual((due_all, backlog_all, overdue_all), (6, 2, 1))
        self.assertAlmostEqual(rate_all, 20.0)

    def _checkin(self, task, user, start, hours):
        return self.env["maintenance.task.checkin"].create(
            {
                "task_id": task.id,
                "user_id": user.id,
                "check_in": start,
                "check_out": start + timedelta(hours=hours),
            }
        )

    def _dossier(self, kind, priority, state="todo", hours=0.0, start=None):
        start = start or datetime(2026, 3, 3, 8, 0)
        dossier = self.env["maintenance.intervention"].create(
            {
                "intervention_type": kind,
                "priority": priority,
                "site_id": self.kpi_site.id,
                "task_ids": [
                    Command.create(
                        {
                            "name": "Intervention",
                            "user_ids": [Command.set(self.technician.ids)],
                            "planned_start": start,
                            "planned_end": start + timedelta(hours=max(hours, 1.0)),
                        }
                    )
                ],
            }
        )
        if hours:
            self._checkin(dossier.task_ids, self.technician, start, hours)
        if state == "done":
            dossier.task_ids.write({"state": "done"})
            dossier.action_done()
        elif state == "cancelled":
            dossier.action_cancel()
        return dossier

    def test_corrective_dossiers_and_hours(self):
        self._dossier("corrective", "2", "done", hours=2.5)
        self._dossier("corrective", "2", hours=1.0, start=datetime(2026, 3, 4, 8, 0))
        self._dossier("corrective", "0", start=datetime(2026, 3, 5, 8, 0))
        self._dossier("preventive", "0", "done", hours=1.5, start=datetime(2026, 3, 6, 8, 0))
        self._dossier("corrective", "1", "cancelled", start=datetime(2026, 3, 9, 8, 0))
        manager = self.env(user=self.manager)
        domain = [("customer_id", "=", self.kpi_customer.id)]
        by_priority = {
            priority: (count, open_count, hours)
            for priority, count, open_count, hours in manager[
                "maintenance.kpi.intervention"
            ]._read_group(
                [*domain, ("intervention_type", "=", "corrective")],
                ["priority"],
                ["dossier_count:sum", "open_count:sum", "hours_on_site:sum"],
            )
        }
        # the cancelled dossier is left out; urgent (P1, as the request
        # that opens it): one closed (2.5 h on site), one open (1 h); normal
        # (P3): one open, no hours
        self.assertEqual(by_priority, {"1": (2, 1, 3.5), "3": (1, 1, 0.0)})
        # the dashboard says P1/P2/P3 as the requests do, in the user's language
        self.env["res.lang"]._activate_lang("fr_FR")
        for lang in ("en_US", "fr_FR"):
            kpi = manager["maintenance.kpi.intervention"].with_context(lang=lang)
            request = manager["maintenance.customer.request"].with_context(lang=lang)
            labels = kpi.fields_get(["priority"])["priority"]["selection"]
            self.assertEqual(labels, request.fields_get(["priority"])["priority"]["selection"])
            self.assertEqual([value for value, _label in labels], ["1", "2", "3"])
            self.assertTrue(labels[0][1].startswith("P1"), labels)
        hours = dict(
            manager["maintenance.kpi.hours"]._read_group(
                domain, ["intervention_type"], ["hours:sum"]
            )
        )
        self.assertEqual(hours, {"corrective": 3.5, "preventive": 1.5})
        [(preventive, corrective)] = manager["maintenance.kpi.hours"]._read_group(
            domain, [], ["preventive_hours:sum", "corrective_hours:sum"]
        )
        self.assertEqual((preventive, corrective), (1.5, 3.5))

    def test_technician_utilisation(self):
        """A 40-hour week (8:00-12:00, 13:00-17:00, Monday to Friday, Paris)
        and 3 h + 5 h on site: 8 / 40 = 20 % for the week."""
        attendances = [
            Command.create(
                {
                    "name": name,
                    "dayofweek": day,
                    "hour_from": start,
                    "hour_to": end,
                    "day_period": period,
                }
            )
            for day in "01234"
            for name, start, end, period in (
                ("Matin", 8, 12, "morning"),
                ("Après-midi", 13, 17, "afternoon"),
            )
        ]
        calendar = self.env["resource.calendar"].create(
            {"name": "Techniciens 40 h", "tz": "Europe/Paris", "attendance_ids": attendances}
        )
        self.technician2.maintenance_calendar_id = calendar
        Task = self.env["maintenance.task"]
        # Monday 2 March 2026, 8:00 in Paris is 7:00 UTC
        monday = Task.create(
            {
                "name": "Chaufferie",
                "user_ids": [Command.set(self.technician2.ids)],
                "planned_start": "2026-03-02 07:00:00",
                "planned_end": "2026-03-02 10:00:00",
            }
        )
        tuesday = Task.create(
            {
                "name": "Dépannage",
                "user_ids": [Command.set(self.technician2.ids)],
                "planned_start": "2026-03-03 07:00:00",
                "planned_end": "2026-03-03 12:00:00",
            }
        )
        self._checkin(monday, self.technician2, datetime(2026, 3, 2, 7, 0), 3.0)
        self._checkin(tuesday, self.technician2, datetime(2026, 3, 3, 7, 0), 5.0)
        Kpi = self.env(user=self.manager)["maintenance.kpi.utilisation"]
        [(available, on_site, utilisation)] = Kpi._read_group(
            [("user_id", "=", self.technician2.id)],
            [],
            ["available_hours:sum", "on_site_hours:sum", "utilisation:avg"],
        )
        self.assertEqual((available, on_site), (40.0, 8.0))
        self.assertAlmostEqual(utilisation, 100.0 * 8 / 40)
        days = dict(
            Kpi._read_group(
                [("user_id", "=", self.technician2.id), ("on_site_hours", ">", 0)],
                ["date:day"],
                ["utilisation:avg"],
            )
        )
        # Monday 3 of 8 hours, Tuesday 5 of 8
        self.assertEqual(sorted(days.values()), [37.5, 62.5])

    def test_only_managers_of_the_company_read_the_indicators(self):
        self._visits([(date.today() - timedelta(days=40), 7, "missed", False)])
        other_company = self.env["res.company"].create({"name": "Autre société"})
        other_site = self.env["maintenance.site"].create(
            {
                "name": "Site de l'autre société",
                "customer_id": self.kpi_customer.id,
                "company_id": other_company.id,
            }
        )
        self.env["maintenance.visit"].create(
            {
                "site_id": other_site.id,
                "company_id": other_company.id,
                "due_date": date.today() - timedelta(days=40),
                "state": "missed",
            }
        )
        rows = self.env(user=self.manager)["maintenance.kpi.visit"].search(
            [("customer_id", "=", self.kpi_customer.id)]
        )
        self.assertEqual(rows.company_id, self.company)
        self.assertEqual(len(rows), 1)
        for user in (self.technician, self.accountant):
            for model in KPI_MODELS:
                with self.subTest(user=user.login, model=model), self.assertRaises(AccessError):
                    self.env(user=user)[model].search([])

    def test_dashboard_for_managers_only(self):
        dashboard = self.env.ref(
            "maintenance_reporting.maintenance_dashboard_preventive_corrective"
        )
        admin = new_test_user(
            self.env, login="kpi_admin", groups="maintenance_contracts.group_maintenance_admin"
        )
        for user in (self.manager, admin):
            found = self.env(user=user)["spreadsheet.dashboard"].search([])
            self.assertIn(dashboard, found, user.login)
        for user in (self.technician, self.accountant):
            found = self.env(user=user)["spreadsheet.dashboard"].search([])
            self.assertNotIn(dashboard, found, user.login)

    def test_dashboard_open_corrective_card_and_period(self):
        """« Open corrective » counts the corrective dossiers open today,
        whatever the period (one opened two years ago is still to do), and
        opens those dossiers only; the period runs up to the current month
        included (a default value of the add-on's JavaScript)."""
        old = self._dossier("corrective", "2", start=datetime(2024, 5, 2, 8, 0))
        new = self._dossier("corrective", "0", start=datetime.now())
        self._dossier("corrective", "1", "done", hours=1.0)
        self._dossier("corrective", "1", "cancelled")
        self._dossier("preventive", "0")
        with file_open("maintenance_reporting/data/files/maintenance_dashboard.json") as file:
            data = json.load(file)
        cells = data["sheets"][1]["cells"]
        self.assertEqual(cells["A11"], '=_t("Open corrective dossiers")')
        pivot_id = cells["B11"].split("(")[1].split(",")[0]
        pivot = data["pivots"][pivot_id]
        period = data["globalFilters"][0]
        self.assertNotIn(period["id"], pivot["fieldMatching"])
        manager = self.env(user=self.manager)
        [[count]] = manager[pivot["model"]]._read_group(
            [*pivot["domain"], ("customer_id", "=", self.kpi_customer.id)],
            [],
            ["open_count:sum"],
        )
        self.assertEqual(count, 2)
        # the card opens the open corrective dossiers, the same two
        menu = self.env.ref(data["chartOdooMenusReferences"]["sc-open-corrective"])
        self.assertTrue(menu.with_user(self.manager)._filter_visible_menus())
        action = menu.action
        found = manager["maintenance.intervention"].search(
            [*ast.literal_eval(action.domain), ("customer_id", "=", self.kpi_customer.id)]
        )
        self.assertEqual(found, old | new)
        with file_open("maintenance_reporting/static/src/dashboard/period_default.js") as file:
            self.assertIn(f'"{period["defaultValue"]}"', file.read())

    def test_dashboard_is_bound_to_existing_fields(self):
        """Every pivot, chart and list of the shipped spreadsheet reads
        fields that exist on its model: a renamed field would show an
        error cell instead of a figure."""
        with file_open("maintenance_reporting/data/files/maintenance_dashboard.json") as file:
            data = json.load(file)
        used = []
        for pivot in data["pivots"].values():
            used += [(pivot["model"], m["fieldName"]) for m in pivot["measures"]]
            used += [(pivot["model"], r["fieldName"]) for r in pivot["rows"]]
            used += [(pivot["model"], leaf[0]) for leaf in pivot["domain"]]
            used += [(pivot["model"], f["chain"]) for f in pivot["fieldMatching"].values()]
        for figure in data["sheets"][0]["figures"]:
            meta = figure["data"].get("metaData")
            if meta:
                used += [(meta["resModel"], g.split(":")[0]) for g in meta["groupBy"]]
                if meta["measure"] != "__count":
                    used.append((meta["resModel"], meta["measure"]))
        for odoo_list in data["lists"].values():
            used += [(odoo_list["model"], column) for column in odoo_list["columns"]]
        self.assertGreater(len(used), 40)
        for model, field in used:
            with self.subTest(model=model, field=field):
                self.assertIn(field, self.env[model]._fields)

    def test_query_count_is_flat(self):
        """The indicators are read in a fixed number of queries, whether
        there are 10 or 100 visits, dossiers and check-ins."""
        today = date.today()

        def read_all():
            manager = self.env(user=self.manager)
            manager.flush_all()
            manager.invalidate_all()
            count = self.env.cr.sql_log_count
            manager["maintenance.kpi.visit"]._read_group(
                [], ["due_date:month"], ["due_count:sum", "on_time_rate:avg"]
            )
            manager["maintenance.kpi.intervention"]._read_group(
                [], ["priority"], ["dossier_count:sum", "hours_on_site:sum"]
            )
            manager["maintenance.kpi.hours"]._read_group([], ["intervention_type"], ["hours:sum"])
            manager["maintenance.kpi.utilisation"]._read_group([], ["user_id"], ["utilisation:avg"])
            return self.env.cr.sql_log_count - count

        def add(count):
            due = today - timedelta(days=30)
            self._visits([(due, 7, "done", due) for _index in range(count)])
            for index in range(count // 10):
                self._dossier(
                    "corrective", "2", hours=1.0, start=datetime(2026, 3, 2 + index, 8, 0)
                )

        add(10)
        read_all()  # caches warm (rules, fields), as in a running server
        small = read_all()
        add(90)
        large = read_all()
        self.assertEqual(small, large)
        with self.assertQueryCount(small):
            self.env(user=self.manager).invalidate_all()
            read_all()
