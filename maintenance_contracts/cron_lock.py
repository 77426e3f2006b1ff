"""Batches of a scheduled job that two runs cannot take at the same time.

Odoo's ``ir.cron`` already refuses to start a job twice (its row is locked
``FOR NO KEY UPDATE SKIP LOCKED`` while it runs, "Run manually" answers
"already executing"), but the same work can also be started by a button, a
shell or a second server calling the method directly. Every generation job of
ours therefore takes its batch with :func:`lock_batch`: one statement that
selects the next records of the domain and locks them, skipping those another
transaction holds. The job then writes those records (a flag, a date), so a
run whose snapshot predates the other's commit fails to lock them
(serialization failure, nothing written) instead of doing the work twice.
"""

from odoo.tools import SQL


def lock_batch(model, domain, limit=None, order="id"):
    """The first ``limit`` records of ``domain`` (in ``order``) that no other
    transaction holds, locked until the end of this transaction."""
    query = model._search(domain, order=order, limit=limit)
    rows = model.env.execute_query(
        SQL(
            "%s FOR NO KEY UPDATE OF %s SKIP LOCKED",
            query.select(),
            SQL.identifier(model._table),
        )
    )
    return model.browse([row[0] for row in rows])
