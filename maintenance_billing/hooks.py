# Copyright 2026 Seed maintainers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

PRODUCTS = {
    "maintenance_labour_product_id": "maintenance_billing.product_maintenance_labour",
    "maintenance_travel_product_id": "maintenance_billing.product_maintenance_travel",
    "maintenance_surcharge_product_id": "maintenance_billing.product_maintenance_after_hours",
}


def post_init_hook(env):
    """The existing companies bill labour, travel and surcharges with this
    add-on's products (new companies get them by default), with the service
    tax when their chart of accounts is already installed."""
    companies = env["res.company"].search([])
    for field, xmlid in PRODUCTS.items():
        companies.filtered(lambda company, f=field: not company[f])[field] = env.ref(xmlid)
    companies._maintenance_billing_product_taxes()
