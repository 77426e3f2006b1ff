# Copyright 2026 Seed maintainers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from collections import defaultdict

from odoo import models

from ..quantities import format_number


class MaintenanceIntervention(models.Model):
    """The billing lines' figures: labour (with a yearly allowance of hours),
    out-of-hours surcharge, travel (the site's sector), and the prices of the
    customer's pricelist on the day of the work."""

    _inherit = "maintenance.intervention"

    def _maintenance_labour_values(
        self, rule, billed, *, product, price, label, common, hours_used
    ):
        """One labour line, or two when a yearly allowance of hours runs out."""
        values = {
            **common,
            "kind": "labour",
            "sequence": 10,
            "product_id": product.id,
            "name": label,
            "price_unit": price,
        }
        if not rule.covered:
            return [{**values, "quantity": billed, "covered_percent": 0.0, "reason": rule.reason}]
        if rule.labour == "covered":
            return [
                {
                    **values,
                    "quantity": billed,
                    "covered_percent": 100.0,
                    "reason": self.env._("Labour covered by %(rule)s", rule=rule.reason),
                }
            ]
        if rule.labour == "not_covered":
            return [
                {
                    **values,
                    "quantity": billed,
                    "covered_percent": 0.0,
                    "reason": self.env._("Labour not covered by %(rule)s", rule=rule.reason),
                }
            ]
        key = (rule.contract, common["date"].year)
        left = max(rule.labour_hours - hours_used[key], 0.0)
        covered = min(left, billed)
        hours_used[key] += covered
        result = []
        allowance = format_number(self.env, rule.labour_hours)
        if covered > 0:
            result.append(
                {
                    **values,
                    "quantity": covered,
                    "covered_percent": 100.0,
                    "reason": self.env._(
                        "Within the %(hours)s h of labour covered a year by %(rule)s",
                        hours=allowance,
                        rule=rule.reason,
                    ),
                }
            )
        if billed - covered > 0:
            result.append(
                {
                    **values,
                    "quantity": billed - covered,
                    "covered_percent": 0.0,
                    "reason": self.env._(
                        "Beyond the %(hours)s h of labour covered a year by %(rule)s",
                        hours=allowance,
                        rule=rule.reason,
                    ),
                }
            )
        return result

    def _maintenance_surcharge_values(self, rule, company, *, hours, labour_price, user, common):
        covered = rule.covered and rule.after_hours == "covered"
        percent = rule.surcharge or 0.0
        if covered:
            reason = self.env._("Out-of-hours work covered by %(rule)s", rule=rule.reason)
        elif rule.covered:
            reason = self.env._(
                "Out-of-hours work not covered by %(rule)s: surcharge of %(percent)s %%",
                rule=rule.reason,
                percent=format_number(self.env, percent),
            )
        else:
            reason = self.env._(
                "%(reason)s: out-of-hours surcharge of %(percent)s %%",
                reason=rule.reason,
                percent=format_number(self.env, percent),
            )
        return {
            **common,
            "kind": "surcharge",
            "sequence": 20,
            "product_id": company.maintenance_surcharge_product_id.id,
            "name": self.env._(
                "%(technician)s: %(hours)s h out of business hours (+%(percent)s %%)",
                technician=user.name,
                hours=format_number(self.env, hours),
                percent=format_number(self.env, percent),
            ),
            "quantity": hours,
            "price_unit": labour_price * percent / 100.0,
            "covered_percent": 100.0 if covered else 0.0,
            "reason": reason,
        }

    def _maintenance_travel_values(self, rule, dossier, prices, user, common):
        company = dossier.company_id
        sector = dossier.site_id.sector_id
        mode = rule.travel if rule.travel != "covered" else company.maintenance_billing_travel_mode
        product = company.maintenance_travel_product_id
        if not product:
            return None
        if mode == "km":
            quantity, price = sector.travel_distance_km, company.maintenance_billing_km_rate
            detail = self.env._(
                "%(km)s km (sector %(sector)s)",
                km=format_number(self.env, quantity),
                sector=sector.name or "-",
            )
        else:
            quantity, price = 1.0, sector.travel_flat_fee
            detail = self.env._("flat fee of sector %(sector)s", sector=sector.name or "-")
        if rule.travel == "covered" and rule.covered:
            reason, percent = self.env._("Travel covered by %(rule)s", rule=rule.reason), 100.0
        elif not sector:
            # billable, but no sector gives its fee or distance: said on the
            # line and on the dossier (billing_warning), not billed 0 € silently
            reason, percent = self._maintenance_no_sector_warning(dossier), 0.0
        elif rule.covered:
            reason, percent = (
                self.env._(
                    "Travel billed (%(detail)s) under %(rule)s", detail=detail, rule=rule.reason
                ),
                0.0,
            )
        else:
            reason, percent = rule.reason, 0.0
        return {
            **common,
            "kind": "travel",
            "sequence": 30,
            "product_id": product.id,
            "name": self.env._(
                "Travel of %(technician)s: %(detail)s", technician=user.name, detail=detail
            ),
            "quantity": quantity,
            "price_unit": price,
            "covered_percent": percent,
            "reason": reason,
        }

    def _maintenance_no_sector_warning(self, dossier):
        return self.env._(
            "Site %(site)s has no sector: its travel is billed 0 €. Choose the site's "
            "sector, then compute the lines again.",
            site=dossier.site_id.display_name,
        )

    def _maintenance_prices(self, parts):
        """A function (dossier, product, date) -> unit price of the product
        for the dossier's billed customer on the day of the work: the
        customer's pricelist as it was that day (a price changed since is not
        applied to past work), the product's sale price without one. One
        computation per pricelist and day for all the products."""
        products_by_company = defaultdict(lambda: self.env["product.product"])
        for dossier in self:
            company = dossier.company_id
            products_by_company[company] |= (
                company.maintenance_labour_product_id
                | company.maintenance_travel_product_id
                | company.maintenance_surcharge_product_id
            )
        for part in parts:
            products_by_company[part.company_id] |= part.product_id
        # the pricelists of all the billed customers, read at once per company
        pricelists = {}
        for company, dossiers in self.grouped("company_id").items():
            partners = dossiers.billing_partner_id.with_company(company)
            for partner in partners:
                pricelists[company, partner.id] = partner.property_product_pricelist
        computed = {}  # (company, pricelist, date) -> {product id: price}

        def price(dossier, product, on_date):
            company = dossier.company_id
            pricelist = pricelists.get((company, dossier.billing_partner_id.id))
            key = (company, pricelist, on_date)
            if key not in computed:
                products = products_by_company[company]
                computed[key] = (
                    pricelist.with_company(company)._get_products_price(products, 1.0, date=on_date)
                    if pricelist
                    else {item.id: item.lst_price for item in products}
                )
            return computed[key].get(product.id, 0.0)

        return price
