# Copyright 2026 Seed maintainers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Changing, ending or deleting validated covered products, as the
operations manager who does it, and visit groups gaining members."""

from freezegun import freeze_time

from odoo import fields
from odoo.exceptions import UserError

from .common import MaintenanceCommon


@freeze_time("2027-01-01")
class TestVisitChanges(MaintenanceCommon):
    def _validated(self, wtype=None, first="2027-01-15", **line_extra):
        equipment = self._create_equipment(name=line_extra.pop("equipment_name", "Chaudière"))
        contract = self._create_contract(
            [(equipment, wtype or self.wt_full, {"first_visit_date": first, **line_extra})]
        )
        contract.with_user(self.manager).action_maintenance_validate()
        return contract, contract.contract_line_ids

    def _active(self, visits):
        return visits.filtered(lambda visit: visit.state != "cancelled")

    # item 2: a manager changes or deletes a validated covered product --------

    def test_manager_changes_equipment_regenerates(self):
        contract, line = self._validated()
        planned = contract.visit_ids.sorted("due_date")[0]
        planned.state = "planned"
        new_equipment = self._create_equipment(name="Pompe")
        line.with_user(self.manager).equipment_id = new_equipment
        contract.invalidate_recordset()
        self.assertEqual(planned.equipment_id, line.equipment_id.browse(planned.equipment_id.id))
        self.assertNotEqual(planned.equipment_id, new_equipment, "a planned visit is kept")
        future = contract.visit_ids - planned
        self.assertEqual(self._dates(future), ["2027-07-15"])
        self.assertEqual(future.equipment_id, new_equipment)

    def test_manager_changes_first_visit_date_regenerates(self):
        contract, line = self._validated()
        line.with_user(self.manager).first_visit_date = "2027-03-01"
        contract.invalidate_recordset()
        self.assertEqual(self._dates(contract.visit_ids), ["2027-03-01", "2027-09-01"])

    def test_manager_moves_a_line_into_a_group(self):
        contract, line = self._validated()
        group = self.env["maintenance.visit.group"].create(
            {"name": "Chaufferie", "site_id": self.site.id, "first_visit_date": "2027-02-01"}
        )
        line.with_user(self.manager).visit_group_id = group
        contract.invalidate_recordset()
        self.assertFalse(contract.visit_ids.filtered("contract_line_id"))
        self.assertEqual(self._dates(group.visit_ids), ["2027-02-01", "2027-08-01"])
        self.assertEqual(group.visit_ids.group_line_ids, line)

    def test_manager_moves_a_group_first_visit_date(self):
        group = self.env["maintenance.visit.group"].create(
            {"name": "Chaufferie", "site_id": self.site.id, "first_visit_date": "2027-02-01"}
        )
        _contract, line = self._validated(first="2027-02-01", visit_group_id=group.id)
        self.assertEqual(self._dates(group.visit_ids), ["2027-02-01", "2027-08-01"])
        group.with_user(self.manager).first_visit_date = "2027-03-01"
        group.invalidate_recordset()
        self.assertEqual(self._dates(group.visit_ids), ["2027-03-01", "2027-09-01"])
        self.assertEqual(group.visit_ids.group_line_ids, line)

    def test_manager_deletes_a_validated_line_without_history(self):
        contract, line = self._validated()
        visits = contract.visit_ids
        self.assertEqual(len(visits), 2)
        line.with_user(self.manager).unlink()
        self.assertFalse(line.exists())
        self.assertFalse(visits.exists(), "its visits still to plan go with it")

    def test_line_with_planned_visit_cannot_be_deleted(self):
        contract, line = self._validated()
        contract.visit_ids.sorted("due_date")[0].state = "planned"
        with self.assertRaisesRegex(UserError, "Entretien Chaudière 1 has planned or done visits"):
            line.with_user(self.manager).unlink()
        self.assertTrue(line.exists())
        self.assertEqual(len(contract.visit_ids), 2)

    def test_contract_with_history_cannot_be_deleted(self):
        """An administrator deleting a contract would take its planned and
        done visits with it: refused, terminate it instead."""
        contract, _line = self._validated()
        visits = contract.visit_ids
        visits.sorted("due_date")[0].state = "done"
        with self.assertRaisesRegex(UserError, "Terminate it instead"):
            contract.with_user(self.admin).unlink()
        self.assertTrue(contract.exists())
        self.assertEqual(visits.exists(), visits)

    def test_contract_without_history_can_be_deleted(self):
        contract, _line = self._validated()
        contract.with_user(self.admin).unlink()
        self.assertFalse(contract.exists())

    # item 11: end dates, undoable ----------------------------------------------

    def test_contract_end_date_cancels_then_restores(self):
        contract, _line = self._validated(self.wt_lift, first="2027-01-04")
        visits = contract.visit_ids
        self.assertEqual(len(visits), 9)
        planned_after = visits.sorted("due_date")[-1]
        planned_after.state = "planned"
        contract.with_user(self.manager).date_end = "2027-03-31"
        cancelled = visits.filtered(lambda visit: visit.state == "cancelled")
        self.assertEqual(len(cancelled), 5, "to plan after the end: cancelled, kept")
        self.assertTrue(all(cancelled.mapped("cancelled_by_end")))
        self.assertEqual(planned_after.state, "planned", "a planned visit is never touched")
        contract.with_user(self.manager).date_end = False
        contract.invalidate_recordset()
        self.assertEqual(contract.visit_ids, visits, "the same visits come back, none added")
        self.assertEqual(set((visits - planned_after).mapped("state")), {"to_plan"})
        self.assertFalse(any(visits.mapped("cancelled_by_end")))

    def test_line_end_date_cancels_then_extending_restores_and_generates(self):
        contract, line = self._validated(self.wt_lift, first="2027-01-04", date_end="2027-06-30")
        visits = contract.visit_ids
        self.assertEqual(self._dates(visits)[-1], "2027-06-21")
        line.with_user(self.manager).date_end = "2027-03-31"
        self.assertEqual(
            self._dates(self._active(visits)), ["2027-01-04", "2027-02-15", "2027-03-29"]
        )
        self.assertEqual(visits.exists(), visits, "cancelled, not deleted")
        line.with_user(self.manager).date_end = False
        contract.invalidate_recordset()
        self.assertLessEqual(visits, contract.visit_ids)
        self.assertEqual(set(contract.visit_ids.mapped("state")), {"to_plan"})
        self.assertEqual(len(contract.visit_ids), 9, "extended to the horizon")

    def test_termination_is_not_undone_by_end_date_changes(self):
        contract, line = self._validated(self.wt_lift, first="2027-01-04")
        self.env["maintenance.contract.terminate"].with_user(self.manager).create(
            {"contract_id": contract.id, "termination_date": "2027-03-31", "reason": "Vente"}
        ).action_terminate()
        cancelled = contract.visit_ids.filtered(lambda visit: visit.state == "cancelled")
        self.assertEqual(len(cancelled), 6)
        self.assertFalse(any(cancelled.mapped("cancelled_by_end")))
        self.assertEqual(line.date_end, fields.Date.to_date("2027-03-31"))


@freeze_time("2027-01-01")
class TestVisitGroupMembers(MaintenanceCommon):
    """Item 3: new members join only occurrences still to plan; the pace and
    anchor come from all the group's validated members."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.group = cls.env["maintenance.visit.group"].create(
            {"name": "Chaufferie + VMC", "site_id": cls.site.id}
        )
        cls.boiler, cls.vmc = cls._create_equipment(2)
        cls.first = cls._create_contract(
            [
                (
                    cls.boiler,
                    cls.wt_full,
                    {"first_visit_date": "2027-02-01", "visit_group_id": cls.group.id},
                )
            ]
        )
        cls.first.action_maintenance_validate()

    def _second_contract(self, first_visit_date):
        return self._create_contract(
            [
                (
                    self.vmc,
                    self.wt_preventive,
                    {"first_visit_date": first_visit_date, "visit_group_id": self.group.id},
                )
            ],
            name="Contrat VMC",
        )

    def test_yearly_member_of_a_second_contract_joins_the_occurrence(self):
        self.assertEqual(self._dates(self.group.visit_ids), ["2027-02-01", "2027-08-01"])
        second = self._second_contract("2027-07-20")
        second.with_user(self.manager).action_maintenance_validate()
        self.group.invalidate_recordset()
        visits = self.group.visit_ids.sorted("due_date")
        self.assertEqual(self._dates(visits), ["2027-02-01", "2027-08-01"], "no visit of its own")
        self.assertFalse(self.env["maintenance.visit"].search([("contract_id", "=", second.id)]))
        august = visits[1]
        self.assertEqual(august.equipment_ids, self.boiler | self.vmc)
        self.assertEqual(august.duration, 2.0 + 1.5, "its duration is added")
        self.assertIn(self.vmc.display_name, august.operations)
        self.assertFalse(august.contract_id, "two contracts share it")

    def test_member_due_at_a_planned_occurrence_is_not_linked_to_it(self):
        planned = self.group.visit_ids.sorted("due_date")[0]
        planned.state = "planned"
        second = self._second_contract("2027-02-01")
        second.with_user(self.manager).action_maintenance_validate()
        self.assertEqual(planned.group_line_ids, self.first.contract_line_ids)
        self.assertEqual(planned.duration, 2.0)
        own = self.env["maintenance.visit"].search(
            [("contract_line_id", "in", second.contract_line_ids.ids)]
        )
        self.assertEqual(self._dates(own), ["2027-02-01"])
        self.assertEqual(own.state, "to_plan")
        self.assertEqual(own.equipment_id, self.vmc)
