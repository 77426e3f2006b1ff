#!/usr/bin/env python3
# Copyright 2026 Seed maintainers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Generate the import templates of maintenance_contracts (Odoo's import
screen offers them through ``get_import_templates``):

    python3 scripts/make_import_templates.py

writes maintenance_contracts/static/xls/{customers,sites,equipment,contracts}
_import_template.xlsx, and maintenance_price_revision/static/xls/
contracts_revision_import_template.xlsx (the contracts with their formula and
base month). Each workbook has the data sheet first (the one Odoo's
import reads): French column headers, which are the fields' French labels so
that the import screen maps them by itself, and example lines; each header
carries its note as a cell comment, and a second sheet "Notes" lists every
column with its Odoo field, whether it is required and its note.

The example lines reference each other (the contracts name the sites and the
equipment of the other templates) and the records the add-on installs
(warranty types, refrigerants, price-revision formulas, contract origins,
payment terms); the products and the salesperson are the company's own.
"""

import argparse
import datetime
from pathlib import Path

import xlsxwriter

ROOT = Path(__file__).resolve().parent.parent
XLS_DIR = ROOT / "maintenance_contracts" / "static" / "xls"
# a fixed creation date: regenerating gives the same files
CREATED = datetime.datetime(2026, 12, 1, 8, 0, 0)
D = datetime.date

# (header, Odoo field, required, note)
CUSTOMER_COLUMNS = [
    ("Nom", "name", True, "Raison sociale du client, ou nom et prénom d'un contact."),
    (
        "Est une société",
        "is_company",
        False,
        "Oui pour une société (le client facturé), Non pour une personne.",
    ),
    (
        "Société associée",
        "parent_id",
        False,
        (
            "Pour un contact : sa société, par son nom, son n° de TVA ou son SIRET. "
            "La société doit être sur une ligne plus haut ou déjà dans Odoo."
        ),
    ),
    (
        "N° TVA",
        "vat",
        False,
        "Numéro de TVA intracommunautaire (FR + clé + SIREN), vérifié à l'import.",
    ),
    (
        "ID de la société",
        "company_registry",
        False,
        "SIRET de l'établissement facturé (14 chiffres).",
    ),
    ("Rue", "street", False, "Adresse de facturation."),
    ("Rue 2", "street2", False, "Complément d'adresse (bâtiment, BP...)."),
    ("Code postal", "zip", False, "Code postal de l'adresse de facturation."),
    ("Ville", "city", False, "Ville de l'adresse de facturation."),
    ("Pays", "country_id", False, "Nom du pays (France) ou son code (FR)."),
    ("E-mail", "email", False, "Adresse où partent les factures et les courriers."),
    ("Téléphone", "phone", False, "Standard ou ligne directe, au format +33 ..."),
    (
        "Conditions de paiement du client",
        "property_payment_term_id",
        False,
        "Nom d'une condition de paiement existante (30 jours, 45 jours, Fin du mois suivant...).",
    ),
    (
        "Référence",
        "ref",
        False,
        "Code client de votre ancien logiciel : il permet de retrouver le client ensuite.",
    ),
    (
        "Provenance du contrat",
        "maintenance_origin_id",
        False,
        (
            "Provenance par défaut de ses contrats, par nom ou code (Vente directe, "
            "Reprise d'un concurrent, TAKEOVER...)."
        ),
    ),
]
CUSTOMER_ROWS = [
    [
        "Syndic Horizon Immobilier",
        "Oui",
        "",
        "FR19812345676",
        "81234567600017",
        "24 quai Saint-Antoine",
        "",
        "69002",
        "Lyon",
        "France",
        "comptabilite@horizon-immo.fr",
        "+33 4 78 42 10 10",
        "30 jours",
        "CLI-00412",
        "Reprise d'un concurrent",
    ],
    [
        "Claire Durand",
        "Non",
        "Syndic Horizon Immobilier",
        "",
        "",
        "",
        "",
        "",
        "",
        "",
        "c.durand@horizon-immo.fr",
        "+33 6 12 34 56 78",
        "",
        "",
        "",
    ],
    [
        "Boulangerie Martin SARL",
        "Oui",
        "",
        "FR62904561230",
        "90456123000015",
        "8 rue Mercière",
        "",
        "69002",
        "Lyon",
        "France",
        "contact@boulangerie-martin.fr",
        "+33 4 78 37 00 00",
        "Fin du mois suivant",
        "CLI-00587",
        "Vente directe",
    ],
]

SITE_COLUMNS = [
    ("Nom", "name", True, "Nom du site tel que le technicien le connaît."),
    (
        "Client",
        "customer_id",
        True,
        "La société cliente, par son nom, son n° de TVA ou son SIRET.",
    ),
    (
        "Code du site",
        "code",
        False,
        (
            "Code unique dans la société : les équipements et les contrats retrouvent le "
            "site par ce code (plus sûr que le nom, que deux clients peuvent partager)."
        ),
    ),
    ("Rue", "street", False, "Adresse du site (celle où va le technicien)."),
    ("Code postal", "zip", False, "Code postal du site."),
    ("Ville", "city", False, "Ville du site (elle sert aussi à le situer sur la carte)."),
    ("Pays", "country_id", False, "Nom du pays (France) ou son code (FR)."),
    (
        "Secteur",
        "sector_id",
        False,
        (
            "Secteur de tournée, par son nom ou son code ; à créer d'abord dans "
            "Maintenance > Configuration > Secteurs."
        ),
    ),
    (
        "Contact sur site",
        "site_contact_id",
        False,
        (
            "La personne qui accueille le technicien : un contact importé avec les clients, "
            "par son e-mail ou par « Société, Nom »."
        ),
    ),
    (
        "Consignes d'accès",
        "access_instructions",
        False,
        "Code d'accès, clés, stationnement, consignes de sécurité...",
    ),
    ("Téléphone", "phone", False, "Téléphone du site (loge, accueil)."),
]
SITE_ROWS = [
    [
        "Résidence Les Tilleuls",
        "Syndic Horizon Immobilier",
        "TIL-01",
        "12 rue des Tilleuls",
        "69003",
        "Lyon",
        "France",
        "",
        "c.durand@horizon-immo.fr",
        "Digicode 4521B, chaufferie au sous-sol, clé chez le gardien.",
        "+33 4 78 60 11 22",
    ],
    [
        "Boulangerie Martin - laboratoire",
        "FR62904561230",
        "BML-01",
        "8 rue Mercière",
        "69002",
        "Lyon",
        "France",
        "",
        "",
        "Entrée par la cour, avant 11 h.",
        "",
    ],
]

EQUIPMENT_COLUMNS = [
    ("Nom", "name", True, "Nom de l'équipement (Chaudière gaz, Climatiseur toiture...)."),
    (
        "Site installé",
        "site_id",
        True,
        "Le site où il est installé, par son code (TIL-01) ou son nom.",
    ),
    (
        "Numéro de série",
        "serial_number",
        False,
        "Numéro de série du fabricant : les contrats retrouvent l'équipement par ce numéro.",
    ),
    ("Marque", "brand", False, "Fabricant de l'équipement."),
    ("Modèle", "model", False, "Référence du modèle chez le fabricant."),
    ("Date d'installation", "installation_date", False, "Date de mise en service (JJ/MM/AAAA)."),
    ("Emplacement sur le site", "location", False, "Bâtiment, étage, local, toiture..."),
    ("Fin de garantie constructeur", "manufacturer_warranty_end", False, "JJ/MM/AAAA."),
    (
        "Fluide frigorigène",
        "refrigerant_id",
        False,
        (
            "Équipement frigorifique seulement : le fluide (R32, R410A, R134a, R404A, R744...). "
            "Avec la charge, il fixe la fréquence des contrôles d'étanchéité "
            "(règlement UE 2024/573)."
        ),
    ),
    (
        "Charge de fluide (kg)",
        "refrigerant_charge",
        False,
        "Charge en kg (virgule ou point décimal).",
    ),
    (
        "Hermétiquement scellé",
        "hermetically_sealed",
        False,
        "Oui si l'équipement est étiqueté hermétiquement scellé.",
    ),
    (
        "Système de détection des fuites",
        "leak_detection",
        False,
        (
            "Oui si un système de détection des fuites est installé (contrôles deux fois moins "
            "fréquents)."
        ),
    ),
]
EQUIPMENT_ROWS = [
    [
        "Chaudière gaz",
        "TIL-01",
        "CHG-2019-0457",
        "De Dietrich",
        "C 230-85 Eco",
        D(2019, 10, 15),
        "Chaufferie, sous-sol",
        D(2024, 10, 14),
        "",
        "",
        "Non",
        "Non",
    ],
    [
        "Climatiseur toiture",
        "TIL-01",
        "CLIM-22-8812",
        "Daikin",
        "RZAG140",
        D(2022, 5, 3),
        "Toiture terrasse",
        D(2025, 5, 2),
        "R410A",
        "12.5",
        "Non",
        "Non",
    ],
    [
        "Chambre froide positive",
        "BML-01",
        "CF-2020-113",
        "Tecumseh",
        "AJ2 5515",
        D(2020, 2, 20),
        "Laboratoire",
        "",
        "R404A",
        "8",
        "Non",
        "Oui",
    ],
]

LINES = "Lignes de contrat/"
CONTRACT_COLUMNS = [
    (
        "Nom",
        "name",
        True,
        (
            "Nom du contrat, sur sa première ligne seulement ; les lignes suivantes sans nom "
            "sont ses produits couverts."
        ),
    ),
    (
        "Référence",
        "code",
        False,
        "N° du contrat dans votre ancien logiciel ; vide : la numérotation d'Odoo.",
    ),
    ("Partenaire", "partner_id", True, "Le client facturé : nom, n° de TVA ou SIRET."),
    (
        "Site installé",
        "site_id",
        True,
        "Le site du client couvert par le contrat, par son code ou son nom.",
    ),
    ("Date de début", "date_start", True, "JJ/MM/AAAA."),
    ("Date de fin", "date_end", False, "Vide : contrat à tacite reconduction."),
    (
        "Facturer tous les",
        "recurring_interval",
        True,
        "Nombre de périodes entre deux factures (1 : chaque période).",
    ),
    (
        "Récurrence",
        "recurring_rule_type",
        True,
        "Périodicité de facturation : Mois, Trimestre(s), Semestre(s), Année(s)...",
    ),
    (
        "Vendeur",
        "salesperson_id",
        False,
        "Le commercial : son code commercial (fiche de l'utilisateur) ou son nom ; vide : vous.",
    ),
    (
        "Formule de révision de prix",
        "price_revision_formula_id",
        False,
        "Formule d'indexation, par son nom ou son code (Syntec 15/85, ICHT70-BT47-15...).",
    ),
    (
        "Mois de référence (I0)",
        "price_revision_base_month",
        False,
        "Mois des indices de base du prix (mois zéro), au 1er du mois : JJ/MM/AAAA.",
    ),
    (
        "Provenance du contrat",
        "contract_origin_id",
        False,
        "Par nom ou code ; vide : celle du client.",
    ),
    (
        LINES + "Article",
        "contract_line_ids/product_id",
        False,
        (
            "Une ligne par produit couvert : l'article de service facturé (par son nom ou sa "
            "référence interne)."
        ),
    ),
    (LINES + "Description", "contract_line_ids/name", True, "Libellé de la ligne sur la facture."),
    (
        LINES + "Quantité",
        "contract_line_ids/quantity",
        True,
        "Nombre d'unités facturées.",
    ),
    (
        LINES + "Prix Unitaire",
        "contract_line_ids/price_unit",
        True,
        "Prix d'une période de facturation, hors taxes.",
    ),
    (
        LINES + "Équipement",
        "contract_line_ids/equipment_id",
        False,
        "L'équipement couvert, par son numéro de série ou son nom.",
    ),
    (
        LINES + "Type de garantie",
        "contract_line_ids/warranty_type_id",
        False,
        (
            "Par son nom ou son code (Contrat complet 2 visites/an, PREV1, REG-FGAS...) : "
            "il fixe la périodicité des visites."
        ),
    ),
    (
        LINES + "Date de début",
        "contract_line_ids/date_start",
        True,
        "Début de la couverture de ce produit (souvent celle du contrat).",
    ),
    (
        LINES + "Date de première visite",
        "contract_line_ids/first_visit_date",
        False,
        "Échéance de la prochaine visite préventive ; vide : la date de début de la ligne.",
    ),
]
CONTRACT_ROWS = [
    [
        "Contrat chaufferie et climatisation Les Tilleuls",
        "CT-2019-0112",
        "Syndic Horizon Immobilier",
        "TIL-01",
        D(2027, 1, 1),
        "",
        1,
        "Année(s)",
        "Sophie Martin",
        "ICHT-IME 60 + BT40 25 (chauffage)",
        D(2026, 9, 1),
        "Reprise d'un concurrent",
        "Contrat d'entretien chaudière",
        "Entretien annuel chaudière gaz",
        1,
        640.0,
        "CHG-2019-0457",
        "Chaudière de 4 à 400 kW, entretien annuel",
        D(2027, 1, 1),
        D(2027, 9, 15),
    ],
    [
        "",
        "",
        "",
        "",
        "",
        "",
        "",
        "",
        "",
        "",
        "",
        "",
        "Contrat d'entretien climatisation",
        "Entretien et contrôle d'étanchéité climatiseur",
        1,
        480.0,
        "CLIM-22-8812",
        "REG-FGAS",
        D(2027, 1, 1),
        D(2027, 4, 10),
    ],
    [
        "Contrat froid commercial Boulangerie Martin",
        "",
        "FR62904561230",
        "BML-01",
        D(2027, 1, 1),
        D(2029, 12, 31),
        3,
        "Mois",
        "SM",
        "Syntec 15/85",
        D(2026, 10, 1),
        "",
        "Contrat d'entretien froid commercial",
        "Maintenance chambre froide, 2 visites par an",
        1,
        195.0,
        "CF-2020-113",
        "Contrat complet 2 visites/an",
        D(2027, 1, 1),
        "",
    ],
]

# the price revision's columns are maintenance_price_revision's: its own
# contract template has them, maintenance_contracts' does not
REVISION_FIELDS = ("price_revision_formula_id", "price_revision_base_month")


def _without_revision(columns, rows):
    keep = [index for index, column in enumerate(columns) if column[1] not in REVISION_FIELDS]
    return [columns[i] for i in keep], [[row[i] for i in keep] for row in rows]


TEMPLATES = {
    "customers_import_template.xlsx": ("Clients", CUSTOMER_COLUMNS, CUSTOMER_ROWS),
    "sites_import_template.xlsx": ("Sites", SITE_COLUMNS, SITE_ROWS),
    "equipment_import_template.xlsx": ("Équipements", EQUIPMENT_COLUMNS, EQUIPMENT_ROWS),
    "contracts_import_template.xlsx": (
        "Contrats",
        *_without_revision(CONTRACT_COLUMNS, CONTRACT_ROWS),
    ),
}
REVISION_XLS_DIR = ROOT / "maintenance_price_revision" / "static" / "xls"
REVISION_TEMPLATES = {
    "contracts_revision_import_template.xlsx": ("Contrats", CONTRACT_COLUMNS, CONTRACT_ROWS),
}


def write_template(path, sheet_name, columns, rows):
    for row in rows:
        assert len(row) == len(columns), (path.name, row)
    workbook = xlsxwriter.Workbook(str(path))
    workbook.set_properties({"title": sheet_name, "author": "Seed maintainers", "created": CREATED})
    bold = workbook.add_format({"bold": True, "bg_color": "#DDEBF7", "border": 1})
    required = workbook.add_format({"bold": True, "bg_color": "#FCE4D6", "border": 1})
    date = workbook.add_format({"num_format": "dd/mm/yyyy"})
    wrap = workbook.add_format({"text_wrap": True, "valign": "top"})
    sheet = workbook.add_worksheet(sheet_name)
    for col, (header, _field, is_required, note) in enumerate(columns):
        sheet.write_string(0, col, header, required if is_required else bold)
        sheet.set_column(col, col, max(14, min(40, len(header) + 4)))
        comment = note + (" Obligatoire." if is_required else "")
        if comment.strip():
            sheet.write_comment(0, col, comment.strip(), {"x_scale": 2, "y_scale": 1.5})
    for row_index, row in enumerate(rows, 1):
        for col, value in enumerate(row):
            if isinstance(value, datetime.date):
                sheet.write_datetime(row_index, col, value, date)
            elif isinstance(value, (int, float)):
                sheet.write_number(row_index, col, value)
            elif value:
                sheet.write_string(row_index, col, value)
    sheet.freeze_panes(1, 0)
    notes = workbook.add_worksheet("Notes")
    notes.set_column(0, 0, 34)
    notes.set_column(1, 1, 36)
    notes.set_column(2, 2, 12)
    notes.set_column(3, 3, 90, wrap)
    for col, title in enumerate(("Colonne", "Champ Odoo", "Obligatoire", "Note")):
        notes.write_string(0, col, title, bold)
    for row_index, (header, field, is_required, note) in enumerate(columns, 1):
        notes.write_string(row_index, 0, header)
        notes.write_string(row_index, 1, field)
        notes.write_string(row_index, 2, "Oui" if is_required else "Non")
        notes.write_string(row_index, 3, note or "-", wrap)
    footer = len(columns) + 2
    notes.write_string(
        footer,
        0,
        "Importer : Maintenance > le menu de la liste > Importer des enregistrements, "
        "choisir ce fichier (la première feuille est lue), puis « Tester » : l'import à "
        "blanc signale chaque erreur par sa ligne et sa colonne sans rien enregistrer.",
    )
    workbook.close()


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--output", type=Path, default=XLS_DIR)
    args = parser.parse_args()
    args.output.mkdir(parents=True, exist_ok=True)
    REVISION_XLS_DIR.mkdir(parents=True, exist_ok=True)
    for folder, templates in ((args.output, TEMPLATES), (REVISION_XLS_DIR, REVISION_TEMPLATES)):
        for filename, (sheet_name, columns, rows) in templates.items():
            write_template(folder / filename, sheet_name, columns, rows)
            print(folder / filename)


if __name__ == "__main__":
    main()
