# Copyright 2026 Seed maintainers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Per-company numbers drawn in one query, whatever the sequence's
implementation: dossiers (INT/2027/00012) and requests (DEM/2027/00012)."""

from odoo.tools import SQL


def number_sequence(env, code, company, name, prefix):
    """The sequence ``code`` of ``company``; created the first time a company
    numbers a record (numbers are per company), named ``name()`` (called
    then only: reading the company's name costs queries), copying the shared
    sequence of the code when there is one, else with ``prefix``."""
    Sequence = env["ir.sequence"].sudo()  # numbering is not a user right
    domain = [("code", "=", code), ("company_id", "in", [company.id, False])]
    sequence = Sequence.search(domain, order="company_id", limit=1)
    if not sequence.company_id:
        # Two first records of a company at once must not create two
        # sequences: a no-op update of the company row makes the second
        # transaction fail with a serialization error, and the server runs
        # it again, then finding the first's sequence.
        env.cr.execute(
            SQL("UPDATE res_company SET write_date = write_date WHERE id = %s", company.id)
        )
        sequence = Sequence.search(domain, order="company_id", limit=1)
    if not sequence.company_id:
        template = sequence
        sequence = Sequence.create(
            {
                "name": name(),
                "code": code,
                "company_id": company.id,
                "prefix": template.prefix or prefix,
                "padding": template.padding or 5,
                "implementation": template.implementation or "standard",
                "use_date_range": template.use_date_range,
            }
        )
    return sequence


def allocate_numbers(sequence, count):
    """``count`` consecutive numbers of ``sequence``, drawn in one query
    whatever ``count`` is (the same numbers as ``next_by_code``), with a
    standard (PostgreSQL sequence) or a no-gap implementation."""
    env = sequence.env
    target = sequence._get_current_sequence()
    if target._name == "ir.sequence.date_range":
        sequence = sequence.with_context(ir_sequence_date_range=target.date_from)
    step = sequence.number_increment
    if sequence.implementation == "standard":
        name = f"ir_sequence_{sequence.id:03d}"
        if target._name == "ir.sequence.date_range":
            name = f"{name}_{target.id:03d}"
        env.cr.execute(SQL("SELECT nextval(%s) FROM generate_series(1, %s)", name, count))
        numbers = sorted(row[0] for row in env.cr.fetchall())
    else:
        target.flush_recordset(["number_next"])
        env.cr.execute(
            SQL(
                "UPDATE %s SET number_next = number_next + %s WHERE id = %s RETURNING number_next",
                SQL.identifier(target._table),
                step * count,
                target.id,
            )
        )
        first = env.cr.fetchone()[0] - step * count
        target.invalidate_recordset(["number_next"])
        numbers = [first + step * index for index in range(count)]
    return [sequence.get_next_char(number) for number in numbers]
