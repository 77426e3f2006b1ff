#!/usr/bin/env python3
# Copyright 2026 Seed maintainers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Demo data: a believable French maintenance company, Thermi-Services Rhône
(Lyon), its users, customers, sites, equipment and running contracts.

Idempotent: every record carries an external id ``maintenance_demo.*``; a
second run creates nothing and says so.

    python3 data/demo.py -c var/maintenance.conf -d maintenance
"""

import argparse
import sys
from datetime import date, datetime, time, timedelta

import demo_billing  # data/demo_billing.py, beside this script
import demo_company  # data/demo_company.py, beside this script
import demo_credit  # data/demo_credit.py, beside this script
import demo_downtime  # data/demo_downtime.py, beside this script
import demo_history  # data/demo_history.py, beside this script
import demo_pack  # data/demo_pack.py, beside this script
import demo_portal  # data/demo_portal.py, beside this script
import demo_price_revision  # data/demo_price_revision.py, beside this script
import demo_regulated  # data/demo_regulated.py, beside this script
import demo_requests  # data/demo_requests.py, beside this script
import demo_sale  # data/demo_sale.py

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
    "company_registry": "812 345 676 00017",
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
    # site, key, name, brand, model, location, warranty preset, yearly price
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

# the catalogue: what technicians record under *Parts used* (consumable
# products: the parts field proposes them), and the equipment models the
# company installs; per category: internal reference, name, unit, cost, price
PRODUCT_CATEGORIES = [
    ("parts", "Pièces détachées"),
    ("consumables", "Consommables"),
    ("equipment", "Équipements"),
]

CATALOGUE = {
    "parts": [
        ("PD-ELE-101", "Électrode d'allumage", "unit", 9.8, 18.5),
        ("PD-ELE-102", "Électrode d'ionisation", "unit", 11.2, 21.9),
        ("PD-THC-600", "Thermocouple 600 mm", "unit", 7.4, 14.9),
        ("PD-VEX-008", "Vase d'expansion 8 L", "unit", 21.0, 39.0),
        ("PD-VEX-025", "Vase d'expansion 25 L", "unit", 38.0, 69.0),
        ("PD-PRS-AIR", "Pressostat air", "unit", 24.5, 46.0),
        ("PD-PRS-EAU", "Pressostat manque d'eau", "unit", 27.0, 52.0),
        ("PD-CIR-2560", "Circulateur électronique 25-60", "unit", 112.0, 189.0),
        ("PD-VGZ-820", "Vanne gaz combinée", "unit", 148.0, 245.0),
        ("PD-SON-EXT", "Sonde extérieure", "unit", 14.0, 29.0),
        ("PD-SON-NTC", "Sonde de température NTC", "unit", 12.5, 24.0),
        ("PD-SOU-3B", "Soupape de sécurité 3 bar", "unit", 8.9, 17.5),
        ("PD-GIC-060", "Gicleur fioul 0,60 G 60°", "unit", 4.2, 8.9),
        ("PD-COU-1250", "Courroie SPA 1250", "unit", 6.1, 12.4),
        ("PD-COU-1400", "Courroie SPA 1400", "unit", 6.8, 13.8),
        ("PD-ROU-6205", "Roulement 6205-2RS", "unit", 4.3, 9.6),
        ("PD-CDS-004", "Condensateur moteur 4 µF", "unit", 5.0, 11.2),
        ("PD-CTR-018", "Contacteur 18 A", "unit", 19.0, 38.0),
        ("PD-ASC-CPP", "Contact de porte palière", "unit", 33.0, 64.0),
        ("PD-SSI-DOF", "Détecteur optique de fumée", "unit", 21.0, 42.0),
    ],
    "consumables": [
        ("CO-FIL-F7-592", "Filtre F7 592x592", "unit", 17.0, 34.0),
        ("CO-FIL-G4-592", "Filtre G4 592x592", "unit", 5.9, 12.5),
        ("CO-FIL-FIO", "Cartouche filtre fioul", "unit", 3.1, 6.9),
        ("CO-JNT-BRU", "Kit joints de brûleur", "unit", 7.0, 15.0),
        ("CO-FLU-R32", "Fluide frigorigène R32", "kg", 24.0, 42.0),
        ("CO-GLY-MPG", "Monopropylène glycol", "litre", 3.2, 6.5),
        ("CO-TRT-1L", "Traitement d'eau de chauffage 1 L", "unit", 9.5, 19.0),
        ("CO-GRA-ASC", "Graisse pour guides d'ascenseur", "unit", 7.2, 14.5),
        ("CO-DEG-500", "Dégrippant 500 mL", "unit", 3.6, 7.9),
    ],
    "equipment": [
        ("EQ-CHC-035", "Chaudière gaz condensation 35 kW", "unit", 2150.0, 3450.0),
        ("EQ-CHC-120", "Chaudière gaz à condensation 120 kW", "unit", 9800.0, 14800.0),
        ("EQ-CHC-150", "Chaudière gaz à condensation 150 kW", "unit", 11900.0, 17600.0),
        ("EQ-CTA-5000", "Centrale de traitement d'air 5 000 m³/h", "unit", 15800.0, 23900.0),
        ("EQ-GFR-060", "Groupe froid 60 kW", "unit", 18500.0, 28500.0),
        ("EQ-GFR-200", "Groupe froid 200 kW", "unit", 52000.0, 76000.0),
        ("EQ-PAC-060", "Pompe à chaleur air/eau 60 kW", "unit", 21000.0, 31500.0),
        ("EQ-VMC-DFX", "VMC double flux", "unit", 6400.0, 9800.0),
        ("EQ-ECS-1000", "Ballon d'eau chaude 1 000 L", "unit", 2900.0, 4350.0),
    ],
}

# the demo equipment installed from a model of the catalogue (its reference)
EQUIPMENT_MODELS = {
    "tilleuls_chaud1": "EQ-CHC-120",
    "tilleuls_chaud2": "EQ-CHC-120",
    "gly_chaud": "EQ-CHC-150",
    "hdv_cta": "EQ-CTA-5000",
    "cli_groupe_froid": "EQ-GFR-200",
    "gym_pac": "EQ-PAC-060",
    "amp_vmc": "EQ-VMC-DFX",
    "cel_ecs": "EQ-ECS-1000",
}

UNITS = {
    "unit": "uom.product_uom_unit",
    "kg": "uom.product_uom_kgm",
    "litre": "uom.product_uom_litre",
}


PERIOD_MONTHS = {"monthly": 1, "quarterly": 3, "semesterly": 6, "yearly": 12}


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
        demo_company.dress(company, COMPANY)
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
        demo_company.salesperson(company, users["sophie"])
        # the accountant's home is the customer invoices, not Discuss (Odoo
        # has no home action per group: it is each user's, in Preferences)
        if not users["claire"].action_id:
            users["claire"].action_id = env.ref("account.action_move_out_invoice").id
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
                        # the yearly price, invoiced per period
                        "price_unit": round(price * PERIOD_MONTHS[rule] * interval / 12, 2),
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
        self.load_catalogue()
        self.invoice_up_to_date(customers)
        return self.created

    def invoice_up_to_date(self, customers):
        """Contract invoicing up to today, as if the invoicing job had run
        every day: every period due is invoiced and posted; the invoices due
        for more than two weeks are paid, except the town hall's last one
        (public payers are slow), which stays overdue. A second run the same
        day finds nothing to do."""
        env = self.env
        today = date.today()
        term = env.ref("account.account_payment_term_30days", raise_if_not_found=False)
        if term:
            customers_without_term = [
                partner for partner in customers.values() if not partner.property_payment_term_id
            ]
            for partner in customers_without_term:
                partner.property_payment_term_id = term
        contracts = env["contract.contract"].browse([self.ref(key).id for key, *_rest in CONTRACTS])
        # OCA's job invoices one period per run: catch up period by period
        for _run in range(200):
            due = contracts.filtered(
                lambda c: (
                    c.recurring_next_date
                    and c.recurring_next_date <= today
                    and (not c.date_end or c.recurring_next_date <= c.date_end)
                )
            )
            if not due:
                break
            # the job's run of that day: the invoices are dated as it dates them
            day = min(due.mapped("recurring_next_date"))
            due.filtered(lambda c, day=day: c.recurring_next_date == day)._recurring_create_invoice(
                date_ref=day
            )
        invoices = (
            env["account.move.line"]
            .search([("contract_line_id", "in", contracts.contract_line_ids.ids)])
            .move_id
        )
        drafts = invoices.filtered(lambda move: move.state == "draft")
        if drafts:
            drafts.action_post()
            self.created += len(drafts)
        late_payer = customers["villeurbanne"]
        open_invoices = invoices.filtered(
            lambda move: (
                move.state == "posted"
                and move.payment_state == "not_paid"
                and move.invoice_date_due < today - timedelta(days=14)
            )
        )
        overdue = open_invoices.filtered(lambda move: move.partner_id == late_payer).sorted(
            "invoice_date"
        )[-1:]
        for invoice in (open_invoices - overdue).sorted("invoice_date"):
            env["account.payment.register"].with_context(
                active_model="account.move", active_ids=invoice.ids
            ).create(
                {"payment_date": min(invoice.invoice_date_due - timedelta(days=3), today)}
            ).action_create_payments()
            self.created += 1

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

    def load_catalogue(self):
        """Spare parts, consumables and equipment models, with internal
        references and prices; the demo equipment gets its model."""
        env = self.env
        categories = {
            key: self.ensure("product.category", f"product_category_{key}", {"name": name})
            for key, name in PRODUCT_CATEGORIES
        }
        products = {
            code: self.ensure(
                "product.product",
                "product_" + code.lower().replace("-", "_"),
                {
                    "name": name,
                    "default_code": code,
                    "type": "consu",
                    "categ_id": categories[category].id,
                    "uom_id": env.ref(UNITS[unit]).id,
                    "standard_price": cost,
                    "list_price": price,
                    # an equipment model is never offered as a part used
                    "maintenance_equipment_model": category == "equipment",
                },
            )
            for category, items in CATALOGUE.items()
            for code, name, unit, cost, price in items
        }
        for equipment_key, code in EQUIPMENT_MODELS.items():
            equipment = env.ref(f"{MODULE}.equipment_{equipment_key}", raise_if_not_found=False)
            if equipment and not equipment.product_id:
                equipment.product_id = products[code]
        return products


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
        # committed before any report is rendered: wkhtmltopdf asks the report
        # server (scripts/common.sh, with_report_server) for the report's CSS,
        # whose first build writes an attachment of the company; the company
        # row updated by this transaction would block it until wkhtmltopdf
        # gives up (and then fail it as a concurrent update)
        cr.commit()
        created += demo_requests.load(Loader(env))
        created += demo_sale.load(Loader(env))
        created += demo_credit.load(Loader(env))
        created += demo_portal.load(Loader(env))
        created += demo_regulated.load(Loader(env))
        created += demo_history.load(Loader(env))
        # the reports of the tasks closed so far (the customer packs list them):
        # what the documents job does a moment after each closing
        cr.commit()
        env["maintenance.task"]._cron_closing_documents()
        created += demo_downtime.load(Loader(env))
        created += demo_pack.load(Loader(env))
        created += demo_billing.load(Loader(env))
        created += demo_price_revision.load(Loader(env))
        cr.commit()
        env["maintenance.task"]._cron_closing_documents()
        # the whole demo is loaded (make setup's "nothing to do" reads this
        # marker: a load stopped half-way is run again, idempotent)
        loader = Loader(env)
        loader.ensure("res.partner", "demo_complete", {"name": "Demo marker", "active": False})
        created += loader.created
    if created:
        sys.stdout.write(f"Demo data loaded: {created} records created.\n")
    else:
        sys.stdout.write("Demo data already loaded: nothing to do.\n")


if __name__ == "__main__":
    main()
