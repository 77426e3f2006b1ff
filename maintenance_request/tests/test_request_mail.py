# Copyright 2026 Seed maintainers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from freezegun import freeze_time

from .request_common import RequestCommon

NEW_REQUEST = """\
Return-Path: <m.girard@residence-les-tilleuls.fr>
From: Marie Girard <m.girard@residence-les-tilleuls.fr>
To: depannage@thermi-services.fr
Subject: Plus d'eau chaude au bâtiment B
Date: Mon, 11 Jan 2027 09:12:00 +0100
Message-ID: <demande-1@residence-les-tilleuls.fr>
MIME-Version: 1.0
Content-Type: text/plain; charset="utf-8"
Content-Transfer-Encoding: 8bit

Bonjour,

depuis ce matin plus d'eau chaude au bâtiment B. Pouvez-vous passer ?

Marie Girard
"""

REPLY = """\
Return-Path: <m.girard@residence-les-tilleuls.fr>
From: Marie Girard <m.girard@residence-les-tilleuls.fr>
To: depannage@thermi-services.fr
Subject: Re: Plus d'eau chaude au bâtiment B
Date: Mon, 11 Jan 2027 10:05:00 +0100
Message-ID: <demande-2@residence-les-tilleuls.fr>
In-Reply-To: {parent}
References: {parent}
MIME-Version: 1.0
Content-Type: text/plain; charset="utf-8"
Content-Transfer-Encoding: 8bit

Le gardien sera présent à partir de 14 heures.
"""


@freeze_time("2027-01-11 08:15:00")
class TestRequestMail(RequestCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.contact = cls.env["res.partner"].create(
            {
                "name": "Marie Girard",
                "parent_id": cls.customer.id,
                "email": "m.girard@residence-les-tilleuls.fr",
            }
        )

    def test_mail_creates_a_request_and_replies_join_it(self):
        Thread = self.env["mail.thread"]
        thread_id = Thread.message_process(None, NEW_REQUEST)
        request = self.Request.browse(thread_id)
        self.assertEqual(request._name, "maintenance.customer.request")
        self.assertEqual(request.channel, "email")
        self.assertEqual(request.contact_id, self.contact)
        self.assertEqual(request.customer_id, self.customer)
        self.assertIn("plus d'eau chaude", str(request.description))
        self.assertRegex(request.name, r"^DEM/2027/\d{5}$")
        self.assertIn(self.contact, request.message_partner_ids)
        # the reply lands on the same request, no new one
        count = self.Request.search_count([])
        Thread.message_process(None, REPLY.format(parent="<demande-1@residence-les-tilleuls.fr>"))
        self.assertEqual(self.Request.search_count([]), count)
        bodies = request.message_ids.mapped("body")
        self.assertTrue(any("gardien sera présent" in str(body) for body in bodies))

    def test_unknown_sender_still_creates_a_request(self):
        thread_id = self.env["mail.thread"].message_process(
            None, NEW_REQUEST.replace("m.girard@residence-les-tilleuls.fr", "inconnu@exemple.fr")
        )
        request = self.Request.browse(thread_id)
        self.assertFalse(request.contact_id)
        self.assertTrue(request.out_of_contract)
