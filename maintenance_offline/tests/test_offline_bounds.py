# Copyright 2026 Seed maintainers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Issue 23: the phone's times within bounds, and nothing recorded offline
lost in silence; as the technician, through the real sync route."""

import base64
from datetime import timedelta

from odoo import Command, fields
from odoo.tests import HttpCase, new_test_user, tagged
from odoo.tools.safe_eval import safe_eval

from odoo.addons.maintenance_planning.tests.technician_common import PNG

from .test_offline_sync import OfflineCommon, _iso


class OfflineBoundsCommon(HttpCase, OfflineCommon):
    """A technician of their own (French, Paris) on the task planned two
    hours ago, signed in; the sync route and the journal at hand."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.phone_user = new_test_user(
            cls.env,
            login="bounds_tech",
            name="Lucas Martin",
            groups="maintenance_contracts.group_maintenance_technician",
            lang="fr_FR",
            tz="Europe/Paris",
        )
        planned = fields.Datetime.now().replace(microsecond=0) - timedelta(hours=2)
        cls.task.with_user(cls.manager).write(
            {"user_ids": [Command.link(cls.phone_user.id)], "planned_start": planned}
        )

    def setUp(self):
        super().setUp()
        self.authenticate("bounds_tech", "bounds_tech")

    def _post(self, actions, device_now=None):
        return self.make_jsonrpc_request(
            "/maintenance/offline/sync",
            {"actions": actions, "device_now": _iso(device_now or self.now)},
        )


@tagged("post_install", "-at_install")
class TestOfflineBounds(OfflineBoundsCommon):
    # the phone's times --------------------------------------------------

    def test_corrected_time_reviewed_by_the_manager(self):
        """Issue 23 item 8: a time recorded at the reception instead of the
        phone's is a to-do activity for the operations manager, with the
        action and the reason; a time within bounds is none."""
        manager = self.task.sudo()._operations_managers()[self.task.sudo()]
        self.assertTrue(manager)
        Activity = self.env["mail.activity"]
        domain = [("res_model", "=", "maintenance.task"), ("res_id", "=", self.task.id)]
        honest = self._action("note", {"body": "à l'heure"}, minutes_ago=5)
        self._post([honest])
        self.assertFalse(Activity.search(domain))
        backdated = self._action("check_in", {}, minutes_ago=6 * 24 * 60)
        answer = self._post([backdated])
        self.assertEqual(self._statuses(answer), ["applied"], answer)
        activity = Activity.search(domain)
        self.assertEqual(len(activity), 1)
        self.assertEqual(activity.user_id, manager)
        self.assertEqual(activity.summary, "Heures du téléphone corrigées (Lucas Martin)")
        row = self._journal([backdated])
        self.assertIn(f"/odoo/maintenance.offline.action/{row.id}", str(activity.note))
        self.assertIn("heure de réception", str(activity.note))

    def test_action_after_the_phones_own_clock_flagged(self):
        """A device time later than the phone's own clock when it sent the
        batch: its time was changed in between; flagged per action, though
        the batch's clock is honest."""
        note = self._action("note", {"body": "horloge"}, minutes_ago=-60)
        answer = self._post([note], device_now=self.now)
        self.assertFalse(answer["clock_flagged"])
        row = self._journal([note])
        self.assertTrue(row.time_flagged)
        self.assertIn("après l'horloge du téléphone", row.time_note)
        self.assertEqual(row.recorded_time, row.received_at)

    # nothing lost in silence --------------------------------------------

    def test_refused_after_closing_kept_and_shown(self):
        """Issue 23 item 7: a part (with a long note) and a photo sent after
        the task was closed offline are refused, kept whole in the journal,
        listed for the technician and linked from the manager's activity; a
        note is still posted on the closed task (the phone offers it)."""
        self.task.checklist_ids.write({"result": "done"})
        png = base64.b64encode(PNG).decode()
        body = "Fuite sur le raccord du vase d'expansion. " * 30
        actions = [
            self._action("check_in", {}, minutes_ago=60),
            self._action("close", {}, minutes_ago=20),
            self._action(
                "part",
                {"product_id": self.gasket.id, "quantity": 2, "note": body},
                minutes_ago=15,
            ),
            self._action(
                "photo",
                {"name": "raccord.png", "mimetype": "image/png", "data": png},
                minutes_ago=14,
            ),
            self._action("note", {"body": "Client prévenu."}, minutes_ago=13),
        ]
        answer = self._post(actions)
        self.assertEqual(
            self._statuses(answer), ["applied", "applied", "refused", "refused", "applied"]
        )
        refused = self._journal(actions[2:4])
        self.assertEqual(set(refused.mapped("state")), {"refused"})
        by_type = {row.action_type: row for row in refused}
        self.assertIn('"quantity": 2', by_type["part"].payload)
        self.assertIn(body, by_type["part"].payload, "the whole content, not a summary")
        self.assertGreater(len(body), 500)
        photo = by_type["photo"].attachment_id
        self.assertEqual(base64.b64decode(photo.datas), PNG, "the photo itself is kept")
        self.assertNotIn(png, by_type["photo"].payload)
        for result, row in zip(answer["results"][2:4], refused.sorted("id"), strict=True):
            self.assertEqual(result["journal_id"], row.id)
            self.assertTrue(row.message)
        # the technician's « Refusées » list: their own, with the reason
        action = self.env.ref("maintenance_offline.maintenance_offline_action_action_refused")
        Journal = self.env["maintenance.offline.action"].with_user(self.phone_user)
        listed = Journal.search(safe_eval(action.domain, {"uid": self.phone_user.id}))
        self.assertEqual(listed, refused)
        self.assertEqual(
            Journal.browse(by_type["photo"].id).attachment_file, photo.datas, "readable"
        )
        self.assertFalse(
            self.env["maintenance.offline.action"]
            .with_user(self.technician2)
            .search([("id", "in", refused.ids)]),
            "not another technician's",
        )
        # the manager: an activity linking to each journal row, its content readable
        activity = self.task.activity_ids.filtered(lambda a: "refusées" in (a.summary or ""))
        self.assertEqual(len(activity), 1)
        for row in refused:
            self.assertIn(f"/odoo/maintenance.offline.action/{row.id}", activity.note)
        as_manager = refused.with_user(self.manager)
        self.assertIn(body, as_manager.filtered(lambda r: r.action_type == "part").payload)
        self.assertEqual(
            as_manager.filtered(lambda r: r.action_type == "photo").attachment_file, photo.datas
        )
