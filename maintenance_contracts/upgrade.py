# Copyright 2026 Seed maintainers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Upgrade helpers shared by the migration scripts of our add-ons.

``move_to_addons``: when a feature leaves an add-on for an add-on of its own
(issue 25), a database that had it keeps it. The xml-ids of what moved
(models, fields, views, rules, crons, templates), with the selection values
of the moved fields and the SQL constraints of the moved models, are given
to the add-on that now defines them, so that updating the old add-on deletes
none of them (deleting a selection value would empty the records that use
it). The new add-ons are marked *to upgrade*, not *to install*: the same
update loads them in a further pass (Odoo loads the modules marked during
loading) as an update of what is already there — their tables, rows and
records keep their ids, and records the company changed in ``noupdate`` data
(formulas, crons, rules) are kept, where an install would load them again.
So an upgrade is ``-u`` of the installed add-ons first (``make setup`` does it
in this order), then ``-i`` of the add-ons that are still missing."""

import json
import logging
from pathlib import Path

from odoo.tools import SQL

_logger = logging.getLogger(__name__)


def move_to_addons(cr, module, moved_file):
    """Give the xml-ids listed in ``moved_file`` (JSON: {add-on: [names]})
    of ``module`` to their add-on, and mark those add-ons to upgrade."""
    moved = json.loads(Path(moved_file).read_text())
    for addon, names in moved.items():
        cr.execute(
            SQL(
                """
                UPDATE ir_model_data SET module = %(addon)s
                 WHERE module = %(module)s AND name = ANY(%(names)s)
                """,
                addon=addon,
                module=module,
                names=names,
            )
        )
        count = cr.rowcount
        # the selection values of the moved fields: field_<model>__<field>
        # -> selection__<model>__<field>__<value>
        patterns = [
            ("selection__" + name.removeprefix("field_") + "__").replace("_", "\\_") + "%"
            for name in names
            if name.startswith("field_")
        ]
        cr.execute(
            SQL(
                """
                UPDATE ir_model_data SET module = %(addon)s
                 WHERE module = %(module)s
                   AND model = 'ir.model.fields.selection'
                   AND name LIKE ANY(%(patterns)s)
                """,
                addon=addon,
                module=module,
                patterns=patterns,
            )
        )
        count += cr.rowcount
        # the SQL constraints of the moved models (their module too)
        models = [name.removeprefix("model_") for name in names if name.startswith("model_")]
        cr.execute(
            SQL(
                """
                UPDATE ir_model_data d SET module = %(addon)s
                  FROM ir_model_constraint c
                  JOIN ir_model m ON m.id = c.model
                 WHERE d.module = %(module)s
                   AND d.model = 'ir.model.constraint' AND d.res_id = c.id
                   AND replace(m.model, '.', '_') = ANY(%(models)s)
                """,
                addon=addon,
                module=module,
                models=models,
            )
        )
        count += cr.rowcount
        cr.execute(
            SQL(
                """
                UPDATE ir_model_constraint c
                   SET module = (SELECT id FROM ir_module_module WHERE name = %(addon)s)
                  FROM ir_model m
                 WHERE m.id = c.model AND replace(m.model, '.', '_') = ANY(%(models)s)
                   AND c.module = (
                       SELECT id FROM ir_module_module WHERE name = %(module)s
                   )
                """,
                addon=addon,
                module=module,
                models=models,
            )
        )
        cr.execute(
            SQL(
                """
                UPDATE ir_module_module SET state = 'to upgrade'
                 WHERE name = %(addon)s AND state IN ('uninstalled', 'to install')
                """,
                addon=addon,
                module=module,
            )
        )
        _logger.info("%s: %s records moved from %s", addon, count, module)
