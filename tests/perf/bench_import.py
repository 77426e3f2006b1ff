#!/usr/bin/env python3
# Copyright 2026 Seed maintainers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Benchmark (not a test): a company moving in. Generates the spreadsheets
of the import templates (2,000 customers, 5,000 sites, 20,000 equipment,
5,000 contracts with 20,000 covered products at ``--scale 1``) and imports
them through ``base_import.import.execute_import``, the code path of the
import screen: as an operations manager, in batches of ``--batch`` rows as
the screen sends them. Then validates the imported contracts in bulk (the
« Validate the contracts » list action). Prints the time and the SQL
queries of each step, split by kind of statement. Everything is rolled back.

    python3 tests/perf/bench_import.py -c var/maintenance.conf -d maintenance [--scale 0.1]
"""

import collections
import datetime
import io
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import xlsxwriter
from _bootstrap import environment, parser

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
EQUIPMENT_PER_SITE = 4
OPTIONS = {
    "has_headers": True,
    "advanced": True,
    "quoting": '"',
    "separator": ",",
    "encoding": "",
    "sheet": "",
    "date_format": "",
    "datetime_format": "",
    "float_thousand_separator": ",",
    "float_decimal_separator": ".",
    "fallback_values": {},
    "import_set_empty_fields": [],
    "import_skip_records": [],
    "tracking_disable": True,
}


def luhn_ok(digits):
    total = 0
    for index, char in enumerate(reversed(digits)):
        value = int(char) * (2 if index % 2 else 1)
        total += value - 9 if value > 9 else value
    return total % 10 == 0


def company_ids(index):
    """A valid French SIREN, VAT number and SIRET for customer ``index``."""
    base = f"7{index:07d}"
    siren = next(base + str(d) for d in range(10) if luhn_ok(base + str(d)))
    vat = f"FR{(12 + 3 * (int(siren) % 97)) % 97:02d}{siren}"
    siret = next(
        f"{siren}000{nic:02d}" for nic in range(10, 100) if luhn_ok(f"{siren}000{nic:02d}")
    )
    return vat, siret


def workbook(headers, rows):
    buffer = io.BytesIO()
    book = xlsxwriter.Workbook(buffer, {"in_memory": True})
    sheet = book.add_worksheet("Import")
    date = book.add_format({"num_format": "dd/mm/yyyy"})
    sheet.write_row(0, 0, headers)
    for row_index, row in enumerate(rows, 1):
        for col, value in enumerate(row):
            if isinstance(value, datetime.date):
                sheet.write_datetime(row_index, col, value, date)
            elif value not in ("", None):
                sheet.write(row_index, col, value)
    book.close()
    return buffer.getvalue()


def spreadsheets(scale):
    """{model: (fields, rows)} of the four templates at ``scale``."""
    customers = max(int(2000 * scale), 1)
    sites = max(int(5000 * scale), 1)
    ids = [company_ids(i) for i in range(customers)]
    start = datetime.date(2027, 1, 1)
    sheets = {
        "res.partner": (
            [
                "name",
                "is_company",
                "vat",
                "company_registry",
                "street",
                "zip",
                "city",
                "country_id",
                "email",
                "property_payment_term_id",
                "ref",
            ],
            [
                [
                    f"Client {i:05d}",
                    "1",
                    ids[i][0],
                    ids[i][1],
                    f"{i} rue de la Paix",
                    "69003",
                    "Lyon",
                    "France",
                    f"compta{i}@client.example",
                    "30 Days",
                    f"CLI-{i:05d}",
                ]
                for i in range(customers)
            ],
        ),
        # the customer by its VAT number, one in two; by its name otherwise
        "maintenance.site": (
            ["name", "customer_id", "code", "street", "zip", "city", "country_id"],
            [
                [
                    f"Site {s:05d}",
                    ids[s % customers][0] if s % 2 else f"Client {s % customers:05d}",
                    f"S{s:05d}",
                    f"{s} avenue Berthelot",
                    "69007",
                    "Lyon",
                    "France",
                ]
                for s in range(sites)
            ],
        ),
        # the site by its code
        "maintenance.customer.equipment": (
            [
                "name",
                "site_id",
                "serial_number",
                "brand",
                "installation_date",
                "refrigerant_id",
                "refrigerant_charge",
            ],
            [
                [
                    f"Équipement {e:06d}",
                    f"S{e // EQUIPMENT_PER_SITE:05d}",
                    f"SN{e:07d}",
                    "De Dietrich",
                    datetime.date(2020, 1 + e % 12, 1),
                ]
                + (["R410A", 12.5] if e % 4 == 3 else ["", ""])
                for e in range(sites * EQUIPMENT_PER_SITE)
            ],
        ),
    }
    # one contract per site, one line per equipment of the site; the
    # customer by name, the site by code, the equipment by serial number,
    # the warranty type by code
    contract_rows = []
    for s in range(sites):
        for k in range(EQUIPMENT_PER_SITE):
            e = s * EQUIPMENT_PER_SITE + k
            head = (
                [
                    f"Contrat {s:05d}",
                    f"CT{s:06d}",
                    f"Client {s % customers:05d}",
                    f"S{s:05d}",
                    start,
                    1,
                    "yearly",
                    "SYNTEC-15-85",
                    datetime.date(2026, 9, 1),
                ]
                if k == 0
                else [""] * 9
            )
            contract_rows.append(
                [
                    *head,
                    "Bench import service",
                    f"Entretien {e}",
                    1,
                    150.0,
                    f"SN{e:07d}",
                    "REG-FGAS" if e % 4 == 3 else "PREV1",
                    start,
                ]
            )
    sheets["contract.contract"] = (
        ["name", "code", "partner_id", "site_id", "date_start", "recurring_interval"]
        + ["recurring_rule_type", "price_revision_formula_id", "price_revision_base_month"]
        + [f"contract_line_ids/{name}" for name in ("product_id", "name", "quantity")]
        + [f"contract_line_ids/{name}" for name in ("price_unit", "equipment_id")]
        + [f"contract_line_ids/{name}" for name in ("warranty_type_id", "date_start")],
        contract_rows,
    )
    return sheets


class QueryKinds:
    """Time and SQL statements of a block, counted by kind (SELECT,
    INSERT, UPDATE, DELETE, other) at the cursor."""

    def __init__(self, cr):
        self.cr = cr
        self.kinds = collections.Counter()
        self.seconds = 0.0

    def __enter__(self):
        cursor_class = type(self.cr)
        self._execute = execute = cursor_class.execute
        kinds = self.kinds

        def counting_execute(cursor, query, params=None, log_exceptions=True):
            code = getattr(query, "code", query)
            if isinstance(code, bytes):
                code = code.decode(errors="replace")
            word = code.lstrip().split(None, 1)[0].upper() if code.strip() else ""
            kinds[word if word in ("SELECT", "INSERT", "UPDATE", "DELETE") else "other"] += 1
            return execute(cursor, query, params, log_exceptions)

        cursor_class.execute = counting_execute
        self._start = time.perf_counter()
        return self

    def __exit__(self, *exc):
        self.seconds = time.perf_counter() - self._start
        type(self.cr).execute = self._execute

    def __str__(self):
        detail = ", ".join(f"{kind} {count}" for kind, count in sorted(self.kinds.items()))
        return f"{self.seconds:8.1f} s {sum(self.kinds.values()):8d} queries ({detail})"


def import_file(env, user, model, fields, content, *, batch, context):
    """Import ``content`` as the screen does: one execute_import per batch of
    ``batch`` rows (the screen's "batch size"), from where the last stopped."""
    importer = (
        env["base_import.import"]
        .with_user(user)
        .with_context(context)
        .create({"res_model": model, "file": content, "file_name": "bench.xlsx", "file_type": XLSX})
    )
    ids, errors, skip = [], [], 0
    while True:
        options = dict(OPTIONS, limit=batch, skip=skip, name_create_enabled_fields={})
        result = importer.execute_import(fields, fields, options)
        errors += [m for m in result["messages"] if m.get("type") == "error"]
        ids += result["ids"] or []
        if errors or not result.get("nextrow"):
            return ids, errors
        skip = result["nextrow"]


def main():
    args = parser(__doc__)
    args.add_argument("--scale", type=float, default=1.0, help="1: the full volume")
    args.add_argument("--batch", type=int, default=2000, help="rows per execute_import")
    options = args.parse_args()
    from odoo.tests import new_test_user  # noqa: PLC0415 (Odoo initialised by environment())

    with environment(options) as env:
        manager = new_test_user(
            env,
            login="bench_import_manager",
            name="Bench import manager",
            groups="maintenance_contracts.group_maintenance_manager",
        )
        env["product.product"].create({"name": "Bench import service", "type": "service"})
        contract_context = {
            "is_contract": 1,
            "default_contract_type": "sale",
            "default_is_maintenance": True,
        }
        print(f"scale {options.scale}, batches of {options.batch} rows")
        for model, (fields, rows) in spreadsheets(options.scale).items():
            content = workbook(fields, rows)
            context = {"tracking_disable": True}
            if model == "contract.contract":
                context.update(contract_context)
            env.invalidate_all()
            with QueryKinds(env.cr) as measure:
                ids, errors = import_file(
                    env, manager, model, fields, content, batch=options.batch, context=context
                )
                env.flush_all()
            if errors:
                sys.exit(f"{model}: {errors[:3]}")
            print(f"{model:32s} {len(rows):6d} rows {len(ids):6d} records {measure}")
        contracts = env["contract.contract"].search([("code", "=like", "CT%")])
        assert set(contracts.mapped("maintenance_state")) == {"draft"}
        env.invalidate_all()
        with QueryKinds(env.cr) as measure:
            contracts.with_user(manager).with_context(
                tracking_disable=True
            ).action_maintenance_validate_drafts()
            env.flush_all()
        visits = env["maintenance.visit"].search_count([("contract_id", "in", contracts.ids)])
        lines = len(contracts.contract_line_ids)
        print(
            f"{'bulk validation':32s} {len(contracts):6d} contracts {lines:6d} lines "
            f"{visits:6d} visits {measure}"
        )


if __name__ == "__main__":
    main()
