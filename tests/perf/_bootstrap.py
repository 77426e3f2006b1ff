# Copyright 2026 Seed maintainers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
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


def create_maintenance_contracts(env, count, per_site, warranty_type, tag="bench"):
    """``count`` covered products (one piece of equipment each) on
    ``count / per_site`` sites, one contract per site (not measured).

    One create per contract, as the form does: OCA contract computes the
    lines' next invoice date from their own contract during its create."""
    # deferred import: Odoo is initialised by environment()
    from odoo import Command, fields  # noqa: PLC0415

    customer = env["res.partner"].create({"name": f"Bench {tag}", "is_company": True})
    product = env["product.product"].create({"name": f"Bench {tag}", "type": "service"})
    site_count = max(count // per_site, 1)
    sites = env["maintenance.site"].create(
        [
            {
                "name": f"Bench {tag} site {i}",
                "customer_id": customer.id,
                "zip": f"69{i % 1000:03d}",
            }
            for i in range(site_count)
        ]
    )
    equipment = env["maintenance.customer.equipment"].create(
        [{"name": f"Bench {tag} eq {i}", "site_id": sites[i % site_count].id} for i in range(count)]
    )
    by_site = {}
    for eq in equipment:
        by_site.setdefault(eq.site_id, []).append(eq)
    contracts = env["contract.contract"]
    for site, items in by_site.items():
        contracts |= env["contract.contract"].create(
            {
                "name": f"Bench {site.name}",
                "partner_id": customer.id,
                "site_id": site.id,
                "is_maintenance": True,
                "date_start": fields.Date.today(),
                "contract_line_ids": [
                    Command.create(
                        {
                            "product_id": product.id,
                            "name": eq.name,
                            "quantity": 1,
                            "price_unit": 100.0,
                            "equipment_id": eq.id,
                            "warranty_type_id": warranty_type.id,
                        }
                    )
                    for eq in items
                ],
            }
        )
    return contracts
