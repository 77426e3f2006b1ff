# Copyright 2026 Seed maintainers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import logging

from odoo import Command
from odoo.tests import tagged

from .common import SaleCommon

_logger = logging.getLogger(__name__)


@tagged("post_install", "-at_install")
class TestQuotationQueries(SaleCommon):
    """Confirming a quotation of 10 or of 100 proposals (its dossier, task
    and planned parts) costs the same number of queries. Making it costs
    what sale itself costs for an order of as many lines (Odoo's sale spends
    2 queries per line) plus the same number of queries for 10 or 100
    proposals: both are measured in the same run."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.contract = cls._create_contract(
            [(cls.equipment, cls.wt_full, {})], date_start="2026-01-01"
        )
        cls.contract.action_maintenance_validate()
        cls.dossier.contract_id = cls.contract
        cls.products = cls.env["product.product"].create(
            [
                {"name": f"Pièce {index:03d}", "type": "consu", "list_price": 10.0 + index}
                for index in range(100)
            ]
        )

    def _proposals(self, count):
        task = self.env["maintenance.task"].create(
            {"name": f"Visite {count}", "intervention_id": self.dossier.id}
        )
        return self.env["maintenance.part.proposal"].create(
            [
                {
                    "task_id": task.id,
                    "product_id": product.id,
                    "quantity": 1,
                    "equipment_id": self.equipment.id,
                }
                for product in self.products[:count]
            ]
        )

    def _plain_order(self, count):
        """Queries of sale alone: an order of the same lines, made by hand."""
        self.env.invalidate_all()
        self.env.flush_all()
        start = self.env.cr.sql_log_count
        self.env["sale.order"].with_user(self.manager).create(
            {
                "partner_id": self.customer.id,
                "order_line": [
                    Command.create(
                        {"product_id": product.id, "product_uom_qty": 1, "name": product.name}
                    )
                    for product in self.products[:count]
                ],
            }
        )
        self.env.flush_all()
        return self.env.cr.sql_log_count - start

    def _count(self, count):
        proposals = self._proposals(count).with_user(self.manager)
        self.env.invalidate_all()
        self.env.flush_all()
        start = self.env.cr.sql_log_count
        order = self.env["sale.order"].browse(proposals.action_create_quotation()["res_id"])
        self.env.flush_all()
        quoted = self.env.cr.sql_log_count - start
        self.env.invalidate_all()
        start = self.env.cr.sql_log_count
        order.with_user(self.manager).action_confirm()
        self.env.flush_all()
        confirmed = self.env.cr.sql_log_count - start
        self.assertEqual(len(order.maintenance_intervention_id.task_ids.part_ids), count)
        return quoted, confirmed

    def test_flat_query_counts(self):
        self._count(10)  # warm the caches of the first run
        self._plain_order(10)
        quoted_10, confirmed_10 = self._count(10)
        quoted_100, confirmed_100 = self._count(100)
        plain_10, plain_100 = self._plain_order(10), self._plain_order(100)
        _logger.info(
            f"quotation of 10 / 100 proposals: {quoted_10} / {quoted_100} queries "
            f"(sale alone: {plain_10} / {plain_100}); confirmation: "
            f"{confirmed_10} / {confirmed_100}"
        )
        self.assertEqual(quoted_10 - plain_10, quoted_100 - plain_100)
        self.assertEqual(confirmed_10, confirmed_100)
