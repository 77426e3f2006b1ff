# Copyright 2026 Seed maintainers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
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

    def test_hold_is_not_set_twice_and_kept_until_lifted(self):
        self.customer.sudo().write(
            {"credit_hold": True, "credit_hold_reason": "Accord de l'expert-comptable"}
        )
        self.env["res.partner"]._maintenance_hold_from_follow_up(self.env["credit.control.line"])
        self.assertEqual(self.customer.credit_hold_reason, "Accord de l'expert-comptable")

    def test_technician_and_manager_cannot_run_the_follow_up(self):
        for user in (self.technician, self.manager):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                self._run("2026-03-28", user=user)
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                self.env["credit.control.line"].with_user(user).search([])
