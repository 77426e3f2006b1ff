# Copyright 2026 Seed maintainers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from freezegun import freeze_time

from odoo import Command, fields

from .common import PlanningCommon


@freeze_time("2027-01-01")
class TestWorkload(PlanningCommon):
    """Hours planned per technician and day against their working hours
    and leaves."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        attendances = []
        for day in "01234":
            attendances += [
                Command.create(
                    {
                        "name": "Matin",
                        "dayofweek": day,
                        "hour_from": 8,
                        "hour_to": 12,
                        "day_period": "morning",
                    }
                ),
                Command.create(
                    {
                        "name": "Pause",
                        "dayofweek": day,
                        "hour_from": 12,
                        "hour_to": 13,
                        "day_period": "lunch",
                    }
                ),
                Command.create(
                    {
                        "name": "Après-midi",
                        "dayofweek": day,
                        "hour_from": 13,
                        "hour_to": 17,
                        "day_period": "afternoon",
                    }
                ),
            ]
        cls.calendar = cls.env["resource.calendar"].create(
            {"name": "Techniciens 40 h", "tz": "Europe/Paris", "attendance_ids": attendances}
        )
        cls.technician.maintenance_calendar_id = cls.calendar
        cls.company.resource_calendar_id.tz = "Europe/Paris"
        # Paris is UTC+1 in January: 07:00 UTC is 08:00 on site
        Task = cls.env(user=cls.manager)["maintenance.task"]
        mine = [Command.set(cls.technician.ids)]
        cls.tasks = Task.create(
            [
                # Tuesday: 6 h + 4 h for 8 working hours
                {
                    "name": "Chaufferie",
                    "user_ids": mine,
                    "planned_start": "2027-01-05 07:00:00",
                    "planned_end": "2027-01-05 13:00:00",
                },
                {
                    "name": "Dépannage",
                    "user_ids": mine,
                    "planned_start": "2027-01-05 12:00:00",
                    "planned_end": "2027-01-05 16:00:00",
                },
                # Wednesday is a public holiday of the calendar
                {
                    "name": "Astreinte",
                    "user_ids": mine,
                    "planned_start": "2027-01-06 08:00:00",
                    "planned_end": "2027-01-06 10:00:00",
                },
                # Thursday: 3 h, fine
                {
                    "name": "Contrôle",
                    "user_ids": mine,
                    "planned_start": "2027-01-07 08:00:00",
                    "planned_end": "2027-01-07 11:00:00",
                },
                # cancelled: not counted
                {
                    "name": "Annulée",
                    "user_ids": mine,
                    "state": "cancelled",
                    "planned_start": "2027-01-07 12:00:00",
                    "planned_end": "2027-01-07 16:00:00",
                },
                # the other technician works on Friday night, across midnight
                {
                    "name": "Nuit",
                    "user_ids": [Command.set(cls.technician2.ids)],
                    "planned_start": "2027-01-08 21:00:00",
                    "planned_end": "2027-01-09 01:00:00",
                },
            ]
        )
        cls.env["resource.calendar.leaves"].create(
            {
                "name": "Jour férié",
                "calendar_id": cls.calendar.id,
                "date_from": "2027-01-05 23:00:00",
                "date_to": "2027-01-06 22:59:59",
            }
        )

    def _rows(self, user):
        self.env.flush_all()
        rows = self.env(user=self.manager)["maintenance.workload.report"].search(
            [("user_id", "=", user.id)]
        )
        return {fields.Date.to_string(row.date): row for row in rows}

    def test_daily_hours_against_calendar_and_leaves(self):
        rows = self._rows(self.technician)
        # whole weeks, Monday to Sunday
        self.assertEqual(sorted(rows), [f"2027-01-{day:02d}" for day in range(4, 11)])
        tuesday = rows["2027-01-05"]
        self.assertAlmostEqual(tuesday.planned_hours, 10.0)
        self.assertAlmostEqual(tuesday.working_hours, 8.0)
        self.assertAlmostEqual(tuesday.available_hours, 8.0)
        self.assertAlmostEqual(tuesday.overload_hours, 2.0)
        self.assertTrue(tuesday.is_overloaded)
        self.assertEqual(tuesday.task_count, 2)
        wednesday = rows["2027-01-06"]
        self.assertAlmostEqual(wednesday.leave_hours, 8.0)
        self.assertAlmostEqual(wednesday.available_hours, 0.0)
        self.assertTrue(wednesday.is_overloaded, "work planned on a day off")
        thursday = rows["2027-01-07"]
        self.assertAlmostEqual(thursday.planned_hours, 3.0, msg="cancelled tasks do not count")
        self.assertFalse(thursday.is_overloaded)
        self.assertAlmostEqual(rows["2027-01-04"].available_hours, 8.0)
        self.assertAlmostEqual(rows["2027-01-09"].working_hours, 0.0)
        self.assertEqual(thursday.calendar_id, self.calendar)

    def test_week_totals(self):
        # French weeks start on Monday, like the report's rows
        self.env["res.lang"]._activate_lang("fr_FR")
        self.env.flush_all()
        report = self.env(user=self.manager, context={"lang": "fr_FR"})[
            "maintenance.workload.report"
        ]
        groups = report._read_group(
            [("user_id", "=", self.technician.id)],
            ["date:week"],
            ["planned_hours:sum", "available_hours:sum", "overload_hours:sum"],
        )
        self.assertEqual(len(groups), 1)
        _week, planned, available, overload = groups[0]
        self.assertAlmostEqual(planned, 15.0)
        self.assertAlmostEqual(available, 32.0)
        self.assertAlmostEqual(overload, 4.0)

    def test_weeks_labelled_by_their_monday(self):
        """Weeks read "30 nov. 2026" (the Monday) in French, not "W49 2026"."""
        self.env["res.lang"]._activate_lang("fr_FR")
        self.env.flush_all()
        report = self.env(user=self.manager, context={"lang": "fr_FR"})[
            "maintenance.workload.report"
        ]
        rows = report.search([("user_id", "=", self.technician.id)])
        self.assertTrue(rows)
        self.assertEqual({row.week_start.weekday() for row in rows}, {0})
        self.assertTrue(all(row.week_start <= row.date for row in rows))
        [group] = report.formatted_read_group(
            [("user_id", "=", self.technician.id)], ["week_start:day"], ["__count"]
        )
        _value, label = group["week_start:day"]
        self.assertFalse(label.startswith("W"), label)
        self.assertEqual(label.split()[0], f"{rows[0].week_start.day:02d}", label)

    def test_company_calendar_and_tasks_across_midnight(self):
        rows = self._rows(self.technician2)
        friday, saturday = rows["2027-01-08"], rows["2027-01-09"]
        self.assertEqual(friday.calendar_id, self.company.resource_calendar_id)
        # 22:00 to 02:00 on site: two hours on each day
        self.assertAlmostEqual(friday.planned_hours, 2.0)
        self.assertAlmostEqual(saturday.planned_hours, 2.0)
        self.assertFalse(friday.is_overloaded, "within Friday's working hours in total")
        self.assertTrue(saturday.is_overloaded, "nobody works on Saturday")

    def test_rescheduling_updates_the_workload(self):
        self.tasks.filtered(lambda task: task.name == "Dépannage").with_user(
            self.manager
        ).planned_start = "2027-01-07 12:00:00"
        rows = self._rows(self.technician)
        self.assertFalse(rows["2027-01-05"].is_overloaded)
        self.assertAlmostEqual(rows["2027-01-07"].planned_hours, 7.0)

    def test_planning_greys_days_off(self):
        days = (
            self.env["maintenance.task"]
            .with_user(self.technician)
            .get_unusual_days("2027-01-04", "2027-01-10")
        )
        self.assertFalse(days["2027-01-05"])
        self.assertTrue(days["2027-01-06"], "the public holiday of the calendar")
        self.assertTrue(days["2027-01-09"])

    def test_company_of_a_row_is_the_tasks(self):
        """A technician of the main company planned on a task of another
        company: that day's row belongs to the task's company, so its
        managers see it and the main company's do not."""
        other = self.env["res.company"].create({"name": "Clim Services Sud"})
        self.technician.write({"company_ids": [Command.link(other.id)]})
        self.env["maintenance.task"].create(
            {
                "name": "Renfort Nîmes",
                "company_id": other.id,
                "user_ids": [Command.set(self.technician.ids)],
                "planned_start": "2027-01-12 07:00:00",
                "planned_end": "2027-01-12 10:00:00",
            }
        )
        self.env.flush_all()
        Report = self.env["maintenance.workload.report"]
        rows = Report.search([("user_id", "=", self.technician.id), ("date", "=", "2027-01-12")])
        by_company = {row.company_id: row for row in rows}
        self.assertEqual(by_company[other].planned_hours, 3.0)
        self.assertEqual(by_company[other].task_count, 1)
        self.assertNotIn(self.company, by_company, "no task of the main company that day")
        # the main company's manager sees none of it
        manager_rows = self.env(user=self.manager)["maintenance.workload.report"].search(
            [("user_id", "=", self.technician.id), ("date", "=", "2027-01-12")]
        )
        self.assertFalse(manager_rows)
