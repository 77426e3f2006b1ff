# Copyright 2026 Seed maintainers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The customer pack's requests section: committed times met or missed."""

from odoo import models
from odoo.fields import Domain
from odoo.tools import SQL, format_datetime

from ..report import maintenance_customer_pack_chart as charts

KINDS = ("response", "intervention", "restoration")


class MaintenanceCustomerPack(models.Model):
    _inherit = "maintenance.customer.pack"

    def _request_figures(self, start, stop):
        Request = self.env["maintenance.customer.request"]
        domain = (
            self._scope_domain()
            & Domain("received_at", ">=", start)
            & Domain("received_at", "<", stop)
            & Domain("state", "!=", "cancelled")
        )
        # one query: per committed time, how many were due, measured, met
        query = Request._search(domain)
        query.order = None
        columns = [SQL("COUNT(*)")]
        for kind in KINDS:
            allowed = Request._field_to_sql(query.table, f"{kind}_allowed")
            met = Request._field_to_sql(query.table, f"{kind}_met")
            hours = Request._field_to_sql(query.table, f"{kind}_hours")
            columns += [
                SQL("COUNT(*) FILTER (WHERE %s > 0 AND %s IS NOT NULL)", allowed, met),
                SQL("COUNT(*) FILTER (WHERE %s > 0 AND %s = 'met')", allowed, met),
                SQL("AVG(%s) FILTER (WHERE %s > 0 AND %s IS NOT NULL)", hours, allowed, met),
                SQL("AVG(%s) FILTER (WHERE %s > 0 AND %s IS NOT NULL)", allowed, allowed, met),
            ]
        [row] = self.env.execute_query(query.select(*columns))
        labels = dict(
            self.env["maintenance.commitment"]._fields["kind"]._description_selection(self.env)
        )
        kinds = []
        for index, kind in enumerate(KINDS):
            measured, met, hours, allowed = row[1 + 4 * index : 5 + 4 * index]
            kinds.append(
                {
                    "kind": kind,
                    "label": labels[kind],
                    "measured": measured,
                    "met": met,
                    "missed": measured - met,
                    "rate": self._percent(met, measured),
                    "rate_label": self._percent_label(self._percent(met, measured)),
                    "hours": self._hours(hours),
                    "allowed": self._hours(allowed),
                }
            )
        chart = None
        if any(kind["measured"] for kind in kinds):
            shown = [kind for kind in kinds if kind["measured"]]
            chart = charts.horizontal_bars(
                [kind["label"] for kind in shown],
                [kind["rate"] for kind in shown],
                self.env.lang,
                title=self.env._("Committed times met (%)"),
                limit=100,
                target=100,
            )
        requests = Request.search_fetch(
            domain,
            [
                "name",
                "received_at",
                "site_id",
                "equipment_id",
                "priority",
                "title",
                "intervention_id",
                "state",
            ]
            + [f"{kind}_{suffix}" for kind in KINDS for suffix in ("allowed", "hours", "met")],
            order="received_at, id",
        )
        priorities = dict(Request._fields["priority"]._description_selection(self.env))
        results = dict(Request._fields["response_met"]._description_selection(self.env))
        tz = self._tz()
        rows = [
            {
                "name": request.name,
                "received": format_datetime(
                    self.env, request.received_at, tz=tz, dt_format="short"
                ),
                "subject": request.title or "",
                "equipment": request.equipment_id.name or request.site_id.name,
                "priority": priorities.get(request.priority, ""),
                "dossier": request.intervention_id.name or "",
                "times": [
                    {
                        "allowed": self._hours(request[f"{kind}_allowed"])
                        if request[f"{kind}_allowed"]
                        else "",
                        "hours": self._hours(request[f"{kind}_hours"])
                        if request[f"{kind}_met"]
                        else "",
                        "met": request[f"{kind}_met"] or "",
                        "result": results.get(request[f"{kind}_met"], ""),
                    }
                    for kind in KINDS
                ],
            }
            for request in requests
        ]
        # corrective dossiers of the period that no request opened (sensor
        # alerts, work found during a visit)
        Dossier = self.env["maintenance.intervention"]
        dossier_domain = (
            self._scope_domain()
            & Domain("intervention_type", "=", "corrective")
            & Domain("state", "!=", "cancelled")
            & (
                (Domain("date_start", ">=", start) & Domain("date_start", "<", stop))
                | (
                    Domain("date_start", "=", False)
                    & Domain("create_date", ">=", start)
                    & Domain("create_date", "<", stop)
                )
            )
        )
        other_dossiers = Dossier.search_fetch(
            dossier_domain & Domain("id", "not in", requests.intervention_id.ids),
            ["name", "date_start", "create_date", "state", "equipment_ids", "site_id"],
            order="date_start, id",
        )
        # the corrective interventions of the period: the dossiers of its
        # requests, and the corrective dossiers started in it
        corrective_count = len(
            requests.intervention_id.filtered(lambda dossier: dossier.state != "cancelled")
            | other_dossiers
        )
        dossier_states = dict(Dossier._fields["state"]._description_selection(self.env))
        return {
            "count": len(requests),
            "corrective_count": corrective_count,
            "kinds": kinds,
            "chart": chart,
            "rows": rows,
            "other_dossiers": [
                {
                    "name": dossier.name,
                    "date": format_datetime(
                        self.env,
                        dossier.date_start or dossier.create_date,
                        tz=tz,
                        dt_format="short",
                    ),
                    "equipment": ", ".join(dossier.equipment_ids.mapped("name"))
                    or dossier.site_id.name,
                    "state": dossier_states.get(dossier.state, ""),
                }
                for dossier in other_dossiers
            ],
        }
