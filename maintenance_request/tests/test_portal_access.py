# Copyright 2026 Seed maintainers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""What a portal user reaches through the ORM (the record rules behind
every /my page and every RPC call), as the portal user."""

from datetime import datetime, timedelta

from freezegun import freeze_time

from odoo import Command
from odoo.exceptions import AccessError, ValidationError
from odoo.tests import tagged

from odoo.addons.maintenance_planning.tests.portal_common import PNG

from .portal_common import RequestPortalCommon


@tagged("post_install", "-at_install")
class TestPortalAccess(RequestPortalCommon):
    def _seen(self, user, model):
        return self.env[model].with_user(user).search([])

    def test_customer_sees_only_its_records(self):
        a, a3, b = self.data[self.site], self.data[self.site3], self.data[self.site2]
        expected = {
            "maintenance.site": (self.site | self.site3, self.site2),
            "maintenance.customer.equipment": (
                a["equipment"] | a3["equipment"],
                b["equipment"],
            ),
            "maintenance.intervention": (a["dossier"] | a3["dossier"], b["dossier"]),
            "maintenance.customer.request": (a["request"] | a3["request"], b["request"]),
            "maintenance.visit": (
                a["contract"].visit_ids | a3["contract"].visit_ids,
                b["contract"].visit_ids,
            ),
            "contract.contract": (a["contract"] | a3["contract"], b["contract"]),
            "contract.line": (
                (a["contract"] | a3["contract"]).contract_line_ids,
                b["contract"].contract_line_ids,
            ),
        }
        for model, (own, other) in expected.items():
            with self.subTest(model=model):
                self.assertTrue(own and other)
                self.assertEqual(self._seen(self.portal_a, model), own)
                self.assertEqual(self._seen(self.portal_b, model), other)
                with self.assertRaises(AccessError):
                    other.with_user(self.portal_a).check_access("read")
                # and nothing can be written, even on their own records
                with self.assertRaises(AccessError):
                    own.with_user(self.portal_a).check_access("write")

    def test_other_company_of_the_same_customer_stays_hidden(self):
        """The multi-company rules apply to portal users too: a site of their
        customer kept by another company of the database is not theirs."""
        other_company = self.env["res.company"].create({"name": "Clim Services Sud"})
        foreign_site = self.env["maintenance.site"].create(
            {
                "name": "Agence Marseille",
                "customer_id": self.customer.id,
                "company_id": other_company.id,
            }
        )
        self.assertEqual(self._seen(self.portal_a, "maintenance.site"), self.site | self.site3)
        with self.assertRaises(AccessError):
            foreign_site.with_user(self.portal_a).check_access("read")

    def test_contract_line_prices_only_their_own(self):
        """OCA grants portal users read on every contract.line: our rule
        limits it to the lines of the contracts they follow."""
        b_line = self.data[self.site2]["contract"].contract_line_ids
        with self.assertRaises(AccessError):
            b_line.with_user(self.portal_a).read(["price_unit"])
        prices = self.env["contract.line"].with_user(self.portal_a).search_read([], ["price_unit"])
        self.assertEqual(
            sorted(row["id"] for row in prices),
            sorted(
                (
                    self.data[self.site]["contract"] | self.data[self.site3]["contract"]
                ).contract_line_ids.ids
            ),
        )
        self.assertEqual({row["price_unit"] for row in prices}, {600.0})

    def test_site_restricted_contact_sees_only_their_site(self):
        a3 = self.data[self.site3]
        user = self.portal_a_site
        self.assertEqual(self._seen(user, "maintenance.site"), self.site3)
        self.assertEqual(self._seen(user, "maintenance.customer.equipment"), a3["equipment"])
        self.assertEqual(self._seen(user, "maintenance.intervention"), a3["dossier"])
        self.assertEqual(self._seen(user, "maintenance.customer.request"), a3["request"])
        self.assertEqual(self._seen(user, "maintenance.visit"), a3["contract"].visit_ids)
        with self.assertRaises(AccessError):
            self.data[self.site]["equipment"].with_user(user).check_access("read")
        # the operations manager widens the contact to every site of the customer
        user.partner_id.with_user(self.manager).maintenance_portal_site_scope = "all"
        self.assertEqual(self._seen(user, "maintenance.site"), self.site | self.site3)

    def test_no_document_through_the_orm(self):
        """Portal users have no right on attachments (Odoo's ACLs): every
        file, shared or not, is served by a /my route that checks the record
        it belongs to first (see test_portal_isolation)."""
        a, b = self.data[self.site], self.data[self.site2]
        for document in (a["shared"], a["internal"], a["report"], b["shared"], b["report"]):
            with self.subTest(document=document.name), self.assertRaises(AccessError):
                document.with_user(self.portal_a).read(["raw"])
        self.assertFalse(self.env["ir.attachment"].with_user(self.portal_a).search([]))

    def test_report_checked_before_rendering(self):
        """Odoo fetches a stored report as superuser: another customer's
        task report is refused before anything is read."""
        Report = self.env["ir.actions.report"].with_user(self.portal_a)
        for task in (self.data[self.site2]["task"], self.data[self.site]["task"]):
            with self.subTest(task=task.name), self.assertRaises(AccessError):
                Report._render_qweb_pdf("maintenance_planning.report_maintenance_task", task.ids)
        # the office still prints it (the manager reads the task): the stored one
        content, _type = (
            self.env["ir.actions.report"]
            .with_user(self.manager)
            .with_context(force_report_rendering=True)
            ._render_qweb_pdf(
                "maintenance_planning.report_maintenance_task", self.data[self.site]["task"].ids
            )
        )
        self.assertEqual(content, b"%PDF-1.4 report of TILLEULS")

    def test_request_from_the_portal_starts_the_same_clocks(self):
        self.wt_full.commitment_ids = [
            Command.create({"priority": "1", "kind": kind, "hours": hours, "basis": "continuous"})
            for kind, hours in (("response", 1.0), ("intervention", 4.0), ("restoration", 8.0))
        ]
        a = self.data[self.site]
        Request = self.env["maintenance.customer.request"]
        with freeze_time("2027-03-10 09:00:00"):
            created = Request.with_user(self.portal_a)._create_from_portal(
                self.site,
                a["equipment"],
                priority="1",
                title="Plus de chauffage",
                description="La chaudière affiche F28.\nDepuis ce matin.",
                photos=[("chaudiere.png", "image/png", PNG)],
            )
            phone = Request.with_user(self.manager).create(
                {
                    "site_id": self.site.id,
                    "equipment_id": a["equipment"].id,
                    "priority": "1",
                    "title": "Plus de chauffage",
                    "channel": "phone",
                }
            )
        self.assertEqual(created.env.user, self.portal_a)
        self.assertEqual(created.channel, "portal")
        self.assertEqual(created.contact_id, self.portal_a.partner_id)
        self.assertEqual(created.customer_id, self.customer)
        self.assertEqual(created.contract_id, a["contract"])
        self.assertEqual(created.state, "new")
        self.assertIn(self.portal_a.partner_id, created.sudo().message_partner_ids)
        # 24/7: received 09:00 UTC, response 1 h, intervention 4 h, restoration 8 h
        received = datetime(2027, 3, 10, 9, 0)
        self.assertEqual(created.received_at, received)
        self.assertEqual(created.response_deadline, received + timedelta(hours=1))
        self.assertEqual(created.intervention_deadline, received + timedelta(hours=4))
        self.assertEqual(created.restoration_deadline, received + timedelta(hours=8))
        self.assertEqual(
            (
                created.response_deadline,
                created.intervention_deadline,
                created.restoration_deadline,
            ),
            (phone.response_deadline, phone.intervention_deadline, phone.restoration_deadline),
        )
        photo = created.sudo().attachment_ids
        self.assertEqual(photo.mapped("name"), ["chaudiere.png"])
        self.assertEqual(photo.raw, PNG)
        self.assertTrue(photo.maintenance_portal_shared)
        self.assertIn("F28", created.description)

    def test_request_refuses_what_is_not_theirs(self):
        Request = self.env["maintenance.customer.request"].with_user(self.portal_a)
        b, a = self.data[self.site2], self.data[self.site]
        count = Request.sudo().search_count([])
        exe = [("x.exe", "application/x-msdownload", b"MZ")]
        cases = [
            (AccessError, self.site2, b["equipment"], {}),
            (AccessError, self.site, b["equipment"], {}),
            (ValidationError, self.site3, a["equipment"], {}),
            (ValidationError, self.site, a["equipment"], {"priority": "9"}),
            (ValidationError, self.site, a["equipment"], {"title": "  "}),
            (ValidationError, self.site, a["equipment"], {"photos": exe}),
        ]
        for error, site, equipment, given in cases:
            values = {"priority": "2", "title": "Test"} | given
            with self.subTest(site=site.name, values=values), self.assertRaises(error):
                Request._create_from_portal(
                    site.with_user(self.portal_a), equipment.with_user(self.portal_a), **values
                )
        self.assertEqual(Request.sudo().search_count([]), count)
        # a site-restricted contact cannot report on another site of their customer
        with self.assertRaises(AccessError):
            Request.with_user(self.portal_a_site)._create_from_portal(
                self.site.with_user(self.portal_a_site),
                Request.env["maintenance.customer.equipment"],
                priority="2",
                title="Test",
            )
