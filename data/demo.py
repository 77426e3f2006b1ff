#!/usr/bin/env python3
# Copyright 2026 Seed maintainers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Demo data: a believable French maintenance company, Thermi-Services Rhône
(Lyon), its users, customers, sites, equipment and running contracts.

Idempotent: every record carries an external id ``maintenance_demo.*``; a
second run creates nothing and says so.

    python3 data/demo.py -c var/maintenance.conf -d maintenance
"""

import argparse
import sys
from datetime import date, datetime, time, timedelta

import demo_requests  # data/demo_requests.py, beside this script

import odoo.api
import odoo.modules.registry
from odoo.fields import Command
from odoo.tools import config

MODULE = "maintenance_demo"

COMPANY = {
    "name": "Thermi-Services Rhône",
    "street": "18 rue de la Villette",
    "zip": "69003",
    "city": "Lyon",
    "phone": "+33 4 72 00 18 40",
    "email": "contact@thermi-services-rhone.fr",
    "website": "https://www.thermi-services-rhone.fr",
    "company_registry": "812 345 678 00021",
}

USERS = [
    # key, name, login, groups, salesperson code
    ("sophie", "Sophie Martin", "sophie", "maintenance_contracts.group_maintenance_manager", "SMA"),
    ("thomas", "Thomas Lefèvre", "thomas", "maintenance_contracts.group_maintenance_admin", "TLE"),
    (
        "julien",
        "Julien Moreau",
        "julien",
        "maintenance_contracts.group_maintenance_technician",
        None,
    ),
    ("karim", "Karim Benali", "karim", "maintenance_contracts.group_maintenance_technician", None),
    ("lucas", "Lucas Petit", "lucas", "maintenance_contracts.group_maintenance_technician", None),
    ("claire", "Claire Dubois", "claire", "account.group_account_invoice", None),
]

SECTORS = [
    ("lyon_centre", "Lyon Centre", "LYC", "julien"),
    ("lyon_est", "Lyon Est", "LYE", "karim"),
    ("villeurbanne", "Villeurbanne", "VIL", "karim"),
    ("ouest", "Ouest lyonnais", "OUE", "lucas"),
]

CUSTOMERS = [
    # key, name, street, zip, city, phone, origin
    (
        "horizon",
        "Syndic Horizon Immobilier",
        "5 place Bellecour",
        "69002",
        "Lyon",
        "+33 4 78 37 12 00",
        "contract_origin_takeover",
    ),
    (
        "villeurbanne",
        "Mairie de Villeurbanne",
        "Place Lazare Goujon",
        "69100",
        "Villeurbanne",
        "+33 4 78 03 67 67",
        "contract_origin_tender",
    ),
    (
        "clinique",
        "Clinique du Parc Lyon",
        "155 boulevard de Stalingrad",
        "69006",
        "Lyon",
        "+33 4 72 83 20 20",
        "contract_origin_direct",
    ),
    (
        "glycines",
        "Résidence Seniors Les Glycines",
        "24 chemin de Montessuy",
        "69300",
        "Caluire-et-Cuire",
        "+33 4 78 23 45 10",
        "contract_origin_renewal",
    ),
    (
        "celestins",
        "Hôtel des Célestins",
        "4 rue des Archers",
        "69002",
        "Lyon",
        "+33 4 72 56 08 98",
        "contract_origin_direct",
    ),
    (
        "ampere",
        "Lycée Ampère Saxe",
        "29 cours de la Liberté",
        "69003",
        "Lyon",
        "+33 4 78 95 13 11",
        "contract_origin_tender",
    ),
    (
        "boulangerie",
        "Boulangerie Pâtisserie Giraud SARL",
        "62 rue de la République",
        "69500",
        "Bron",
        "+33 4 78 26 31 44",
        "contract_origin_installation",
    ),
    (
        "bellecour",
        "Régie Bellecour Gestion",
        "11 quai Jules Courmont",
        "69002",
        "Lyon",
        "+33 4 72 41 98 30",
        "contract_origin_reseller",
    ),
]

SITES = [
    # key, customer, name, street, zip, city, lat, lon, sector, contact name
    (
        "tilleuls",
        "horizon",
        "Résidence Les Tilleuls",
        "12 rue des Tilleuls",
        "69003",
        "Lyon",
        45.7589,
        4.8571,
        "lyon_est",
        "M. Rousseau (gardien)",
    ),
    (
        "marronniers",
        "horizon",
        "Résidence Les Marronniers",
        "48 avenue Félix Faure",
        "69003",
        "Lyon",
        45.7534,
        4.8602,
        "lyon_est",
        "Mme Lambert (gardienne)",
    ),
    (
        "hotel_ville",
        "villeurbanne",
        "Hôtel de ville - chaufferie",
        "Place Lazare Goujon",
        "69100",
        "Villeurbanne",
        45.7668,
        4.8797,
        "villeurbanne",
        "Service technique",
    ),
    (
        "gymnase",
        "villeurbanne",
        "Gymnase Jules Ferry",
        "20 rue Jules Ferry",
        "69100",
        "Villeurbanne",
        45.7712,
        4.8893,
        "villeurbanne",
        "M. Garcia (régisseur)",
    ),
    (
        "clinique_bloc",
        "clinique",
        "Clinique du Parc - bâtiment A",
        "155 boulevard de Stalingrad",
        "69006",
        "Lyon",
        45.7741,
        4.8556,
        "lyon_centre",
        "Service biomédical",
    ),
    (
        "glycines",
        "glycines",
        "Les Glycines - bâtiment principal",
        "24 chemin de Montessuy",
        "69300",
        "Caluire-et-Cuire",
        45.7951,
        4.8462,
        "ouest",
        "Mme Faure (directrice)",
    ),
    (
        "celestins",
        "celestins",
        "Hôtel des Célestins",
        "4 rue des Archers",
        "69002",
        "Lyon",
        45.7597,
        4.8312,
        "lyon_centre",
        "Réception",
    ),
    (
        "ampere",
        "ampere",
        "Lycée Ampère - site Saxe",
        "29 cours de la Liberté",
        "69003",
        "Lyon",
        45.7601,
        4.8436,
        "lyon_centre",
        "M. Perrin (intendant)",
    ),
    (
        "giraud",
        "boulangerie",
        "Boulangerie Giraud - fournil",
        "62 rue de la République",
        "69500",
        "Bron",
        45.7386,
        4.9122,
        "lyon_est",
        "M. Giraud",
    ),
    (
        "bellecour_11",
        "bellecour",
        "Immeuble 11 quai Jules Courmont",
        "11 quai Jules Courmont",
        "69002",
        "Lyon",
        45.7588,
        4.8354,
        "lyon_centre",
        "Régie Bellecour",
    ),
]

EQUIPMENT = [
    # site, key, name, brand, model, location, warranty preset, price
    (
        "tilleuls",
        "tilleuls_chaud1",
        "Chaudière gaz à condensation 120 kW",
        "De Dietrich",
        "C 230-130 Eco",
        "Chaufferie sous-sol",
        "warranty_type_full_2",
        1480.0,
    ),
    (
        "tilleuls",
        "tilleuls_chaud2",
        "Chaudière gaz à condensation 120 kW",
        "De Dietrich",
        "C 230-130 Eco",
        "Chaufferie sous-sol",
        "warranty_type_full_2",
        1480.0,
    ),
    (
        "tilleuls",
        "tilleuls_vmc",
        "VMC simple flux collective",
        "Aldes",
        "VEC 240",
        "Toiture",
        "warranty_type_preventive_1",
        420.0,
    ),
    (
        "tilleuls",
        "tilleuls_asc",
        "Ascenseur 630 kg",
        "Schindler",
        "3300",
        "Cage A",
        "warranty_type_lift",
        2650.0,
    ),
    (
        "marronniers",
        "marr_chaud",
        "Chaudière gaz 90 kW",
        "Viessmann",
        "Vitodens 200-W",
        "Chaufferie RDC",
        "warranty_type_full_2",
        1150.0,
    ),
    (
        "marronniers",
        "marr_asc",
        "Ascenseur 450 kg",
        "Otis",
        "Gen2 Life",
        "Hall",
        "warranty_type_lift",
        2400.0,
    ),
    (
        "hotel_ville",
        "hdv_chaud1",
        "Chaudière fioul/gaz 350 kW",
        "Viessmann",
        "Vitoplex 300",
        "Chaufferie",
        "warranty_type_full_2",
        2900.0,
    ),
    (
        "hotel_ville",
        "hdv_cta",
        "Centrale de traitement d'air",
        "France Air",
        "CTA Flat",
        "Local technique R+4",
        "warranty_type_full_2",
        1750.0,
    ),
    (
        "hotel_ville",
        "hdv_ssi",
        "Système de sécurité incendie cat. A",
        "Siemens",
        "FC722",
        "PC sécurité",
        "warranty_type_preventive_1",
        980.0,
    ),
    (
        "gymnase",
        "gym_pac",
        "Pompe à chaleur air/eau 60 kW",
        "Daikin",
        "EWYT-B",
        "Toiture terrasse",
        "warranty_type_full_2",
        1320.0,
    ),
    (
        "gymnase",
        "gym_ecs",
        "Production d'eau chaude sanitaire",
        "Atlantic",
        "Vizengo",
        "Local ECS",
        "warranty_type_preventive_1",
        380.0,
    ),
    (
        "clinique_bloc",
        "cli_groupe_froid",
        "Groupe froid 200 kW",
        "Carrier",
        "AquaSnap 30RBP",
        "Toiture",
        "warranty_type_full_2",
        3400.0,
    ),
    (
        "clinique_bloc",
        "cli_cta_bloc",
        "CTA bloc opératoire",
        "Wesper",
        "Hygiène",
        "Faux plafond bloc",
        "warranty_type_full_2",
        2800.0,
    ),
    (
        "clinique_bloc",
        "cli_groupe_elec",
        "Groupe électrogène 400 kVA",
        "SDMO",
        "X400C",
        "Local groupe",
        "warranty_type_preventive_1",
        1900.0,
    ),
    (
        "glycines",
        "gly_chaud",
        "Chaudière gaz à condensation 150 kW",
        "Atlantic",
        "Varmax",
        "Chaufferie",
        "warranty_type_full_2",
        1560.0,
    ),
    (
        "glycines",
        "gly_asc",
        "Ascenseur 1000 kg (brancardier)",
        "Kone",
        "MonoSpace 500",
        "Aile nord",
        "warranty_type_lift",
        2950.0,
    ),
    (
        "glycines",
        "gly_ssi",
        "Détection incendie",
        "DEF",
        "Ares",
        "Accueil",
        "warranty_type_preventive_1",
        640.0,
    ),
    (
        "celestins",
        "cel_clim",
        "Climatisation VRV 28 chambres",
        "Mitsubishi Electric",
        "City Multi",
        "Toiture",
        "warranty_type_full_2",
        2200.0,
    ),
    (
        "celestins",
        "cel_ecs",
        "Ballons d'eau chaude 2 x 1000 L",
        "Lacaze",
        "Inox",
        "Sous-sol",
        "warranty_type_preventive_1",
        450.0,
    ),
    (
        "ampere",
        "amp_chaud",
        "Chaufferie bois granulés 400 kW",
        "Hargassner",
        "ECO-HK",
        "Chaufferie",
        "warranty_type_full_2",
        3100.0,
    ),
    (
        "ampere",
        "amp_vmc",
        "VMC double flux internat",
        "Zehnder",
        "ComfoAir XL",
        "Combles",
        "warranty_type_preventive_1",
        720.0,
    ),
    (
        "giraud",
        "gir_four",
        "Four à sole électrique",
        "Bongard",
        "Orion",
        "Fournil",
        "warranty_type_corrective",
        0.0,
    ),
    (
        "giraud",
        "gir_froid",
        "Chambre froide positive",
        "Tecnomac",
        "CF 12 m³",
        "Réserve",
        "warranty_type_full_2",
        690.0,
    ),
    (
        "bellecour_11",
        "bel_chaud",
        "Chaudière gaz 70 kW",
        "Saunier Duval",
        "Thermomaster",
        "Chaufferie cave",
        "warranty_type_full_2",
        980.0,
    ),
    (
        "bellecour_11",
        "bel_asc",
        "Ascenseur 320 kg",
        "Schindler",
        "2400",
        "Cage escalier",
        "warranty_type_lift",
        2300.0,
    ),
]

CONTRACTS = [
    # key, site, salesperson, rule, interval, invoicing type, start, sites' equipment
    ("c_tilleuls", "tilleuls", "sophie", "quarterly", 1, "pre-paid", date(2026, 1, 1)),
    ("c_marronniers", "marronniers", "sophie", "yearly", 1, "pre-paid", date(2026, 4, 1)),
    ("c_hotel_ville", "hotel_ville", "thomas", "quarterly", 1, "post-paid", date(2025, 7, 1)),
    ("c_gymnase", "gymnase", "thomas", "yearly", 1, "post-paid", date(2026, 9, 1)),
    ("c_clinique", "clinique_bloc", "sophie", "monthly", 1, "pre-paid", date(2026, 2, 1)),
    ("c_glycines", "glycines", "sophie", "semesterly", 1, "pre-paid", date(2026, 6, 1)),
    ("c_celestins", "celestins", "thomas", "quarterly", 1, "pre-paid", date(2026, 3, 1)),
    ("c_ampere", "ampere", "thomas", "yearly", 1, "post-paid", date(2026, 9, 1)),
    ("c_giraud", "giraud", "sophie", "monthly", 1, "pre-paid", date(2026, 10, 1)),
    ("c_bellecour", "bellecour_11", "sophie", "quarterly", 1, "pre-paid", date(2026, 7, 1)),
]


class Loader:
    def __init__(self, env):
        self.env = env
        self.created = 0

    def ref(self, key):
        return self.env.ref(f"{MODULE}.{key}")

    def ensure(self, model, key, vals):
        """The record with external id ``maintenance_demo.<key>``, created
        from ``vals`` the first time only."""
        record = self.env.ref(f"{MODULE}.{key}", raise_if_not_found=False)
        if record:
            return record
        record = self.env[model].create(vals)
        self.env["ir.model.data"].create(
            {"module": MODULE, "name": key, "model": model, "res_id": record.id, "noupdate": True}
        )
        self.created += 1
        return record

    def load(self):
        env = self.env
        france = env.ref("base.fr")
        company = env.ref("base.main_company")
        if not env.ref(f"{MODULE}.company_configured", raise_if_not_found=False):
            company.write(dict(COMPANY, country_id=france.id))
            self.ensure(
                "res.partner", "company_configured", {"name": "Demo marker", "active": False}
            )
        users = {}
        for key, name, login, group, code in USERS:
            users[key] = self.ensure(
                "res.users",
                f"user_{key}",
                {
                    "name": name,
                    "login": login,
                    "password": login,
                    "email": f"{login}@thermi-services-rhone.fr",
                    "lang": "fr_FR" if env["res.lang"]._lang_get("fr_FR") else "en_US",
                    "tz": "Europe/Paris",
                    "salesperson_code": code,
                    "company_id": company.id,
                    "company_ids": [Command.set(company.ids)],
                    "group_ids": [Command.link(env.ref(group).id)],
                },
            )
        sectors = {
            key: self.ensure(
                "maintenance.sector",
                f"sector_{key}",
                {"name": name, "code": code, "user_id": users[tech].id},
            )
            for key, name, code, tech in SECTORS
        }
        customers = {}
        for key, name, street, zipcode, city, phone, origin in CUSTOMERS:
            customers[key] = self.ensure(
                "res.partner",
                f"customer_{key}",
                {
                    "name": name,
                    "is_company": True,
                    "street": street,
                    "zip": zipcode,
                    "city": city,
                    "country_id": france.id,
                    "phone": phone,
                    "customer_rank": 1,
                    "maintenance_origin_id": env.ref(f"maintenance_contracts.{origin}").id,
                },
            )
        sites = {}
        for key, customer, name, street, zipcode, city, lat, lon, sector, contact in SITES:
            contact_partner = self.ensure(
                "res.partner",
                f"contact_{key}",
                {"name": contact, "parent_id": customers[customer].id, "type": "contact"},
            )
            sites[key] = self.ensure(
                "maintenance.site",
                f"site_{key}",
                {
                    "name": name,
                    "customer_id": customers[customer].id,
                    "street": street,
                    "zip": zipcode,
                    "city": city,
                    "country_id": france.id,
                    "partner_latitude": lat,
                    "partner_longitude": lon,
                    "sector_id": sectors[sector].id,
                    "site_contact_id": contact_partner.id,
                    "code": key.upper()[:12],
                    "access_instructions": "<p>Se présenter à l'accueil ; badge à "
                    "récupérer auprès du contact sur site.</p>",
                },
            )
        product = self.ensure(
            "product.product",
            "product_maintenance",
            {
                "name": "Contrat de maintenance - équipement",
                "type": "service",
                "list_price": 0.0,
                "default_code": "MAINT",
            },
        )
        equipment = {}
        for index, (site, key, name, brand, model, location, _wt, _price) in enumerate(EQUIPMENT):
            equipment[key] = self.ensure(
                "maintenance.customer.equipment",
                f"equipment_{key}",
                {
                    "name": name,
                    "site_id": sites[site].id,
                    "brand": brand,
                    "model": model,
                    "location": location,
                    "serial_number": f"{brand[:3].upper()}-{2019 + index % 6}-{4711 + index * 37}",
                    "installation_date": date(2015 + index % 9, 1 + index % 12, 10),
                },
            )
        group = self.ensure(
            "maintenance.visit.group",
            "visit_group_tilleuls",
            {"name": "Chaufferie + VMC Tilleuls", "site_id": sites["tilleuls"].id},
        )
        for key, site, salesperson, rule, interval, invoicing, start in CONTRACTS:
            if env.ref(f"{MODULE}.{key}", raise_if_not_found=False):
                continue
            lines = [
                Command.create(
                    {
                        "product_id": product.id,
                        "name": f"Maintenance {name} ({location})",
                        "quantity": 1,
                        "price_unit": price,
                        "equipment_id": equipment[eq_key].id,
                        "warranty_type_id": env.ref(f"maintenance_contracts.{wt}").id,
                        "visit_group_id": group.id
                        if eq_key in ("tilleuls_chaud1", "tilleuls_chaud2", "tilleuls_vmc")
                        else False,
                    }
                )
                for eq_site, eq_key, name, _b, _m, location, wt, price in EQUIPMENT
                if eq_site == site
            ]
            contract = self.ensure(
                "contract.contract",
                key,
                {
                    "name": f"Maintenance {sites[site].name}",
                    "code": f"CM-{start.year}-{len(key) * 7 + start.month:03d}",
                    "partner_id": sites[site].customer_id.id,
                    "site_id": sites[site].id,
                    "is_maintenance": True,
                    "contract_type": "sale",
                    "salesperson_id": users[salesperson].id,
                    "user_id": users["sophie"].id,
                    "date_start": start,
                    "recurring_rule_type": rule,
                    "recurring_interval": interval,
                    "recurring_invoicing_type": invoicing,
                    "contract_line_ids": lines,
                },
            )
            contract.action_maintenance_validate()
        self.plan_first_visits(users, sectors)
        return self.created

    def plan_first_visits(self, users, sectors):
        """Today's work: the visits due within three weeks are planned for the
        technician of their sector, from today 8:00 (Paris), one dossier per
        site, tasks one after the other."""
        env = self.env
        if "maintenance.visit.plan" not in env or env.ref(
            f"{MODULE}.first_visits_planned", raise_if_not_found=False
        ):
            return
        today = date.today()
        start = datetime.combine(today, time(7, 0))  # 8:00 in Paris in winter
        for key, sector in sectors.items():
            visits = env["maintenance.visit"].search(
                [
                    ("state", "=", "to_plan"),
                    ("sector_id", "=", sector.id),
                    ("due_date", "<=", today + timedelta(days=21)),
                ]
            )
            if not visits:
                continue
            technician = users[{s[0]: s[3] for s in SECTORS}[key]]
            wizard = env["maintenance.visit.plan"].create(
                {
                    "visit_ids": [Command.set(visits.ids)],
                    "user_ids": [Command.set(technician.ids)],
                    "planned_start": start,
                    "confirm_outside_window": True,
                }
            )
            wizard.action_plan()
        self.ensure("res.partner", "first_visits_planned", {"name": "Demo marker", "active": False})


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-c", "--config", required=True)
    parser.add_argument("-d", "--database", required=True)
    options = parser.parse_args()
    config.parse_config(["-c", options.config, "-d", options.database])
    registry = odoo.modules.registry.Registry(options.database)
    with registry.cursor() as cr:
        # in French, like the company's users: names the code gives records
        # (tasks, dossiers) are in their language
        context = {"tracking_disable": True, "lang": "fr_FR", "tz": "Europe/Paris"}
        env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, context)
        created = Loader(env).load()
        created += demo_requests.load(Loader(env))
    if created:
        sys.stdout.write(f"Demo data loaded: {created} records created.\n")
    else:
        sys.stdout.write("Demo data already loaded: nothing to do.\n")


if __name__ == "__main__":
    main()
