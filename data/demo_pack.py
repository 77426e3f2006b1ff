# Copyright 2026 Seed maintainers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Demo customer reports: three contracts send theirs by e-mail (two every
month, one every year), and a report of the last twelve months for the
Syndic Horizon Immobilier waits in *Reporting > Customer reports*, ready to
print or send.

Called at the end of ``data/demo.py``; idempotent like it (the external id
``maintenance_demo.pack_horizon``)."""

from dateutil.relativedelta import relativedelta

from odoo import fields

FREQUENCIES = {"c_tilleuls": "monthly", "c_clinique": "monthly", "c_hotel_ville": "yearly"}


def load(loader):
    """Create the demo report pack with ``loader`` (data/demo.py's Loader)."""
    env = loader.env
    if env.ref("maintenance_demo.pack_horizon", raise_if_not_found=False):
        return 0
    for key, frequency in FREQUENCIES.items():
        loader.ref(key).customer_pack_frequency = frequency
    today = fields.Date.context_today(env["maintenance.customer.pack"])
    last_month_end = today + relativedelta(day=1, days=-1)
    customer = loader.ref("customer_horizon")
    before = loader.created
    loader.ensure(
        "maintenance.customer.pack",
        "pack_horizon",
        {
            "customer_id": customer.id,
            "date_from": last_month_end + relativedelta(months=-11, day=1),
            "date_to": last_month_end,
        },
    )
    return loader.created - before
