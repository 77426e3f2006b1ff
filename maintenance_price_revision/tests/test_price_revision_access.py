# Copyright 2026 Seed maintainers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import base64

import psycopg2.errors
from freezegun import freeze_time

from odoo import Command
from odoo.exceptions import AccessError, UserError
from odoo.tools import mute_logger

from .price_revision_common import PriceRevisionCommon

PRICE_MODELS = (
    "maintenance.price.index",
    "maintenance.price.index.value",
    "maintenance.price.revision.formula",
    "maintenance.price.revision.term",
    "maintenance.price.revision",
    "maintenance.price.revision.line",
)


@freeze_time("2027-01-01")
class TestPriceRevisionAccess(PriceRevisionCommon):
    """Technicians never see prices, indices or formulas; managers read them
    and run the revisions; only the maintenance administrator edits
    indices, values and formulas; accountants read."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.contract = cls._revisable_contract()
        with freeze_time("2028-01-01"):
            cls.revision, _errors = cls.env["maintenance.price.revision"]._revise_contracts(
                cls.contract
            )
        cls.records = {
            "maintenance.price.index": cls.syntec,
            "maintenance.price.index.value": cls.syntec.value_ids[0],
            "maintenance.price.revision.formula": cls.syntec_formula,
            "maintenance.price.revision.term": cls.syntec_formula.term_ids,
            "maintenance.price.revision": cls.revision,
            "maintenance.price.revision.line": cls.revision.line_ids,
        }

    def test_technician_reads_nothing(self):
        env = self.env(user=self.technician)
        for model, record in self.records.items():
            with self.subTest(model=model), self.assertRaises(AccessError):
                env[model].browse(record.id).read(["display_name"])
        with self.assertRaises(AccessError):
            env["contract.line"].browse(self.contract.contract_line_ids.id).read(["price_initial"])
        with self.assertRaises(AccessError):
            env["maintenance.price.revision.wizard"].create(
                {"contract_ids": [Command.set(self.contract.ids)]}
            )

    def test_manager_reads_and_revises_but_does_not_configure(self):
        env = self.env(user=self.manager)
        for model, record in self.records.items():
            with self.subTest(model=model):
                self.assertTrue(env[model].browse(record.id).read(["display_name"]))
        with self.assertRaises(AccessError):
            env["maintenance.price.index"].create({"code": "X", "name": "X"})
        with self.assertRaises(AccessError):
            env["maintenance.price.index.value"].browse(
                self.records["maintenance.price.index.value"].id
            ).write({"value": 1.0})
        with self.assertRaises(AccessError):
            env["maintenance.price.revision.formula"].browse(self.syntec_formula.id).write(
                {"threshold": 0.5}
            )
        with self.assertRaises(AccessError):
            env["maintenance.price.revision.term"].browse(self.syntec_formula.term_ids.id).write(
                {"weight": 0.5}
            )
        with self.assertRaises(AccessError):
            env["maintenance.price.index.import"].create({"file": base64.b64encode(b"x")})
        with self.assertRaises(AccessError):
            env["maintenance.price.revision"].browse(self.revision.id).unlink()
        # the operations manager runs the revision (the decision documented in the README)
        other = self._revisable_contract()
        with freeze_time("2028-01-01"):
            action = other.with_user(self.manager).action_price_revision_wizard()
            env["maintenance.price.revision.wizard"].browse(action["res_id"]).action_apply()
        self.assertEqual(other.price_revision_ids.user_id, self.manager)
        self.assertEqual(self._prices(other), [1240.80])

    def test_admin_configures(self):
        env = self.env(user=self.admin)
        index = env["maintenance.price.index"].create(
            {"code": "T-BT40", "name": "Central heating (test)"}
        )
        env["maintenance.price.index.import"].create(
            {"file": base64.b64encode(b"T-BT40;2027-10;120,5\n")}
        ).action_import()
        self.assertEqual(index.value_ids.value, 120.5)
        formula = env["maintenance.price.revision.formula"].create(
            {
                "name": "BT40",
                "fixed_part": 0.2,
                "term_ids": [Command.create({"index_id": index.id, "weight": 0.8})],
            }
        )
        self.assertEqual(formula.term_ids.index_id, index)

    def test_accountant_reads_only(self):
        env = self.env(user=self.accountant)
        for model, record in self.records.items():
            with self.subTest(model=model):
                self.assertTrue(env[model].browse(record.id).read(["display_name"]))
        with self.assertRaises(AccessError):
            env["maintenance.price.revision"].browse(self.revision.id).write({"coefficient": 2.0})
        with self.assertRaises(AccessError):
            env["maintenance.price.index"].create({"code": "X", "name": "X"})
        with self.assertRaises(AccessError):
            env["maintenance.price.revision.wizard"].create(
                {"contract_ids": [Command.set(self.contract.ids)]}
            )

    def test_other_company_revisions_invisible(self):
        other_company = self.env["res.company"].create({"name": "Clim Services Sud"})
        self.manager.write({"company_ids": [Command.link(other_company.id)]})
        env = self.env(user=self.manager)
        self.assertEqual(env["maintenance.price.revision"].search([]), self.revision)
        # seen from the other company only, the revision and its lines are hidden
        env = self.env(user=self.manager, context={"allowed_company_ids": [other_company.id]})
        self.assertFalse(env["maintenance.price.revision"].search([]))
        self.assertFalse(env["maintenance.price.revision.line"].search([]))
        with self.assertRaises(AccessError):
            env["maintenance.price.revision"].browse(self.revision.id).read(["coefficient"])

    def test_applied_revisions_are_read_only_for_everyone(self):
        self.assertEqual(self.revision.state, "done")
        line = self.revision.line_ids
        for user in (self.manager, self.admin):
            env = self.env(user=user)
            with self.subTest(user=user.login):
                with self.assertRaises(AccessError):
                    env["maintenance.price.revision"].browse(self.revision.id).write(
                        {"coefficient": 2.0}
                    )
                with self.assertRaises(AccessError):
                    env["maintenance.price.revision.line"].browse(line.id).write({"new_price": 1.0})
                # the administrator deletes scheduled revisions, never applied ones
                expected = UserError if user == self.admin else AccessError
                with self.assertRaises(expected):
                    env["maintenance.price.revision"].browse(self.revision.id).unlink()
                with self.assertRaises(AccessError):
                    env["maintenance.price.revision.line"].browse(line.id).unlink()
        # not even the superuser changes the history invoices are priced from
        with self.assertRaisesRegex(UserError, "applied price revision cannot be changed"):
            self.revision.sudo().write({"coefficient": 2.0})
        with self.assertRaisesRegex(UserError, "applied price revision cannot be changed"):
            line.sudo().write({"new_price": 1.0})
        with self.assertRaisesRegex(UserError, "cannot be"):
            line.sudo().unlink()
        self.assertNotEqual(line.new_price, 1.0)


@freeze_time("2027-01-01")
class TestPriceRevisionConcurrency(PriceRevisionCommon):
    """A revision run meeting a concurrent transaction lets the concurrency
    error through (Odoo retries the transaction) instead of reporting the
    contract as 'could not be saved'."""

    def test_lock_not_available_propagates(self):
        contract = self._revisable_contract()
        Revision = self.env["maintenance.price.revision"]
        self.env.flush_all()
        # a real second transaction holds a lock our inserts need
        with self.registry.cursor() as other:
            other.execute("LOCK TABLE maintenance_price_revision IN SHARE MODE")
            self.env.cr.execute("SET LOCAL lock_timeout = '300ms'")
            with (
                freeze_time("2028-01-01"),
                mute_logger(
                    "odoo.sql_db",
                    "odoo.addons.maintenance_contracts.models.maintenance_price_revision",
                ),
                self.assertRaises(psycopg2.errors.LockNotAvailable),
            ):
                Revision._revise_contracts(contract)
            other.rollback()
        self.env.cr.execute("SET LOCAL lock_timeout = 0")
        self.assertFalse(Revision.search([("contract_id", "=", contract.id)]))
        self.assertFalse(
            self.env["mail.activity"].search(
                [("res_model", "=", "contract.contract"), ("res_id", "=", contract.id)]
            )
        )
