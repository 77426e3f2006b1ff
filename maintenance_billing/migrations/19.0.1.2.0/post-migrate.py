# Copyright 2026 Seed maintainers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import SUPERUSER_ID, api
from odoo.tools import SQL


def migrate(cr, version):
    """Dossiers invoiced on an invoice that a posted credit note reverses in
    part were left « Invoiced »: their status is computed again (« Partially
    credited »). Only those dossiers, found in one query."""
    if not version:
        return
    cr.execute(
        SQL(
            """
            SELECT DISTINCT b.intervention_id
              FROM maintenance_billing_line b
              JOIN account_move credit_note ON credit_note.reversed_entry_id = b.invoice_id
             WHERE credit_note.state = 'posted'
            """
        )
    )
    ids = [row[0] for row in cr.fetchall()]
    if not ids:
        return
    env = api.Environment(cr, SUPERUSER_ID, {})
    dossiers = env["maintenance.intervention"].browse(ids)
    env.add_to_compute(dossiers._fields["billing_status"], dossiers)
    dossiers.flush_recordset()
