# Copyright 2026 Seed maintainers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""FMD figures computed by hand on small fixtures (every datetime in UTC).

The period is February 2027: [1 Feb 00:00, 1 Mar 00:00) = 28 days = 672 h,
measured on 10 March (after the period) unless said otherwise. 1 February
2027 is a Monday."""

from datetime import datetime, timedelta

from freezegun import freeze_time
from lxml import etree

from odoo import Command
from odoo.exceptions import AccessError
from odoo.tools import SQL
from odoo.tools.misc import formatLang

from odoo.addons.maintenance_planning.tests.common import PlanningCommon
from odoo.addons.maintenance_reporting.report.maintenance_fmd_equipment import SCOPE_CACHE

FROM = datetime(2027, 2, 1)
TO = datetime(2027, 3, 1)


class TestFmd(PlanningCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Downtime = cls.env["maintenance.downtime"]
        cls.cause = {
            name: cls.env.ref(f"maintenance_downtime.failure_cause_{name}")
            for name in ("wear", "leak", "electrical", "power_cut", "preventive")
        }
        # site 1: a boiler (24/7) with overlapping events, and a spare
        # boiler without any event
        cls.boiler, cls.spare = cls._create_equipment(2, site=cls.site, name="Chaudière")
        cls._events(
            cls.boiler,
            [
                # crosses the period's start: 4 h in February, not a February failure
                ("2027-01-31 20:00", "2027-02-01 04:00", "wear"),
                # two overlapping failure events: one episode 08:00-18:00 (10 h)
                ("2027-02-10 08:00", "2027-02-10 14:00", "leak"),
                ("2027-02-10 12:00", "2027-02-10 18:00", "electrical"),
                # a power cut (external cause), 5 h
                ("2027-02-20 00:00", "2027-02-20 05:00", "power_cut"),
                # a planned stop, 2 h
                ("2027-02-25 10:00", "2027-02-25 12:00", "preventive"),
            ],
        )
        # the technicians' time on site on the leak's dossier: 2 h + 1.5 h
        cls.dossier = cls.env["maintenance.intervention"].create(
            {
                "intervention_type": "corrective",
                "site_id": cls.site.id,
                "equipment_ids": [Command.set(cls.boiler.ids)],
            }
        )
        task = cls.env["maintenance.task"].create(
            {
                "name": "Recherche de fuite",
                "intervention_id": cls.dossier.id,
                "user_ids": [Command.set(cls.technician.ids)],
                "planned_start": "2027-02-10 09:00:00",
                "duration": 4.0,
            }
        )
        cls.env["maintenance.task.checkin"].create(
            [
                {
                    "task_id": task.id,
                    "user_id": cls.technician.id,
                    "check_in": "2027-02-10 09:00:00",
                    "check_out": "2027-02-10 11:00:00",
                },
                {
                    "task_id": task.id,
                    "user_id": cls.technician.id,
                    "check_in": "2027-02-10 12:00:00",
                    "check_out": "2027-02-10 13:30:00",
                },
            ]
        )
        cls.Downtime.search(
            [("equipment_id", "=", cls.boiler.id), ("cause_id", "=", cls.cause["leak"].id)]
        ).intervention_id = cls.dossier

        # site 2: the same two failures on an air handling unit working to
        # the site's opening hours (Mon-Fri 8-12 h and 13-17 h, Paris time,
        # UTC+1 in February: 160 h in February) and on one running 24/7
        attendances = [
            Command.create(
                {
                    "name": name,
                    "dayofweek": str(day),
                    "hour_from": start,
                    "hour_to": stop,
                    "day_period": period,
                }
            )
            for day in range(5)
            for name, start, stop, period in (
                ("Matin", 8, 12, "morning"),
                ("Après-midi", 13, 17, "afternoon"),
            )
        ]
        cls.office_hours = cls.env["resource.calendar"].create(
            {"name": "Bureaux 8-12 h 13-17 h", "tz": "Europe/Paris", "attendance_ids": attendances}
        )
        cls.site2.resource_calendar_id = cls.office_hours
        cls.ahu_office, cls.ahu_always = cls._create_equipment(2, site=cls.site2, name="CTA")
        cls.ahu_office.operating_time = "site"
        for equipment in cls.ahu_office | cls.ahu_always:
            cls._events(
                equipment,
                [
                    # Wednesday 11:00-17:00 Paris: 5 working hours (lunch out)
                    ("2027-02-03 10:00", "2027-02-03 16:00", "electrical"),
                    # Saturday 09:00 to Monday 10:00 Paris: 2 working hours
                    ("2027-02-06 08:00", "2027-02-08 09:00", "wear"),
                ],
            )

    @classmethod
    def _events(cls, equipment, spans):
        return cls.Downtime.create(
            [
                {
                    "equipment_id": equipment.id,
                    "date_start": f"{start}:00",
                    "date_end": f"{end}:00" if end else False,
                    "cause_id": cls.cause[cause].id,
                }
                for start, end, cause in spans
            ]
        )

    def _rows(self, action, user=None):
        """The rows an analysis' action shows (lines, or per equipment the
        read-only analysis)."""
        Model = self.env(user=user or self.manager)[action["res_model"]]
        return Model.with_context(action.get("context") or {}).search(action["domain"])

    def _open_list(self, action, user=None):
        """What the web client asks when the analysis opens: its list view
        and its first page (80 rows and the count)."""
        Model = self.env(user=user or self.manager)[action["res_model"]].with_context(
            action.get("context") or {}
        )
        arch = Model.get_views([(False, "list")])["views"]["list"]["arch"]
        names = {
            node.get("name") for node in etree.fromstring(arch).iter("field") if node.get("name")
        }
        spec = {
            name: {"fields": {"display_name": {}}} if Model._fields[name].type == "many2one" else {}
            for name in names
        }
        return Model.web_search_read(action["domain"], spec, limit=80, count_limit=10001)

    def _figures(self, equipment, user=None, **kwargs):
        fmd = self.env(user=user or self.manager)["maintenance.fmd"]
        return {
            row["key"]: row
            for row in fmd._fmd_figures(FROM, TO, equipment_ids=equipment.ids, **kwargs)
        }

    @freeze_time("2027-03-10 12:00:00")
    def test_overlapping_events_and_event_crossing_the_start(self):
        row = self._figures(self.boiler)[self.boiler.id]
        # 4 h (crossing the start) + 10 h (overlapping pair merged, not 12 h)
        # + 5 h (power cut) + 2 h (planned stop)
        self.assertAlmostEqual(row["required_hours"], 672.0)
        self.assertAlmostEqual(row["downtime_hours"], 4 + 10 + 5 + 2)
        self.assertAlmostEqual(row["uptime_hours"], 672 - 21)
        # one failure: the episode started in January is January's
        self.assertEqual(row["failures"], 1)
        self.assertAlmostEqual(row["mtbf_hours"], 651.0)
        self.assertAlmostEqual(row["mttr_hours"], 10.0)
        self.assertAlmostEqual(row["availability"], 651 / 672)
        # 2 h + 1.5 h on site for the one repaired episode
        self.assertAlmostEqual(row["mart_hours"], 3.5)

    @freeze_time("2027-03-10 12:00:00")
    def test_external_causes_excluded(self):
        row = self._figures(self.boiler, exclude_external=True)[self.boiler.id]
        # the power cut's 5 h are neither required nor down
        self.assertAlmostEqual(row["required_hours"], 672 - 5)
        self.assertAlmostEqual(row["downtime_hours"], 4 + 10 + 2)
        self.assertAlmostEqual(row["uptime_hours"], 651.0)
        self.assertAlmostEqual(row["availability"], 651 / 667)
        self.assertEqual(row["failures"], 1)
        self.assertAlmostEqual(row["mtbf_hours"], 651.0)

    @freeze_time("2027-03-10 12:00:00")
    def test_no_failure_means_undefined_mtbf(self):
        row = self._figures(self.spare)[self.spare.id]
        self.assertEqual(row["failures"], 0)
        self.assertIsNone(row["mtbf_hours"])
        self.assertIsNone(row["mttr_hours"])
        self.assertIsNone(row["mart_hours"])
        self.assertAlmostEqual(row["required_hours"], 672.0)
        self.assertAlmostEqual(row["downtime_hours"], 0.0)
        self.assertAlmostEqual(row["availability"], 1.0)

    @freeze_time("2027-02-15 12:00:00")
    def test_open_event_counts_up_to_now(self):
        pump = self._create_equipment(1, site=self.site3, name="Pompe")
        self._events(pump, [("2027-02-15 06:00", None, "leak")])
        row = self._figures(pump)[pump.id]
        # the period stops now: 14 days and 12 hours
        self.assertAlmostEqual(row["required_hours"], 14 * 24 + 12)
        self.assertAlmostEqual(row["downtime_hours"], 6.0)
        self.assertEqual(row["failures"], 1)
        self.assertAlmostEqual(row["mttr_hours"], 6.0)
        self.assertAlmostEqual(row["mtbf_hours"], 348 - 6)
        self.assertAlmostEqual(row["availability"], 342 / 348)

    @freeze_time("2027-03-10 12:00:00")
    def test_working_hours_calendar_against_24_7(self):
        rows = self._figures(self.ahu_office | self.ahu_always)
        office, always = rows[self.ahu_office.id], rows[self.ahu_always.id]
        # 20 working days x 8 h; down 5 h (Wednesday) + 2 h (Monday morning)
        self.assertAlmostEqual(office["required_hours"], 160.0)
        self.assertAlmostEqual(office["downtime_hours"], 7.0)
        self.assertAlmostEqual(office["uptime_hours"], 153.0)
        self.assertAlmostEqual(office["availability"], 153 / 160)
        self.assertEqual(office["failures"], 2)
        self.assertAlmostEqual(office["mtbf_hours"], 153 / 2)
        # restoration time is clock time: (6 h + 49 h) / 2
        self.assertAlmostEqual(office["mttr_hours"], 27.5)
        # the same events 24/7: 6 h + 49 h down over 672 h
        self.assertAlmostEqual(always["required_hours"], 672.0)
        self.assertAlmostEqual(always["downtime_hours"], 55.0)
        self.assertAlmostEqual(always["availability"], 617 / 672)
        self.assertAlmostEqual(always["mtbf_hours"], 617 / 2)
        self.assertAlmostEqual(always["mttr_hours"], 27.5)

    @freeze_time("2027-03-10 12:00:00")
    def test_rolled_up_by_site_and_customer(self):
        equipment = self.boiler | self.spare | self.ahu_office | self.ahu_always
        by_site = self._figures(equipment, groupby="site_id")
        site1 = by_site[self.site.id]
        # boiler + spare: ratios on the sums, not averages of ratios
        self.assertEqual(site1["equipment_count"], 2)
        self.assertEqual(site1["failures"], 1)
        self.assertAlmostEqual(site1["required_hours"], 1344.0)
        self.assertAlmostEqual(site1["downtime_hours"], 21.0)
        self.assertAlmostEqual(site1["mtbf_hours"], 1323.0)
        self.assertAlmostEqual(site1["availability"], 1323 / 1344)
        site2 = by_site[self.site2.id]
        self.assertEqual(site2["failures"], 4)
        self.assertAlmostEqual(site2["required_hours"], 160 + 672)
        self.assertAlmostEqual(site2["downtime_hours"], 7 + 55)
        self.assertAlmostEqual(site2["mtbf_hours"], (153 + 617) / 4)
        self.assertAlmostEqual(site2["mttr_hours"], (6 + 49 + 6 + 49) / 4)
        by_customer = self._figures(equipment, groupby="customer_id")
        self.assertEqual(set(by_customer), {self.customer.id, self.customer2.id})
        self.assertAlmostEqual(by_customer[self.customer2.id]["availability"], 770 / 832)

    @freeze_time("2027-03-10 12:00:00")
    def test_pareto_of_causes(self):
        rows = self.env(user=self.manager)["maintenance.fmd"]._fmd_figures(
            FROM, TO, equipment_ids=self.boiler.ids, groupby="cause_id"
        )
        figures = {row["key"]: (row["failures"], row["downtime_hours"]) for row in rows}
        cause = self.cause
        self.assertEqual(
            figures,
            {
                cause["leak"].id: (1, 6.0),
                cause["electrical"].id: (1, 6.0),
                cause["power_cut"].id: (0, 5.0),
                cause["wear"].id: (0, 4.0),
                cause["preventive"].id: (0, 2.0),
            },
        )
        # most downtime first
        self.assertEqual([row["downtime_hours"] for row in rows], [6.0, 6.0, 5.0, 4.0, 2.0])

    @freeze_time("2027-03-10 12:00:00")
    def test_only_managers_and_admins_of_the_company(self):
        for user in (self.technician, self.accountant):
            with self.assertRaises(AccessError):
                self._figures(self.boiler, user=user)
        self.assertIn(self.boiler.id, self._figures(self.boiler, user=self.admin))
        other_company = self.env["res.company"].create({"name": "Froid Alpes Services"})
        other_customer = self.env["res.partner"].create(
            {"name": "Hôtel des Cimes", "is_company": True, "company_id": other_company.id}
        )
        other_site = self.env["maintenance.site"].create(
            {
                "name": "Hôtel des Cimes",
                "customer_id": other_customer.id,
                "company_id": other_company.id,
            }
        )
        other = self.env["maintenance.customer.equipment"].create(
            {"name": "Groupe froid", "site_id": other_site.id, "company_id": other_company.id}
        )
        self.Downtime.create(
            {
                "equipment_id": other.id,
                "date_start": "2027-02-02 08:00:00",
                "date_end": "2027-02-02 10:00:00",
            }
        )
        # asked for, but out of the manager's companies: left out
        figures = self._figures(self.boiler | other)
        self.assertEqual(set(figures), {self.boiler.id})
        self.assertNotIn(
            other.id,
            {
                row["key"]
                for row in self.env(user=self.manager)["maintenance.fmd"]._fmd_figures(FROM, TO)
            },
        )

    def _fans_stopped(self, hours):
        """40 fans of the second site, on its opening hours, each stopped
        once on 11 February from 08:00 for ``hours``."""
        many = self._create_equipment(40, site=self.site2, name="Ventilo")
        many.operating_time = "site"
        self.Downtime.create(
            [
                {
                    "equipment_id": equipment.id,
                    "date_start": datetime(2027, 2, 11, 8),
                    "date_end": datetime(2027, 2, 11, 8) + timedelta(hours=hours),
                }
                for equipment in many
            ]
        )
        self.env.flush_all()
        return many

    @freeze_time("2027-03-10 12:00:00")
    def test_query_count_does_not_grow_with_equipment(self):
        fmd = self.env(user=self.manager)["maintenance.fmd"]
        small = self.boiler | self.ahu_office
        many = self._fans_stopped(hours=1)
        fmd._fmd_figures(FROM, TO, equipment_ids=small.ids)  # warm the caches
        counts = []
        for equipment in (small, small | many):
            self.env.invalidate_all()
            before = self.env.cr.sql_log_count
            fmd._fmd_figures(FROM, TO, equipment_ids=equipment.ids)
            counts.append(self.env.cr.sql_log_count - before)
        # the same queries for 2 equipment as for 42 (one calendar in both)
        self.assertEqual(counts[0], counts[1])
        self.assertLessEqual(counts[1], 12)

    @freeze_time("2027-03-10 12:00:00")
    def test_analysis_per_equipment_in_flat_queries(self):
        """Opening the analysis per equipment (the wizard's button, then the
        list's first page as the web client asks it) makes the same queries
        for 2 equipment as for 42: the figures, names, ranks and shares come
        from one SQL query, nothing is stored per equipment."""
        many = self._fans_stopped(hours=1.5)
        Wizard = self.env(user=self.manager)["maintenance.fmd.wizard"]
        small = self.boiler | self.ahu_office
        wizards = Wizard.create(
            [
                {
                    "date_from": "2027-02-01",
                    "date_to": "2027-02-28",
                    "groupby": "equipment_id",
                    "equipment_ids": [Command.set(equipment.ids)],
                }
                for equipment in (small, small | many)
            ]
        )
        for wizard in wizards:  # warm the caches (views, ACLs)
            self._open_list(wizard.action_compute())
        counts = []
        for wizard in (*wizards, *wizards):  # the second round is compared
            self.env.invalidate_all()
            # the analysis' query is built once per request (transaction)
            self.env.cr.cache.pop(SCOPE_CACHE, None)
            before = self.env.cr.sql_log_count
            with self.assertLogs("odoo.sql_db", "DEBUG") as logs:
                result = self._open_list(wizard.action_compute())
            counts.append(self.env.cr.sql_log_count - before)
            # the figures are computed once for the page (its count without them)
            computed = [line for line in logs.output if "per_equipment" in line]
            self.assertEqual(len(computed), 1, computed)
        self.assertEqual(counts[2], counts[3])
        self.assertEqual(result["length"], 42)
        with self.assertQueryCount(counts[3]):
            self.env.invalidate_all()
            # the analysis' query is built once per request (transaction)
            self.env.cr.cache.pop(SCOPE_CACHE, None)
            self._open_list(wizards[0].action_compute())
        action = wizards[1].action_compute()
        self.assertEqual(action["res_model"], "maintenance.fmd.equipment")
        rows = self._rows(action)
        self.assertEqual(rows.equipment_id, small | many)
        self.assertEqual(len(rows), 42)
        fan = rows.filtered(lambda row: row.equipment_id == many[0])
        self.assertEqual((fan.failures, fan.downtime_hours, fan.mttr_display), (1, 1.5, "1.5"))
        self.assertEqual(fan.name, many[0].display_name)
        self.assertEqual(rows.mapped("sequence"), list(range(1, len(rows) + 1)))
        # counted as the list counts a full page: without a filter, by the
        # equipment of the scope; with one, by the rows' figures
        Rows = rows.with_context(action["context"])
        self.assertEqual(Rows.search_count([]), 42)
        self.assertEqual(Rows.search_count([], limit=10), 10)
        # the air handling unit's two failures; the boiler's and fans' one
        self.assertEqual(Rows.search_count([("failures", ">", 1)]), 1)
        self.assertEqual(Rows.search_count([("failures", "=", 1)]), 41)
        # nothing stored per equipment
        self.assertFalse(wizards.line_ids)
        # read-only, and not for technicians
        with self.assertRaises(AccessError):
            fan.with_user(self.manager).unlink()
        with self.assertRaises(AccessError):
            self._rows(action, user=self.technician)

    @freeze_time("2027-03-10 12:00:00")
    def test_analysis_per_equipment_figures_as_the_api(self):
        """Each row per equipment has the figures ``_fmd_figures`` gives for
        that equipment (external causes left out too)."""
        equipment = self.boiler | self.spare | self.ahu_office | self.ahu_always
        self.manager.tz = "UTC"
        for exclude in (False, True):
            wizard = self.env(user=self.manager)["maintenance.fmd.wizard"].create(
                {
                    "date_from": "2027-02-01",
                    "date_to": "2027-02-28",
                    "groupby": "equipment_id",
                    "exclude_external": exclude,
                    "equipment_ids": [Command.set(equipment.ids)],
                }
            )
            # the rows of another analysis (same ids) may be in the ORM's
            # cache: a request of the web client starts with an empty one
            self.env.invalidate_all()
            rows = self._rows(wizard.action_compute())
            figures = self._figures(equipment, exclude_external=exclude)
            self.assertEqual(set(rows.ids), set(figures))
            for row in rows:
                expected = figures[row.id]
                with self.subTest(equipment=row.name, exclude=exclude):
                    for name in ("failures", "required_hours", "downtime_hours", "uptime_hours"):
                        self.assertAlmostEqual(row[name], expected[name], places=9)
                    for name in ("mtbf_hours", "mttr_hours", "mart_hours"):
                        self.assertAlmostEqual(row[name], expected[name] or 0.0, places=9)
                    self.assertAlmostEqual(
                        row.availability, 100 * (expected["availability"] or 0.0), places=9
                    )
            # most downtime first, as the lines of the other groupings
            self.assertEqual(
                rows.mapped("id"),
                [
                    row["key"]
                    for row in self.env(user=self.manager)["maintenance.fmd"]._fmd_figures(
                        wizard.date_from,
                        wizard.date_to,
                        equipment_ids=equipment.ids,
                        exclude_external=exclude,
                    )
                ],
            )

    @freeze_time("2027-03-10 12:00:00")
    def test_analysis_group_not_set(self):
        """Equipment without a product make a line "Not set" (no product)."""
        bare = self._create_equipment(1, site=self.site2, name="Sans produit")
        bare.product_id = False
        wizard = (
            self.env(user=self.manager)["maintenance.fmd.wizard"]
            .with_context(lang="en_US")
            .create(
                {
                    "date_from": "2027-02-01",
                    "date_to": "2027-02-28",
                    "groupby": "product_id",
                    "equipment_ids": [Command.set(bare.ids)],
                }
            )
        )
        line = self.env(user=self.manager)["maintenance.fmd.line"].search(
            wizard.action_compute()["domain"]
        )
        self.assertEqual(
            (line.name, line.product_id.id, line.equipment_count), ("Not set", False, 1)
        )

    def test_number_format_is_formatlang(self):
        """The analysis formats its figures as ``formatLang`` would, in
        English and in French (grouping, decimal separator, rounding)."""
        self.env["res.lang"]._activate_lang("fr_FR")
        values = (0.0, 0.04, 0.05, 0.25, 2.675, 999.95, 1234.5, 1234567.891, 99.995)
        for lang in ("en_US", "fr_FR"):
            wizard = self.env["maintenance.fmd.wizard"].with_context(lang=lang)
            number = wizard._number_format()
            for value in values:
                for digits in (1, 2):
                    with self.subTest(lang=lang, value=value, digits=digits):
                        self.assertEqual(
                            number(value, digits),
                            formatLang(wizard.env, value, digits=digits),
                        )

    @freeze_time("2027-03-10 12:00:00")
    def test_wizard_lines_pareto_and_click_through(self):
        wizard = (
            self.env(user=self.manager)["maintenance.fmd.wizard"]
            .with_context(lang="en_US")
            .create(
                {
                    "date_from": "2027-02-01",
                    "date_to": "2027-02-28",
                    "groupby": "equipment_id",
                    "site_ids": [Command.set(self.site.ids)],
                }
            )
        )
        # whole days in the user's time zone: UTC here
        self.manager.tz = "UTC"
        action = wizard.action_compute()
        lines = self._rows(action)
        # most downtime first: the boiler (21 h), then the spare (0 h)
        self.assertEqual(lines.mapped("equipment_id"), self.boiler | self.spare)
        boiler, spare = lines
        self.assertEqual(boiler.sequence, 1)
        self.assertAlmostEqual(boiler.downtime_share, 100.0)
        self.assertAlmostEqual(boiler.cumulative_share, 100.0)
        self.assertEqual(boiler.mtbf_display, "651.0")
        self.assertAlmostEqual(boiler.availability, 100 * 651 / 672, places=2)
        self.assertEqual(spare.mtbf_display, "undefined")
        self.assertEqual(spare.mttr_display, "undefined")
        self.assertTrue(spare.availability_defined)
        events = self.env(user=self.manager)["maintenance.downtime"].search(
            boiler.action_view_downtime()["domain"]
        )
        self.assertEqual(len(events), 5)
        self.assertEqual(events.equipment_id, self.boiler)
        with self.assertRaises(AccessError):
            self.env(user=self.technician)["maintenance.fmd.wizard"].create(
                {"date_from": "2027-02-01", "date_to": "2027-02-28"}
            )

    @freeze_time("2027-03-10 12:00:00")
    def test_wizard_title_in_french_and_undefined_is_empty(self):
        """The analysis is titled with the user's dates (not ISO), and an
        undefined MTBF/MTTR (no failure) is stored as nothing, not 0 h."""
        self.env["res.lang"]._activate_lang("fr_FR")
        self.manager.write({"tz": "UTC", "lang": "fr_FR"})
        wizard = (
            self.env(user=self.manager)["maintenance.fmd.wizard"]
            .with_context(lang="fr_FR")
            .create(
                {
                    "date_from": "2027-02-01",
                    "date_to": "2027-02-28",
                    "groupby": "equipment_id",
                    "site_ids": [Command.set(self.site.ids)],
                }
            )
        )
        action = wizard.action_compute()
        self.assertIn("01/02/2027", action["display_name"])
        self.assertIn("28/02/2027", action["display_name"])
        self.assertNotIn("2027-02", action["display_name"])
        rows = self._rows(action)
        self.assertEqual(
            rows.with_context(lang="fr_FR")
            .filtered(lambda row: row.id == self.spare.id)
            .mtbf_display,
            "non défini",
        )
        self.env.flush_all()
        self.env.cr.execute(
            SQL(
                "SELECT equipment_id, mtbf_hours, mttr_hours FROM %s AS t WHERE id = ANY(%s)",
                rows.with_context(action["context"])._table_sql,
                rows.ids,
            )
        )
        stored = {row[0]: row[1:] for row in self.env.cr.fetchall()}
        self.assertEqual(stored[self.spare.id], (None, None))
        self.assertAlmostEqual(stored[self.boiler.id][0], 651.0)

    @freeze_time("2027-03-10 12:00:00")
    def test_wizard_pareto_of_causes(self):
        self.manager.tz = "UTC"
        wizard = self.env(user=self.manager)["maintenance.fmd.wizard"].create(
            {
                "date_from": "2027-02-01",
                "date_to": "2027-02-28",
                "groupby": "cause_id",
                "equipment_ids": [Command.set(self.boiler.ids)],
            }
        )
        lines = self.env(user=self.manager)["maintenance.fmd.line"].search(
            wizard.action_compute()["domain"]
        )
        # 6 + 6 + 5 + 4 + 2 = 23 h: running shares 26.1, 52.2, 73.9, 91.3, 100
        self.assertEqual(len(lines), 5)
        self.assertEqual(lines[2].cause_id, self.cause["power_cut"])
        self.assertAlmostEqual(lines[2].cumulative_share, 100 * 17 / 23, places=1)
        self.assertAlmostEqual(lines[-1].cumulative_share, 100.0)
        self.assertEqual(lines[-1].cause_id, self.cause["preventive"])
