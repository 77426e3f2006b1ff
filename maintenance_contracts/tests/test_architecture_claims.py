# Copyright 2026 Seed maintainers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""What maintenance_contracts/readme/DESCRIPTION.md claims of the contract ->
visits flow, each checked by a test that fails if the claim breaks."""

import threading
import time

from freezegun import freeze_time

from odoo import SUPERUSER_ID, Command, api, fields
from odoo.exceptions import AccessError, UserError
from odoo.service.model import PG_CONCURRENCY_EXCEPTIONS_TO_RETRY
from odoo.tests import TransactionCase, new_test_user, tagged

from .common import MaintenanceCommon


@freeze_time("2027-01-01")
class TestArchitectureClaims(MaintenanceCommon):
    def test_no_visit_created_overdue_beyond_tolerance(self):
        """Validated on 10 Feb: the visit due 15 Jan (window to 30 Jan) is
        not created; the one due 1 Feb (window to 16 Feb) is."""
        late, in_window = self._create_equipment(2)
        contract = self._create_contract(
            [
                (late, self.wt_full, {"first_visit_date": "2027-01-15"}),
                (in_window, self.wt_full, {"first_visit_date": "2027-02-01"}),
            ]
        )
        with freeze_time("2027-02-10"):
            contract.with_user(self.manager).action_maintenance_validate()
        by_equipment = {
            eq: contract.visit_ids.filtered(lambda v, eq=eq: v.equipment_id == eq)
            for eq in (late, in_window)
        }
        # horizon: 12 months from 10 Feb 2027
        self.assertEqual(self._dates(by_equipment[late]), ["2027-07-15", "2028-01-15"])
        self.assertEqual(
            self._dates(by_equipment[in_window]), ["2027-02-01", "2027-08-01", "2028-02-01"]
        )

    def test_lines_starting_after_termination_are_cancelled(self):
        now, later = self._create_equipment(2)
        contract = self._create_contract(
            [
                (now, self.wt_full, {"date_start": "2027-01-01"}),
                (later, self.wt_full, {"date_start": "2027-06-01"}),
            ],
            line_recurrence=True,
        )
        contract.with_user(self.manager).action_maintenance_validate()
        later_line = contract.contract_line_ids.filtered(lambda line: line.equipment_id == later)
        self.assertTrue(later_line.visit_ids)
        self.env["maintenance.contract.terminate"].with_user(self.manager).create(
            {"contract_id": contract.id, "termination_date": "2027-03-31", "reason": "Vente"}
        ).action_terminate()
        self.assertTrue(later_line.is_canceled)
        self.assertEqual(set(later_line.visit_ids.mapped("state")), {"cancelled"})

    def test_horizon_setting(self):
        equipment = self._create_equipment()
        settings_admin = new_test_user(
            self.env,
            login="mc_settings_admin",
            groups="base.group_system,maintenance_contracts.group_maintenance_admin",
        )
        self.env["res.config.settings"].with_user(settings_admin).create(
            {"maintenance_visit_horizon": 24}
        ).execute()
        self.assertEqual(self.company.maintenance_visit_horizon, 24)
        contract = self._create_contract([(equipment, self.wt_full, {})])
        contract.with_user(self.manager).action_maintenance_validate()
        self.assertEqual(
            self._dates(contract.visit_ids),
            ["2027-01-01", "2027-07-01", "2028-01-01", "2028-07-01"],
        )
        self.assertEqual(
            contract.contract_line_ids.visits_generated_until, fields.Date.to_date("2028-12-31")
        )

    def test_company_check_before_the_bulk_insert(self):
        other_company = self.env["res.company"].create({"name": "Clim Services Sud"})
        other_site = self.env["maintenance.site"].create(
            {
                "name": "Groupe scolaire",
                "customer_id": self.customer.id,
                "company_id": other_company.id,
            }
        )
        equipment = self.env["maintenance.customer.equipment"].create(
            {"name": "Climatiseur", "site_id": other_site.id, "company_id": other_company.id}
        )
        contract = self._create_contract(
            [(equipment, self.wt_full, {})], site=other_site, company_id=other_company.id
        )
        line = contract.contract_line_ids
        self.assertEqual(line.company_id, other_company)
        # the manager of this company only: the line is not even readable
        with self.assertRaises(AccessError):
            line.with_user(self.manager)._generate_visits(validate=True)
        # even without record rules, the insert refuses a company not allowed
        outside = line.sudo().with_context(allowed_company_ids=[self.company.id])
        with self.assertRaisesRegex(UserError, "company you are not in"):
            outside._generate_visits(validate=True)
        self.assertFalse(self.env["maintenance.visit"].search([("contract_line_id", "=", line.id)]))
        self.assertEqual(line.maintenance_state, "draft")

    def _cron_lines(self, count):
        equipment = self._create_equipment(count)
        contract = self._create_contract(
            [(eq, self.wt_full, {"first_visit_date": "2027-01-15"}) for eq in equipment]
        )
        contract.action_maintenance_validate()
        return contract.contract_line_ids

    def test_cron_goes_through_batches_reporting_progress(self):
        lines = self._cron_lines(5)
        cron = self.env.ref("maintenance_contracts.ir_cron_generate_visits")
        with (
            freeze_time("2027-07-01"),
            self.enter_registry_test_mode(),
            self.registry.cursor() as cr,
        ):
            cron_env = cron.with_env(cron.env(cr=cr, context={"cron_id": cron.id}))
            cron_env, progress = cron_env._add_progress()
            cron_env.env["contract.line"]._cron_generate_visits(batch_size=2)
            self.assertEqual(progress.done, 5, "three batches: 2 + 2 + 1 lines")
            self.assertEqual(progress.remaining, 0)
            generated = cron_env.env["contract.line"].browse(lines.ids)
            self.assertEqual(
                set(generated.mapped("visits_generated_until")),
                {fields.Date.to_date("2028-06-30")},
            )

    def test_cron_stops_when_its_time_is_up(self):
        lines = self._cron_lines(5)
        cron = self.env.ref("maintenance_contracts.ir_cron_generate_visits")
        with (
            freeze_time("2027-07-01"),
            self.enter_registry_test_mode(),
            self.registry.cursor() as cr,
        ):
            context = {"cron_id": cron.id, "cron_end_time": time.monotonic() - 1}
            cron_env, progress = cron.with_env(cron.env(cr=cr, context=context))._add_progress()
            cron_env.env["contract.line"]._cron_generate_visits(batch_size=2)
            self.assertEqual(progress.done, 2, "one batch, then the next run continues")
            self.assertEqual(progress.remaining, 3)
            extended = (
                cron_env.env["contract.line"]
                .browse(lines.ids)
                .filtered(
                    lambda line: line.visits_generated_until == fields.Date.to_date("2028-06-30")
                )
            )
            self.assertEqual(len(extended), 2)


@tagged("post_install", "-at_install")
class TestConcurrentGeneration(TransactionCase):
    """Two generations of the same lines at the same time, in two real
    transactions: the database key keeps one visit per due date."""

    def _commit_data(self):
        with self.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {"tracking_disable": True})
            today = fields.Date.context_today(env["res.partner"])
            customer = env["res.partner"].create({"name": "Concurrence SA", "is_company": True})
            site = env["maintenance.site"].create(
                {"name": "Site concurrent", "customer_id": customer.id}
            )
            equipment = env["maintenance.customer.equipment"].create(
                [{"name": f"Chaudière {i}", "site_id": site.id} for i in range(3)]
            )
            product = env["product.product"].create(
                {"name": "Entretien (concurrence)", "type": "service"}
            )
            wtype = env.ref("maintenance_contracts.warranty_type_full_2")
            contract = env["contract.contract"].create(
                {
                    "name": "Contrat concurrent",
                    "partner_id": customer.id,
                    "site_id": site.id,
                    "is_maintenance": True,
                    "date_start": today,
                    "recurring_rule_type": "yearly",
                    "contract_line_ids": [
                        Command.create(
                            {
                                "product_id": product.id,
                                "name": eq.name,
                                "price_unit": 100.0,
                                "equipment_id": eq.id,
                                "warranty_type_id": wtype.id,
                            }
                        )
                        for eq in equipment
                    ],
                }
            )
            return {
                "customer": customer.id,
                "site": site.id,
                "site_partner": site.partner_id.id,
                "equipment": equipment.ids,
                "product": product.id,
                "contract": contract.id,
                "lines": contract.contract_line_ids.ids,
            }

    def _cleanup(self, ids):
        with self.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            env["maintenance.visit"].search([("contract_id", "=", ids["contract"])]).unlink()
            env["contract.contract"].browse(ids["contract"]).unlink()
            env["maintenance.customer.equipment"].browse(ids["equipment"]).unlink()
            env["maintenance.site"].browse(ids["site"]).unlink()
            env["product.product"].browse(ids["product"]).unlink()
            env["res.partner"].browse([ids["site_partner"], ids["customer"]]).unlink()

    def test_two_generations_at_the_same_time(self):
        ids = self._commit_data()
        self.addCleanup(self._cleanup, ids)
        barrier = threading.Barrier(2, timeout=30)
        errors = []

        retried = []

        def generate():
            # as Odoo serves a request or runs a cron: a concurrency error
            # rolls the transaction back and runs it again
            for attempt in range(3):
                try:
                    with self.registry.cursor() as cr:
                        env = api.Environment(cr, SUPERUSER_ID, {})
                        lines = env["contract.line"].browse(ids["lines"])
                        lines.mapped("name")  # everything read before the race
                        if not attempt:
                            barrier.wait()
                        lines._generate_visits(validate=True)
                    return
                except PG_CONCURRENCY_EXCEPTIONS_TO_RETRY as error:
                    retried.append(error)
                except Exception as error:  # noqa: BLE001 - reported by the test below
                    errors.append(error)
                    return

        threads = [threading.Thread(target=generate) for _index in range(2)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=60)
        self.assertFalse(errors, errors)
        self.assertLessEqual(len(retried), 1, "at most the second one is retried")
        with self.registry.cursor() as cr:
            cr.execute(
                """SELECT generation_key, count(*) FROM maintenance_visit
                    WHERE contract_id = %s GROUP BY generation_key""",
                [ids["contract"]],
            )
            counts = dict(cr.fetchall())
        # 3 products, a visit every 6 months over a 12-month horizon
        self.assertEqual(len(counts), 6)
        self.assertEqual(set(counts.values()), {1}, "no visit generated twice")
