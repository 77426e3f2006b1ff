# Copyright 2026 Seed maintainers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""19.0.2.0.0: meters, sensors, customer requests, downtime, regulatory
documents and the offline phone leave maintenance_planning for add-ons of
their own (issue 25). A database that had them keeps them:

- the xml-ids of what moved (models, fields, views, rules, crons, templates,
  listed in ``moved_xmlids.json``), with the selection values of the moved
  fields and the SQL constraints of the moved models, now belong to the add-on
  that defines them, so that updating planning deletes none of them (deleting
  a selection value would empty the records that use it);
- those add-ons are marked to install: the same update installs them, onto
  the tables and rows already there (Odoo loads the modules marked during
  loading in a further pass).

A database that never installed planning's features before (a fresh install)
has nothing to do: ``version`` is empty."""

import json
import logging
from pathlib import Path

from odoo.tools import SQL

_logger = logging.getLogger(__name__)


def migrate(cr, version):
    if not version:
        return
    moved = json.loads((Path(__file__).parent / "moved_xmlids.json").read_text())
    for addon, names in moved.items():
        cr.execute(
            SQL(
                """
                UPDATE ir_model_data SET module = %(addon)s
                 WHERE module = 'maintenance_planning' AND name = ANY(%(names)s)
                """,
                addon=addon,
                names=names,
            )
        )
        count = cr.rowcount
        # the selection values of the moved fields: field_<model>__<field>
        # -> selection__<model>__<field>__<value>
        prefixes = [
            "selection__" + name.removeprefix("field_") + "__"
            for name in names
            if name.startswith("field_")
        ]
        cr.execute(
            SQL(
                """
                UPDATE ir_model_data SET module = %(addon)s
                 WHERE module = 'maintenance_planning'
                   AND model = 'ir.model.fields.selection'
                   AND starts_with(name, ANY(%(prefixes)s))
                """,
                addon=addon,
                prefixes=prefixes,
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
                 WHERE d.module = 'maintenance_planning'
                   AND d.model = 'ir.model.constraint' AND d.res_id = c.id
                   AND replace(m.model, '.', '_') = ANY(%(models)s)
                """,
                addon=addon,
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
                       SELECT id FROM ir_module_module WHERE name = 'maintenance_planning'
                   )
                """,
                addon=addon,
                models=models,
            )
        )
        cr.execute(
            SQL(
                """
                UPDATE ir_module_module SET state = 'to install'
                 WHERE name = %(addon)s AND state = 'uninstalled'
                """,
                addon=addon,
            )
        )
        _logger.info("%s: %s records moved from maintenance_planning", addon, count)
