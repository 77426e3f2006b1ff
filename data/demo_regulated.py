# Copyright 2026 Seed maintainers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Demo regulated equipment: a residence of the syndic with a lift, gas
boilers, extinguishers, a fire alarm, a gas-fired ventilation, a split air
conditioner charged with R410A and a cold room with R404A, under one
contract on the regulated presets; a boiler service already done (its
certificate issued and in the logbook) and a few logbook entries taken over
from the former maintainer.

Called at the end of ``data/demo.py``; idempotent like it (a marker record
``maintenance_demo.regulated_loaded``)."""

from datetime import date, timedelta

from dateutil.relativedelta import relativedelta

from odoo import fields
from odoo.fields import Command

# key, name, brand, model, location, preset, installed on, refrigerant, kg
EQUIPMENT = [
    ("asc", "Ascenseur bâtiment A", "Schindler", "3300", "Bâtiment A, gaine centrale",
     "lift", date(2021, 4, 12), None, 0.0),
    ("chaud_g3", "Chaudière gaz appartement G3", "Saunier Duval", "ThemaPlus Condens 25 kW",
     "Bâtiment G, 3e étage, cuisine", "boiler", date(2019, 10, 3), None, 0.0),
    ("chaud_g5", "Chaudière gaz appartement G5", "Frisquet", "Hydromotrix 25 kW",
     "Bâtiment G, 5e étage, cellier", "boiler", date(2017, 2, 20), None, 0.0),
    ("ext", "Extincteurs parties communes (8)", "Sicli", "Eau pulvérisée 6 L",
     "Halls A et G, parking", "extinguisher", date(2018, 11, 6), None, 0.0),
    ("ssi", "Alarme incendie type 4 parking", "Legrand", "Type 4 radio",
     "Parking souterrain", "fire_alarm", date(2020, 5, 15), None, 0.0),
    ("vmcg", "VMC gaz collective bâtiment G", "Aldes", "VEC 400 gaz",
     "Toiture bâtiment G", "vmc_gas", date(2012, 9, 1), None, 0.0),
    ("split", "Climatiseur split loge du gardien", "Daikin", "FTXM35R",
     "Loge du gardien", "fgas", date(2016, 6, 1), "refrigerant_r410a", 4.2),
    ("froid", "Chambre froide local poubelles", "Frigoblock", "FK 25",
     "Sous-sol, local poubelles", "fgas", date(2015, 3, 10), "refrigerant_r404a", 15.0),
]  # fmt: skip
TAKEN_OVER = [
    (
        "asc",
        (
            "Reprise du carnet d'entretien : dernier contrôle technique le 12/04/2026 par "
            "Bureau Veritas, sans observation."
        ),
    ),
    (
        "ext",
        (
            "Reprise du registre de sécurité : vérification annuelle du 06/11/2025 par "
            "le précédent prestataire, 8 appareils conformes."
        ),
    ),
    (
        "froid",
        (
            "Reprise du registre : contrôle d'étanchéité du 10/03/2026, aucune fuite, "
            "charge R404A 15 kg."
        ),
    ),
]


def load(loader):
    """Create the demo regulated equipment with ``loader`` (data/demo.py's Loader)."""
    env = loader.env
    if env.ref("maintenance_demo.regulated_loaded", raise_if_not_found=False):
        return 0
    ref = env.ref
    customer = loader.ref("customer_horizon")
    if not customer.email:
        customer.email = "gestion@horizon-immobilier.fr"
    company = ref("base.main_company")
    if not company.fgas_certificate_number:
        company.fgas_certificate_number = "FR-AC-069-2024-00417"
    site = loader.ensure(
        "maintenance.site",
        "site_montchat",
        {
            "name": "Résidence Le Parc Montchat",
            "customer_id": customer.id,
            "street": "21 rue Charles Richard",
            "zip": "69003",
            "city": "Lyon",
            "country_id": ref("base.fr").id,
            "partner_latitude": 45.7553,
            "partner_longitude": 4.8856,
        },
    )
    equipment = {}
    for key, name, brand, model, location, _preset, installed, refrigerant, kg in EQUIPMENT:
        equipment[key] = loader.ensure(
            "maintenance.customer.equipment",
            f"equipment_montchat_{key}",
            {
                "name": name,
                "site_id": site.id,
                "brand": brand,
                "model": model,
                "location": location,
                "installation_date": installed,
                "serial_number": f"MONT-{key.upper()}-{installed.year}",
                "refrigerant_id": ref(f"maintenance_contracts.{refrigerant}").id
                if refrigerant
                else False,
                "refrigerant_charge": kg,
            },
        )
    today = fields.Date.context_today(env["res.users"])
    start = today.replace(day=1)
    product = env["product.product"].search([("type", "=", "service")], limit=1) or env[
        "product.product"
    ].create({"name": "Entretien réglementaire", "type": "service", "list_price": 0.0})
    prices = {"lift": 2400.0, "boiler": 140.0, "extinguisher": 96.0, "fire_alarm": 380.0,
              "vmc_gas": 650.0, "fgas": 220.0}  # fmt: skip
    contract = loader.ensure(
        "contract.contract",
        "c_montchat",
        {
            "name": "Maintenance réglementaire Le Parc Montchat",
            "partner_id": customer.id,
            "site_id": site.id,
            "is_maintenance": True,
            "contract_type": "sale",
            "user_id": loader.ref("user_sophie").id,
            "date_start": start,
            "recurring_rule_type": "yearly",
            "recurring_interval": 1,
            "recurring_invoicing_type": "pre-paid",
            "contract_line_ids": [
                Command.create(
                    {
                        "product_id": product.id,
                        "name": f"Entretien réglementaire {equipment[key].name}",
                        "quantity": 1,
                        "price_unit": prices[preset],
                        "equipment_id": equipment[key].id,
                        "warranty_type_id": ref(
                            f"maintenance_contracts.warranty_type_reg_{preset}"
                        ).id,
                        # the boiler of G3 was serviced today: its first visit
                        "first_visit_date": today
                        if key == "chaud_g3"
                        else start + relativedelta(months=1),
                    }
                )
                for key, _n, _b, _m, _l, preset, _i, _r, _k in EQUIPMENT
            ],
        },
    )
    contract.action_maintenance_validate()
    sophie, julien = loader.ref("user_sophie"), loader.ref("user_julien")
    Entry = env["maintenance.logbook.entry"].with_user(sophie)
    Entry.create(
        [
            {
                "equipment_id": equipment[key].id,
                "entry_type": "note",
                "name": text,
            }
            for key, text in TAKEN_OVER
        ]
    )
    # the yearly service of the G3 boiler, done today by Julien: the
    # certificate is issued, attached, e-mailed and logged
    visit = contract.visit_ids.filtered(
        lambda v: v.equipment_id == equipment["chaud_g3"] and v.due_date == today
    )
    if visit:
        wizard = (
            env["maintenance.visit.plan"]
            .with_user(sophie)
            .create(
                {
                    "visit_ids": [Command.set(visit.ids)],
                    "user_ids": [Command.set(julien.ids)],
                    "planned_start": fields.Datetime.now() - timedelta(hours=3),
                }
            )
        )
        wizard.action_plan()
        task = visit.intervention_id.task_ids.with_user(julien)
        task.checklist_ids.write({"result": "done"})
        task.write(
            {
                "certificate_efficiency": 96.4,
                "certificate_co_ppm": 2.0,
                "certificate_nox": 38.0,
                "certificate_advice": "Chaudière en bon état. Pensez à purger les radiateurs "
                "en début de saison de chauffe ; robinet thermostatique du séjour à remplacer.",
                "work_summary": "Entretien annuel : nettoyage du corps de chauffe et du "
                "brûleur, contrôle des sécurités, analyse de combustion.",
                "customer_signer_name": "Mme Lambert",
            }
        )
        task.action_done()
    loader.ensure("res.partner", "regulated_loaded", {"name": "Demo marker", "active": False})
    return loader.created
