# Copyright 2026 Seed maintainers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The hot path of validating covered products in bulk, set-based: the checks
read one row per line (no per-record ORM reads of 10,000 lines) and the
lines' generation state is written by one UPDATE (see tests/perf/bench_visits.py)."""

from typing import NamedTuple

from odoo import models
from odoo.tools import SQL

from .maintenance_visit import pg_array

# written by visit generation (see _write_generation_state)
GENERATION_STATE_FIELDS = [
    "visits_generated_until",
    "maintenance_state",
    "price_initial",
    "write_uid",
    "write_date",
]


class ValidationRow(NamedTuple):
    """What validation needs to know of a line (see _validation_rows)."""

    contract_id: int
    covered: bool
    draft: bool
    forgotten: bool
    invalid: bool


class ContractLine(models.Model):
    _inherit = "contract.line"

    def _validation_rows(self):
        """{line id: ValidationRow} of these lines, in one query: whether each
        is a covered product (``_covered``), still draft, a covered product
        whose warranty type was forgotten (``_forgotten_warranty_type``), and
        whether ``_check_maintenance_validable`` refuses it."""
        if not self:
            return {}
        self.check_access("read")
        self.env.flush_all()
        self.env.cr.execute(
            SQL(
                """
                SELECT line.id, line.contract_id, line.display_type, line.warranty_type_id,
                       line.equipment_id, line.maintenance_state, contract.site_id,
                       COALESCE(line.date_start, contract.date_start),
                       COALESCE(line.date_end, contract.date_end),
                       line.first_visit_date, wtype.visit_interval_unit, wtype.visit_interval
                  FROM contract_line line
                  JOIN contract_contract contract ON contract.id = line.contract_id
             LEFT JOIN maintenance_warranty_type wtype ON wtype.id = line.warranty_type_id
                 WHERE line.id = ANY(%s)
                """,
                list(self._ids),
            )
        )
        rows = {}
        for (line_id, contract_id, display_type, wtype_id, equipment_id, state, site_id,
             start, end, first_visit, unit, interval) in self.env.cr.fetchall():  # fmt: skip
            # the conditions of _check_maintenance_validable, in the same terms
            invalid = (
                not site_id
                or not wtype_id
                or not equipment_id
                or bool(end and start and end < start)
                or bool(end and first_visit and first_visit > end)
                or (unit in ("week", "month") and (interval or 0) <= 0)
            )
            rows[line_id] = ValidationRow(
                contract_id=contract_id,
                covered=bool(wtype_id and not display_type),
                draft=state == "draft",
                forgotten=bool(
                    equipment_id and not wtype_id and not display_type and state == "draft"
                ),
                invalid=invalid,
            )
        return rows

    def _check_maintenance_validable(self, rows=None):
        """Refuse what cannot be validated. The checks run on rows read in one
        query (``rows``: from ``_validation_rows``, read if not given); only
        the refused lines go through the per-line checks that name them."""
        if not all(isinstance(line_id, int) for line_id in self._ids):
            return super()._check_maintenance_validable()
        rows = rows if rows is not None else self._validation_rows()
        refused = [line_id for line_id in self._ids if rows[line_id].invalid]
        if refused:
            super(ContractLine, self.browse(refused))._check_maintenance_validable()
        return None

    def _write_generation_state(self, lines_by_until, computed_p0, validate):
        """Mark these lines generated up to their date (and, with
        ``validate``, validated, with their P0) in one UPDATE per date.

        Set-based: the ORM's write would flush these 3 columns 100 rows per
        statement and recompute P0 in Python for every line. Only the lines
        whose P0 is the computed unit price (an automatic price, no P0 yet)
        go through the ORM; so does everything when another field depends
        on these columns (an add-on's stored compute must see the change).

        :param lines_by_until: {(date, P0 to write or None): [line ids]}
        :param computed_p0: ids of the lines whose P0 the ORM computes
        """
        fields_ = self._fields
        plain = all(
            set(self.env.registry.get_dependent_fields(fields_[name])) <= {fields_["price_initial"]}
            for name in ("maintenance_state", "visits_generated_until", "price_initial")
        )
        p0 = fields_["price_initial"]
        ids, untils, prices = [], [], []
        for (until, initial_price), line_ids in lines_by_until.items():
            by_orm = [line_id for line_id in line_ids if not plain or line_id in computed_p0]
            if by_orm:
                vals = {"visits_generated_until": until}
                if validate:
                    vals["maintenance_state"] = "validated"
                if initial_price is not None:
                    vals["price_initial"] = initial_price
                # Odoo groups these writes by column set, 100 rows per UPDATE
                self.browse(by_orm).write(vals)
            if plain:
                # the value the ORM would write: rounded to the field's digits
                price = None if initial_price is None else p0.convert_to_column(initial_price, self)
                for line_id in line_ids:
                    if line_id not in computed_p0:
                        ids.append(line_id)
                        untils.append(until)
                        prices.append(price)
        if not ids:
            return
        by_sql = self.browse(ids)
        by_sql.check_access("write")
        self.env.cr.execute(
            SQL(
                """
                UPDATE contract_line line
                   SET visits_generated_until = u.until,
                       maintenance_state = %(state)s,
                       price_initial = COALESCE(u.price, line.price_initial),
                       write_uid = %(uid)s, write_date = %(now)s
                  FROM unnest(%(ids)s::int4[], %(untils)s::date[], %(prices)s::numeric[])
                       AS u(id, until, price)
                 WHERE line.id = u.id
                """,
                state=SQL("'validated'") if validate else SQL("line.maintenance_state"),
                ids=pg_array(ids),
                untils=pg_array(untils),
                prices=pg_array(prices),
                uid=self.env.uid,
                now=self.env.cr.now(),
            )
        )
        by_sql.invalidate_recordset(GENERATION_STATE_FIELDS)
