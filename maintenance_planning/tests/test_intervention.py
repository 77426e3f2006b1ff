# Copyright 2026 Seed maintainers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import re
import threading
import uuid
from unittest.mock import patch

import psycopg2
from freezegun import freeze_time

from odoo import SUPERUSER_ID, Command, api, fields
from odoo.exceptions import UserError
from odoo.modules.registry import DummyRLock, Registry
from odoo.tests import BaseCase, get_db_name, tagged
from odoo.tools import mute_logger

from .common import PlanningCommon


def _counter(number):
    return int(re.search(r"(\d+)$", number).group(1))


@freeze_time("2027-01-01")
class TestInterventionDossier(PlanningCommon):
    """Manual dossiers, one-off tasks, closing and cancelling."""

    def test_manual_dossier_gets_its_number_at_once(self):
        env = self.env(user=self.manager)
        first = env["maintenance.intervention"].create(
            {"intervention_type": "corrective", "site_id": self.site.id}
        )
        self.assertRegex(first.name, r"^INT/2027/\d{5}$")
        self.assertEqual(first.state, "draft")
        self.assertEqual(first.customer_id, self.customer, "the customer of the site")
        self.assertEqual(first.user_id, self.manager)
        self.assertFalse(first.contract_id, "work outside contracts exists")
        second = env["maintenance.intervention"].create(
            {"intervention_type": "installation", "customer_id": self.customer2.id}
        )
        self.assertEqual(_counter(second.name), _counter(first.name) + 1)
        with self.assertRaisesRegex(UserError, "cannot be changed"):
            second.name = "INT/2027/99999"

    def test_task_from_dossier_inherits_customer_and_site(self):
        dossier = self._dossier_with_tasks(count=1)
        task = dossier.task_ids
        self.assertEqual(task.customer_id, self.customer)
        self.assertEqual(task.site_id, self.site)
        self.assertEqual(task.display_name, f"{dossier.name} - Intervention 1")
        self.assertEqual(fields.Datetime.to_string(task.planned_end), "2027-01-04 10:00:00")
        self.assertEqual(dossier.state, "planned", "a dated task plans the dossier")
        self.assertEqual(dossier.date_start, task.planned_start)

    def test_one_off_task_has_no_customer(self):
        # what a click on a free slot of the planning creates
        task = self.env(user=self.manager)["maintenance.task"].create(
            {
                "name": "Réunion sécurité au dépôt",
                "planned_start": "2027-01-06 13:00:00",
                "planned_end": "2027-01-06 14:30:00",
            }
        )
        self.assertFalse(task.intervention_id)
        self.assertFalse(task.customer_id)
        self.assertFalse(task.site_id)
        self.assertEqual(task.duration, 1.5)
        self.assertEqual(task.company_id, self.company)
        self.assertEqual(task.display_name, "Réunion sécurité au dépôt")

    def test_several_tasks_and_closing_rule(self):
        dossier = self._dossier_with_tasks(count=3)
        first, second, third = dossier.task_ids.sorted("planned_start")
        first.with_user(self.technician).action_done()
        third.with_user(self.manager).action_cancel()
        self.assertEqual(dossier.state, "in_progress", "a closed task starts the dossier")
        with self.assertRaises(UserError) as refusal:
            dossier.with_user(self.manager).action_done()
        message = str(refusal.exception)
        self.assertIn(dossier.name, message)
        self.assertIn(second.name, message, "the refusal names the open task")
        self.assertNotIn(first.name, message)
        self.assertNotIn(third.name, message, "cancelled tasks are closed")
        self.assertEqual(dossier.state, "in_progress")
        second.with_user(self.manager).action_done()
        dossier.with_user(self.manager).action_done()
        self.assertEqual(dossier.state, "done")

    @freeze_time("2027-01-10 16:00:00")
    def test_closing_marks_visits_done_on_the_real_date(self):
        visits = self._first_visits(self._validated_visits(count=2))
        dossier = self._plan(visits, start="2027-01-05 08:00:00", split_mode="equipment")
        tasks = dossier.task_ids.sorted("planned_start")
        # the second task was moved to the next day
        tasks[1].with_user(self.manager).planned_start = "2027-01-06 09:00:00"
        self._tick(tasks)
        tasks.with_user(self.technician).action_done()
        self.assertEqual(tasks.closed_by, self.technician)
        dossier.with_user(self.manager).action_done()
        self.assertEqual(visits.mapped("state"), ["done", "done"])
        self.assertEqual(
            {fields.Date.to_string(date) for date in visits.mapped("done_date")}, {"2027-01-06"}
        )
        self.assertEqual(fields.Date.to_string(dossier.date_done), "2027-01-06")

    @freeze_time("2027-01-03 16:00:00")
    def test_work_done_before_its_planned_date_is_done_today(self):
        visits = self._first_visits(self._validated_visits())
        dossier = self._plan(visits, start="2027-01-05 08:00:00")
        self._tick(dossier.task_ids)
        dossier.task_ids.with_user(self.manager).action_done()
        dossier.with_user(self.manager).action_done()
        self.assertEqual(fields.Date.to_string(visits.done_date), "2027-01-03")

    def test_cancel_dossier_sends_visits_back_to_plan(self):
        visits = self._first_visits(self._validated_visits(count=2))
        dossier = self._plan(visits, split_mode="equipment")
        done_task, open_task = dossier.task_ids.sorted("planned_start")
        self._tick(done_task)
        done_task.with_user(self.technician).action_done()
        dossier.with_user(self.manager).action_cancel()
        self.assertEqual(dossier.state, "cancelled")
        self.assertEqual(open_task.state, "cancelled")
        self.assertEqual(done_task.state, "done", "work done stays done")
        self.assertEqual(visits.mapped("state"), ["to_plan", "to_plan"])
        self.assertFalse(visits.intervention_id)
        # the visits are back in the backlog, and can be planned again
        backlog = self.env(user=self.manager)["maintenance.visit"].search(
            [("state", "=", "to_plan"), ("site_id", "=", self.site.id)]
        )
        self.assertLessEqual(visits, backlog)
        new_dossier = self._plan(visits)
        self.assertNotEqual(new_dossier, dossier)
        self.assertEqual(new_dossier.visit_ids, visits)
        with self.assertRaisesRegex(UserError, "closed or cancelled"):
            self.env(user=self.manager)["maintenance.task"].create(
                {"name": "Encore", "intervention_id": dossier.id}
            )

    def test_closed_dossier_cannot_be_cancelled(self):
        dossier = self._dossier_with_tasks(count=1)
        dossier.task_ids.with_user(self.manager).action_done()
        dossier.with_user(self.manager).action_done()
        with self.assertRaisesRegex(UserError, "closed dossier cannot be cancelled"):
            dossier.with_user(self.manager).action_cancel()
        with self.assertRaisesRegex(UserError, "already closed"):
            dossier.with_user(self.manager).action_done()

    def test_reschedule_moves_nothing_else(self):
        dossier = self._dossier_with_tasks(count=2)
        first, second = dossier.task_ids.sorted("planned_start")
        second_start = second.planned_start
        first.with_user(self.manager).write({"planned_start": "2027-01-05 08:00:00"})
        self.assertEqual(fields.Datetime.to_string(first.planned_end), "2027-01-05 10:00:00")
        self.assertEqual(second.planned_start, second_start)
        # now both tasks overlap for the technician
        self.assertTrue(first.has_conflict)
        self.assertTrue(second.has_conflict)
        self.assertEqual(first.conflict_task_ids, second)
        self.assertEqual(
            self.Task.search([("has_conflict", "=", True), ("intervention_id", "=", dossier.id)]),
            first | second,
        )
        self.assertIn("moved from", dossier.message_ids[:1].body)

    def test_conflicts_are_per_technician(self):
        env = self.env(user=self.manager)
        vals = {"planned_start": "2027-01-05 08:00:00", "planned_end": "2027-01-05 12:00:00"}
        task1 = env["maintenance.task"].create(
            {"name": "A", "user_ids": [Command.set(self.technician.ids)], **vals}
        )
        task2 = env["maintenance.task"].create(
            {"name": "B", "user_ids": [Command.set(self.technician2.ids)], **vals}
        )
        self.assertFalse(task1.has_conflict or task2.has_conflict)
        task2.user_ids |= self.technician
        self.assertTrue(task1.has_conflict and task2.has_conflict)
        # back to back is not a conflict; cancelled tasks do not count
        task2.write({"planned_start": "2027-01-05 12:00:00", "planned_end": "2027-01-05 13:00:00"})
        self.assertFalse(task1.has_conflict)
        task2.write({"planned_start": "2027-01-05 09:00:00", "planned_end": "2027-01-05 10:00:00"})
        self.assertTrue(task1.has_conflict)
        task2.action_cancel()
        self.assertFalse(task1.has_conflict)
        self.assertNotIn(task1, self.Task.search([("has_conflict", "=", True)]))

    def test_plan_draft_dossier(self):
        dossier = self.env(user=self.manager)["maintenance.intervention"].create(
            {"site_id": self.site2.id}
        )
        with self.assertRaisesRegex(UserError, "no dated task"):
            dossier.action_plan()
        dossier.action_cancel()
        dossier.action_draft()
        self.assertEqual(dossier.state, "draft")


