# Copyright 2026 Seed maintainers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The customer pack's availability section: downtime and failures."""

from odoo import models

from ..report import maintenance_customer_pack_chart as charts


class MaintenanceCustomerPack(models.Model):
    _inherit = "maintenance.customer.pack"

    def _availability_figures(self, equipment, start, stop):
        """Availability and failures per equipment over the period, stops of
        an external cause (power cut, misuse) left out: the FMD figures
        (``maintenance.fmd``, one SQL query for all the equipment)."""
        if not equipment or "maintenance.fmd" not in self.env:
            return {"rows": [], "chart": None, "available": False, "cards": []}
        figures = self.env["maintenance.fmd"]._fmd_figures(
            start, stop, equipment_ids=equipment.ids, exclude_external=True
        )
        by_equipment = {row["key"]: row for row in figures}
        undefined = self.env._("undefined")
        rows = []
        for item in equipment:
            row = by_equipment.get(item.id)
            if not row:
                continue
            rows.append(
                {
                    "name": item.name,
                    "failures": row["failures"],
                    "downtime": self._hours(row["downtime_hours"]),
                    "required": f"{self._fmt(row['required_hours'] or 0.0, 0)} h",
                    "availability_value": row["availability"],
                    "availability": undefined
                    if row["availability"] is None
                    else self._percent_label(100.0 * row["availability"]),
                    "mtbf": undefined
                    if row["mtbf_hours"] is None
                    else self._hours(row["mtbf_hours"]),
                    "mttr": undefined
                    if row["mttr_hours"] is None
                    else self._hours(row["mttr_hours"]),
                }
            )
        required = sum(row["required_hours"] or 0.0 for row in figures)
        uptime = sum(row["uptime_hours"] or 0.0 for row in figures)
        failures = sum(row["failures"] for row in figures)
        measured = [row for row in rows if row["availability_value"] is not None]
        chart = None
        if measured:
            chart = charts.horizontal_bars(
                [row["name"] for row in measured],
                [100.0 * row["availability_value"] for row in measured],
                self.env.lang,
                title=self.env._("Availability per equipment (%)"),
                limit=100,
            )
        return {
            "rows": rows,
            "chart": chart,
            "available": True,
            "cards": [
                (
                    self.env._("Availability"),
                    self._percent_label(self._percent(uptime, required)),
                ),
                (self.env._("Failures"), str(failures)),
            ],
        }
