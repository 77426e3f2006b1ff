# Copyright 2026 Seed maintainers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Open an Odoo environment on a database from a command line script."""

import argparse
import contextlib
import time

import odoo
from odoo.tools import config


def parser(description):
    args = argparse.ArgumentParser(description=description)
    args.add_argument("-c", "--config", required=True, help="Odoo configuration file")
    args.add_argument("-d", "--database", required=True)
    return args


@contextlib.contextmanager
def environment(options, commit=False):
    """An environment as superuser; rolled back at the end unless ``commit``."""
    config.parse_config(["-c", options.config, "-d", options.database])
    registry = odoo.modules.registry.Registry(options.database)
    with registry.cursor() as cr:
        env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {"tracking_disable": True})
        try:
            yield env
        finally:
            if commit:
                cr.commit()
            else:
                cr.rollback()


class Measure:
    """Wall time and SQL queries of a block."""

    def __init__(self, cr):
        self.cr = cr
        self.seconds = self.queries = 0

    def __enter__(self):
        self._start = time.perf_counter()
        self._queries = self.cr.sql_log_count
        return self

    def __exit__(self, *exc):
        self.seconds = time.perf_counter() - self._start
        self.queries = self.cr.sql_log_count - self._queries