class TestDossierSequence(PlanningCommon):
    """Each company numbers its dossiers from its own sequence, created
    with the company: a company's first dossiers never race to create it."""

    def _sequences(self, company):
        return (
            self.env["ir.sequence"]
            .sudo()
            .search([("code", "=", "maintenance.intervention"), ("company_id", "=", company.id)])
        )

    def test_new_company_gets_its_sequence_at_creation(self):
        company = self.env["res.company"].create({"name": "Clim Services Sud"})
        sequence = self._sequences(company)
        self.assertEqual(len(sequence), 1, "created with the company, before any dossier")
        self.manager.write({"company_ids": [Command.link(company.id)]})
        dossiers = (
            self.env["maintenance.intervention"]
            .with_user(self.manager)
            .with_company(company)
            .create(
                [{"intervention_type": "corrective", "company_id": company.id} for _i in range(2)]
            )
        )
        self.assertEqual(self._sequences(company), sequence, "no second sequence")
        self.assertEqual(dossiers.company_id, company)
        self.assertEqual(len(set(dossiers.mapped("name"))), 2)


@tagged("post_install", "-at_install")
class TestDossierSequenceRace(BaseCase):
    """Two first dossiers of a company without a sequence, at the same time
    in two transactions: one creates the sequence, the other fails with a
    serialization error (which the server retries) instead of creating a
    second sequence. Real cursors, committed data, cleaned up after."""

    def setUp(self):
        super().setUp()
        self.registry = Registry(get_db_name())
        with self.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            company = env["res.company"].create({"name": f"Course aux numéros {uuid.uuid4().hex}"})
            # as a company created before the add-on was installed
            self._sequences(env, company).unlink()
            self.company_id = company.id
        self.addCleanup(self._cleanup)

    @staticmethod
    def _sequences(env, company):
        return env["ir.sequence"].search(
            [("code", "=", "maintenance.intervention"), ("company_id", "=", company.id)]
        )

    def _cleanup(self):
        with self.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            company = env["res.company"].browse(self.company_id)
            self._sequences(env, company).unlink()
            try:
                with cr.savepoint():
                    company.unlink()
            except psycopg2.Error:  # still referenced: leave it archived
                company.active = False

    @mute_logger("odoo.sql_db")  # the loser's serialization failure
    def test_two_first_dossiers_make_one_sequence(self):
        barrier = threading.Barrier(2, timeout=30)
        outcomes = []

        def first_dossier():
            try:
                with self.registry.cursor() as cr:
                    cr.execute("SELECT 1")  # both snapshots are taken here...
                    barrier.wait()  # ...before either creates the sequence
                    env = api.Environment(cr, SUPERUSER_ID, {})
                    company = env["res.company"].browse(self.company_id)
                    env["maintenance.intervention"]._number_sequence(company)
                outcomes.append("created")
            except psycopg2.errors.SerializationFailure:
                outcomes.append("retry")

        threads = [threading.Thread(target=first_dossier) for _index in range(2)]
        # Odoo's runner holds the registry lock while it runs the tests
        # (server.run), which Environment() takes: released for the threads,
        # as Odoo's HttpCase does for its server's
        with patch.object(Registry, "_lock", DummyRLock()):
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join(60)
        self.assertEqual(sorted(outcomes), ["created", "retry"])
        with self.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            company = env["res.company"].browse(self.company_id)
            self.assertEqual(len(self._sequences(env, company)), 1)
