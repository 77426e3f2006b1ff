# Copyright 2026 Seed maintainers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""19.0.2.0.0: the price revision (formulas, indices, yearly revisions and
their letters) leaves maintenance_contracts for maintenance_price_revision
(issue 25): a database that had it keeps it, and the same update installs
that add-on (``maintenance_contracts/upgrade.py``)."""

from pathlib import Path

from odoo.addons.maintenance_contracts.upgrade import move_to_addons


def migrate(cr, version):
    if not version:
        return
    move_to_addons(cr, "maintenance_contracts", Path(__file__).parent / "moved_xmlids.json")
