# Copyright 2026 Seed maintainers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import Command
from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import SaleCommon


@tagged("post_install", "-at_install")
class TestProposalTechnician(SaleCommon):
    """What the technician does and sees: products and quantities on their
    own open tasks, never a price nor a quotation."""

    def test_technician_proposes_on_own_task(self):
        proposal = self._propose(self.task, self.part, 1, note="Vase percé, pression à 0,3 bar")
        self.assertEqual(proposal.state, "proposed")
        self.assertEqual(proposal.user_id, self.technician)
        self.assertEqual(proposal.intervention_id, self.dossier)
        self.assertEqual(proposal.customer_id, self.customer)
        self.assertEqual(proposal.site_id, self.site)
        self.assertEqual(proposal.product_uom_id, self.part.uom_id)
        self.assertEqual(self.task.with_user(self.technician).proposal_ids, proposal)

    def test_technician_proposes_through_the_task_form(self):
        # what the phone's task form saves: the task with its new proposal
        self.task.with_user(self.technician).write(
            {"proposal_ids": [Command.create({"product_id": self.part.id, "quantity": 2})]}
        )
        self.assertEqual(self.task.proposal_ids.quantity, 2)
        self.assertEqual(self.task.proposal_ids.user_id, self.technician)

    def test_manager_proposes_through_a_done_tasks_form(self):
        self._tick(self.task)
        self.task.with_user(self.manager).write({"state": "done"})
        self.task.with_user(self.manager).write(
            {"proposal_ids": [Command.create({"product_id": self.part.id, "quantity": 1})]}
        )
        self.assertEqual(self.task.proposal_ids.state, "proposed")
        with self.assertRaisesRegex(UserError, "closed"):
            self.task.with_user(self.technician).write(
                {"proposal_ids": [Command.create({"product_id": self.part.id, "quantity": 1})]}
            )

    def test_technician_sees_no_price_nor_quotation(self):
        proposal = self._propose(self.task, self.part, 1)
        fields = proposal.with_user(self.technician).fields_get()
        self.assertNotIn("sale_line_id", fields)
        self.assertNotIn("sale_order_id", fields)
        self.assertFalse([name for name in fields if "price" in name or "amount" in name])
        with self.assertRaises(AccessError):
            proposal.with_user(self.technician).read(["sale_order_id"])
        with self.assertRaises(AccessError):
            self.env["sale.order"].with_user(self.technician).search([])
        self.assertNotIn("sale_order_id", self.dossier.with_user(self.technician).fields_get())
        self.assertNotIn(
            "sale_line_id",
            self.env["maintenance.task.part"].with_user(self.technician).fields_get(),
        )

    def test_technician_cannot_propose_on_another_task(self):
        with self.assertRaises(AccessError):
            self._propose(self.task2, self.part, 1)
        other = self._propose(self.task2, self.part, 1, user=self.manager)
        self.assertFalse(
            self.env["maintenance.part.proposal"]
            .with_user(self.technician)
            .search([("id", "=", other.id)])
        )
        with self.assertRaises(AccessError):
            other.with_user(self.technician).read(["product_id"])

    def test_technician_cannot_propose_on_closed_task(self):
        self.task.sudo().write({"state": "cancelled"})
        with self.assertRaisesRegex(UserError, "closed"):
            self._propose(self.task, self.part, 1)

    def test_technician_cannot_change_quoted_proposal(self):
        proposal = self._propose(self.task, self.part, 1)
        self._quote(proposal)
        with self.assertRaisesRegex(UserError, "can no longer be changed"):
            proposal.with_user(self.technician).write({"quantity": 3})
        with self.assertRaisesRegex(UserError, "can no longer be changed"):
            proposal.with_user(self.technician).unlink()
        # the note may still be completed
        proposal.with_user(self.technician).write({"note": "Modèle Reflex 8 L"})
        self.assertEqual(proposal.quantity, 1)

    def test_technician_cannot_hide_nor_resign_a_proposal(self):
        """Issue 23 item 8: the technician set their own proposal aside
        (``is_refused``) and wrote another technician as its author; only
        the office sets a proposal aside, and a proposal stays signed by
        who recorded it."""
        proposal = self._propose(self.task, self.part, 1).with_user(self.technician)
        for vals in (
            {"is_refused": True},
            {"user_id": self.technician2.id},
            {"user_id": self.manager.id, "note": "proposé par le bureau"},
        ):
            with self.subTest(vals=vals), self.assertRaises(UserError):
                proposal.write(vals)
        for vals in ({"user_id": self.technician2.id}, {"is_refused": True}):
            with self.subTest(create=vals), self.assertRaises(UserError):
                self._propose(self.task, self.part, 1, **vals)
        self.assertEqual((proposal.user_id, proposal.state), (self.technician, "proposed"))
        # the technician still completes their proposal; the office sets it aside
        proposal.write({"quantity": 2, "note": "Vase percé"})
        proposal.with_user(self.manager).action_refuse()
        self.assertEqual(proposal.state, "refused")
        with self.assertRaises(UserError):
            proposal.write({"is_refused": False})
        proposal.with_user(self.manager).action_reset()
        self.assertEqual(proposal.state, "proposed")

    def test_technician_cannot_quote(self):
        proposal = self._propose(self.task, self.part, 1)
        with self.assertRaises(AccessError):
            proposal.with_user(self.technician).action_create_quotation()
        self.assertEqual(proposal.state, "proposed")


