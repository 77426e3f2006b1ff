# Copyright 2026 Seed maintainers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Requests are numbered by the dossiers' helper, whatever the
implementation of their sequence (standard or no gap)."""

from freezegun import freeze_time

from odoo.tests import tagged

from .request_common import RequestCommon


@tagged("post_install", "-at_install")
class TestRequestNumbering(RequestCommon):
    def _company_sequence(self, code):
        return self.env["ir.sequence"].search(
            [("code", "=", code), ("company_id", "=", self.env.company.id)]
        )

    @freeze_time("2027-03-01 10:00:00")
    def test_request_numbers_with_a_no_gap_sequence(self):
        """An office that switches the request sequence to no gap (French
        practice for numbered documents) still numbers its requests, one
        after the other, from where the sequence stood."""
        first = self._request("2027-03-01 09:00:00")
        sequence = self._company_sequence("maintenance.customer.request")
        self.assertEqual(len(sequence), 1)
        number = int(first.name.rsplit("/", 1)[1])
        # as in the sequence's form: Odoo's no-gap sequence goes on from its
        # next number, which a standard sequence does not keep up to date
        sequence.write({"implementation": "no_gap", "number_next_actual": number + 1})
        second = self._request("2027-03-01 09:10:00")
        third, fourth = self.Request.with_user(self.manager).create(
            [
                {"site_id": self.site.id, "priority": "2", "received_at": "2027-03-01 09:20:00"},
                {"site_id": self.site.id, "priority": "3", "received_at": "2027-03-01 09:30:00"},
            ]
        )
        self.assertEqual(
            [second.name, third.name, fourth.name],
            [f"DEM/2027/{number + step:05d}" for step in (1, 2, 3)],
        )
