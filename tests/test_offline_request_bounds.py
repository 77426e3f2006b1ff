# Copyright 2026 Seed maintainers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Issue 23, where the offline phone meets customer requests (two add-ons,
maintenance_offline and maintenance_request, that do not depend on each
other): an action on the phone dated before the reception of the dossier's
request is bounded; as the technician, through the real sync route."""

from datetime import timedelta

from odoo.tests import tagged

from odoo.addons.maintenance_offline.tests.test_offline_bounds import OfflineBoundsCommon


@tagged("post_install", "-at_install")
class TestOfflineRequestBounds(OfflineBoundsCommon):
    def _request(self, received_at):
        return self.env["maintenance.customer.request"].create(
            {
                "site_id": self.site.id,
                "equipment_id": self.equipment.id,
                "title": "Chaudière en panne",
                "priority": "2",
                "intervention_id": self.dossier.id,
                "received_at": received_at,
            }
        )

    def test_check_in_six_days_back_not_recorded_as_given(self):
        """Issue 23 item 2: a check-in dated 6 days back with an honest
        device_now, on a task created two days ago and planned today, for a
        request received an hour ago: recorded at the reception, flagged."""
        request = self._request(self.now - timedelta(hours=1))
        backdated = self._action("check_in", {}, minutes_ago=6 * 24 * 60)
        answer = self._post([backdated])
        self.assertEqual(self._statuses(answer), ["applied"], answer)
        self.assertFalse(answer["clock_flagged"], "the batch's clock is honest")
        checkin = self.task.checkin_ids
        self.assertGreaterEqual(checkin.check_in, self.now, "not six days back")
        self.assertTrue(checkin.time_flagged)
        row = self._journal([backdated])
        self.assertTrue(row.time_flagged)
        self.assertEqual(row.device_time, self.now - timedelta(days=6), "the phone's kept")
        self.assertEqual(row.recorded_time, row.received_at)
        self.assertIn("avant la création de la tâche", row.time_note)
        self.assertIn("avant la réception de la demande", row.time_note)
        self.assertIn("plus d'un jour avant le jour prévu", row.time_note)
        self.assertIn("time_note", answer["results"][0])
        # the request's intervention time is not negative
        self.assertGreaterEqual(request.arrived_at, request.received_at)

    def test_check_in_before_the_request_bounded(self):
        """A check-in after the task's creation and on its day, but before
        the reception of the dossier's request: bounded; one after it is
        recorded as the phone gave it."""
        self._request(self.now - timedelta(hours=3))
        before = self._action("check_in", {}, minutes_ago=4 * 60)
        answer = self._post([before])
        self.assertEqual(self._statuses(answer), ["applied"], answer)
        row = self._journal([before])
        self.assertTrue(row.time_flagged)
        self.assertIn("avant la réception de la demande", row.time_note)
        self.assertNotIn("avant la création de la tâche", row.time_note)
        self.assertEqual(self.task.checkin_ids.check_in, row.received_at)
        # within bounds: the phone's time, not flagged
        out = self._action("check_out", {}, minutes_ago=60)
        again = self._action("check_in", {}, minutes_ago=30)
        self._post([out, again])
        rows = self._journal([out, again])
        self.assertFalse(any(rows.mapped("time_flagged")))
        latest = self.task.checkin_ids.sorted("id")[-1]
        self.assertEqual(latest.check_in, self.now - timedelta(minutes=30))
        self.assertFalse(latest.time_flagged)