@tagged("post_install", "-at_install")
class TestQuotation(SaleCommon):
    """The operations manager's quotation, its confirmation, its dossier and
    its invoice; amounts computed by hand."""

    def test_quotation_from_two_tasks_of_one_customer(self):
        # a second dossier of the same customer, on another of its sites
        manager_env = self.env(user=self.manager)
        dossier2 = manager_env["maintenance.intervention"].create(
            {"intervention_type": "corrective", "site_id": self.site3.id}
        )
        task3 = manager_env["maintenance.task"].create(
            {
                "name": "Fuite",
                "intervention_id": dossier2.id,
                "user_ids": [Command.set(self.technician.ids)],
            }
        )
        proposals = (
            self._propose(
                self.task, self.part, 2, equipment_id=self.equipment.id, note="Vase percé"
            )
            | self._propose(self.task, self.labour, 1.5)
            | self._propose(task3, self.valve, 1)
        )
        order = self._quote(proposals)
        self.assertEqual(order.partner_id, self.customer)
        self.assertTrue(order.require_signature)
        self.assertEqual(order.maintenance_source_intervention_ids, self.dossier | dossier2)
        self.assertEqual(order.origin, f"{self.dossier.name}, {dossier2.name}")
        # two sites: the quotation names none of them
        self.assertFalse(order.maintenance_site_id)
        self.assertEqual(len(order.order_line), 3)
        # 2 x 84.00 + 1.5 h x 65.00 + 1 x 18.50 = 168.00 + 97.50 + 18.50 = 284.00
        self.assertAlmostEqual(order.amount_untaxed, 284.00, places=2)
        # 20 % VAT: 56.80
        self.assertAlmostEqual(order.amount_tax, 56.80, places=2)
        self.assertAlmostEqual(order.amount_total, 340.80, places=2)
        self.assertIn("Vase percé", order.order_line[0].name)
        self.assertEqual(set(proposals.mapped("state")), {"quoted"})
        self.assertEqual(proposals[0].with_user(self.manager).sale_order_id, order)
        self.assertEqual(self.dossier.with_user(self.manager).quotation_ids, order)

    def test_quotation_of_one_dossier_names_site_and_dossier(self):
        proposal = self._propose(self.task, self.part, 1)
        action = self.dossier.with_user(self.manager).action_create_quotation()
        order = self.env["sale.order"].browse(action["res_id"])
        self.assertEqual(order.maintenance_site_id, self.site)
        self.assertEqual(order.partner_shipping_id, self.site.partner_id)
        self.assertEqual(order.origin, self.dossier.name)
        self.assertEqual(order.order_line.maintenance_proposal_ids, proposal)

    def test_quotation_for_the_contracts_billed_customer(self):
        billed = self.env["res.partner"].create({"name": "Foncia Lyon Gestion", "is_company": True})
        contract = self._create_contract([(self.equipment, self.wt_full, {})], partner_id=billed.id)
        self.dossier.contract_id = contract
        proposal = self._propose(self.task, self.part, 1)
        order = self._quote(proposal)
        self.assertEqual(order.partner_id, billed)
        self.assertEqual(order.maintenance_contract_id, contract)
        self.assertEqual(order.partner_shipping_id, self.site.partner_id)

    def test_two_customers_refused_nothing_created(self):
        proposals = self._propose(self.task, self.part, 1) | self._propose(
            self.task_b, self.part, 1
        )
        before = self.env["sale.order"].search_count([])
        with self.assertRaisesRegex(UserError, "one customer"):
            self._quote(proposals)
        self.assertEqual(self.env["sale.order"].search_count([]), before)
        self.assertEqual(set(proposals.mapped("state")), {"proposed"})

    def test_quoting_twice_refused(self):
        proposal = self._propose(self.task, self.part, 1)
        self._quote(proposal)
        with self.assertRaisesRegex(UserError, "already on a quotation"):
            self._quote(proposal)

    def test_confirmed_quotation_creates_dossier_with_planned_parts(self):
        proposals = self._propose(
            self.task, self.part, 2, equipment_id=self.equipment.id
        ) | self._propose(self.task, self.labour, 1.5)
        order = self._quote(proposals)
        order.with_user(self.manager).action_confirm()
        self.assertEqual(set(proposals.mapped("state")), {"accepted"})
        dossier = order.maintenance_intervention_id
        self.assertTrue(dossier)
        self.assertNotEqual(dossier, self.dossier)
        self.assertEqual(dossier.site_id, self.site)
        self.assertEqual(dossier.customer_id, self.customer)
        self.assertEqual(dossier.state, "draft")
        self.assertEqual(dossier.equipment_ids, self.equipment)
        self.assertEqual(dossier.sale_order_id, order)
        self.assertEqual(dossier.user_id, self.manager)
        task = dossier.task_ids
        self.assertEqual(len(task), 1)
        # the labour sold: 1.5 hours to plan
        self.assertEqual(task.duration, 1.5)
        # the part to fit is planned on the task, linked to its quotation line
        self.assertEqual(task.part_ids.product_id, self.part)
        self.assertEqual(task.part_ids.quantity, 2)
        self.assertEqual(task.part_ids.equipment_id, self.equipment)
        self.assertEqual(
            task.part_ids.sale_line_id,
            order.order_line.filtered(lambda l: l.product_id == self.part),
        )
        self.assertTrue(task.part_ids.is_sold)
        self.assertEqual(
            self.env["maintenance.intervention"].search_count([("sale_order_id", "=", order.id)]), 1
        )

    def test_invoiced_through_sale(self):
        proposals = self._propose(self.task, self.part, 2) | self._propose(
            self.task, self.labour, 1.5
        )
        order = self._quote(proposals)
        order.with_user(self.manager).action_confirm()
        invoice = order.with_user(self.manager)._create_invoices()
        self.assertEqual(invoice.partner_id, self.customer)
        self.assertEqual(invoice.state, "draft")
        # 2 x 84.00 + 1.5 x 65.00 = 265.50; VAT 20 % = 53.10; total 318.60
        self.assertAlmostEqual(invoice.amount_untaxed, 265.50, places=2)
        self.assertAlmostEqual(invoice.amount_tax, 53.10, places=2)
        self.assertAlmostEqual(invoice.amount_total, 318.60, places=2)
        self.assertEqual(order.invoice_status, "invoiced")

    def test_cancelled_quotation_refuses_proposals(self):
        proposal = self._propose(self.task, self.part, 1)
        order = self._quote(proposal)
        order.with_user(self.manager)._action_cancel()
        self.assertEqual(proposal.state, "refused")
        proposal.with_user(self.manager).action_reset()
        self.assertEqual(proposal.state, "proposed")
        self.assertFalse(order.order_line.maintenance_proposal_ids)

    def test_manager_refuses_without_quotation(self):
        proposal = self._propose(self.task, self.part, 1)
        proposal.with_user(self.manager).action_refuse()
        self.assertEqual(proposal.state, "refused")
        with self.assertRaisesRegex(UserError, "already on a quotation or refused"):
            self._quote(proposal)

    def test_quoted_proposal_cannot_be_refused_by_hand(self):
        proposal = self._propose(self.task, self.part, 1)
        self._quote(proposal)
        with self.assertRaisesRegex(UserError, "cancel the quotation instead"):
            proposal.with_user(self.manager).action_refuse()
        self.assertEqual(proposal.state, "quoted")

    def test_accountant_reads_only(self):
        proposal = self._propose(self.task, self.part, 1)
        order = self._quote(proposal)
        as_accountant = proposal.with_user(self.accountant)
        self.assertEqual(as_accountant.sale_order_id, order)
        self.assertEqual(as_accountant.state, "quoted")
        with self.assertRaises(AccessError):
            self._propose(self.task, self.part, 1, user=self.accountant)
        with self.assertRaises(AccessError):
            as_accountant.write({"note": "x"})
        with self.assertRaises(AccessError):
            self._propose(self.task, self.valve, 1).with_user(
                self.accountant
            ).action_create_quotation()

    def test_manager_proposes_on_done_task(self):
        self._tick(self.task)
        self.task.sudo().write({"state": "done"})
        proposal = self._propose(self.task, self.part, 1, user=self.manager)
        self.assertEqual(proposal.state, "proposed")
        with self.assertRaisesRegex(UserError, "closed"):
            self._propose(self.task, self.part, 1)
