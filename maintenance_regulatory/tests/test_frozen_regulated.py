# Copyright 2026 Seed maintainers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""What records what happened is written only by the flows that establish
it (issue 23): the logbook and the issued certificates refuse any other write, run as the
operations manager who found each hole through JSON-RPC."""

from datetime import date, datetime

from freezegun import freeze_time

from odoo.exceptions import UserError
from odoo.tests import tagged

from odoo.addons.maintenance_planning.tests.common import PlanningCommon


def utc(text):
    return datetime.fromisoformat(text)


@tagged("post_install", "-at_install")
@freeze_time("2027-01-04 09:00:00")
class TestFrozenRegulated(PlanningCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.customer.email = "syndic@horizon-immobilier.fr"
        cls.boiler = cls.env["maintenance.customer.equipment"].create(
            {"name": "Chaudière gaz murale 24 kW", "site_id": cls.site.id}
        )
        boiler_type = cls.env.ref("maintenance_contracts.warranty_type_reg_boiler")
        cls.contract = cls._create_contract(
            [(cls.boiler, boiler_type, {"first_visit_date": date(2027, 1, 4)})]
        )
        cls.contract.with_user(cls.manager).action_maintenance_validate()

    def _issue(self):
        """The technician closes the visit's task: the certificate is issued;
        the documents job attaches its PDF."""
        visit = self.contract.visit_ids.filtered(lambda v: str(v.due_date) == "2027-01-04")
        self._plan(visit, start="2027-01-04 08:00:00")
        task = visit.intervention_id.task_ids
        self._tick(task)
        task = task.with_user(self.technician)
        task.write(
            {
                "certificate_efficiency": 92.5,
                "certificate_co_ppm": 180.0,
                "certificate_advice": "Remplacer le conduit.",
            }
        )
        task.action_done()
        certificate = task.sudo().certificate_ids
        self.env["maintenance.certificate"]._attach_pending_pdfs()
        return certificate

    def test_issued_certificate_cannot_be_rewritten(self):
        certificate = self._issue()
        self.assertEqual(certificate.state, "sent")
        self.assertTrue(certificate.attachment_id)
        pdf = certificate.attachment_id
        as_manager = certificate.with_user(self.manager)
        for vals in (
            {"co_ppm": 5.0},
            {"leak_found": True},
            {"deadline": "2099-01-01"},
            {"customer_id": self.customer2.id},
            {"attachment_id": False},
            {"state": "to_send"},
        ):
            with self.subTest(vals=vals), self.assertRaises(UserError):
                as_manager.write(vals)
            # the law's record: not even the superuser
            with self.subTest(vals=vals, user="superuser"), self.assertRaises(UserError):
                certificate.sudo().write(vals)
        with self.assertRaisesRegex(UserError, "never deleted"):
            certificate.sudo().unlink()
        # nor its PDF rewritten or deleted, where it is filed
        for user in (self.manager, self.env.ref("base.user_root")):
            with self.subTest(user=user.login), self.assertRaisesRegex(UserError, "never replaced"):
                pdf.with_user(user).write({"raw": b"%PDF-1.4 faux"})
            with self.subTest(user=user.login), self.assertRaisesRegex(UserError, "never replaced"):
                pdf.with_user(user).unlink()
        with self.assertRaisesRegex(UserError, "never created by hand"):
            self.env["maintenance.certificate"].sudo().create(
                {
                    "certificate_type": "boiler",
                    "company_id": self.env.company.id,
                    "equipment_id": self.boiler.id,
                    "visit_date": "2027-01-04",
                    "deadline": "2027-01-19",
                }
            )
        self.assertEqual(certificate.co_ppm, 180.0)
        self.assertEqual(certificate.customer_id, self.customer)
        self.assertEqual(certificate.attachment_id, pdf)
        self.assertEqual(certificate.state, "sent")
        # the documents job has nothing left to render again
        sent = self.env["mail.mail"].search_count([("model", "=", certificate._name)])
        self.env["maintenance.certificate"]._attach_pending_pdfs()
        self.assertEqual(
            self.env["mail.mail"].search_count([("model", "=", certificate._name)]), sent
        )

    def test_logbook_cannot_be_forged(self):
        Entry = self.env["maintenance.logbook.entry"].with_user(self.manager)
        before = Entry.search_count([("equipment_id", "=", self.boiler.id)])
        for vals, message in (
            ({"entry_type": "visit"}, "note or a correction"),
            ({"date": "2001-01-01 08:00:00"}, "dated when it is written"),
            ({"user_id": self.technician.id}, "signed by the person who writes it"),
        ):
            with self.subTest(vals=vals), self.assertRaisesRegex(UserError, message):
                Entry.create({"equipment_id": self.boiler.id, "name": "Visite faite", **vals})
            with self.subTest(vals=vals, user="superuser"), self.assertRaises(UserError):
                Entry.sudo().create({"equipment_id": self.boiler.id, "name": "x", **vals})
        self.assertEqual(Entry.search_count([("equipment_id", "=", self.boiler.id)]), before)

    def test_normal_regulated_flows_still_work(self):
        """Closing the task issues, logs, attaches and sends the certificate;
        the operations manager writes a note, and corrects it."""
        certificate = self._issue()
        self.assertEqual(certificate.co_ppm, 180.0)
        self.assertEqual(certificate.state, "sent")
        Entry = self.env["maintenance.logbook.entry"].with_user(self.manager)
        logged = Entry.search([("equipment_id", "=", self.boiler.id)])
        self.assertIn("certificate", logged.mapped("entry_type"))
        note = Entry.create({"equipment_id": self.boiler.id, "name": "Conduit à remplacer"})
        self.assertEqual((note.entry_type, note.user_id), ("note", self.manager))
        self.assertEqual(note.date, datetime(2027, 1, 4, 9, 0))
        correction = Entry.create(
            {"equipment_id": self.boiler.id, "corrected_entry_id": note.id, "name": "Conduit OK"}
        )
        self.assertEqual(correction.entry_type, "correction")
