# Copyright 2026 Seed maintainers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Exactly once across transactions: the same offline action sent twice at the
same instant (the phone resends while its first request is still running, or
two tabs sync together), on committed data, in two real transactions.

The tests of ``test_offline_sync`` run in the test's single transaction: a
second sync there reads the first one's journal row, and ``_journal_insert``'s
``ON CONFLICT`` is never raced. Here two cursors (two server requests) take
their snapshot, then two threads meet at a barrier and call the sync code as
the technician through ``odoo.service.model.retrying``, the loop the HTTP
dispatcher runs each ``/maintenance/offline/sync`` request in (retried on a
serialization failure, committed at the end). Neither snapshot sees the
other's journal row, whoever commits first: only the database's unique
identifier keeps the second out (its insert waits for the first transaction,
fails to serialize, and the retried request finds the identifier: *duplicate*).
A lookup before the insert, without the unique index, applies the action twice
here; with the index but without ``ON CONFLICT``, the second request fails."""

import threading
import uuid
from datetime import timedelta
from functools import partial
from unittest.mock import patch

from odoo import SUPERUSER_ID, Command, api, fields
from odoo.modules.registry import DummyRLock, Registry
from odoo.service.model import retrying
from odoo.tests import BaseCase, get_db_name, new_test_user, tagged

TIMEOUT = 30


def _iso(value):
    return value.strftime("%Y-%m-%dT%H:%M:%SZ")


@tagged("post_install", "-at_install")
class TestOfflineSyncRace(BaseCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.registry = Registry(get_db_name())
        tag = uuid.uuid4().hex[:8]
        # committed, so that the two request transactions see it; removed after
        with cls.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {"tracking_disable": True})
            technician = new_test_user(
                env,
                login=f"race_technician_{tag}",
                name="Julien Moreau",
                tz="Europe/Paris",
                groups="maintenance_contracts.group_maintenance_technician",
            )
            customer = env["res.partner"].create(
                {"name": f"Syndic Course {tag}", "is_company": True}
            )
            site = env["maintenance.site"].create(
                {"name": f"Résidence Course {tag}", "customer_id": customer.id, "zip": "69003"}
            )
            dossier = env["maintenance.intervention"].create(
                {"intervention_type": "corrective", "site_id": site.id}
            )
            task = env["maintenance.task"].create(
                {
                    "name": "Dépannage chaudière",
                    "intervention_id": dossier.id,
                    "user_ids": [Command.set(technician.ids)],
                    "planned_start": fields.Datetime.now(),
                    "duration": 1.0,
                }
            )
            gasket = env["product.product"].create(
                {"name": f"Joint de porte foyer {tag}", "type": "consu"}
            )
            cls.ids = {
                "technician": technician.id,
                "partner": technician.partner_id.id,
                "customer": customer.id,
                "site": site.id,
                "site_partner": site.partner_id.id,
                "dossier": dossier.id,
                "task": task.id,
                "product": gasket.product_tmpl_id.id,
                "gasket": gasket.id,
            }
        cls.addClassCleanup(cls._remove_data)

    @classmethod
    def _remove_data(cls):
        ids = cls.ids
        with cls.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            env["maintenance.offline.action"].search([("user_id", "=", ids["technician"])]).unlink()
            env["maintenance.task"].browse(ids["task"]).unlink()  # and its parts
            env["maintenance.intervention"].browse(ids["dossier"]).unlink()
            env["maintenance.site"].browse(ids["site"]).unlink()
            env["product.template"].browse(ids["product"]).unlink()
            env["res.users"].browse(ids["technician"]).unlink()
            partners = [ids["site_partner"], ids["customer"], ids["partner"]]
            env["res.partner"].browse(partners).exists().unlink()

    def _send_at_once(self, actions):
        """Two requests of the technician with the same batch, at the same
        instant, each on its own connection. Returns their answers."""
        now = fields.Datetime.now().replace(microsecond=0)
        envs = []
        try:
            for _index in range(2):
                cr = self.registry.cursor()
                envs.append(api.Environment(cr, self.ids["technician"], {"lang": "en_US"}))
                # the transaction's snapshot (repeatable read) is taken now:
                # neither request can see what the other writes
                cr.execute("SELECT 1")
            return self._run_at_once(envs, actions, _iso(now))
        finally:
            for env in envs:
                env.cr.close()

    def _run_at_once(self, envs, actions, device_now):
        barrier = threading.Barrier(len(envs), timeout=TIMEOUT)
        answers, errors = [], []

        def request(env):
            try:
                barrier.wait()
                sync = env["maintenance.offline.action"]._offline_sync
                # as the server runs a request: retried on a serialization
                # failure, committed at the end
                answers.append(retrying(partial(sync, actions, device_now), env))
            except Exception as error:  # noqa: BLE001 - reported by the test
                errors.append(error)

        threads = [threading.Thread(target=request, args=(env,)) for env in envs]
        # Odoo's runner holds the registry lock while it runs the tests
        # (server.run), which a request takes to reset its transaction on a
        # retry: released for the requests' threads, as Odoo's HttpCase does
        # for its server's (BaseCase._registry_test_mode_patches)
        with patch.object(Registry, "_lock", DummyRLock()):
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join(TIMEOUT * 2)
        self.assertFalse([thread for thread in threads if thread.is_alive()], "a request hangs")
        self.assertFalse(errors, f"a request failed: {errors!r}")
        return answers

    def test_same_action_twice_at_once_applied_once(self):
        key = str(uuid.uuid4())
        action = {
            "uuid": key,
            "task_id": self.ids["task"],
            "type": "part",
            "device_time": _iso(fields.Datetime.now() - timedelta(minutes=30)),
            "payload": {"product_id": self.ids["gasket"], "quantity": 2, "note": "usé"},
        }
        answers = self._send_at_once([action])
        results = sorted((answer["results"][0] for answer in answers), key=lambda r: r["status"])
        self.assertEqual([result["status"] for result in results], ["applied", "duplicate"])
        applied, duplicate = results
        self.assertEqual(duplicate["uuid"], key)
        self.assertEqual(
            (duplicate["res_model"], duplicate["res_id"]),
            (applied["res_model"], applied["res_id"]),
            "the duplicate answers with the part the first request recorded",
        )
        # what both requests committed: one part, one journal row
        with self.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            parts = env["maintenance.task.part"].search([("task_id", "=", self.ids["task"])])
            self.assertEqual(len(parts), 1, "the part is recorded once")
            self.assertEqual(parts.quantity, 2.0)
            self.assertEqual(parts.id, applied["res_id"])
            journal = env["maintenance.offline.action"].search([("uuid", "=", key)])
            self.assertEqual(len(journal), 1)
            self.assertEqual(journal.state, "applied")
            self.assertEqual(journal.res_id, parts.id)
