# Copyright 2026 Seed maintainers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Issue 23 item 8, the requests: an e-mail of a customer of another company
is not lost, an e-mail's sender is confirmed before the committed times are
counted, and the contract they are measured against is frozen once the
request is acknowledged."""

from datetime import datetime

from freezegun import freeze_time

from odoo.exceptions import UserError
from odoo.tests import new_test_user, tagged

from .request_common import RequestCommon
from .test_request_mail import NEW_REQUEST


@tagged("post_install", "-at_install")
@freeze_time("2027-01-11 08:15:00")
class TestRequestIntegrity(RequestCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # a customer with one site under contract: the e-mail finds its site
        cls.customer_one = cls.env["res.partner"].create(
            {"name": "Résidence Bellecour", "is_company": True, "city": "Lyon"}
        )
        cls.site_one = cls.env["maintenance.site"].create(
            {"name": "Résidence Bellecour", "customer_id": cls.customer_one.id, "zip": "69002"}
        )
        with freeze_time("2027-01-01"):
            cls.boiler_one = cls._create_equipment(1, site=cls.site_one, name="Chaudière B")
            cls.contract_one = cls._create_contract(
                [(cls.boiler_one, cls.wt_full, {})],
                site=cls.site_one,
                maintenance_calendar_id=cls.cal_lyon.id,
            )
            cls.contract_one.action_maintenance_validate()
        cls.contact = cls.env["res.partner"].create(
            {
                "name": "Marie Girard",
                "parent_id": cls.customer_one.id,
                "email": "m.girard@residence-les-tilleuls.fr",
            }
        )

    def _mail(self, sender="m.girard@residence-les-tilleuls.fr", message_id="demande-1"):
        """What the incoming mail server does: the gateway runs as the
        superuser, in the main company."""
        mail = NEW_REQUEST.replace("m.girard@residence-les-tilleuls.fr", sender).replace(
            "demande-1@", f"{message_id}@"
        )
        gateway = self.env(user=self.env.ref("base.user_root"))
        self.assertEqual(gateway.company, self.env.ref("base.main_company"))
        return self.Request.browse(gateway["mail.thread"].message_process(None, mail))

    def test_mail_of_a_customer_of_another_company(self):
        """A customer whose only site is in the second company: the request
        is recorded in that company, with the site and its office's
        responsible, not bounced."""
        company_b = self.env["res.company"].create({"name": "Thermi-Services Alsace"})
        office_b = new_test_user(
            self.env,
            login="office_b",
            name="Claire Weber",
            groups="maintenance_contracts.group_maintenance_manager",
            company_id=company_b.id,
            company_ids=[company_b.id],
        )
        company_b.maintenance_request_user_id = office_b
        customer = self.env["res.partner"].create(
            {"name": "Hôtel du Rhin", "is_company": True, "city": "Strasbourg"}
        )
        site = self.env["maintenance.site"].create(
            {"name": "Hôtel du Rhin", "customer_id": customer.id, "company_id": company_b.id}
        )
        self.env["res.partner"].create(
            {"name": "Paul Kieffer", "parent_id": customer.id, "email": "p.kieffer@hotel-rhin.fr"}
        )
        alias = self.env.ref("maintenance_request.mail_alias_maintenance_customer_request")
        request = self._mail(sender="p.kieffer@hotel-rhin.fr", message_id="rhin-1")
        self.assertEqual(request.company_id, company_b)
        self.assertEqual(request.site_id, site)
        self.assertEqual(request.user_id, office_b)
        self.assertRegex(request.name, r"^DEM/2027/\d{5}$")
        self.assertNotEqual(alias.alias_status, "invalid")
        # the office of that company sees it and handles it
        mine = self.Request.with_user(office_b).with_context(allowed_company_ids=company_b.ids)
        self.assertEqual(mine.search([("id", "=", request.id)]), request)
        request.with_user(office_b).with_context(
            allowed_company_ids=company_b.ids
        ).action_confirm_sender()
        self.assertFalse(request.to_confirm)

    def test_mailed_request_waits_for_confirmation(self):
        """A forged From: of the customer's contact starts no clock: no
        deadline, no alert, until the office confirms the request with the
        customer; then its committed times count from its reception."""
        self.env.company.maintenance_request_user_id = self.manager
        request = self._mail()
        self.assertEqual((request.site_id, request.contract_id), (self.site_one, self.contract_one))
        self.assertFalse(request.response_deadline)
        self.assertFalse(request.next_deadline)
        self.assertTrue(request.to_confirm)
        todo = request.activity_ids
        self.assertEqual(todo.user_id, self.manager)
        self.assertIn("confirm", todo.summary.lower())
        with freeze_time("2027-01-12 17:00:00"):
            self.Request._cron_raise_alerts()
        self.assertEqual(request.sla_status, "ok")
        self.assertFalse(request.response_breach_sent)
        # the office cannot stop the clocks of a confirmed or phoned request
        phoned = self._request("2027-01-11 08:00:00")
        with self.assertRaisesRegex(UserError, "confirm"):
            phoned.with_user(self.manager).write({"to_confirm": True})
        with self.assertRaisesRegex(UserError, "e-mail"):
            self._request("2027-01-11 08:00:00", to_confirm=True)
        # confirmed: counted from the reception (09:15 Paris, P2: 2 h)
        request.with_user(self.manager).action_confirm_sender()
        self.assertFalse(request.to_confirm)
        self.assertEqual(request.response_deadline, datetime(2027, 1, 11, 10, 15))
        self.assertFalse(request.activity_ids)
        self.assertTrue(any("confirmed" in str(m.body).lower() for m in request.message_ids))
        with self.assertRaisesRegex(UserError, "confirm"):
            request.with_user(self.manager).write({"to_confirm": True})

    def test_contract_frozen_once_acknowledged(self):
        """The contract and business hours a request is measured against
        do not change once it is acknowledged: neither directly nor by
        moving it to another site."""
        request = self._request("2027-01-11 08:00:00").with_user(self.manager)
        # before: the office may still correct the site
        request.write({"site_id": self.site_strasbourg.id, "equipment_id": self.boiler_sxb.id})
        self.assertEqual(request.contract_id, self.contract_sxb)
        request.write({"site_id": self.site.id, "equipment_id": self.boiler.id})
        request.action_acknowledge()
        deadline = request.intervention_deadline
        for vals in (
            {"contract_id": self.contract_sxb.id},
            {"contract_id": False},
            {"calendar_id": self.cal_strasbourg.id},
            {"site_id": self.site_strasbourg.id, "equipment_id": self.boiler_sxb.id},
        ):
            with self.subTest(vals=vals), self.assertRaisesRegex(UserError, "acknowledged"):
                request.write(vals)
        self.assertEqual(
            (request.contract_id, request.calendar_id, request.intervention_deadline),
            (self.contract, self.cal_lyon, deadline),
        )
        # what does not change the measure is still written
        request.write({"title": "Chaudière en sécurité"})
