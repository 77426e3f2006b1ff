# Copyright 2026 Seed maintainers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""security/access_matrix.csv is the single statement of who may do what.

This test compares it, cell by cell, with what the installed add-ons grant:
ACLs (ir.model.access) and record rules (ir.rule) for a user of each role.
A cell is 1 (granted on every record of the user's companies), 0 (refused)
or ``own`` (granted by the ACL but narrowed by a record rule of the role).
"""

import csv
from pathlib import Path

from odoo.tests import TransactionCase, new_test_user, tagged

MATRIX = Path(__file__).resolve().parent.parent / "security" / "access_matrix.csv"
OPERATIONS = ("read", "write", "create", "unlink")
ROLES = {
    "technician": "maintenance_contracts.group_maintenance_technician",
    "manager": "maintenance_contracts.group_maintenance_manager",
    "admin": "maintenance_contracts.group_maintenance_admin",
    "accountant": "account.group_account_invoice",
    "user": "base.group_user",
    "portal": "base.group_portal",
}
# models of other add-ons whose access our add-ons extend
EXTENDED_MODELS = ("contract.contract", "contract.line")
ROOT = Path(__file__).resolve().parent.parent
OUR_MODULES = tuple(sorted(path.parent.name for path in ROOT.glob("maintenance_*/__manifest__.py")))


@tagged("post_install", "-at_install")
class TestAccessMatrix(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.users = {
            role: new_test_user(cls.env, login=f"matrix_{role}", groups=group)
            for role, group in ROLES.items()
        }

    def _our_models(self):
        records = self.env["ir.model"].search([("transient", "=", False)])
        return {
            model.model
            for model in records
            if set(model.modules.split(", ")) & set(OUR_MODULES)
            and model.model.startswith("maintenance.")
            and not self.env[model.model]._abstract
        } | set(EXTENDED_MODELS)

    def _granted(self, user, model, operation):
        if (
            not self.env["ir.model.access"]
            .with_user(user)
            .check(model, operation, raise_exception=False)
        ):
            return "0"
        rules = (
            self.env["ir.rule"].with_user(user)._get_rules(model, mode=operation).sudo()
        ).filtered("groups")
        unrestricted = any(
            rule.domain_force.replace(" ", "") in ("[(1,'=',1)]", "[]") for rule in rules
        )
        return "own" if rules and not unrestricted else "1"

    def test_matrix_matches_installed_rights(self):
        with MATRIX.open(newline="") as handle:
            rows = list(csv.DictReader(handle))
        expected = {(row["role"], row["model"]): row for row in rows}
        self.assertEqual(len(expected), len(rows), "a (role, model) pair is listed twice")
        models = self._our_models()
        missing = sorted(
            f"{role},{model}" for role in ROLES for model in models if (role, model) not in expected
        )
        self.assertFalse(
            missing, "models without a row in access_matrix.csv:\n" + "\n".join(missing)
        )
        differences = []
        for (role, model), row in sorted(expected.items()):
            self.assertIn(role, ROLES, f"unknown role {role}")
            self.assertIn(model, self.env, f"unknown model {model}")
            for operation in OPERATIONS:
                granted = self._granted(self.users[role], model, operation)
                if granted != row[operation]:
                    differences.append(
                        f"{role} {operation} {model}: matrix says {row[operation]}, "
                        f"installed rights give {granted}"
                    )
        self.assertFalse(differences, "\n".join(differences))
