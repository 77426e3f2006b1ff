# Copyright 2026 Seed maintainers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Demo out-of-contract billing: the company's billing settings, travel fees
per sector, and closed dossiers to bill: covered by the contract, partly
covered (parts of a preventive-only contract), out of contract (a bakery
with no contract), out of hours (a Saturday call-out); two of them invoiced,
the invoice posted.

Called at the end of ``data/demo.py`` (after ``demo_requests``, whose
out-of-contract bakery it uses); idempotent (marker
``maintenance_demo.billing_loaded``)."""

from datetime import date, datetime, time, timedelta

import pytz

from odoo.fields import Command

PARIS = pytz.timezone("Europe/Paris")
# sector key -> (flat travel fee, round trip in km)
TRAVEL = {
    "lyon_centre": (35.0, 12.0),
    "lyon_est": (39.0, 18.0),
    "villeurbanne": (42.0, 20.0),
    "ouest": (55.0, 36.0),
}


def _utc(day, hour, minute=0):
    local = PARIS.localize(datetime.combine(day, time(hour, minute)))
    return local.astimezone(pytz.utc).replace(tzinfo=None)


def _weekday_before(today, weekday, weeks):
    """The ``weekday`` (0 = Monday) ``weeks`` weeks before ``today``."""
    day = today - timedelta(weeks=weeks)
    return day - timedelta(days=(day.weekday() - weekday) % 7)


def load(loader):
    """Create the demo billing with ``loader`` (data/demo.py's Loader)."""
    env = loader.env
    if env.ref("maintenance_demo.billing_loaded", raise_if_not_found=False):
        return 0
    company = env.ref("base.main_company")
    company.write(
        {
            "maintenance_billing_rounding": 15,
            "maintenance_billing_minimum_hours": 1.0,
            "maintenance_billing_travel_mode": "flat",
            "maintenance_billing_km_rate": 0.65,
            "maintenance_billing_after_hours_surcharge": 50.0,
        }
    )
    company._maintenance_billing_product_taxes()
    company.maintenance_labour_product_id.list_price = 68.0
    for key, (fee, km) in TRAVEL.items():
        loader.ref(f"sector_{key}").write({"travel_flat_fee": fee, "travel_distance_km": km})
    # wear parts and consumables are billed even on full-cover contracts
    consumables = loader.ref("product_category_consumables")
    env.ref("maintenance_contracts.warranty_type_full_2").write(
        {
            "parts_coverage": "except_categories",
            "parts_excluded_categ_ids": [Command.set(consumables.ids)],
        }
    )
    julien, karim = loader.ref("user_julien"), loader.ref("user_karim")
    today = date.today()
    tilleuls = loader.ref("c_tilleuls")
    hotel_ville = loader.ref("c_hotel_ville")
    # the town hall's contract: Saturday call-outs billed with a 50 % surcharge
    hotel_ville.write({"after_hours_coverage": "surcharge", "after_hours_surcharge": 50.0})
    boulangerie = loader.ref("site_boulangerie")
    part = loader.ref("product_pd_cir_2560")
    belt = loader.ref("product_pd_cou_1250")
    gaskets = loader.ref("product_co_jnt_bru")
    dossiers = [
        # key, contract, site, equipment, title, technicians, day, start, end, parts
        (
            "bill_covered",
            tilleuls,
            tilleuls.site_id,
            loader.ref("equipment_tilleuls_chaud1"),
            "Chaudière 1 en sécurité : remplacement du circulateur",
            julien,
            _weekday_before(today, 1, 3),
            (9, 0),
            (11, 20),
            [(part, 1.0), (gaskets, 1.0)],
        ),
        (
            "bill_partly",
            tilleuls,
            tilleuls.site_id,
            loader.ref("equipment_tilleuls_vmc"),
            "VMC bruyante : courroie usée",
            karim,
            _weekday_before(today, 2, 2),
            (14, 0),
            (15, 10),
            [(belt, 2.0)],
        ),
        (
            "bill_out_of_contract",
            env["contract.contract"],
            boulangerie,
            env["maintenance.customer.equipment"],
            "Four : dépannage du brûleur (hors contrat)",
            julien,
            _weekday_before(today, 3, 2),
            (7, 30),
            (9, 15),
            [(gaskets, 1.0)],
        ),
        (
            "bill_out_of_hours",
            hotel_ville,
            hotel_ville.site_id,
            hotel_ville.contract_line_ids.equipment_id[:1],
            "Astreinte du samedi : centrale de traitement d'air à l'arrêt",
            karim,
            _weekday_before(today, 5, 1),
            (10, 0),
            (12, 30),
            [],
        ),
    ]
    created = {}
    for key, contract, site, equipment, title, technician, day, start, end, parts in dossiers:
        dossier = loader.ensure(
            "maintenance.intervention",
            key,
            {
                "intervention_type": "corrective",
                "site_id": site.id,
                "contract_id": contract.id,
                "equipment_ids": [Command.set(equipment.ids)],
                "user_id": loader.ref("user_sophie").id,
                "description": f"<p>{title}</p>",
            },
        )
        task = env["maintenance.task"].create(
            {
                "name": title,
                "intervention_id": dossier.id,
                "user_ids": [Command.set(technician.ids)],
                "planned_start": _utc(day, *start),
                "planned_end": _utc(day, *end),
                "work_summary": title,
            }
        )
        env["maintenance.task.checkin"].create(
            {
                "task_id": task.id,
                "user_id": technician.id,
                "check_in": _utc(day, *start),
                "check_out": _utc(day, *end),
            }
        )
        if parts:
            env["maintenance.task.part"].create(
                [
                    {"task_id": task.id, "product_id": product.id, "quantity": quantity}
                    for product, quantity in parts
                ]
            )
        task.checklist_ids.write({"result": "done"})
        task.write({"state": "done"})
        dossier.action_done()
        created[key] = dossier
    invoice = (
        created["bill_out_of_contract"] | created["bill_out_of_hours"]
    )._maintenance_create_invoices()
    invoice.filtered(lambda move: move.partner_id == boulangerie.customer_id).action_post()
    loader.ensure("res.partner", "billing_loaded", {"name": "Demo marker", "active": False})
    return loader.created
