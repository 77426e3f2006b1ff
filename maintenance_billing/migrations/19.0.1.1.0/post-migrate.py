# Copyright 2026 Seed maintainers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import SUPERUSER_ID
from odoo.tools import SQL


def migrate(cr, version):
    """Customer invoices that a scheduled action created before 19.0.1.1.0
    have OdooBot as salesperson: their e-mails would come from "OdooBot" and
    the portal names it as the seller. They get no salesperson (the company
    sends them) until an accountant chooses one."""
    if not version:
        return
    cr.execute(
        SQL(
            """
            UPDATE account_move
               SET invoice_user_id = NULL
             WHERE invoice_user_id = %s
               AND move_type IN ('out_invoice', 'out_refund', 'out_receipt')
            """,
            SUPERUSER_ID,
        )
    )
