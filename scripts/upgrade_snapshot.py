#!/usr/bin/env python3
# Copyright 2026 Seed maintainers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""What an upgrade must keep, read from a database: the rows of every table of
our models (and of OCA's contracts and Odoo's invoices they make), and for
each of their columns how many rows hold a value. ``scripts/upgrade_check.sh``
takes it before and after ``-u`` and compares.

    python3 scripts/upgrade_snapshot.py -d <database> > before.json
    python3 scripts/upgrade_snapshot.py -d <database> --compare before.json

Compared: a table or a column that lost rows or values is a failure; new
tables and columns (a new feature) are listed, not failures."""

import argparse
import json
import sys

import psycopg2
from psycopg2 import sql

# models of others whose rows our add-ons create or extend
OTHERS = ("contract.contract", "contract.line", "account.move", "account.move.line")


def snapshot(database):
    with psycopg2.connect(dbname=database) as connection, connection.cursor() as cr:
        cr.execute(
            """
            SELECT DISTINCT m.model
              FROM ir_model m
              JOIN ir_model_data d ON d.model = 'ir.model' AND d.res_id = m.id
             WHERE (d.module LIKE 'maintenance\\_%%' OR m.model = ANY(%s))
               AND NOT m.transient
            """,
            [list(OTHERS)],
        )
        tables = sorted({model.replace(".", "_") for (model,) in cr.fetchall()})
        cr.execute(
            "SELECT table_name FROM information_schema.tables WHERE table_type = 'BASE TABLE'"
            " AND table_schema = 'public' AND table_name = ANY(%s)",
            [tables],
        )
        tables = sorted(name for (name,) in cr.fetchall())
        result = {}
        for table in tables:
            cr.execute(
                "SELECT column_name FROM information_schema.columns"
                " WHERE table_schema = 'public' AND table_name = %s ORDER BY column_name",
                [table],
            )
            columns = [name for (name,) in cr.fetchall()]
            counts = sql.SQL(", ").join(
                sql.SQL("count({})").format(sql.Identifier(column)) for column in columns
            )
            cr.execute(sql.SQL("SELECT count(*), {} FROM {}").format(counts, sql.Identifier(table)))
            row = cr.fetchone()
            result[table] = {"rows": row[0], "columns": dict(zip(columns, row[1:], strict=True))}
        return result


def compare(before, after):
    """The failures (lost rows or values) and the notes (what is new)."""
    failures, notes = [], []
    for table, old in sorted(before.items()):
        new = after.get(table)
        if new is None:
            failures.append(f"{table}: the table is gone ({old['rows']} rows)")
            continue
        if new["rows"] < old["rows"]:
            failures.append(f"{table}: {old['rows']} rows before, {new['rows']} after")
        for column, count in sorted(old["columns"].items()):
            if column not in new["columns"]:
                if count:
                    failures.append(f"{table}.{column}: the column is gone ({count} values)")
            elif new["columns"][column] < count:
                failures.append(
                    f"{table}.{column}: {count} values before, {new['columns'][column]} after"
                )
        added = sorted(set(new["columns"]) - set(old["columns"]))
        if added:
            notes.append(f"{table}: new columns {', '.join(added)}")
    for table in sorted(set(after) - set(before)):
        notes.append(f"{table}: new table ({after[table]['rows']} rows)")
    return failures, notes


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("-d", "--database", required=True)
    parser.add_argument("--compare", help="the JSON snapshot taken before the upgrade")
    options = parser.parse_args()
    current = snapshot(options.database)
    if not options.compare:
        json.dump(current, sys.stdout, indent=1, sort_keys=True)
        return 0
    with open(options.compare, encoding="utf-8") as file:
        before = json.load(file)
    failures, notes = compare(before, current)
    rows = sum(table["rows"] for table in before.values())
    values = sum(sum(table["columns"].values()) for table in before.values())
    for note in notes:
        print(f"  new: {note}")
    for failure in failures:
        print(f"  LOST: {failure}")
    print(
        f"{len(before)} tables, {rows} rows and {values} values before the upgrade: "
        + (f"{len(failures)} losses." if failures else "all kept.")
    )
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
