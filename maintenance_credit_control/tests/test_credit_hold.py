# Copyright 2026 Seed maintainers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import Command
from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import CreditControlCommon


@tagged("post_install", "-at_install")
class TestCreditHold(CreditControlCommon):
    """The hold is the accountants' to set and lift; operations managers
    see a warning on the dossiers and in the planning wizard, never a block;
    technicians see nothing of it."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.visits = cls._first_visits(cls._validated_visits())
        cls.other_visits = cls._first_visits(cls._validated_visits(site=cls.site2))

    def test_only_accountants_hold_and_lift(self):
        for user in (self.manager, self.admin, self.technician):
            with self.subTest(user=user.login):
                with self.assertRaises(AccessError):
                    self.customer.with_user(user).action_maintenance_credit_hold()
                if user != self.technician:
                    with self.assertRaises(AccessError):
                        self.customer.with_user(user).write({"credit_hold": True})
                self.assertFalse(self.customer.credit_hold)
        self.customer.with_user(self.accountant).action_maintenance_credit_hold()
        self.assertTrue(self.customer.credit_hold)
        self.assertIn(self.accountant.name, self.customer.credit_hold_reason)
        self.assertTrue(self.customer.credit_hold_date)
        with self.assertRaises(AccessError):
            self.customer.with_user(self.manager).action_maintenance_credit_release()
        self.customer.with_user(self.accountant).action_maintenance_credit_release()
        self.assertFalse(self.customer.credit_hold)
        self.assertFalse(self.customer.credit_hold_reason)

    def test_dossiers_of_a_customer_on_hold_show_a_warning(self):
        dossier = self._dossier_with_tasks(count=1)
        other = self.env["maintenance.intervention"].create({"site_id": self.site2.id})
        Dossier = self.env["maintenance.intervention"].with_user(self.manager)
        self.assertFalse(Dossier.search([("credit_hold", "=", True)]))
        self.customer.with_user(self.accountant).action_maintenance_credit_hold()
        dossier = dossier.with_user(self.manager)
        self.assertTrue(dossier.credit_hold)
        self.assertEqual(dossier.credit_hold_partner_id, self.customer)
        self.assertFalse(other.with_user(self.manager).credit_hold)
        held = Dossier.search([("credit_hold", "=", True), ("id", "in", (dossier | other).ids)])
        self.assertEqual(held, dossier)
        not_held = Dossier.search(
            [("credit_hold", "=", False), ("id", "in", (dossier | other).ids)]
        )
        self.assertEqual(not_held, other)
        # the list, the kanban and the form of managers carry the warning
        for view_type, marker in (
            ("form", "o_maintenance_credit_hold"),
            ("list", 'name="credit_hold"'),
            ("kanban", "o_maintenance_credit_hold_badge"),
        ):
            arch = Dossier.get_views([(False, view_type)])["views"][view_type]["arch"]
            self.assertIn(marker, arch, view_type)
        # nothing is blocked: the manager still plans and starts the dossier
        self.assertEqual(dossier.state, "planned")
        dossier.action_start()
        self.assertEqual(dossier.state, "in_progress")

    def test_billed_customer_of_the_contract_on_hold(self):
        """A site's customer billed through another company's contract."""
        contract = self.visits.contract_id
        contract.partner_id = self.customer2
        dossier = self.env["maintenance.intervention"].create(
            {"site_id": self.site.id, "contract_id": contract.id}
        )
        self.customer2.with_user(self.accountant).action_maintenance_credit_hold()
        self.assertTrue(dossier.with_user(self.manager).credit_hold)
        self.assertEqual(dossier.with_user(self.manager).credit_hold_partner_id, self.customer2)
        self.assertTrue(contract.with_user(self.manager).maintenance_credit_hold)

    def test_planning_wizard_warns_and_still_plans(self):
        self.customer.with_user(self.accountant).action_maintenance_credit_hold()
        wizard = (
            self.env["maintenance.visit.plan"]
            .with_user(self.manager)
            .create(
                {
                    "visit_ids": [Command.set((self.visits | self.other_visits).ids)],
                    "user_ids": [Command.set(self.technician.ids)],
                    "planned_start": "2027-01-05 08:00:00",
                    "confirm_outside_window": True,
                }
            )
        )
        self.assertEqual(wizard.credit_hold_partner_ids, self.customer)
        arch = wizard.get_views([(False, "form")])["views"]["form"]["arch"]
        self.assertIn("o_maintenance_credit_hold", arch)
        wizard.action_plan()
        dossiers = (self.visits | self.other_visits).intervention_id
        self.assertEqual(len(dossiers), 2, "both customers are planned, the one on hold too")
        self.assertEqual(
            dossiers.with_user(self.manager).filtered("credit_hold").customer_id, self.customer
        )

    def test_technician_never_sees_the_hold(self):
        dossier = self._dossier_with_tasks(count=1)
        self.customer.with_user(self.accountant).action_maintenance_credit_hold()
        for record, field in (
            (dossier, "credit_hold"),
            (dossier, "credit_hold_partner_id"),
            (self.customer, "credit_hold"),
            (self.customer, "credit_hold_reason"),
        ):
            with self.subTest(field=f"{record._name}.{field}"), self.assertRaises(AccessError):
                record.with_user(self.technician).read([field])
        with self.assertRaises(AccessError):
            self.env["maintenance.intervention"].with_user(self.technician).search(
                [("credit_hold", "=", True)]
            )
        # the technician still reads and works on the dossier
        self.assertEqual(dossier.with_user(self.technician).read(["name"])[0]["id"], dossier.id)
