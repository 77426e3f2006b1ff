# Copyright 2026 Seed maintainers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Demo price revision: the demo contracts get a revision formula (Syntec
15/85 for the service contracts, ICHTrev-TS IME with BT40 or BT47 for the
works ones) and their reference month, and the indices of these formulas a
value for every month from January 2025 to last month, so that a revision
can be previewed and applied from the demo.

The values are demo figures (``is_demo``), close to the published orders of
magnitude (Syntec révisé about 300-310, ICHTrev-TS IME about 140-150 base 100
in December 2008, BT40 and BT47 about 125-135 base 100 in 2010), never
published ones: a real database loads INSEE's and Syntec's figures.

Called from ``data/demo.py``; idempotent: a month already valued and a
contract that already has a formula are left as they are."""

from datetime import date

from dateutil.relativedelta import relativedelta

FIRST_MONTH = date(2025, 1, 1)
# index xml id (maintenance_price_revision), value in January 2025, monthly rise
INDICES = [
    ("price_index_syntec_revised", 300.4, 0.0012),
    ("price_index_ichtrev_ts_ime", 141.2, 0.0021),
    ("price_index_bt40", 127.6, 0.0017),
    ("price_index_bt47", 126.9, 0.0015),
]
# a small wobble, the same at every load
WOBBLE = (0.0, 0.3, -0.2, 0.1, 0.4, -0.1, 0.2, 0.0, -0.3, 0.1, 0.3, -0.2)
SERVICE = "price_revision_formula_syntec_15_85"
HEATING = "price_revision_formula_icht_ime_60_bt40_25"
WORKS = "price_revision_formula_icht_ime_70_bt47_15"
# demo contract key (data/demo.py) -> formula
FORMULAS = {
    "c_tilleuls": HEATING,
    "c_marronniers": HEATING,
    "c_hotel_ville": WORKS,
    "c_gymnase": WORKS,
    "c_clinique": SERVICE,
    "c_glycines": HEATING,
    "c_celestins": HEATING,
    "c_ampere": WORKS,
    "c_giraud": SERVICE,
    "c_bellecour": HEATING,
}


def demo_months(today):
    """The months valued: January 2025 to the month before ``today``'s."""
    last = today.replace(day=1) - relativedelta(months=1)
    months, month = [], FIRST_MONTH
    while month <= last:
        months.append(month)
        month += relativedelta(months=1)
    return months


def demo_value(start, rise, position):
    return round(start * (1 + rise) ** position + WOBBLE[position % len(WOBBLE)], 1)


def load_index_values(env, today):
    """The demo values of the indices the demo formulas use; returns how
    many were created."""
    Value = env["maintenance.price.index.value"]
    months = demo_months(today)
    indices = {
        env.ref(f"maintenance_price_revision.{xmlid}"): (start, rise)
        for xmlid, start, rise in INDICES
    }
    known = {
        (value.index_id.id, value.month)
        for value in Value.search([("index_id", "in", [index.id for index in indices])])
    }
    vals_list = [
        {
            "index_id": index.id,
            "month": month,
            "value": demo_value(start, rise, position),
            "is_demo": True,
        }
        for index, (start, rise) in indices.items()
        for position, month in enumerate(months)
        if (index.id, month) not in known
    ]
    Value.create(vals_list)
    return len(vals_list)


def set_formulas(env, module):
    """The demo contracts' formula and reference month (the month before
    their start), for those without a formula; returns how many."""
    count = 0
    for key, formula in FORMULAS.items():
        contract = env.ref(f"{module}.{key}", raise_if_not_found=False)
        if not contract or contract.price_revision_formula_id:
            continue
        contract.write(
            {
                "price_revision_formula_id": env.ref(f"maintenance_price_revision.{formula}").id,
                "price_revision_base_month": contract.date_start - relativedelta(months=1),
            }
        )
        count += 1
    return count


def load(loader):
    env = loader.env
    created = load_index_values(env, date.today())
    created += set_formulas(env, "maintenance_demo")
    return created
