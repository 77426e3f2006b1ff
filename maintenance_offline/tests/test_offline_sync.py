# Copyright 2026 Seed maintainers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The sync endpoint of the offline technician (issue 15), as the technician."""

import base64
import uuid
from datetime import timedelta
from unittest.mock import patch

from odoo import Command, fields
from odoo.exceptions import AccessError, UserError
from odoo.tests import HttpCase, new_test_user, tagged
from odoo.tests.common import JsonRpcException
from odoo.tools import SQL

from odoo.addons.maintenance_meter.tests.meter_common import MeterCommon
from odoo.addons.maintenance_offline.models.maintenance_offline_sync import (
    MaintenanceOfflineAction,
)
from odoo.addons.maintenance_planning.tests.technician_common import NEAR, PNG

# the queries of /maintenance/offline/day, whatever the number of tasks
DAY_QUERIES = 27


def _uuid():
    return str(uuid.uuid4())


def _iso(value):
    return value.strftime("%Y-%m-%dT%H:%M:%SZ")


class OfflineCommon(MeterCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("fr_FR")
        cls.env["ir.module.module"]._load_module_terms(
            ["maintenance_planning", "maintenance_offline"], ["fr_FR"]
        )
        (cls.technician | cls.technician2 | cls.manager).write({"lang": "fr_FR"})
        cls.gasket = cls.env["product.product"].create(
            {"name": "Joint de porte foyer", "type": "consu", "default_code": "JF-01"}
        )
        cls.Journal = cls.env["maintenance.offline.action"]
        # the tasks were created two days ago: the phone's times of the
        # tests (minutes back) are after their creation
        cls._backdate_creation(cls.task | cls.task2, timedelta(days=2))

    @classmethod
    def _backdate_creation(cls, records, delta):
        cls.env.flush_all()
        cls.env.cr.execute(
            SQL(
                "UPDATE %s SET create_date = create_date - %s WHERE id IN %s",
                SQL.identifier(records._table),
                delta,
                tuple(records.ids),
            )
        )
        records.invalidate_recordset(["create_date"])

    def setUp(self):
        super().setUp()
        self.now = fields.Datetime.now().replace(microsecond=0)

    def _action(self, action_type, payload=None, task=None, minutes_ago=30, key=None):
        return {
            "uuid": key or _uuid(),
            "task_id": (task or self.task).id,
            "type": action_type,
            "device_time": _iso(self.now - timedelta(minutes=minutes_ago)),
            "payload": payload if payload is not None else {},
        }

    def _sync(self, user, actions, device_now=None):
        return (
            self.Journal.with_user(user)
            .with_context(lang="fr_FR")
            ._offline_sync(actions, _iso(device_now or self.now))
        )

    def _statuses(self, answer):
        return [result["status"] for result in answer["results"]]

    def _journal(self, actions):
        return self.Journal.search([("uuid", "in", [action["uuid"] for action in actions])])


@tagged("post_install", "-at_install")
class TestOfflineSync(OfflineCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # planned today: the phone's times of the tests are on its day
        planned = fields.Datetime.now().replace(microsecond=0) - timedelta(hours=2)
        (cls.task | cls.task2).with_user(cls.manager).write({"planned_start": planned})

    def test_batch_applied_twice_applies_once(self):
        line = self.task.checklist_ids[0]
        actions = [
            self._action("check_in", {"latitude": NEAR[0], "longitude": NEAR[1], "accuracy": 5}),
            self._action("checklist", {"line_id": line.id, "result": "done"}),
            self._action("reading", {"meter_id": self.counter.id, "value": 1520.0}),
            self._action("part", {"product_id": self.gasket.id, "quantity": 2, "note": "usé"}),
            self._action("note", {"body": "Brûleur encrassé, nettoyé."}),
        ]
        first = self._sync(self.technician, actions)
        self.assertEqual(self._statuses(first), ["applied"] * 5, first)
        second = self._sync(self.technician, actions)
        self.assertEqual(self._statuses(second), ["duplicate"] * 5)
        self.assertEqual(second["results"][2]["res_id"], first["results"][2]["res_id"])
        self.assertEqual(len(self.task.checkin_ids), 1)
        self.assertEqual(line.result, "done")
        self.assertEqual(len(self.task.reading_ids), 1)
        self.assertEqual(len(self.task.part_ids), 1)
        self.assertEqual(self.task.part_ids.quantity, 2.0)
        notes = self.task.message_ids.filtered(lambda m: "encrassé" in (m.body or ""))
        self.assertEqual(len(notes), 1)
        self.assertEqual(len(self._journal(actions)), 5)
        self.assertEqual(set(self._journal(actions).mapped("state")), {"applied"})

    def test_third_of_five_refused_others_applied(self):
        # a newer reading recorded by the manager meanwhile: the phone's is lower
        self.env["maintenance.meter.reading"].with_user(self.manager).create(
            {"meter_id": self.counter.id, "value": 2000.0, "date": self.now - timedelta(hours=2)}
        )
        line = self.task.checklist_ids[0]
        actions = [
            self._action("check_in", {"latitude": None, "longitude": None, "accuracy": None}),
            self._action("checklist", {"line_id": line.id, "result": "done"}),
            self._action("reading", {"meter_id": self.counter.id, "value": 1500.0}),
            self._action("part", {"product_id": self.gasket.id, "quantity": 1}),
            self._action("note", {"body": "Relevé refusé ?"}),
        ]
        answer = self._sync(self.technician, actions)
        self.assertEqual(
            self._statuses(answer), ["applied", "applied", "refused", "applied", "applied"]
        )
        reason = answer["results"][2]["message"]
        self.assertIn("Compteur horaire", reason)
        self.assertEqual(len(self.task.checkin_ids), 1)
        self.assertEqual(line.result, "done")
        self.assertFalse(self.task.reading_ids, "the lower reading is not stored")
        self.assertEqual(len(self.task.part_ids), 1)
        refused = self._journal(actions).filtered(lambda row: row.state == "refused")
        self.assertEqual(refused.uuid, actions[2]["uuid"])
        self.assertEqual(refused.message, reason)
        self.assertEqual(refused.task_id, self.task)
        # one activity for the operations manager of the dossier, with the reason
        activities = self.task.activity_ids
        self.assertEqual(len(activities), 1)
        self.assertEqual(activities.user_id, self.dossier.user_id)
        self.assertEqual(activities.activity_type_id, self.env.ref("mail.mail_activity_data_todo"))
        self.assertIn("Compteur horaire", activities.note)
        # resending the batch: the refusal stays the refusal, no second activity
        again = self._sync(self.technician, actions)
        self.assertEqual(
            self._statuses(again), ["duplicate", "duplicate", "refused", "duplicate", "duplicate"]
        )
        self.assertEqual(again["results"][2]["message"], reason)
        self.assertEqual(len(self.task.activity_ids), 1)

    def test_one_activity_per_task_and_sync(self):
        self._as(self.manager, self.task).action_cancel()
        answer = self._sync(
            self.technician,
            [
                self._action("check_in", {}),
                self._action("part", {"product_id": self.gasket.id, "quantity": 1}),
            ],
        )
        self.assertEqual(self._statuses(answer), ["refused", "refused"])
        activity = self.task.activity_ids
        self.assertEqual(len(activity), 1, "one activity listing both refusals")
        self.assertEqual(activity.user_id, self.manager)
        self.assertIn("Actions hors ligne refusées", activity.summary)
        self.assertEqual(activity.note.count("<li>"), 2)
        self.assertFalse(self.task.checkin_ids)
        self.assertFalse(self.task.part_ids)

    def test_other_technicians_task_refused_untouched(self):
        actions = [
            self._action("check_in", {}, task=self.task2),
            self._action("note", {"body": "pas ma tâche"}, task=self.task2),
        ]
        answer = self._sync(self.technician, actions)
        self.assertEqual(self._statuses(answer), ["refused", "refused"])
        for result in answer["results"]:
            self.assertNotIn(self.task2.name, result["message"], "nothing of it is revealed")
        self.assertFalse(self.task2.checkin_ids)
        self.assertFalse(
            self.task2.message_ids.filtered(lambda m: "pas ma tâche" in (m.body or ""))
        )
        self.assertFalse(self._journal(actions).task_id, "the journal does not link it either")

    def test_other_roles_refused(self):
        """A portal customer or an employee who is not a technician cannot
        use the offline routes: nothing is read, applied or journaled."""
        portal = new_test_user(self.env, "offline_portal", groups="base.group_portal")
        employee = new_test_user(self.env, "offline_employee", groups="base.group_user")
        for user in (portal, employee):
            actions = [self._action("note", {"body": "Intrus"})]
            with self.assertRaisesRegex(AccessError, "réservé aux techniciens"):
                self._sync(user, actions)
            with self.assertRaisesRegex(AccessError, "reserved to technicians"):
                self.env["maintenance.task"].with_user(user)._offline_day()
            self.assertFalse(self._journal(actions))
        self.assertNotIn("Intrus", self.task.message_ids.mapped("body").__str__())

    def test_task_of_another_company_refused(self):
        """A technician of another company acting on this company's task:
        refused, the task untouched."""
        other_company = self.env["res.company"].create({"name": "Clim Services Sud"})
        outsider = new_test_user(
            self.env,
            "offline_other_company",
            groups="maintenance_contracts.group_maintenance_technician",
            company_id=other_company.id,
            company_ids=[Command.set(other_company.ids)],
        )
        actions = [self._action("check_in", {})]
        answer = self._sync(outsider, actions)
        self.assertEqual(self._statuses(answer), ["refused"])
        self.assertFalse(self.task.checkin_ids)
        day = self.env["maintenance.task"].with_user(outsider)._offline_day()
        self.assertEqual(day["tasks"], [])

    def test_uuid_of_another_user_refused(self):
        key = _uuid()
        mine = self._sync(
            self.technician2, [self._action("note", {"body": "Karim"}, task=self.task2, key=key)]
        )
        self.assertEqual(self._statuses(mine), ["applied"])
        forged = self._sync(self.technician, [self._action("note", {"body": "forgé"}, key=key)])
        self.assertEqual(self._statuses(forged), ["refused"])
        self.assertNotIn("Karim", forged["results"][0]["message"])
        self.assertNotIn("res_id", forged["results"][0])
        row = self.Journal.search([("uuid", "=", key)])
        self.assertEqual(row.user_id, self.technician2, "the other's journal row is untouched")
        self.assertFalse(self.task.message_ids.filtered(lambda m: "forgé" in (m.body or "")))

    def test_killed_request_then_resent(self):
        """Two ways a request dies. (1) The server committed the first three
        actions but the phone never got the answer (connection cut): the
        resent batch finds them applied. (2) The server process died in the
        middle of the fourth action, before its commit: PostgreSQL rolls the
        whole transaction back (here: the savepoint of the request), nothing
        of it is kept; the resent batch applies everything. One transaction
        only: two requests racing with the same identifier, on committed
        data, are test_offline_sync_race's."""
        line = self.task.checklist_ids[0]
        actions = [
            self._action("check_in", {}),
            self._action(
                "checklist", {"line_id": line.id, "result": "anomaly", "comment": "fuite"}
            ),
            self._action("reading", {"meter_id": self.counter.id, "value": 10.0}),
            self._action("part", {"product_id": self.gasket.id, "quantity": 3}),
            self._action("check_out", {}, minutes_ago=5),
        ]
        # (2) killed mid-batch, before the commit
        original = MaintenanceOfflineAction._sync_one
        seen = []

        def dying(self_, action, context):
            if len(seen) == 3:
                raise KeyboardInterrupt("worker killed")
            seen.append(action["uuid"])
            return original(self_, action, context)

        with (
            patch.object(MaintenanceOfflineAction, "_sync_one", dying),
            self.assertRaises(KeyboardInterrupt),
            self.env.cr.savepoint(),
        ):
            self._sync(self.technician, actions)
        self.env.invalidate_all()
        self.assertEqual(len(seen), 3, "three actions were applied before the kill")
        self.assertFalse(self._journal(actions))
        self.assertFalse(self.task.checkin_ids)
        # (1) the first three committed, the answer lost
        self.assertEqual(self._statuses(self._sync(self.technician, actions[:3])), ["applied"] * 3)
        answer = self._sync(self.technician, actions)
        self.assertEqual(self._statuses(answer), ["duplicate"] * 3 + ["applied", "applied"], answer)
        self.assertEqual(len(self.task.checkin_ids), 1)
        self.assertTrue(self.task.checkin_ids.check_out)
        self.assertEqual(line.result, "anomaly")
        self.assertEqual(line.comment, "fuite")
        self.assertEqual(len(self.task.reading_ids), 1)
        self.assertEqual(self.task.part_ids.quantity, 3.0)
        self.assertEqual(len(self._journal(actions)), 5)

    def test_device_time_recorded(self):
        arrival = self._action("check_in", {}, minutes_ago=90)
        reading = self._action(
            "reading", {"meter_id": self.counter.id, "value": 42.0}, minutes_ago=80
        )
        departure = self._action("check_out", {}, minutes_ago=20)
        answer = self._sync(self.technician, [arrival, reading, departure])
        self.assertEqual(self._statuses(answer), ["applied"] * 3)
        checkin = self.task.checkin_ids
        self.assertEqual(checkin.check_in, self.now - timedelta(minutes=90))
        self.assertEqual(checkin.check_out, self.now - timedelta(minutes=20))
        self.assertEqual(checkin.duration, 70 / 60)
        self.assertEqual(self.task.reading_ids.date, self.now - timedelta(minutes=80))
        row = self._journal([arrival])
        self.assertEqual(row.device_time, self.now - timedelta(minutes=90))
        self.assertEqual(row.recorded_time, self.now - timedelta(minutes=90))
        self.assertGreaterEqual(row.received_at, self.now, "the reception time is kept beside")
        # a device time in the future (beyond 5 min) is not plausible: the
        # reception time is recorded, the device's kept in the journal
        future = self._action("check_in", {}, task=self.task, minutes_ago=-120)
        self._sync(self.technician, [future])
        row = self._journal([future])
        self.assertEqual(row.device_time, self.now + timedelta(minutes=120))
        self.assertEqual(row.recorded_time, row.received_at)
        self.assertEqual(self.task.checkin_ids.sorted("id")[-1].check_in, row.received_at)

    def test_clock_skew_flagged(self):
        action = self._action("note", {"body": "horloge"})
        answer = self._sync(self.technician, [action], device_now=self.now + timedelta(minutes=25))
        self.assertTrue(answer["clock_flagged"])
        self.assertAlmostEqual(answer["clock_skew_seconds"], 1500, delta=30)
        row = self._journal([action])
        self.assertTrue(row.clock_flagged)
        self.assertAlmostEqual(row.clock_skew, 1500, delta=30)
        ok = self._action("note", {"body": "horloge juste"})
        answer = self._sync(self.technician, [ok], device_now=self.now + timedelta(minutes=2))
        self.assertFalse(answer["clock_flagged"])
        self.assertFalse(self._journal([ok]).clock_flagged)

    def test_more_than_200_actions_refused_whole(self):
        actions = [self._action("note", {"body": f"note {index}"}) for index in range(201)]
        with self.assertRaisesRegex(UserError, "201"):
            self._sync(self.technician, actions)
        self.assertFalse(self._journal(actions))
        self.assertFalse(self.task.message_ids.filtered(lambda m: "note 1" in (m.body or "")))

    def test_malformed_actions_refused_others_go_on(self):
        actions = [
            {"uuid": "pas-un-uuid", "task_id": self.task.id, "type": "note", "payload": {}},
            self._action("teleport", {}),
            self._action("reading", {"meter_id": self.counter.id, "value": "beaucoup"}),
            self._action("part", {"product_id": self.gasket.id, "quantity": -1}),
            self._action("photo", {"name": "x.jpg", "mimetype": "image/jpeg", "data": "@@"}),
            self._action("note", {"body": "ok"}),
        ]
        answer = self._sync(self.technician, actions)
        self.assertEqual(self._statuses(answer), ["refused"] * 5 + ["applied"])
        self.assertFalse(self.task.reading_ids)
        self.assertFalse(self.task.part_ids)
        self.assertFalse(self.task.photo_ids)

    def test_full_day_closes_task_once(self):
        lines = self.task.checklist_ids
        png = base64.b64encode(PNG).decode()
        actions = [
            self._action("check_in", {"latitude": NEAR[0], "longitude": NEAR[1]}, minutes_ago=60),
            *[
                self._action("checklist", {"line_id": line.id, "result": "done"}, minutes_ago=55)
                for line in lines
            ],
            self._action("reading", {"meter_id": self.gauge.id, "value": 65.0}, minutes_ago=50),
            self._action("part", {"product_id": self.gasket.id, "quantity": 1}, minutes_ago=45),
            self._action(
                "photo",
                {"name": "brûleur.png", "mimetype": "image/png", "data": png},
                minutes_ago=44,
            ),
            self._action("signature", {"data": png, "signed_by": "M. Garnier"}, minutes_ago=12),
            self._action("close", {}, minutes_ago=10),
        ]
        answer = self._sync(self.technician, actions)
        self.assertEqual(self._statuses(answer), ["applied"] * len(actions), answer)
        self.assertEqual(self.task.state, "done")
        self.assertEqual(self.task.closed_date, self.now - timedelta(minutes=10))
        self.assertEqual(self.task.customer_signed_on, self.now - timedelta(minutes=12))
        self.assertEqual(self.task.customer_signer_name, "M. Garnier")
        self.assertEqual(self.task.checkin_ids.check_out, self.now - timedelta(minutes=10))
        self.assertEqual(len(self.task.photo_ids), 1)
        self.assertEqual(self.task.photo_ids.maintenance_category, "photo")
        self.assertEqual(self._statuses(self._sync(self.technician, actions)), ["duplicate"] * 9)
        self.assertEqual(len(self.task.photo_ids), 1)
        # the journal keeps a summary, not the photo twice
        self.assertNotIn(png, self._journal(actions[6:7]).payload_summary)

    def test_checklist_closed_by_manager_and_cancelled_task_refused(self):
        self.task.checklist_ids.with_user(self.manager).write({"result": "done"})
        self._as(self.manager, self.task).action_done()
        answer = self._sync(
            self.technician,
            [
                self._action(
                    "checklist", {"line_id": self.task.checklist_ids[0].id, "result": "anomaly"}
                )
            ],
        )
        self.assertEqual(self._statuses(answer), ["refused"])
        self.assertIn("clôturée", answer["results"][0]["message"])
        self.assertEqual(self.task.checklist_ids[0].result, "done")
        self._as(self.manager, self.task2).action_cancel()
        answer = self._sync(self.technician2, [self._action("check_in", {}, task=self.task2)])
        self.assertEqual(self._statuses(answer), ["refused"])
        self.assertFalse(self.task2.checkin_ids)

    def test_journal_rights(self):
        action = self._action("note", {"body": "journal"})
        self._sync(self.technician, [action])
        row = self._journal([action])
        Journal = self.Journal.with_user(self.technician2)
        self.assertFalse(Journal.search([("id", "=", row.id)]), "not another technician's")
        self.assertEqual(self.Journal.with_user(self.technician).search([("id", "=", row.id)]), row)
        self.assertEqual(self.Journal.with_user(self.manager).search([("id", "=", row.id)]), row)
        with self.assertRaises(AccessError):
            row.with_user(self.technician).write({"state": "refused"})
        with self.assertRaises(AccessError):
            row.with_user(self.manager).write({"state": "refused"})
        with self.assertRaises(AccessError):
            self.Journal.with_user(self.technician).create(
                {"uuid": _uuid(), "user_id": self.technician.id, "state": "applied"}
            )


@tagged("post_install", "-at_install")
class TestOfflineDay(OfflineCommon):
    def _tasks(self, count):
        start = fields.Datetime.now().replace(minute=0, second=0, microsecond=0)
        equipment = self._create_equipment(count, name=f"Pompe {count}")
        return (
            self.env["maintenance.task"]
            .with_user(self.manager)
            .create(
                [
                    {
                        "name": f"Entretien {index}",
                        "intervention_id": self.dossier.id,
                        "user_ids": [Command.set(self.technician.ids)],
                        "planned_start": start + timedelta(hours=index % 20),
                        "duration": 1.0,
                        "equipment_ids": [Command.set(equipment[index].ids)],
                        "checklist_ids": [Command.create({"name": f"Contrôle {index}"})],
                    }
                    for index in range(count)
                ]
            )
        )

    def _count(self, user):
        self.env.invalidate_all()
        before = self.cr.sql_log_count
        day = self.env["maintenance.task"].with_user(user)._offline_day()
        return self.cr.sql_log_count - before, day

    def test_day_query_count_flat(self):
        self.env["maintenance.meter"].create(
            {"name": "Pression", "equipment_id": self._tasks(2)[0].equipment_ids.id, "unit": "bar"}
        )
        few, _day = self._count(self.technician)  # warm the registry caches
        few, day = self._count(self.technician)
        self.assertEqual(len(day["tasks"]), 2)
        self._tasks(8)
        many, day = self._count(self.technician)
        self.assertEqual(len(day["tasks"]), 10)
        self.assertEqual(few, many, "the number of queries does not grow with the tasks")
        Task = self.env["maintenance.task"].with_user(self.technician)
        self.env.invalidate_all()
        with self.assertQueryCount(DAY_QUERIES):
            day = Task._offline_day()
        self.assertEqual(len(day["tasks"]), 10)

    def test_day_is_the_users_own(self):
        tasks = self._tasks(2)
        _count, day = self._count(self.technician2)
        self.assertFalse({task["id"] for task in day["tasks"]} & set(tasks.ids))
        _count, day = self._count(self.technician)
        self.assertEqual({task["id"] for task in day["tasks"]}, set(tasks.ids))
        task = day["tasks"][0]
        self.assertEqual(task["intervention"], self.dossier.name)
        self.assertEqual(len(task["checklist"]), 1)
        self.assertIn(self.site.id, [site["id"] for site in day["sites"]])
        self.assertIn(self.gasket.id, [product["id"] for product in day["products"]])


@tagged("post_install", "-at_install")
class TestOfflineRoutes(HttpCase, OfflineCommon):
    """The real routes with the real session of the technician."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.phone_user = new_test_user(
            cls.env,
            login="offline_tech",
            name="Lucas Martin",
            groups="maintenance_contracts.group_maintenance_technician",
            lang="fr_FR",
        )
        cls.task.with_user(cls.manager).write(
            {
                "user_ids": [Command.link(cls.phone_user.id)],
                "planned_start": fields.Datetime.now().replace(microsecond=0),
            }
        )

    def test_offline_page_tells_the_technician_nothing_is_lost(self):
        """Odoo's page "You are offline", which its service worker shows when
        the web client cannot be reloaded without network, tells the
        technician in French that the offline work is kept on the phone; it
        says nothing of it to a visitor."""
        self.authenticate("offline_tech", "offline_tech")
        page = self.url_open("/odoo/offline").text
        self.assertIn("reste sur ce téléphone", page)
        self.authenticate(None, None)
        self.assertNotIn("o_maintenance_offline_kept", self.url_open("/odoo/offline").text)

    def test_routes_as_the_technician(self):
        self.authenticate("offline_tech", "offline_tech")
        day = self.make_jsonrpc_request("/maintenance/offline/day", {})
        self.assertEqual(day["user_id"], self.phone_user.id)
        self.assertEqual([task["id"] for task in day["tasks"]], self.task.ids)
        self.assertEqual(day["tasks"][0]["day"], "today")
        actions = [
            self._action("check_in", {"latitude": NEAR[0], "longitude": NEAR[1]}),
            self._action("note", {"body": "Hors ligne"}),
            self._action("check_in", {}, task=self.task2),
        ]
        params = {"actions": actions, "device_now": _iso(self.now)}
        first = self.make_jsonrpc_request("/maintenance/offline/sync", params)
        self.assertEqual(self._statuses(first), ["applied", "applied", "refused"])
        self.assertIn("n'existe pas", first["results"][2]["message"], "in French")
        second = self.make_jsonrpc_request("/maintenance/offline/sync", params)
        self.assertEqual(self._statuses(second), ["duplicate", "duplicate", "refused"])
        self.assertEqual(self.task.checkin_ids.user_id, self.phone_user)
        self.assertFalse(self.task2.checkin_ids)
        too_many = {"actions": [self._action("note", {"body": "x"})] * 201, "device_now": None}
        with self.assertRaises(JsonRpcException):
            self.make_jsonrpc_request("/maintenance/offline/sync", too_many)
