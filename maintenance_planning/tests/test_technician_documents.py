# Copyright 2026 Seed maintainers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from freezegun import freeze_time

from odoo import Command
from odoo.tools.safe_eval import safe_eval

from .technician_common import PNG, TechnicianCommon


@freeze_time("2027-01-05 09:00:00")
class TestTechnicianDocuments(TechnicianCommon):
    """Photos from the phone are documents of the task; the documents of a
    customer, site, equipment, contract and dossier are one tap away."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.contract = cls._create_contract([(cls.equipment, cls.wt_full, {})])
        cls.dossier.contract_id = cls.contract
        Attachment = cls.env["ir.attachment"]

        def attach(record, name, category):
            return Attachment.create(
                {
                    "name": name,
                    "raw": b"%PDF-1.4 test",
                    "res_model": record._name,
                    "res_id": record.id,
                    "maintenance_category": category,
                }
            )

        cls.manual = attach(cls.equipment, "Notice chaudière.pdf", "manual")
        cls.plan = attach(cls.site, "Plan chaufferie.pdf", "plan")
        cls.certificate = attach(cls.contract, "Attestation entretien.pdf", "certificate")
        cls.quote = attach(cls.customer, "Devis remplacement.pdf", "quote")
        cls.other_site_doc = attach(cls.site2, "Plan ascenseur.pdf", "plan")

    def _take_photo(self):
        task = self._as(self.technician, self.task)
        photo = (
            self.env["ir.attachment"]
            .with_user(self.technician)
            .create({"name": "fuite.png", "raw": PNG, "res_model": task._name, "res_id": task.id})
        )
        task.write({"photo_ids": [Command.link(photo.id)]})
        return photo

    def _documents(self, action, user=None):
        return self.env["ir.attachment"].with_user(user or self.manager).search(action["domain"])

    def test_photo_from_the_phone(self):
        photo = self._take_photo()
        self.assertEqual(photo.maintenance_category, "photo")
        self.assertEqual(self.task.photo_ids, photo)
        self.assertEqual((photo.res_model, photo.res_id), ("maintenance.task", self.task.id))

    def test_documents_found_from_every_record(self):
        photo = self._take_photo()
        everything = self.manual | self.plan | self.certificate | photo
        self.assertEqual(
            self._documents(self.dossier.with_user(self.manager).action_view_documents()),
            everything,
            "dossier: its tasks, site, equipment and contract",
        )
        self.assertEqual(
            self._documents(self.site.with_user(self.manager).action_view_documents()), everything
        )
        self.assertEqual(
            self._documents(self.equipment.with_user(self.manager).action_view_documents()),
            self.manual | photo,
        )
        self.assertEqual(
            self._documents(
                self.contract.with_user(self.manager).action_view_maintenance_documents()
            ),
            self.certificate | photo,
        )
        customer_docs = self._documents(
            self.customer.with_user(self.manager).action_view_maintenance_documents()
        )
        self.assertEqual(customer_docs, everything | self.quote)
        self.assertNotIn(self.other_site_doc, customer_docs)
        # the counters of the smart buttons
        self.assertEqual(self.dossier.with_user(self.manager).document_count, 4)
        self.assertEqual(self.site.with_user(self.manager).document_count, 4)
        self.assertEqual(self.equipment.with_user(self.manager).document_count, 2)
        self.assertEqual(self.customer.with_user(self.manager).maintenance_document_count, 5)
        # the documents menu finds them by category
        menu_action = self.env["ir.actions.act_window"]._for_xml_id(
            "maintenance_planning.maintenance_document_action"
        )
        photos = self.env["ir.attachment"].search(
            [*safe_eval(menu_action["domain"]), ("maintenance_category", "=", "photo")]
        )
        self.assertEqual(photos, photo)

    def test_technician_documents_one_tap_from_the_task(self):
        task = self._as(self.technician, self.task)
        self.assertEqual(task.site_document_count, 1)
        self.assertEqual(task.equipment_document_count, 1)
        self.assertEqual(
            self._documents(task.action_view_site_documents(), self.technician), self.plan
        )
        self.assertEqual(
            self._documents(task.action_view_equipment_documents(), self.technician), self.manual
        )
        # from the dossier, without the contract they may not see (prices)
        photo = self._take_photo()
        dossier = self._as(self.technician, self.dossier)
        self.assertEqual(
            self._documents(dossier.action_view_documents(), self.technician),
            self.manual | self.plan | photo,
        )
        self.assertEqual(dossier.document_count, 3)
