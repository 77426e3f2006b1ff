# Copyright 2026 Seed maintainers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""19.0.2.0.0: meters, sensors, customer requests, downtime, regulatory
documents and the offline phone leave maintenance_planning for add-ons of
their own (issue 25): a database that had them keeps them, and the same
update installs those add-ons (``maintenance_contracts/upgrade.py``)."""

from pathlib import Path

from odoo.addons.maintenance_contracts.upgrade import move_to_addons


def migrate(cr, version):
    if not version:
        return
    move_to_addons(cr, "maintenance_planning", Path(__file__).parent / "moved_xmlids.json")
