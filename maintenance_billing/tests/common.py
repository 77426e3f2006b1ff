# Copyright 2026 Seed maintainers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""A customer with a maintenance contract on a boiler, a business-hours
calendar 08:00-18:00 Monday to Friday (Paris) with 14 July 2026 as a public
holiday, prices chosen so that every figure of the tests is computed by hand:

- labour 62.50 € an hour (list price of the labour product);
- out-of-hours surcharge 50 %: 31.25 € per out-of-hours hour;
- travel: flat fee of the sector 45.00 €, or 30 km at 0.60 € = 18.00 €;
- the part: list price 100.00 €, 89.90 € on the customer's pricelist;
- labour per started quarter hour, one hour minimum."""

from datetime import datetime

import pytz

from odoo import Command
from odoo.tests import new_test_user

from odoo.addons.maintenance_contracts.tests.common import MaintenanceCommon

# the seller of the document tests: a French company with its legal identity
FRENCH_SELLER = {
    "name": "Thermi-Services Rhône",
    "street": "18 rue de la Villette",
    "zip": "69003",
    "city": "Lyon",
    "company_registry": "812 345 676 00017",
    "vat": "FR19812345676",
    "maintenance_legal_form": "SAS",
    "maintenance_share_capital": 150000.0,
    "maintenance_trade_register": "RCS Lyon 812 345 676",
    "email": "contact@thermi-services-rhone.fr",
}


def dress_french_seller(env, company):
    """``company`` as a French seller (FRENCH_SELLER), and the French terms
    of maintenance_billing loaded: what the invoice and quotation tests print."""
    env["res.lang"]._activate_lang("fr_FR")
    env["ir.module.module"]._load_module_terms(["maintenance_billing"], ["fr_FR"])
    company.write(dict(FRENCH_SELLER, country_id=env.ref("base.fr").id))


PARIS = pytz.timezone("Europe/Paris")


def utc(local):
    """A naive UTC datetime from a Paris wall-clock 'YYYY-MM-DD HH:MM'."""
    moment = PARIS.localize(datetime.strptime(local, "%Y-%m-%d %H:%M"))
    return moment.astimezone(pytz.utc).replace(tzinfo=None)


class BillingCommon(MaintenanceCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, tz="Europe/Paris"))
        company = cls.company
        company.write(
            {
                "maintenance_billing_rounding": 15,
                "maintenance_billing_minimum_hours": 1.0,
                "maintenance_billing_travel_mode": "flat",
                "maintenance_billing_km_rate": 0.60,
                "maintenance_billing_after_hours_surcharge": 50.0,
            }
        )
        cls.labour_product = company.maintenance_labour_product_id
        cls.travel_product = company.maintenance_travel_product_id
        cls.surcharge_product = company.maintenance_surcharge_product_id
        cls.labour_product.list_price = 62.50
        cls.sector.write({"travel_flat_fee": 45.0, "travel_distance_km": 30.0})
        cls.wear_categ = cls.env["product.category"].create({"name": "Pièces d'usure"})
        cls.part = cls.env["product.product"].create(
            {
                "name": "Vase d'expansion 18 L",
                "type": "consu",
                "list_price": 100.0,
                "default_code": "VE18",
            }
        )
        cls.gasket = cls.env["product.product"].create(
            {
                "name": "Joint de brûleur",
                "type": "consu",
                "list_price": 12.0,
                "categ_id": cls.wear_categ.id,
            }
        )
        # the Pricelists setting: without it Odoo applies no customer pricelist
        cls.env.ref("base.group_user").implied_ids = [
            Command.link(cls.env.ref("product.group_product_pricelist").id)
        ]
        cls.pricelist = cls.env["product.pricelist"].create(
            {
                "name": "Tarif syndic",
                "currency_id": company.currency_id.id,
                "item_ids": [
                    Command.create(
                        {
                            "applied_on": "0_product_variant",
                            "product_id": cls.part.id,
                            "compute_price": "fixed",
                            "fixed_price": 89.90,
                        }
                    )
                ],
            }
        )
        cls.customer.write(
            {
                "street": "4 place Bellecour",
                "zip": "69002",
                "city": "Lyon",
                "country_id": cls.env.ref("base.fr").id,
                "property_product_pricelist": cls.pricelist.id,
            }
        )
        cls.calendar = cls.env["resource.calendar"].create(
            {
                "name": "Heures ouvrées 8 h - 18 h",
                "tz": "Europe/Paris",
                "company_id": company.id,
                "attendance_ids": [
                    Command.create(
                        {
                            "name": f"Jour {day}",
                            "dayofweek": str(day),
                            "hour_from": 8.0,
                            "hour_to": 18.0,
                            "day_period": "full_day",
                        }
                    )
                    for day in range(5)
                ],
            }
        )
        cls.env["resource.calendar.leaves"].create(
            {
                "name": "Fête nationale",
                "calendar_id": cls.calendar.id,
                "company_id": company.id,
                "date_from": utc("2026-07-14 00:00"),
                "date_to": utc("2026-07-14 23:59"),
            }
        )
        cls.wtype = cls.env["maintenance.warranty.type"].create(
            {
                "name": "Contrat tout compris test",
                "code": "TEST-TC",
                "visit_interval_unit": "none",
                "covers_labour": True,
                "covers_parts": True,
                "covers_travel": True,
                "covers_after_hours": True,
            }
        )
        cls.boiler = cls._create_equipment(1, name="Chaudière gaz")
        cls.contract = cls._create_contract(
            [(cls.boiler, cls.wtype, {})],
            date_start="2026-01-01",
            maintenance_calendar_id=cls.calendar.id,
        )
        cls.contract.action_maintenance_validate()
        cls.env.ref("base.user_root").tz = "Europe/Paris"
        for user in (cls.technician, cls.manager, cls.accountant, cls.admin):
            user.tz = "Europe/Paris"
        cls.technician2 = new_test_user(
            cls.env,
            login="mb_technician2",
            name="Karim Benali",
            groups="maintenance_contracts.group_maintenance_technician",
            tz="Europe/Paris",
        )

    @classmethod
    def _done_dossier(
        cls, pairs, *, parts=(), contract=None, site=None, equipment=None, close=True
    ):
        """A dossier with one task done by the technician(s) of ``pairs``
        ([(technician, 'YYYY-MM-DD HH:MM' arrival, departure)], Paris time)
        and ``parts`` ([(product, quantity)]); closed by the manager."""
        contract = cls.contract if contract is None else contract
        site = site or cls.site
        equipment = cls.boiler if equipment is None else equipment
        users = cls.env["res.users"].union(*(user for user, _in, _out in pairs))
        dossier = cls.env["maintenance.intervention"].create(
            {
                "intervention_type": "corrective",
                "site_id": site.id,
                "contract_id": contract.id,
                "equipment_ids": [Command.set(equipment.ids)],
            }
        )
        first = min(arrival for _user, arrival, _departure in pairs)
        task = cls.env["maintenance.task"].create(
            {
                "name": "Dépannage chaudière",
                "intervention_id": dossier.id,
                "user_ids": [Command.set(users.ids)],
                "planned_start": utc(first),
                "duration": 2.0,
            }
        )
        cls.env["maintenance.task.checkin"].create(
            [
                {
                    "task_id": task.id,
                    "user_id": user.id,
                    "check_in": utc(arrival),
                    "check_out": utc(departure),
                }
                for user, arrival, departure in pairs
            ]
        )
        if parts:
            cls.env["maintenance.task.part"].create(
                [
                    {"task_id": task.id, "product_id": product.id, "quantity": quantity}
                    for product, quantity in parts
                ]
            )
        task.write({"state": "done"})
        if close:
            dossier.with_user(cls.manager).action_done()
        return dossier

    def _lines(self, dossier, kind):
        return dossier.billing_line_ids.filtered(lambda line: line.kind == kind)
