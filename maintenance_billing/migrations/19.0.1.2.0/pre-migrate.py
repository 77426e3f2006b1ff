# Copyright 2026 Seed maintainers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.tools import SQL
from odoo.tools.sql import column_exists, create_column


def _fill(cr, column, sources):
    """account_move.<column> = the lowest id the move's lines give."""
    cr.execute(
        SQL(
            """
            UPDATE account_move m
               SET %(column)s = s.value
              FROM (SELECT move_id, MIN(value) AS value
                      FROM (%(sources)s) AS sources(move_id, value)
                     WHERE value IS NOT NULL
                     GROUP BY move_id) s
             WHERE s.move_id = m.id
            """,
            column=SQL.identifier(column),
            sources=SQL(" UNION ALL ").join(sources),
        )
    )


def migrate(cr, version):
    """The invoices' contract and site (stored to group invoices by them):
    the columns are filled here in two statements, as the fields compute
    them (the lowest id among those the invoice's lines bill), instead of
    the ORM computing them invoice by invoice on a large account_move."""
    if not version:
        return
    for column in ("maintenance_contract_id", "maintenance_site_id"):
        if not column_exists(cr, "account_move", column):
            create_column(cr, "account_move", column, "int4")
    _fill(
        cr,
        "maintenance_contract_id",
        [
            SQL(
                "SELECT l.move_id, cl.contract_id FROM account_move_line l"
                " JOIN contract_line cl ON cl.id = l.contract_line_id"
            ),
            SQL("SELECT move_id, maintenance_contract_id FROM account_move_line"),
        ],
    )
    sites = [
        SQL(
            "SELECT l.move_id, cc.site_id FROM account_move_line l"
            " JOIN contract_line cl ON cl.id = l.contract_line_id"
            " JOIN contract_contract cc ON cc.id = cl.contract_id"
        ),
        SQL("SELECT move_id, maintenance_site_id FROM account_move_line"),
    ]
    if column_exists(cr, "sale_order", "maintenance_site_id"):
        # the invoice of a quotation bills the quotation's site
        sites.append(
            SQL(
                "SELECT l.move_id, so.maintenance_site_id FROM account_move_line l"
                " JOIN sale_order_line_invoice_rel r ON r.invoice_line_id = l.id"
                " JOIN sale_order_line sol ON sol.id = r.order_line_id"
                " JOIN sale_order so ON so.id = sol.order_id"
            )
        )
    _fill(cr, "maintenance_site_id", sites)
