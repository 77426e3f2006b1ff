# Copyright 2026 Seed maintainers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
# To run once maintenance_billing loads its dossier billing (its models/__init__.py
# does not import maintenance_intervention.py yet on the merged h-bill commit
# 95ebce0): rename this file test_billing_exclusion.py. It proves that a dossier
# created by a confirmed quotation is not billed again by maintenance_billing.
from odoo import Command
from odoo.tests import tagged

from .common import SaleCommon


@tagged("post_install", "-at_install")
class TestQuotedDossierNotBilledTwice(SaleCommon):
    def test_dossier_of_a_quotation_has_nothing_to_bill(self):
        order = self._quote(self._propose(self.task, self.part, 2))
        order.with_user(self.manager).action_confirm()
        dossier = order.maintenance_intervention_id.with_user(self.manager)
        task = dossier.task_ids
        task.write(
            {"user_ids": [Command.set(self.technician.ids)], "planned_start": "2027-01-08 08:00:00"}
        )
        task.with_user(self.technician).write({"state": "done"})
        dossier.action_done()
        self.assertEqual(dossier.state, "done")
        # the 2 parts fitted are invoiced by the quotation, not by the dossier
        self.assertFalse(dossier.billing_line_ids)
        self.assertEqual(dossier.billing_status, "nothing")
        self.assertEqual(order.order_line.qty_to_invoice, 2)
