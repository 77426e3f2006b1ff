# Copyright 2026 Seed maintainers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import base64
import csv
import io
import re
from datetime import date

from odoo import fields, models
from odoo.exceptions import UserError

MONTH_RE = re.compile(r"^(\d{4})-(0[1-9]|1[0-2])$")
NUMBER_RE = re.compile(r"^\d+(\.\d+)?$")
DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
# index files hold a few hundred lines: far more is not an index file
MAX_FILE_SIZE = 1024 * 1024


class MaintenancePriceIndexImport(models.TransientModel):
    """Load published index values from a CSV file: index code, month
    (YYYY-MM), value, and optionally the publication date (YYYY-MM-DD).
    Separator ``;`` or ``,``, decimal comma or point. A file with any bad
    line is refused whole; values already known with the same figure are
    skipped, so loading a file twice changes nothing."""

    _name = "maintenance.price.index.import"
    _description = "Import price index values"

    file = fields.Binary(string="CSV file", required=True)
    filename = fields.Char()

    def action_import(self):
        self.ensure_one()
        rows = self._read_rows()
        values = self._check_rows(rows)
        created = self.env["maintenance.price.index.value"].create(values)
        message = self.env._(
            "%(created)s index values imported, %(known)s already known.",
            created=len(created),
            known=len(rows) - len(created),
        )
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "title": self.env._("Index values imported"),
                "message": message,
                "type": "success",
                "sticky": False,
                "next": {"type": "ir.actions.act_window_close"},
            },
        }

    def _read_rows(self):
        """[(line number, [cells])] of the file, header and empty lines left out."""
        # the size of the decoded file, known from its base64 length before decoding
        size = len(self.file or b"") * 3 // 4
        if size > MAX_FILE_SIZE:
            raise UserError(
                self.env._(
                    "The file is too large (%(size)s KB): an index file holds at most "
                    "%(max)s KB. Split it or check that it is the right file.",
                    size=size // 1024,
                    max=MAX_FILE_SIZE // 1024,
                )
            )
        content = base64.b64decode(self.file or b"")
        try:
            text = content.decode("utf-8-sig")
        except UnicodeDecodeError:
            text = content.decode("cp1252")
        lines = text.splitlines()
        first = next((line for line in lines if line.strip()), "")
        delimiter = ";" if ";" in first else ","
        rows = []
        reader = csv.reader(io.StringIO(text), delimiter=delimiter)
        for number, raw_cells in enumerate(reader, start=1):
            cells = [cell.strip() for cell in raw_cells]
            if not any(cells):
                continue
            if not rows and not any(char.isdigit() for cell in cells for char in cell):
                continue  # a header: no figure in it
            rows.append((number, cells))
        if not rows:
            raise UserError(self.env._("The file holds no index value."))
        return rows

    def _check_rows(self, rows):
        """The values to create; a UserError listing every faulty line if
        any line is bad."""
        errors = []
        indices = {
            index.code.upper(): index
            for index in self.env["maintenance.price.index"]
            .with_context(active_test=False)
            .search([])
        }
        parsed = [self._parse_row(number, cells, indices, errors) for number, cells in rows]
        unique = self._unique_rows([row for row in parsed if row], errors)
        values = self._new_values(unique, errors)
        if errors:
            raise UserError(
                self.env._("The file was not imported, nothing was stored. Correct these lines:")
                + "\n"
                + "\n".join(errors)
            )
        return values

    def _parse_row(self, number, cells, indices, errors):
        """(line, index, month, value, publication date) of a line, or None
        with its faults added to ``errors``."""
        _ = self.env._
        if len(cells) not in (3, 4):
            errors.append(
                _(
                    "Line %(line)s: %(count)s columns instead of 3 (index code; month; value).",
                    line=number,
                    count=len(cells),
                )
            )
            return None
        code, month_text, value_text = cells[:3]
        published_text = cells[3] if len(cells) == 4 else ""
        index = indices.get(code.upper())
        if not index:
            errors.append(_("Line %(line)s: unknown index code %(code)s.", line=number, code=code))
        match = MONTH_RE.match(month_text)
        if not match:
            errors.append(
                _(
                    "Line %(line)s: month %(month)s is not in the form YYYY-MM (e.g. 2027-10).",
                    line=number,
                    month=month_text,
                )
            )
        number_text = value_text.replace("\u00a0", "").replace(" ", "").replace(",", ".")
        number_ok = bool(NUMBER_RE.match(number_text)) and float(number_text) > 0
        if not number_ok:
            errors.append(
                _(
                    "Line %(line)s: value %(value)s is not a positive number.",
                    line=number,
                    value=value_text,
                )
            )
        published = False
        if published_text:
            try:
                if not DATE_RE.match(published_text):
                    raise ValueError(published_text)
                published = date.fromisoformat(published_text)
            except ValueError:
                errors.append(
                    _(
                        "Line %(line)s: publication date %(date)s is not in the form YYYY-MM-DD.",
                        line=number,
                        date=published_text,
                    )
                )
        if not (index and match and number_ok):
            return None
        month = date(int(match.group(1)), int(match.group(2)), 1)
        if index.frequency == "quarterly" and month.month not in (1, 4, 7, 10):
            errors.append(
                _(
                    "Line %(line)s: index %(code)s is quarterly, its months are "
                    "January, April, July and October.",
                    line=number,
                    code=index.code,
                )
            )
            return None
        return number, index, month, float(number_text), published

    def _unique_rows(self, parsed, errors):
        """The rows without repetition: the same month twice with the same
        value is kept once, with two values it is a fault."""
        seen = {}
        unique = []
        for number, index, month, value, published in parsed:
            key = (index.id, month)
            if key not in seen:
                seen[key] = (number, value)
                unique.append((number, index, month, value, published))
            elif seen[key][1] != value:
                errors.append(
                    self.env._(
                        "Lines %(first)s and %(line)s: two different values for %(code)s "
                        "%(month)s.",
                        first=seen[key][0],
                        line=number,
                        code=index.code,
                        month=month.strftime("%Y-%m"),
                    )
                )
        return unique

    def _new_values(self, unique, errors):
        """Values of the rows the registry does not know yet; a month it
        knows with another value is a fault."""
        if not unique:
            return []
        known = self.env["maintenance.price.index.value"].search(
            [
                ("index_id", "in", list({row[1].id for row in unique})),
                ("month", "in", list({row[2] for row in unique})),
            ]
        )
        existing = {(value.index_id.id, value.month): value.value for value in known}
        values = []
        for number, index, month, value, published in unique:
            key = (index.id, month)
            if key not in existing:
                values.append(
                    {
                        "index_id": index.id,
                        "month": month,
                        "value": value,
                        "publication_date": published,
                    }
                )
            elif abs(existing[key] - value) > 1e-9:
                errors.append(
                    self.env._(
                        "Line %(line)s: %(code)s %(month)s is already %(known)s in the "
                        "registry, the file says %(value)s.",
                        line=number,
                        code=index.code,
                        month=month.strftime("%Y-%m"),
                        known=existing[key],
                        value=value,
                    )
                )
        return values
