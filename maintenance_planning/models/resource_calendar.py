# Copyright 2026 Seed maintainers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import date, datetime, time, timedelta

from dateutil.easter import easter
from pytz import timezone, utc

from odoo import api, fields, models
from odoo.tools import SQL

from odoo.addons.maintenance_contracts.cron_lock import lock_batch

HOLIDAY_ZONES = [
    ("none", "No public holidays"),
    ("metropole", "Metropolitan France"),
    ("alsace_moselle", "Alsace-Moselle (57, 67, 68)"),
    ("guadeloupe", "Guadeloupe"),
    ("martinique", "Martinique"),
    ("guyane", "French Guiana"),
    ("reunion", "Réunion"),
    ("mayotte", "Mayotte"),
]
# abolition of slavery, per overseas department (law of 30 June 1983)
ABOLITION_DAYS = {
    "guadeloupe": (5, 27),
    "martinique": (5, 22),
    "guyane": (6, 10),
    "reunion": (12, 20),
    "mayotte": (4, 27),
}
OVERSEAS_POSTCODES = {
    "971": "guadeloupe",
    "972": "martinique",
    "973": "guyane",
    "974": "reunion",
    "976": "mayotte",
}


def holiday_zone_from_postcode(postcode):
    """The holiday zone of a French postcode: 57/67/68 Alsace-Moselle,
    971-976 overseas departments, other metropolitan postcodes métropole."""
    code = (postcode or "").replace(" ", "")
    if len(code) != 5 or not code.isdigit():
        return "none"
    if code[:3] in OVERSEAS_POSTCODES:
        return OVERSEAS_POSTCODES[code[:3]]
    if code[:2] in ("57", "67", "68"):
        return "alsace_moselle"
    return "metropole"


def french_public_holidays(year, zone):
    """[(date, name)] of the public holidays of ``year`` in ``zone``: the 11
    national days (Easter Monday, Ascension and Whit Monday from Easter),
    Good Friday and 26 December in Alsace-Moselle, the abolition of slavery
    in the overseas departments."""
    if zone == "none":
        return []
    easter_day = easter(year)
    days = [
        (date(year, 1, 1), "Jour de l'an"),
        (easter_day + timedelta(days=1), "Lundi de Pâques"),
        (date(year, 5, 1), "Fête du Travail"),
        (date(year, 5, 8), "Victoire 1945"),
        (easter_day + timedelta(days=39), "Ascension"),
        (easter_day + timedelta(days=50), "Lundi de Pentecôte"),
        (date(year, 7, 14), "Fête nationale"),
        (date(year, 8, 15), "Assomption"),
        (date(year, 11, 1), "Toussaint"),
        (date(year, 11, 11), "Armistice 1918"),
        (date(year, 12, 25), "Noël"),
    ]
    if zone == "alsace_moselle":
        days += [
            (easter_day - timedelta(days=2), "Vendredi saint"),
            (date(year, 12, 26), "Saint-Étienne"),
        ]
    if zone in ABOLITION_DAYS:
        month, day = ABOLITION_DAYS[zone]
        days.append((date(year, month, day), "Abolition de l'esclavage"))
    return sorted(days)


class ResourceCalendar(models.Model):
    _inherit = "resource.calendar"

    maintenance_holiday_zone = fields.Selection(
        selection=HOLIDAY_ZONES,
        string="Public holidays",
        default="none",
        required=True,
        help="The French public holidays written into this calendar's leaves by the "
        "generator (a button in the settings and a yearly scheduled action). "
        "Alsace-Moselle adds Good Friday and 26 December; the overseas departments "
        "their abolition-of-slavery day.",
    )

    def action_generate_public_holidays(self):
        """This year's and next year's public holidays."""
        year = fields.Date.context_today(self).year
        self._generate_public_holidays([year, year + 1])
        return True

    @api.model
    def _cron_generate_public_holidays(self):
        """Yearly: next year's public holidays of every calendar that asks
        (skipping the calendars a concurrent run holds)."""
        year = fields.Date.context_today(self).year
        lock_batch(self, [("maintenance_holiday_zone", "!=", "none")])._generate_public_holidays(
            [year, year + 1]
        )
        return True

    def _generate_public_holidays(self, years):
        """Write the public holidays of ``years`` into the leaves of these
        calendars (whole local days). Idempotent: a day already there is not
        written again. Returns the leaves created."""
        calendars = self.filtered(lambda c: c.maintenance_holiday_zone != "none")
        if not calendars:
            return self.env["resource.calendar.leaves"]
        # two runs at once (button, cron, shell) would both find no holiday
        # and write them twice: lock the calendars (LockError if another run
        # holds one) and give them a row version of ours, so that a run whose
        # snapshot predates our commit fails to lock them instead.
        calendars.lock_for_update(allow_referencing=True)
        self.env.cr.execute(
            SQL(
                "UPDATE resource_calendar SET write_date = NOW() AT TIME ZONE 'UTC' WHERE id IN %s",
                tuple(calendars.ids),
            )
        )
        calendars.invalidate_recordset(["write_date"])
        wanted = {}
        for calendar in calendars:
            tz = timezone(calendar.tz or "Europe/Paris")
            for year in years:
                for day, name in french_public_holidays(year, calendar.maintenance_holiday_zone):
                    start = tz.localize(datetime.combine(day, time.min))
                    stop = tz.localize(datetime.combine(day, time(23, 59, 59)))
                    wanted[(calendar.id, start.astimezone(utc).replace(tzinfo=None))] = {
                        "name": name,
                        "calendar_id": calendar.id,
                        "company_id": calendar.company_id.id,
                        "date_from": start.astimezone(utc).replace(tzinfo=None),
                        "date_to": stop.astimezone(utc).replace(tzinfo=None),
                        "time_type": "leave",
                    }
        Leave = self.env["resource.calendar.leaves"]
        existing = Leave.search(
            [
                ("calendar_id", "in", calendars.ids),
                ("resource_id", "=", False),
                ("date_from", ">=", min(key[1] for key in wanted)),
                ("date_from", "<=", max(key[1] for key in wanted)),
            ]
        )
        for leave in existing:
            wanted.pop((leave.calendar_id.id, leave.date_from), None)
        return Leave.create(list(wanted.values()))
