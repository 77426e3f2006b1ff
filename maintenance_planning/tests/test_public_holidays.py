# Copyright 2026 Seed maintainers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import date, datetime

from odoo import Command
from odoo.tests import TransactionCase, new_test_user

from ..models.resource_calendar import french_public_holidays, holiday_zone_from_postcode


class TestPublicHolidays(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Calendar = cls.env["resource.calendar"]
        cls.lyon = Calendar.create(
            {"name": "Lyon", "tz": "Europe/Paris", "maintenance_holiday_zone": "metropole"}
        )
        cls.metz = Calendar.create(
            {"name": "Metz", "tz": "Europe/Paris", "maintenance_holiday_zone": "alsace_moselle"}
        )
        cls.pointe = Calendar.create(
            {
                "name": "Pointe-à-Pitre",
                "tz": "America/Guadeloupe",
                "maintenance_holiday_zone": "guadeloupe",
            }
        )
        cls.none = Calendar.create({"name": "Sans fériés", "tz": "Europe/Paris"})
        cls.manager = new_test_user(
            cls.env,
            login="holiday_manager",
            groups="maintenance_contracts.group_maintenance_manager,base.group_system",
        )

    def _days(self, calendar, year=2027):
        leaves = self.env["resource.calendar.leaves"].search(
            [("calendar_id", "=", calendar.id), ("resource_id", "=", False)]
        )
        return {leave.date_from: leave.name for leave in leaves}

    def test_the_days_of_2027(self):
        # by hand: Easter 2027 is Sunday 28 March
        metropole = [day for day, _name in french_public_holidays(2027, "metropole")]
        self.assertEqual(
            metropole,
            [
                date(2027, 1, 1),
                date(2027, 3, 29),  # Easter Monday
                date(2027, 5, 1),
                date(2027, 5, 6),  # Ascension
                date(2027, 5, 8),
                date(2027, 5, 17),  # Whit Monday
                date(2027, 7, 14),
                date(2027, 8, 15),
                date(2027, 11, 1),
                date(2027, 11, 11),
                date(2027, 12, 25),
            ],
        )
        alsace = {day for day, _name in french_public_holidays(2027, "alsace_moselle")}
        self.assertEqual(alsace - set(metropole), {date(2027, 3, 26), date(2027, 12, 26)})
        # Easter 2026 is Sunday 5 April: Good Friday 3 April
        self.assertIn(date(2026, 4, 3), dict(french_public_holidays(2026, "alsace_moselle")))
        self.assertIn(date(2027, 5, 27), dict(french_public_holidays(2027, "guadeloupe")))
        self.assertIn(date(2027, 12, 20), dict(french_public_holidays(2027, "reunion")))
        self.assertEqual(french_public_holidays(2027, "none"), [])

    def test_postcodes(self):
        self.assertEqual(holiday_zone_from_postcode("69003"), "metropole")
        self.assertEqual(holiday_zone_from_postcode("67000"), "alsace_moselle")
        self.assertEqual(holiday_zone_from_postcode("57000"), "alsace_moselle")
        self.assertEqual(holiday_zone_from_postcode("68100"), "alsace_moselle")
        self.assertEqual(holiday_zone_from_postcode("97110"), "guadeloupe")
        self.assertEqual(holiday_zone_from_postcode("97400"), "reunion")
        self.assertEqual(holiday_zone_from_postcode("97600"), "mayotte")
        self.assertEqual(holiday_zone_from_postcode(""), "none")

    def test_generator_writes_local_days_once(self):
        calendars = self.lyon | self.metz | self.pointe | self.none
        created = calendars._generate_public_holidays([2027])
        self.assertEqual(len(created), 11 + 13 + 12)
        lyon = self._days(self.lyon)
        # 14 July from 00:00 Paris (CEST): 13 July 22:00 UTC
        self.assertEqual(lyon[datetime(2027, 7, 13, 22, 0)], "Fête nationale")
        self.assertNotIn(datetime(2027, 3, 25, 23, 0), lyon, "no Good Friday in Lyon")
        metz = self._days(self.metz)
        self.assertEqual(metz[datetime(2027, 3, 25, 23, 0)], "Vendredi saint")
        # Guadeloupe is UTC-4: 27 May from 04:00 UTC
        self.assertEqual(
            self._days(self.pointe)[datetime(2027, 5, 27, 4, 0)], "Abolition de l'esclavage"
        )
        self.assertFalse(self._days(self.none))
        # idempotent: twice adds nothing
        self.assertFalse(calendars._generate_public_holidays([2027]))
        self.assertEqual(len(self._days(self.lyon)), 11)

    def test_button_and_cron(self):
        self.env["res.config.settings"].with_user(self.manager).create(
            {}
        ).action_generate_public_holidays()
        this_year = datetime.now().year
        lyon = self._days(self.lyon)
        self.assertEqual(len(lyon), 22)
        self.assertTrue(any(day.year == this_year + 1 for day in lyon))
        self.env.ref(
            "maintenance_planning.resource_calendar_french_holidays"
        ).method_direct_trigger()
        self.assertEqual(len(self._days(self.lyon)), 22, "the cron adds nothing more")
        self.metz.attendance_ids = [Command.clear()]
        self.assertEqual(len(self._days(self.metz)), 26)
