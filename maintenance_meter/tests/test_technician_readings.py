# Copyright 2026 Seed maintainers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from freezegun import freeze_time

from odoo import Command, fields
from odoo.exceptions import AccessError, UserError, ValidationError

from .meter_common import MeterCommon


@freeze_time("2027-01-05 09:00:00")
class TestTechnicianReadings(MeterCommon):
    """Readings entered on a task or pushed by sensors: a counter never goes
    down, a batch is stored whole or not at all, a threshold opens one
    corrective dossier."""

    def _read(self, meter, value, date, user=None, **extra):
        return (
            self.env["maintenance.meter.reading"]
            .with_user(user or self.manager)
            .create({"meter_id": meter.id, "value": value, "date": date, **extra})
        )

    def _alert_dossiers(self, meter):
        return self.Intervention.search([("meter_id", "=", meter.id)])

    def test_technician_enters_readings_on_the_task(self):
        task = self._as(self.technician, self.task)
        task.write(
            {
                "reading_ids": [
                    Command.create({"meter_id": self.counter.id, "value": 1520.0}),
                    Command.create({"meter_id": self.gauge.id, "value": 68.0}),
                ]
            }
        )
        readings = task.reading_ids
        self.assertEqual(len(readings), 2)
        self.assertEqual(readings.mapped("source"), ["manual", "manual"])
        self.assertEqual(readings.user_id, self.technician)
        self.assertEqual(readings.equipment_id, self.equipment)
        self.assertEqual(task.meter_count, 2, "the meters of the task's equipment")
        self.assertEqual(self.counter.last_value, 1520.0)
        self.assertEqual(fields.Datetime.to_string(self.counter.last_date), "2027-01-05 09:00:00")
        # meters are readable by technicians, not writable
        meter = self.counter.with_user(self.technician)
        self.assertEqual(meter.name, "Compteur horaire")
        with self.assertRaises(AccessError):
            meter.write({"max_threshold": 10})
        with self.assertRaisesRegex(UserError, "sensor gateway"):
            self.env["maintenance.meter.reading"].with_user(self.technician).create(
                {
                    "meter_id": self.counter.id,
                    "value": 1600,
                    "task_id": self.task.id,
                    "source": "sensor",
                }
            )

    def test_counter_never_goes_down(self):
        self._read(self.counter, 1000, "2027-01-01 08:00:00")
        self._read(self.counter, 1100, "2027-01-03 08:00:00")
        with self.assertRaisesRegex(
            ValidationError,
            r"Compteur horaire.*is a counter: 1050 is lower than the previous reading \(1100 on",
        ):
            self._read(self.counter, 1050, "2027-01-04 08:00:00")
        # a late reading must fit between its neighbours
        with self.assertRaisesRegex(ValidationError, "higher than the next reading"):
            self._read(self.counter, 1200, "2027-01-02 08:00:00")
        self._read(self.counter, 1050, "2027-01-02 08:00:00")
        # equal is fine: the equipment did not run
        self._read(self.counter, 1100, "2027-01-04 08:00:00")
        self.assertEqual(self.counter.reading_count, 4)
        self.assertEqual(self.counter.last_value, 1100)
        # in one batch too, whatever the order of the lines
        with self.assertRaisesRegex(ValidationError, "lower than the previous"):
            self.env["maintenance.meter.reading"].with_user(self.manager).create(
                [
                    {"meter_id": self.counter.id, "value": 1300, "date": "2027-01-05 07:00:00"},
                    {"meter_id": self.counter.id, "value": 1250, "date": "2027-01-05 08:00:00"},
                ]
            )
        self.assertEqual(self.counter.reading_count, 4, "nothing of the refused batch")
        # editing a reading is checked the same way
        reading = self.counter.reading_ids.sorted("date")[1]
        with self.assertRaisesRegex(ValidationError, "lower than the previous"):
            reading.with_user(self.manager).value = 900
        # deleting the last reading gives back the previous one
        self.counter.reading_ids.sorted("date")[-1].unlink()
        self.assertEqual(fields.Datetime.to_string(self.counter.last_date), "2027-01-03 08:00:00")

    def test_a_gauge_goes_up_and_down_but_once_per_date(self):
        self._read(self.gauge, 70, "2027-01-05 08:00:00")
        self._read(self.gauge, 55, "2027-01-05 08:10:00")
        with self.assertRaisesRegex(ValidationError, "already has a reading on"):
            self._read(self.gauge, 56, "2027-01-05 08:10:00")
        self.assertEqual(self.gauge.last_value, 55)

    def test_threshold_opens_one_corrective_dossier(self):
        first = self._read(
            self.gauge, 95.5, "2027-01-05 07:00:00", user=self.technician, task_id=self.task.id
        )
        dossier = self._alert_dossiers(self.gauge)
        self.assertEqual(len(dossier), 1)
        self.assertTrue(first.is_out_of_range)
        self.assertEqual(first.alert_intervention_id, dossier)
        self.assertEqual(dossier.intervention_type, "corrective")
        self.assertEqual(dossier.site_id, self.site)
        self.assertEqual(dossier.customer_id, self.customer)
        self.assertEqual(dossier.equipment_ids, self.equipment)
        self.assertEqual(dossier.priority, "1")
        self.assertIn("above its maximum", dossier.description)
        self.assertFalse(dossier.user_id, "for the operations managers to take")
        # more alerts while it is open: linked to it, no new dossier
        second = self._read(self.gauge, 97.0, "2027-01-05 07:30:00")
        low = self._read(self.gauge, 12.0, "2027-01-05 07:45:00")
        normal = self._read(self.gauge, 70.0, "2027-01-05 08:00:00")
        self.assertEqual(self._alert_dossiers(self.gauge), dossier)
        self.assertEqual((second | low).alert_intervention_id, dossier)
        self.assertFalse(normal.is_out_of_range)
        self.assertFalse(normal.alert_intervention_id)
        # once the dossier is closed, a new alert opens a new one
        dossier.with_user(self.manager).action_cancel()
        self._read(self.gauge, 99.0, "2027-01-05 08:30:00")
        self.assertEqual(len(self._alert_dossiers(self.gauge)), 2)
        # another meter of the same equipment has its own alert
        self.counter.write({"has_max_threshold": True, "max_threshold": 50000})
        self._read(self.counter, 50001, "2027-01-05 08:30:00")
        self.assertEqual(len(self._alert_dossiers(self.counter)), 1)

    def test_technicians_see_only_the_readings_of_their_tasks(self):
        own = self._read(
            self.counter, 10, "2027-01-05 07:00:00", user=self.technician, task_id=self.task.id
        )
        sensor = (
            self.env["maintenance.meter.reading"]
            .sudo()
            .create(
                {
                    "meter_id": self.counter.id,
                    "value": 11,
                    "date": "2027-01-05 07:10:00",
                    "source": "sensor",
                }
            )
        )
        Reading = self.env["maintenance.meter.reading"].with_user(self.technician)
        self.assertEqual(Reading.search([]), own)
        with self.assertRaises(AccessError):
            sensor.with_user(self.technician).read(["value"])
        with self.assertRaises(AccessError):
            self.env["maintenance.meter.reading"].with_user(self.technician2).create(
                {"meter_id": self.counter.id, "value": 12, "task_id": self.task.id}
            )
        with self.assertRaises(AccessError):
            own.with_user(self.technician2).read(["value"])

    def test_sensor_import_refuses_the_whole_batch(self):
        Reading = self.env["maintenance.meter.reading"].with_user(self.manager)
        cases = [
            ({"readings": [{"meter": "NOPE", "value": 1}]}, "unknown meter 'NOPE'"),
            (
                {"readings": [{"meter": "CH-01-H", "value": 1, "unit": "kWh"}]},
                "does not match the unit",
            ),
            ({"readings": [{"meter": "CH-01-H", "value": "12"}]}, '"value" must be a number'),
            ({"readings": [{"meter": "CH-01-H", "value": 1, "date": "hier"}]}, "ISO 8601"),
            (
                {"readings": [{"meter": "CH-01-H", "value": 1, "date": "2027-02-01T00:00:00Z"}]},
                "in the future",
            ),
            ({"readings": [{"value": 1}]}, '"meter" is missing'),
            ({"readings": ["CH-01-H"]}, "must be a JSON object"),
            ({"readings": []}, "is empty"),
            ([1, 2], 'list "readings"'),
        ]
        for payload, error in cases:
            with self.subTest(error=error):
                readings, _duplicates, errors = Reading._import_sensor_readings(payload)
                self.assertFalse(readings)
                self.assertTrue(any(error in message for message in errors), errors)
        # one bad line among good ones: nothing stored, each bad line named
        readings, _duplicates, errors = Reading._import_sensor_readings(
            {
                "readings": [
                    {"meter": "CH-01-H", "value": 100, "date": "2027-01-05T07:00:00Z"},
                    {"meter": self.gauge.id, "value": 65.5, "unit": "°C"},
                    {"meter": "CH-01-X", "value": 2},
                    {"meter": "CH-01-T", "value": 60, "unit": "bar"},
                ]
            }
        )
        self.assertEqual(len(errors), 2)
        self.assertTrue(errors[0].startswith("Reading 3:"))
        self.assertTrue(errors[1].startswith("Reading 4:"))
        self.assertFalse(self.counter.reading_ids | self.gauge.reading_ids)
