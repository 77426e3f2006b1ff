# Copyright 2026 Seed maintainers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The customer pack's meters section: readings of the period and charts."""

from collections import defaultdict

from odoo import models
from odoo.tools import SQL

from ..report import maintenance_customer_pack_chart as charts

MAX_METER_CHARTS = 12


class MaintenanceCustomerPack(models.Model):
    _inherit = "maintenance.customer.pack"

    def _meter_figures(self, equipment, start, stop):
        """Per meter: readings of the period summed up per day in SQL (the
        daily average of a gauge, the last value of a counter's day) for a
        small chart, and the period's figures."""
        Meter = self.env["maintenance.meter"]
        Reading = self.env["maintenance.meter.reading"]
        meters = Meter.search([("equipment_id", "in", equipment.ids)], order="equipment_id, name")
        if not meters:
            return []
        query = Reading._search(
            [("meter_id", "in", meters.ids), ("date", ">=", start), ("date", "<", stop)]
        )
        meter_col = Reading._field_to_sql(query.table, "meter_id")
        value = Reading._field_to_sql(query.table, "value")
        day = SQL(
            "(%s AT TIME ZONE 'UTC' AT TIME ZONE %s)::date",
            Reading._field_to_sql(query.table, "date"),
            self._tz(),
        )
        query.groupby = SQL("%s, %s", meter_col, day)
        query.order = SQL("%s, %s", meter_col, day)
        daily = defaultdict(list)
        for meter_id, date, average, highest, lowest, count in self.env.execute_query(
            query.select(
                meter_col,
                day,
                SQL("AVG(%s)", value),
                SQL("MAX(%s)", value),
                SQL("MIN(%s)", value),
                SQL("COUNT(*)"),
            )
        ):
            daily[meter_id].append((date, average, highest, lowest, count))
        result = []
        for meter in meters:
            days = daily.get(meter.id)
            if not days:
                continue
            counter = meter.kind == "counter"
            values = [highest if counter else average for _d, average, highest, _l, _c in days]
            lowest = min(row[3] for row in days)
            highest = max(row[2] for row in days)
            chart = None
            if len(result) < MAX_METER_CHARTS and len(days) > 1:
                chart = charts.small_line(
                    [row[0] for row in days],
                    values,
                    self.env.lang,
                    unit=meter.unit or "",
                    low=meter.min_threshold if meter.has_min_threshold else None,
                    high=meter.max_threshold if meter.has_max_threshold else None,
                )
            unit = f" {meter.unit}" if meter.unit else ""
            result.append(
                {
                    "name": meter.name,
                    "equipment": meter.equipment_id.name,
                    "kind": counter,
                    "count": sum(row[4] for row in days),
                    "min": self._fmt(lowest, 2) + unit,
                    "max": self._fmt(highest, 2) + unit,
                    "used": self._fmt(highest - lowest, 2) + unit if counter else "",
                    "chart": chart,
                }
            )
        return result
