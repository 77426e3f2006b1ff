# Copyright 2026 Seed maintainers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Demo quotations from the field. Yesterday Julien repaired a boiler of the
Résidence Les Tilleuls and Karim checked the fire detection of the Hôtel de
ville; each proposed on his phone the parts to replace. Sophie, the
operations manager, turned them into quotations: the syndic signed the
first (its dossier of work is created, to plan; the boiler's parts are
covered by the contract and show at zero, the ventilation's belts are not),
the town hall has not answered the second yet. This morning Lucas proposed
a part that is still to quote.

Called at the end of ``data/demo.py``; idempotent like it (a marker record
``maintenance_demo.sale_loaded``)."""

from datetime import date, datetime, time, timedelta

from odoo import fields
from odoo.fields import Command

# (equipment key, part reference of the catalogue, quantity, why)
ACCEPTED_PARTS = [
    ("tilleuls_chaud1", "PD-VEX-025", 1, "Vase d'expansion à plat : membrane percée"),
    ("tilleuls_chaud1", "PD-SOU-3B", 1, "Soupape qui goutte à 2,2 bar"),
    ("tilleuls_vmc", "PD-COU-1250", 2, "Courroies du caisson VMC craquelées"),
]
PENDING_PARTS = [
    ("hdv_ssi", "PD-SSI-DOF", 4, "Détecteurs encrassés au 2e étage, hors tolérance au test"),
]


def load(loader):
    """Create the demo proposals and quotations with ``loader`` (data/demo.py's Loader)."""
    env = loader.env
    if "maintenance.part.proposal" not in env or env.ref(
        "maintenance_demo.sale_loaded", raise_if_not_found=False
    ):
        return 0
    created = loader.created
    sophie = loader.ref("user_sophie")
    labour = env.ref("maintenance_billing.product_maintenance_labour", raise_if_not_found=False)
    if not labour:
        labour = loader.ensure(
            "product.product",
            "product_labour_hour",
            {
                "name": "Main d'œuvre technicien (heure)",
                "default_code": "MO-H",
                "type": "service",
                "list_price": 65.0,
                "uom_id": env.ref("uom.product_uom_hour").id,
            },
        )
    yesterday = datetime.combine(date.today() - timedelta(days=1), time(8, 0))
    accepted = _quotation(
        loader,
        sophie,
        site_key="tilleuls",
        technician_key="julien",
        title="Chaudière 1 en sécurité, pression basse",
        parts=ACCEPTED_PARTS,
        work=(labour, 2.0),
        start=yesterday,
    )
    pending = _quotation(
        loader,
        sophie,
        site_key="hotel_ville",
        technician_key="karim",
        title="Essais de la détection incendie, 2e étage",
        parts=PENDING_PARTS,
        work=(labour, 1.5),
        start=yesterday + timedelta(hours=3),
    )
    (accepted | pending).action_quotation_sent()
    # signed by the syndic's manager (what the portal signature records), then confirmed
    accepted.sudo().write({"signed_by": "Nadia Perrin", "signed_on": fields.Datetime.now()})
    accepted.action_confirm()
    # a part proposed this morning on an open task, still to quote
    task = env["maintenance.task"].search(
        [
            ("state", "in", ("todo", "in_progress")),
            ("user_ids", "!=", False),
            ("equipment_ids.name", "ilike", "chaudière"),
        ],
        order="planned_start, id",
        limit=1,
    )
    if task:
        env["maintenance.part.proposal"].with_user(task.user_ids[0]).create(
            {
                "task_id": task.id,
                "product_id": loader.ref("product_pd_prs_air").id,
                "quantity": 1,
                "equipment_id": task.equipment_ids[:1].id,
                "note": "Pressostat air qui décroche par intermittence",
            }
        )
    loader.ensure("res.partner", "sale_loaded", {"name": "Demo marker", "active": False})
    return loader.created - created


def _quotation(loader, manager, *, site_key, technician_key, title, parts, work, start):
    """A corrective dossier of yesterday on the site, whose technician
    proposes ``parts`` and ``work`` before closing it; the manager quotes them."""
    env = loader.env
    technician = loader.ref(f"user_{technician_key}")
    equipment = {key: loader.ref(f"equipment_{key}") for key, _code, _qty, _note in parts}
    manager_env = env(user=manager)
    site = loader.ref(f"site_{site_key}")
    contract = env["contract.contract"].search(
        [("site_id", "=", site.id), ("is_maintenance", "=", True)], limit=1
    )
    dossier = manager_env["maintenance.intervention"].create(
        {
            "intervention_type": "corrective",
            "site_id": site.id,
            "contract_id": contract.id,
            "equipment_ids": [Command.set([eq.id for eq in equipment.values()])],
            "description": f"<p>{title}</p>",
        }
    )
    task = manager_env["maintenance.task"].create(
        {
            "name": title,
            "intervention_id": dossier.id,
            "user_ids": [Command.set(technician.ids)],
            "planned_start": start,
            "planned_end": start + timedelta(hours=2),
            "duration": 2.0,
            "equipment_ids": [Command.set(dossier.equipment_ids.ids)],
        }
    )
    product, hours = work
    proposals = (
        env["maintenance.part.proposal"]
        .with_user(technician)
        .create(
            [
                {
                    "task_id": task.id,
                    "product_id": loader.ref("product_" + code.lower().replace("-", "_")).id,
                    "quantity": quantity,
                    "equipment_id": equipment[key].id,
                    "note": note,
                }
                for key, code, quantity, note in parts
            ]
            + [
                {
                    "task_id": task.id,
                    "product_id": product.id,
                    "quantity": hours,
                    "note": "Remplacement et remise en service",
                }
            ]
        )
    )
    task.with_user(technician).write(
        {
            "work_summary": "Mise en sécurité, pièces à remplacer proposées au client.",
            "state": "done",
        }
    )
    dossier.action_done()
    action = proposals.with_user(manager).action_create_quotation()
    loader.created += 2 + len(proposals) + 1
    return env["sale.order"].with_user(manager).browse(action["res_id"])
