# Copyright 2026 Seed maintainers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The technician's phone: the parts picker offers parts (no equipment
model, no price), the equipment of a part used is the task's, readings
only where there is a meter, a word after closing, no distance without a
position."""

from freezegun import freeze_time
from lxml import etree

from odoo import Command
from odoo.tests import Form

from odoo.addons.maintenance_meter.tests.meter_common import MeterCommon
from odoo.addons.maintenance_offline.models.maintenance_offline_sync import ActionRefused

PART_VIEWS = (
    "maintenance_planning.product_product_view_list_part",
    "maintenance_planning.product_product_view_kanban_part",
)


class TestTechnicianPhone(MeterCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.electrode, cls.boiler = cls.env["product.product"].create(
            [
                {
                    "name": "Électrode d'allumage",
                    "default_code": "PD-ELE-101",
                    "type": "consu",
                    "list_price": 18.5,
                },
                {
                    "name": "Chaudière gaz à condensation 150 kW",
                    "default_code": "EQ-CHC-150",
                    "type": "consu",
                    "list_price": 17600.0,
                    "maintenance_equipment_model": True,
                },
            ]
        )

    def test_parts_picker_offers_parts_without_price(self):
        Part = self.env["maintenance.task.part"].with_user(self.technician)
        Product = self.env["product.product"].with_user(self.technician)
        domain = Part._fields["product_id"].domain
        offered = Product.search(domain)
        self.assertIn(self.electrode, offered)
        self.assertNotIn(self.boiler, offered)
        self.assertFalse(Product.name_search("Chaudière", domain=domain))
        # the phone's offline catalogue and its sync say the same
        Offline = self.env["maintenance.offline.action"].with_user(self.technician)
        catalogue = {
            product["id"]
            for product in self.env["maintenance.task"]
            .with_user(self.technician)
            ._offline_products()
        }
        self.assertIn(self.electrode.id, catalogue)
        self.assertNotIn(self.boiler.id, catalogue)
        with self.assertRaises(ActionRefused):
            Offline._apply_part(
                self._as(self.technician, self.task), {"product_id": self.boiler.id}
            )
        # the picker's list and cards (given by the task form) show no price
        form_arch = (
            self.env["maintenance.task"]
            .with_user(self.technician)
            .get_views([(False, "form")])["views"]["form"]["arch"]
        )
        pickers = etree.fromstring(form_arch).xpath(
            "//field[@name='part_ids']/list/field[@name='product_id']"
            " | //field[@name='part_ids']/form//field[@name='product_id']"
        )
        self.assertEqual(len(pickers), 2, "the line and the dialog of a part")
        for node in pickers:
            for ref in PART_VIEWS:
                self.assertIn(ref, node.get("context"))
        for ref in PART_VIEWS:
            view = self.env.ref(ref)
            arch = Product.get_views([(view.id, view.type)])["views"][view.type]["arch"]
            for price in ("lst_price", "list_price", "standard_price"):
                self.assertNotIn(price, arch, ref)
            self.assertIn("default_code", arch)

    def test_part_gets_the_task_equipment(self):
        task = self._as(self.technician, self.task)
        with Form(task) as form, form.part_ids.new() as line:
            self.assertEqual(line.equipment_id, self.equipment)
            line.product_id = self.electrode
        self.assertEqual(self.task.part_ids.equipment_id, self.equipment)
        # recorded offline too
        self.env["maintenance.offline.action"].with_user(self.technician)._apply_part(
            task, {"product_id": self.electrode.id}
        )
        self.assertEqual(self.task.part_ids.equipment_id, self.equipment)
        # two equipment: the technician chooses
        second = self._create_equipment(1, name="Ballon ECS")
        self.task.with_user(self.manager).equipment_ids = [Command.link(second.id)]
        with Form(task) as form, form.part_ids.new() as line:
            self.assertFalse(line.equipment_id)
            line.product_id = self.electrode

    def test_no_reading_without_meter(self):
        lift = self._create_equipment(1, name="Ascenseur")
        self.task2.with_user(self.manager).equipment_ids = [Command.set(lift.ids)]
        task = self._as(self.technician2, self.task2)
        self.assertEqual(task.meter_count, 0)
        with Form(task) as form, self.assertRaisesRegex(AssertionError, "not editable"):
            form.reading_ids.new()
        # where the equipment has meters, readings are recorded
        with Form(self._as(self.technician, self.task)) as form, form.reading_ids.new() as line:
            line.meter_id = self.counter
            line.value = 1520.0
        self.assertEqual(self.task.reading_ids.value, 1520.0)

    def test_closing_says_so(self):
        with freeze_time("2027-01-05 08:00:00"):
            self._as(self.technician, self.task).action_check_in()
        self.task.checklist_ids.with_user(self.technician).write({"result": "done"})
        with freeze_time("2027-01-05 09:00:00"):
            action = self._as(self.technician, self.task).action_done()
        self.assertEqual(self.task.state, "done")
        self.assertEqual(action["tag"], "display_notification")
        self.assertEqual(action["params"]["type"], "success")
        self.assertIn(self.task.display_name, action["params"]["message"])
        # then the form reloads, as after any button
        self.assertEqual(action["params"]["next"], {"type": "ir.actions.act_window_close"})

    def test_closing_in_french(self):
        self.env["res.lang"]._activate_lang("fr_FR")
        self.env["ir.module.module"]._load_module_terms(
            ["maintenance_planning", "maintenance_offline"], ["fr_FR"]
        )
        self.task.checklist_ids.with_user(self.technician).write({"result": "done"})
        action = (
            self._as(self.technician, self.task | self.task.copy())
            .with_context(lang="fr_FR")
            .action_done()
        )
        self.assertEqual(action["params"]["message"], "2 tâches clôturées.")

    def test_no_distance_without_position(self):
        with freeze_time("2027-01-05 08:05:00"):
            summary = self._as(self.technician, self.task).action_check_in()
        checkin = self.task.checkin_ids
        self.assertFalse(checkin.distance_known)
        self.assertIsNone(summary.get("distance_m", "missing"))
        with freeze_time("2027-01-05 08:50:00"):
            self._as(self.technician, self.task).action_check_out()
        self.assertFalse(checkin.out_distance_known)
        self.env.flush_all()
        self.env.cr.execute(
            "SELECT distance_m, out_distance_m FROM maintenance_task_checkin WHERE id = %s",
            [checkin.id],
        )
        self.assertEqual(self.env.cr.fetchone(), (None, None), "empty, not 0 m")
        # the lists hide the distance of a check-in that has none
        for view in (
            "maintenance_planning.maintenance_task_checkin_view_list",
            "maintenance_planning.maintenance_task_view_form",
        ):
            arch = etree.fromstring(self.env.ref(view).arch)
            for node in arch.xpath("//field[@name='distance_m']"):
                self.assertEqual(node.get("invisible"), "not distance_known", view)
