#!/usr/bin/env python3
# Copyright 2026 Seed maintainers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Write maintenance_reporting/data/files/maintenance_dashboard.json, the
preventive / corrective dashboard shipped as data (Odoo's
``spreadsheet_dashboard``): live pivots, charts and a list bound to the
indicators' report models, in English (the French comes from
maintenance_reporting/i18n/fr.po, like Odoo's own dashboards).

    python3 scripts/build_maintenance_dashboard.py
"""

import json
from pathlib import Path

OUT = (
    Path(__file__).resolve().parent.parent
    / "maintenance_reporting"
    / "data"
    / "files"
    / "maintenance_dashboard.json"
)
PERIOD = "0a6e7f0e-3b7a-4c51-9d57-2f5b3c8e0001"
CUSTOMER = "0a6e7f0e-3b7a-4c51-9d57-2f5b3c8e0002"
SITE = "0a6e7f0e-3b7a-4c51-9d57-2f5b3c8e0003"
# the 12 months up to the current one included (Odoo's "last_12_months"
# stops at the previous month, hiding today's work): a default value of
# maintenance_reporting/static/src/dashboard/period_default.js
PERIOD_DEFAULT = "maintenance_12_months_to_date"

# model: (date field for the period, customer field, site field)
MATCHING = {
    "maintenance.kpi.visit": ("due_date", "customer_id", "site_id"),
    "maintenance.kpi.intervention": ("date", "customer_id", "site_id"),
    "maintenance.kpi.hours": ("date", "customer_id", "site_id"),
    "maintenance.request.analysis": ("received_at", "customer_id", "site_id"),
    "maintenance.kpi.utilisation": ("date", None, None),
    "maintenance.visit": (None, "customer_id", "site_id"),
}


def matching(model, period=True):
    date_field, customer, site = MATCHING[model]
    result = {}
    date_type = (
        "date"
        if model in ("maintenance.kpi.visit", "maintenance.kpi.utilisation")
        else ("datetime")
    )
    if period and date_field:
        result[PERIOD] = {"chain": date_field, "type": date_type, "offset": 0}
    if customer:
        result[CUSTOMER] = {"chain": customer, "type": "many2one"}
    if site:
        result[SITE] = {"chain": site, "type": "many2one"}
    return result


def pivot(pid, model, name, measures, *, rows=(), domain=(), period=True, sort=None):
    data = {
        "type": "ODOO",
        "id": str(pid),
        "formulaId": str(pid),
        "model": model,
        "name": name,
        "domain": list(domain),
        "context": {},
        "measures": [{"id": m, "fieldName": m} for m in measures],
        "columns": [],
        "rows": [
            {"fieldName": r.split(":")[0], **({"granularity": r.split(":")[1]} if ":" in r else {})}
            for r in rows
        ],
        "fieldMatching": matching(model, period),
    }
    if sort:
        data["sortedColumn"] = {"measure": sort, "order": "desc", "domain": []}
    return data


def view_link(title, model, view_type, *, domain=(), group_by=(), extra=None):
    action = {
        "domain": list(domain),
        "context": {"group_by": list(group_by), **(extra or {})},
        "modelName": model,
        "views": [[False, "graph"], [False, "pivot"], [False, "list"], [False, "search"]],
    }
    target = {"viewType": view_type, "action": action, "threshold": 0, "name": title}
    return f"[{title}](odoo://view/{json.dumps(target, separators=(',', ':'))})"


def chart(fid, model, group_by, measure, *, box, kind="odoo_bar", domain=(), stacked=False):
    """An Odoo chart bound to ``model``; ``box``: (x, y, width, height) in
    pixels. No title: the linked heading above it is the title."""
    x, y, width, height = box
    mode = kind.split("_")[1]
    data = {
        "title": {"text": ""},
        "background": "#FFFFFF",
        "legendPosition": "top",
        "metaData": {
            "groupBy": list(group_by),
            "measure": measure,
            "order": None,
            "resModel": model,
            "mode": mode,
            "cumulatedStart": False,
        },
        "searchParams": {
            "comparison": None,
            # a month without any record has no point, not a 0
            "context": {"group_by": [], "graph_measure": measure, "fill_temporal": False},
            "domain": list(domain),
            "groupBy": list(group_by),
            "orderBy": [],
        },
        "type": kind,
        "dataSets": [],
        "fieldMatching": matching(model),
    }
    if kind == "odoo_bar":
        data["stacked"] = stacked
        data["verticalAxisPosition"] = "left"
    if kind == "odoo_line":
        data["verticalAxisPosition"] = "left"
        data["stacked"] = False
    return {
        "id": fid,
        "width": width,
        "height": height,
        "tag": "chart",
        "data": data,
        "offset": {"x": x, "y": y},
        "col": 0,
        "row": 0,
    }


def scorecard(fid, title, key, x, background):
    return {
        "id": fid,
        "width": 160,
        "height": 108,
        "tag": "chart",
        "data": {
            "baselineColorDown": "#DC6965",
            "baselineColorUp": "#00A04A",
            "baselineMode": "difference",
            "title": {"text": title, "bold": True, "color": "#434343"},
            "type": "scorecard",
            "background": background,
            "keyValue": key,
            "humanize": False,
        },
        "offset": {"x": x, "y": 8},
        "col": 0,
        "row": 0,
    }


def _pivot_table(pid, first_row, row_field, count, measures):
    """Cells of a pivot table: ``count`` rows of ``row_field`` (by position,
    the pivot's sorting) then a total row, one column per measure; each
    value cell opens the records behind it."""
    cells = {}
    columns = "BCDEFGH"
    for index in range(1, count + 1):
        row = first_row + index - 1
        cells[f"A{row}"] = f'=IFERROR(PIVOT.HEADER({pid},"#{row_field}",{index}),"")'
        for column, measure in zip(columns, measures, strict=False):
            cells[f"{column}{row}"] = f'=PIVOT.VALUE({pid},"{measure}","#{row_field}",{index})'
    total = first_row + count
    cells[f"A{total}"] = '=_t("Total")'
    for column, measure in zip(columns, measures, strict=False):
        cells[f"{column}{total}"] = f'=PIVOT.VALUE({pid},"{measure}")'
    return cells


def build():
    corrective = [["intervention_type", "=", "corrective"]]
    pivots = {
        "1": pivot(
            1,
            "maintenance.kpi.visit",
            "Preventive visits",
            [
                "due_count",
                "done_count",
                "on_time_count",
                "late_count",
                "missed_count",
                "on_time_rate",
            ],
        ),
        "2": pivot(
            2,
            "maintenance.kpi.visit",
            "Backlog and overdue visits (today)",
            ["backlog_count", "overdue_count"],
            period=False,
        ),
        "3": pivot(
            3,
            "maintenance.kpi.intervention",
            "Corrective dossiers",
            ["dossier_count", "open_count", "overdue_count", "hours_on_site"],
            domain=corrective,
        ),
        "4": pivot(
            4,
            "maintenance.kpi.hours",
            "Hours on site",
            ["hours", "preventive_hours", "corrective_hours"],
        ),
        "5": pivot(
            5,
            "maintenance.request.analysis",
            "Response times",
            ["compliance", "request_count"],
            domain=[["is_done", "=", True]],
        ),
        "6": pivot(
            6,
            "maintenance.kpi.utilisation",
            "Utilisation",
            ["available_hours", "on_site_hours", "utilisation"],
        ),
        "7": pivot(
            7,
            "maintenance.kpi.visit",
            "Preventive visits per month",
            [
                "due_count",
                "done_count",
                "on_time_count",
                "late_count",
                "missed_count",
                "on_time_rate",
            ],
            rows=["due_date:month"],
        ),
        "8": pivot(
            8,
            "maintenance.kpi.utilisation",
            "Utilisation per technician",
            ["available_hours", "on_site_hours", "utilisation"],
            rows=["user_id"],
            sort="on_site_hours",
        ),
        "9": pivot(
            9,
            "maintenance.kpi.intervention",
            "Corrective dossiers per priority",
            ["dossier_count", "open_count", "hours_on_site", "days_to_close"],
            rows=["priority"],
            domain=corrective,
        ),
        # open now, whatever their date: a dossier opened before the period
        # is still to do (the card opens the same dossiers)
        "10": pivot(
            10,
            "maintenance.kpi.intervention",
            "Open corrective dossiers (today)",
            ["open_count"],
            domain=corrective,
            period=False,
        ),
    }
    data_cells = {
        "A1": '=_t("Indicator")',
        "B1": '=_t("Value")',
        "A2": '=_t("Visits due")',
        "B2": '=PIVOT.VALUE(1,"due_count")',
        "A3": '=_t("Visits done")',
        "B3": '=PIVOT.VALUE(1,"done_count")',
        "A4": '=_t("On time")',
        "B4": '=PIVOT.VALUE(1,"on_time_count")',
        "A5": '=_t("Late")',
        "B5": '=PIVOT.VALUE(1,"late_count")',
        "A6": '=_t("Missed")',
        "B6": '=PIVOT.VALUE(1,"missed_count")',
        "A7": '=_t("On-time rate")',
        "B7": '=IFERROR(PIVOT.VALUE(1,"on_time_rate")/100,"-")',
        "A8": '=_t("Backlog")',
        "B8": '=PIVOT.VALUE(2,"backlog_count")',
        "A9": '=_t("Overdue visits")',
        "B9": '=PIVOT.VALUE(2,"overdue_count")',
        "A10": '=_t("Corrective dossiers")',
        "B10": '=PIVOT.VALUE(3,"dossier_count")',
        "A11": '=_t("Open corrective dossiers")',
        "B11": '=PIVOT.VALUE(10,"open_count")',
        "A12": '=_t("Preventive hours")',
        "B12": '=PIVOT.VALUE(4,"preventive_hours")',
        "A13": '=_t("Corrective hours")',
        "B13": '=PIVOT.VALUE(4,"corrective_hours")',
        "A14": '=_t("Committed times met")',
        "B14": '=IFERROR(PIVOT.VALUE(5,"compliance")/100,"-")',
        "A15": '=_t("Utilisation")',
        "B15": '=IFERROR(PIVOT.VALUE(6,"utilisation")/100,"-")',
        "A16": '=_t("Preventive share of hours")',
        "B16": '=IFERROR(B12/(B12+B13),"-")',
    }
    data_formats = {"B7": 1, "B14": 1, "B15": 1, "B16": 1, "B12:B13": 2}
    overdue_domain = [["overdue_count", "=", 1]]
    cells = {
        "A7": view_link(
            "Preventive visits per month",
            "maintenance.kpi.visit",
            "graph",
            group_by=["due_date:month", "state"],
            extra={
                "graph_measure": "__count",
                "graph_mode": "bar",
                "graph_groupbys": ["due_date:month", "state"],
            },
        ),
        "E7": view_link(
            "Preventive and corrective hours",
            "maintenance.kpi.hours",
            "graph",
            group_by=["date:month", "intervention_type"],
            extra={
                "graph_measure": "hours",
                "graph_mode": "bar",
                "graph_groupbys": ["date:month", "intervention_type"],
            },
        ),
        "A21": view_link(
            "Corrective dossiers per priority",
            "maintenance.kpi.intervention",
            "pivot",
            domain=corrective,
            group_by=["priority"],
            extra={"pivot_row_groupby": ["priority"], "pivot_measures": ["dossier_count"]},
        ),
        "E21": view_link(
            "Committed times met per month (%)",
            "maintenance.request.analysis",
            "graph",
            domain=[["is_done", "=", True]],
            group_by=["received_at:month"],
            extra={
                "graph_measure": "compliance",
                "graph_mode": "line",
                "graph_groupbys": ["received_at:month"],
            },
        ),
        "A35": view_link(
            "Preventive visits per month",
            "maintenance.kpi.visit",
            "pivot",
            group_by=["due_date:month"],
            extra={"pivot_row_groupby": ["due_date:month"]},
        ),
        "A36": '=_t("Month")',
        "B36": '=_t("Visits due")',
        "C36": '=_t("Done")',
        "D36": '=_t("On time")',
        "E36": '=_t("Done late")',
        "F36": '=_t("Missed")',
        "G36": '=_t("On time (%)")',
        **_pivot_table(
            7,
            37,
            "due_date:month",
            13,
            [
                "due_count",
                "done_count",
                "on_time_count",
                "late_count",
                "missed_count",
                "on_time_rate",
            ],
        ),
        "A52": view_link(
            "Technicians' utilisation",
            "maintenance.kpi.utilisation",
            "pivot",
            group_by=["user_id"],
            extra={"pivot_row_groupby": ["user_id"]},
        ),
        "A53": '=_t("Technician")',
        "B53": '=_t("Available hours")',
        "C53": '=_t("Hours on site")',
        "D53": '=_t("Utilisation (%)")',
        **_pivot_table(8, 54, "user_id", 5, ["available_hours", "on_site_hours", "utilisation"]),
        "A61": view_link(
            "Corrective dossiers per priority",
            "maintenance.kpi.intervention",
            "list",
            domain=corrective,
        ),
        "A62": '=_t("Priority")',
        "B62": '=_t("Dossiers")',
        "C62": '=_t("Open")',
        "D62": '=_t("Hours on site")',
        "E62": '=_t("Days to close")',
        **_pivot_table(
            9, 63, "priority", 3, ["dossier_count", "open_count", "hours_on_site", "days_to_close"]
        ),
        "A68": view_link(
            "Overdue visits",
            "maintenance.kpi.visit",
            "list",
            domain=overdue_domain,
        ),
        "A69": '=ODOO.LIST.HEADER(1,"due_date")',
        "B69": '=ODOO.LIST.HEADER(1,"window_end")',
        "C69": '=ODOO.LIST.HEADER(1,"customer_id")',
        "E69": '=ODOO.LIST.HEADER(1,"site_id")',
        "G69": '=ODOO.LIST.HEADER(1,"equipment_id")',
    }
    for index in range(1, 11):
        row = 69 + index
        cells[f"A{row}"] = f'=ODOO.LIST(1,{index},"due_date")'
        cells[f"B{row}"] = f'=ODOO.LIST(1,{index},"window_end")'
        cells[f"C{row}"] = f'=ODOO.LIST(1,{index},"customer_id")'
        cells[f"E{row}"] = f'=ODOO.LIST(1,{index},"site_id")'
        cells[f"G{row}"] = f'=ODOO.LIST(1,{index},"equipment_id")'
    styles = {
        "A7": 1,
        "E7": 1,
        "A21": 1,
        "E21": 1,
        "A35": 1,
        "A52": 1,
        "A61": 1,
        "A68": 1,
        "A36:G36": 2,
        "A53:D53": 2,
        "A62:E62": 2,
        "A69:H69": 2,
        "A50:G50": 3,
        "A59:D59": 3,
        "A66:E66": 3,
        "A37:A49": 4,
        "A54:A58": 4,
        "A63:A65": 4,
    }
    sheet_formats = {"B37:F50": 3, "G37:G50": 2, "B54:D59": 2, "D63:E66": 2}
    lists = {
        "1": {
            "id": "1",
            "name": "Overdue visits",
            "model": "maintenance.visit",
            "columns": ["due_date", "window_end", "customer_id", "site_id", "equipment_id"],
            "domain": [["is_overdue", "=", True]],
            "context": {},
            "orderBy": [{"name": "due_date", "asc": True}],
            "fieldMatching": matching("maintenance.visit"),
        }
    }
    figures = [
        scorecard("sc-due", "Visits due", "Data!B2", 0, "#EFF6FF"),
        scorecard("sc-on-time", "On time", "Data!B7", 168, "#EFF6FF"),
        scorecard("sc-overdue", "Overdue visits", "Data!B9", 336, "#FEF2F2"),
        scorecard("sc-open-corrective", "Open corrective", "Data!B11", 504, "#FEF2F2"),
        scorecard("sc-response", "Times met", "Data!B14", 672, "#FFF7ED"),
        scorecard("sc-utilisation", "Occupancy", "Data!B15", 840, "#FFF7ED"),
        chart(
            "ch-visits",
            "maintenance.kpi.visit",
            ["due_date:month", "state"],
            "__count",
            box=(0, 182, 495, 290),
            stacked=True,
        ),
        chart(
            "ch-hours",
            "maintenance.kpi.hours",
            ["date:month", "intervention_type"],
            "hours",
            box=(505, 182, 495, 290),
            stacked=True,
            domain=[["intervention_type", "in", ["preventive", "corrective"]]],
        ),
        chart(
            "ch-priority",
            "maintenance.kpi.intervention",
            ["priority"],
            "__count",
            box=(0, 521, 495, 290),
            kind="odoo_pie",
            domain=corrective,
        ),
        chart(
            "ch-response",
            "maintenance.request.analysis",
            # one series, all commitments: months with few requests would
            # otherwise draw a commitment's line from 100 % to 0 % and back
            ["received_at:month"],
            "compliance",
            box=(505, 521, 495, 290),
            kind="odoo_line",
            domain=[["is_done", "=", True]],
        ),
    ]
    menus = {
        "sc-due": "maintenance_reporting.maintenance_kpi_visit_menu",
        "sc-on-time": "maintenance_reporting.maintenance_kpi_visit_menu",
        "sc-overdue": "maintenance_reporting.maintenance_kpi_visit_menu",
        "sc-open-corrective": "maintenance_reporting.maintenance_intervention_menu_open_corrective",
        "sc-response": "maintenance_reporting.maintenance_request_analysis_menu",
        "sc-utilisation": "maintenance_reporting.maintenance_kpi_utilisation_menu",
        "ch-visits": "maintenance_reporting.maintenance_kpi_visit_menu",
        "ch-hours": "maintenance_reporting.maintenance_kpi_hours_menu",
        "ch-priority": "maintenance_reporting.maintenance_kpi_intervention_menu",
        "ch-response": "maintenance_reporting.maintenance_request_analysis_menu",
    }
    col_sizes = {
        "0": {"size": 180},
        "1": {"size": 140},
        **{str(i): {"size": 118} for i in range(2, 7)},
        "7": {"size": 100},
    }
    return {
        "version": "18.4.14",
        "sheets": [
            {
                "id": "dashboard",
                "name": "Dashboard",
                "colNumber": 8,
                "rowNumber": 90,
                "rows": {
                    "6": {"size": 40},
                    "20": {"size": 40},
                    "34": {"size": 40},
                    "51": {"size": 40},
                    "60": {"size": 40},
                    "67": {"size": 40},
                },
                "cols": col_sizes,
                "merges": [f"{a}{r}:{b}{r}" for r in range(69, 80) for a, b in ("CD", "EF", "GH")],
                "cells": cells,
                "styles": styles,
                "formats": sheet_formats,
                "borders": {},
                "conditionalFormats": [],
                "dataValidationRules": [],
                "figures": figures,
                "tables": [],
                "areGridLinesVisible": False,
                "isVisible": True,
                "headerGroups": {"ROW": [], "COL": []},
                "comments": {},
            },
            {
                "id": "data",
                "name": "Data",
                "colNumber": 4,
                "rowNumber": 20,
                "rows": {},
                "cols": {"0": {"size": 220}, "1": {"size": 120}},
                "merges": [],
                "cells": data_cells,
                "styles": {"A1:B1": 2},
                "formats": data_formats,
                "borders": {},
                "conditionalFormats": [],
                "dataValidationRules": [],
                "figures": [],
                "tables": [],
                "areGridLinesVisible": True,
                "isVisible": True,
                "headerGroups": {"ROW": [], "COL": []},
                "comments": {},
            },
        ],
        "styles": {
            "1": {"textColor": "#01666b", "fontSize": 16, "bold": True},
            "2": {"textColor": "#434343", "bold": True, "fontSize": 11},
            "3": {"bold": True},
            "4": {"align": "left"},
        },
        "formats": {"1": "0.0%", "2": "0.0", "3": "0"},
        "borders": {},
        "revisionId": "START_REVISION",
        "uniqueFigureIds": True,
        "settings": {},
        "pivots": pivots,
        "pivotNextId": 11,
        "customTableStyles": {},
        "globalFilters": [
            {"id": PERIOD, "type": "date", "label": "Period", "defaultValue": PERIOD_DEFAULT},
            {
                "id": CUSTOMER,
                "type": "relation",
                "label": "Customer",
                "modelName": "res.partner",
                "defaultValueDisplayNames": [],
            },
            {
                "id": SITE,
                "type": "relation",
                "label": "Installed site",
                "modelName": "maintenance.site",
                "defaultValueDisplayNames": [],
            },
        ],
        "lists": lists,
        "listNextId": 2,
        "chartOdooMenusReferences": menus,
    }


def main():
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(build(), indent=1, ensure_ascii=False) + "\n")
    print(f"written {OUT}")


if __name__ == "__main__":
    main()
