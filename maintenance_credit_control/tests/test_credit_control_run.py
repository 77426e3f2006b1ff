# Copyright 2026 Seed maintainers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from freezegun import freeze_time

from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import CreditControlCommon


@tagged("post_install", "-at_install")
class TestCreditControlRun(CreditControlCommon):
    """OCA's run with the French policy: one level per run, by days overdue
    (D+8, D+30, D+45), the last one putting the customer on credit hold."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.inv1 = cls._invoice(cls.customer, 1000.0, "2026-03-01")
        cls.inv2 = cls._invoice(cls.customer, 500.0, "2026-03-20")
        cls.inv3 = cls._invoice(cls.customer, 300.0, "2026-03-25")
        # 200 paid on the second invoice: 300 left to remind
        cls._pay(cls.inv2, 200.0, "2026-03-21")
        cls.other = cls.customer2
        cls.inv_other = cls._invoice(cls.other, 250.0, "2026-04-15")

    def _send(self, run):
        """The accountant sends the reminders of ``run``: its lines are done."""
        run.set_to_ready_lines()
        run.line_ids.write({"state": "sent"})
        # the next run reads the lines in SQL (OCA), as a later request would
        self.env.flush_all()

    def _chatter(self, partner):
        """The messages of ``partner``'s chatter, read in the database."""
        self.env.flush_all()
        return self.env["mail.message"].search(
            [("model", "=", "res.partner"), ("res_id", "=", partner.id)]
        )

    def test_the_company_follows_its_customers_with_the_french_policy(self):
        self.assertEqual(self.env.company.credit_policy_id, self.policy)
        self.assertEqual(
            [
                (lvl.level, lvl.delay_days, lvl.computation_mode, lvl.channel, lvl.credit_hold)
                for lvl in self.policy.level_ids
            ],
            [
                (1, 8, "net_days", "email", False),
                (2, 30, "net_days", "email", False),
                (3, 45, "net_days", "letter", True),
            ],
        )
        receivable = self.customer.property_account_receivable_id
        self.assertIn(receivable, self.policy.account_ids)

    def test_levels_by_days_overdue_and_credit_hold(self):
        # 28 March: inv1 is 27 days overdue, inv2 exactly 8 (20 March + 8),
        # inv3 only 3: two friendly reminders
        run1 = self._run("2026-03-28")
        self.assertEqual(
            self._levels(run1), {self.inv1.name: (1, 1000.0), self.inv2.name: (1, 300.0)}
        )
        self.assertFalse(self.customer.credit_hold)
        self._send(run1.with_user(self.accountant))

        # 10 April: inv1 40 days overdue after a reminder -> second reminder;
        # inv2 21 days (< 30) was already reminded -> nothing; inv3 16 days -> friendly
        run2 = self._run("2026-04-10")
        self.assertEqual(
            self._levels(run2), {self.inv1.name: (2, 1000.0), self.inv3.name: (1, 300.0)}
        )
        self.assertFalse(self.customer.credit_hold)
        self._send(run2.with_user(self.accountant))

        # 20 April: inv1 50 days (>= 45) after the second reminder -> formal
        # notice, the customer goes on hold; inv2 31 days -> second reminder;
        # inv3 26 days (< 30) -> nothing; the other customer's invoice is 5
        # days overdue -> nothing
        run3 = self._run("2026-04-20")
        self.assertEqual(
            self._levels(run3), {self.inv1.name: (3, 1000.0), self.inv2.name: (2, 300.0)}
        )
        self.assertTrue(self.customer.credit_hold)
        self.assertEqual(str(self.customer.credit_hold_date), "2026-04-20")
        self.assertIn("Formal notice", self.customer.credit_hold_reason)
        self.assertFalse(self.other.credit_hold)
        log = self.customer.message_ids.filtered(lambda m: self.inv1.name in (m.body or ""))
        self.assertTrue(log, "the customer's chatter says which invoice put it on hold")
        # the formal notice is a letter
        self.assertEqual(run3.line_ids.filtered(lambda line: line.level == 3).channel, "letter")

    def test_formal_notices_keep_a_hold_already_set(self):
        """A customer the accountant put on hold by hand reaches the formal
        notice in two follow-ups: the hold keeps its date and reason, and
        its chatter gets no note of the follow-up."""
        self._send(self._run("2026-03-28").with_user(self.accountant))
        self._send(self._run("2026-04-10").with_user(self.accountant))
        customer = self.customer.with_user(self.accountant)
        with freeze_time("2026-04-15"):
            customer.action_maintenance_credit_hold()
        reason = customer.credit_hold_reason
        self.assertEqual(reason, f"Put on hold by {self.accountant.name}")
        notes = self._chatter(self.customer)

        # 20 April: inv1 50 days overdue -> formal notice (inv2: second reminder)
        run3 = self._run("2026-04-20")
        self.assertEqual(
            self._levels(run3), {self.inv1.name: (3, 1000.0), self.inv2.name: (2, 300.0)}
        )
        self._send(run3.with_user(self.accountant))
        # 5 May: inv2 46 days overdue -> formal notice (inv3: second reminder;
        # the other customer's invoice, 20 days: friendly reminder)
        run4 = self._run("2026-05-05")
        self.assertEqual(
            self._levels(run4),
            {
                self.inv2.name: (3, 300.0),
                self.inv3.name: (2, 300.0),
                self.inv_other.name: (1, 250.0),
            },
        )
        customer.invalidate_recordset()
        self.assertTrue(customer.credit_hold)
        self.assertEqual(customer.credit_hold_reason, reason)
        self.assertEqual(str(customer.credit_hold_date), "2026-04-15")
        self.assertEqual(self._chatter(self.customer), notes, "no second note in the chatter")

    def test_technician_and_manager_cannot_run_the_follow_up(self):
        for user in (self.technician, self.manager):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                self._run("2026-03-28", user=user)
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                self.env["credit.control.line"].with_user(user).search([])
