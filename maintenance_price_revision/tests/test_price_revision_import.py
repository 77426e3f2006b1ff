# Copyright 2026 Seed maintainers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import base64

from odoo import fields
from odoo.exceptions import UserError

from .price_revision_common import PriceRevisionCommon


class TestPriceIndexImport(PriceRevisionCommon):
    """CSV import of index values: a bad file is refused whole, with the
    faulty line numbers; loading the same figures again changes nothing."""

    def _import(self, text, encoding="utf-8"):
        wizard = self.env["maintenance.price.index.import"].create(
            {"file": base64.b64encode(text.encode(encoding)), "filename": "indices.csv"}
        )
        return wizard.action_import()

    def _count(self):
        return self.env["maintenance.price.index.value"].search_count([])

    def _value(self, index, month):
        return self.env["maintenance.price.index.value"].search(
            [("index_id", "=", index.id), ("month", "=", fields.Date.to_date(month))]
        )

    def test_semicolon_and_decimal_comma(self):
        action = self._import(
            "code;mois;valeur (€)\n"
            "T-BT47;2027-10;134,2\n"
            "t-bt47;2027-11;134,9;2028-02-15\n"
            "\n"
            "T-ICHT;2027-10;1 130,6\n",
            encoding="cp1252",
        )
        self.assertEqual(action["params"]["type"], "success")
        self.assertEqual(self._value(self.bt47, "2027-10-01").value, 134.2)
        november = self._value(self.bt47, "2027-11-01")
        self.assertEqual(november.value, 134.9)
        self.assertEqual(november.publication_date, fields.Date.to_date("2028-02-15"))
        self.assertEqual(self._value(self.icht, "2027-10-01").value, 1130.6)
        self.assertFalse(november.is_demo)

    def test_comma_and_decimal_point_idempotent(self):
        text = "T-BT47,2027-10,134.2\nT-BT47,2027-11,134.9\nT-BT47,2027-11,134.9\n"
        before = self._count()
        self._import(text)
        self.assertEqual(
            self._count(), before + 2, "the same month twice with the same value: once"
        )
        action = self._import(text)
        self.assertEqual(self._count(), before + 2, "loading the file again changes nothing")
        self.assertIn("0 index values imported", action["params"]["message"])
        # a figure already in the registry, same value: accepted, not duplicated
        self._import("T-SYNTEC;2027-10;281,1\nT-SYNTEC;2027-09;280,0\n")
        self.assertEqual(self._count(), before + 3)

    def _assert_refused(self, text, *expected):
        before = self._count()
        with self.assertRaises(UserError) as caught:
            self._import(text)
        message = str(caught.exception)
        for fragment in expected:
            self.assertIn(fragment, message)
        self.assertIn("nothing was stored", message)
        self.assertEqual(self._count(), before, "nothing stored")
        return message

    def test_unknown_index_refused_whole(self):
        self._assert_refused(
            "T-BT47;2027-10;134,2\nT-BT47;2027-11;134,9\nSYNTEK;2027-10;281,1\n",
            "Line 3: unknown index code SYNTEK",
        )

    def test_malformed_month_refused_whole(self):
        message = self._assert_refused(
            "T-BT47;2027-10;134,2\nT-BT47;10/2027;134,9\nT-BT47;2027-13;135,0\n",
            "Line 2: month 10/2027",
            "Line 3: month 2027-13",
        )
        self.assertNotIn("Line 1", message)

    def test_malformed_number_refused_whole(self):
        self._assert_refused(
            "T-BT47;2027-10;134,2\nT-BT47;2027-11;abc\nT-BT47;2027-12;-3\nT-BT47;2028-01;1.2.3\n",
            "Line 2: value abc",
            "Line 3: value -3",
            "Line 4: value 1.2.3",
        )

    def test_duplicate_month_in_file_refused_whole(self):
        self._assert_refused(
            "T-BT47;2027-10;134,2\nT-BT47;2027-11;134,9\nT-BT47;2027-10;135,0\n",
            "Lines 1 and 3: two different values for T-BT47 2027-10",
        )

    def test_month_already_known_with_another_value_refused_whole(self):
        self._assert_refused(
            "T-BT47;2027-10;134,2\nT-SYNTEC;2027-10;282,0\n",
            "Line 2: T-SYNTEC 2027-10 is already 281.1 in the registry, the file says 282.0",
        )
        self.assertEqual(self._value(self.syntec, "2027-10-01").value, 281.1)

    def test_every_fault_listed_at_once(self):
        message = self._assert_refused(
            "code;month;value\nT-BT47;2027-10;134,2\nNOPE;2027-10;1\nT-BT47;2027-1;2\nT-BT47;2027-12\n",
            "Line 3: unknown index code NOPE",
            "Line 4: month 2027-1",
            "Line 5: 2 columns",
        )
        self.assertNotIn("Line 2:", message)

    def test_quarterly_index_months(self):
        quarterly = self.env["maintenance.price.index"].create(
            {"code": "T-QUARTER", "name": "Quarterly (test)", "frequency": "quarterly"}
        )
        self._assert_refused(
            "T-QUARTER;2027-10;101,5\nT-QUARTER;2027-11;102\n",
            "Line 2: index T-QUARTER is quarterly",
        )
        self._import("T-QUARTER;2027-10;101,5\n")
        self.assertEqual(quarterly.last_value, 101.5)

    def test_file_too_large_refused(self):
        before = self._count()
        line = "T-BT47;2027-10;134,2\n"
        text = line * (1024 * 1024 // len(line) + 10)
        wizard = (
            self.env["maintenance.price.index.import"]
            .with_user(self.admin)
            .create({"file": base64.b64encode(text.encode()), "filename": "big.csv"})
        )
        with self.assertRaisesRegex(UserError, "The file is too large"):
            wizard.action_import()
        self.assertEqual(self._count(), before)
