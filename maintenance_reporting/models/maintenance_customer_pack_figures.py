# Copyright 2026 Seed maintainers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The figures the customer pack prints: equipment, preventive visits,
documents and the summary page, gathered by :meth:`_pack_data`. The
sections of requests, meters and availability are built in their own files."""

from collections import defaultdict

from odoo import fields, models
from odoo.fields import Domain
from odoo.tools import SQL, format_date, formatLang, get_lang

from ..report import maintenance_customer_pack_chart as charts

# documents of the pack: what the company issued, not the technicians' photos
DOCUMENT_CATEGORIES = ("report", "certificate", "plan", "manual", "quote", "other")


class MaintenanceCustomerPack(models.Model):
    _inherit = "maintenance.customer.pack"

    # ------------------------------------------------------------------
    # figures (set-based: a constant number of queries per pack)
    # ------------------------------------------------------------------
    def _pack_data(self):
        """Everything the PDF prints, in the customer's language."""
        self.ensure_one()
        lang = get_lang(self.env, self.customer_id.lang).code
        pack = self.with_context(lang=lang)
        start, stop = pack._period_bounds()
        equipment = pack._scope_equipment()
        data = {
            "lang": lang,
            "period": pack._period_label(lang),
            "equipment": pack._equipment_rows(equipment),
            "visits": pack._visit_figures(),
            "requests": pack._request_figures(start, stop),
            "meters": pack._meter_figures(equipment, start, stop),
            "availability": pack._availability_figures(equipment, start, stop),
            "documents": pack._document_rows(equipment, start, stop),
        }
        data["summary"] = pack._summary(data)
        # rows of 4 figures on the summary page, meter charts two by two
        data["summary_rows"] = [
            data["summary"][i : i + 4] for i in range(0, len(data["summary"]), 4)
        ]
        charted = [meter for meter in data["meters"] if meter["chart"]]
        data["meter_chart_rows"] = [charted[i : i + 2] for i in range(0, len(charted), 2)]
        return data

    def _fmt(self, value, digits=1):
        return formatLang(self.env, value, digits=digits)

    def _hours(self, hours):
        """2.5 -> '2 h 30', 0.75 -> '45 min', None -> '-'."""
        if hours is None or hours is False:
            return "-"
        minutes = round(hours * 60)
        if minutes < 60:
            return f"{minutes} min"
        return f"{minutes // 60} h {minutes % 60:02d}"

    def _percent(self, part, whole):
        if not whole:
            return None
        return 100.0 * part / whole

    def _percent_label(self, value):
        return "-" if value is None else f"{self._fmt(value)} %"

    def _equipment_rows(self, equipment):
        lines = self.env["contract.line"].search_fetch(
            Domain("equipment_id", "in", equipment.ids)
            & Domain("warranty_type_id", "!=", False)
            & Domain("contract_id.maintenance_state", "!=", "draft")
            & Domain("date_start", "<=", self.date_to)
            & (Domain("date_end", "=", False) | Domain("date_end", ">=", self.date_from))
            & (
                Domain("contract_id", "=", self.contract_id.id) if self.contract_id else Domain.TRUE
            ),
            ["equipment_id", "warranty_type_id", "contract_id"],
        )
        coverage = defaultdict(list)
        for line in lines:
            coverage[line.equipment_id.id].append(
                f"{line.warranty_type_id.name} ({line.contract_id.code or line.contract_id.name})"
            )
        return [
            {
                "name": item.name,
                "site": item.site_id.name,
                "serial": item.serial_number or "",
                "model": " ".join(part for part in (item.brand, item.model) if part),
                "location": item.location or "",
                "coverage": ", ".join(coverage.get(item.id, [])),
                "covered": item.id in coverage,
            }
            for item in equipment
        ]

    def _visit_figures(self):
        Visit = self.env["maintenance.visit"]
        domain = (
            self._scope_domain()
            & Domain("due_date", ">=", self.date_from)
            & Domain("due_date", "<=", self.date_to)
            & Domain("state", "!=", "cancelled")
        )
        today = fields.Date.context_today(self)
        # one query: due, done, on time, missed and overdue per month
        query = Visit._search(domain)
        month = SQL("date_trunc('month', %s)::date", Visit._field_to_sql(query.table, "due_date"))
        on_time = SQL(
            "%s = 'done' AND %s <= COALESCE(%s, %s)",
            Visit._field_to_sql(query.table, "state"),
            Visit._field_to_sql(query.table, "done_date"),
            Visit._field_to_sql(query.table, "window_end"),
            Visit._field_to_sql(query.table, "due_date"),
        )
        state = Visit._field_to_sql(query.table, "state")
        query.groupby = month
        query.order = month
        rows = self.env.execute_query(
            query.select(
                month,
                SQL("COUNT(*)"),
                SQL("COUNT(*) FILTER (WHERE %s = 'done')", state),
                SQL("COUNT(*) FILTER (WHERE %s)", on_time),
                SQL("COUNT(*) FILTER (WHERE %s = 'missed')", state),
                SQL(
                    "COUNT(*) FILTER (WHERE %s IN ('to_plan', 'planned') AND %s < %s)",
                    state,
                    SQL(
                        "COALESCE(%s, %s)",
                        Visit._field_to_sql(query.table, "window_end"),
                        Visit._field_to_sql(query.table, "due_date"),
                    ),
                    today,
                ),
            )
        )
        due = sum(row[1] for row in rows)
        done = sum(row[2] for row in rows)
        on_time_count = sum(row[3] for row in rows)
        missed = sum(row[4] for row in rows)
        overdue = sum(row[5] for row in rows)
        chart = None
        if rows:
            labels = [
                format_date(self.env, row[0], lang_code=self.env.lang, date_format="MMM yy")
                for row in rows
            ]
            chart = charts.grouped_bars(
                labels,
                [
                    (self.env._("Due"), [row[1] for row in rows], charts.LIGHT),
                    (self.env._("Done"), [row[2] for row in rows], charts.BLUE),
                    (self.env._("Done on time"), [row[3] for row in rows], charts.ORANGE),
                ],
                self.env.lang,
                title=self.env._("Preventive visits per month"),
            )
        visits = Visit.search_fetch(
            domain,
            [
                "due_date",
                "window_start",
                "window_end",
                "state",
                "done_date",
                "site_id",
                "equipment_id",
                "intervention_id",
            ],
            order="due_date, id",
        )
        reports = self._report_names(visits.intervention_id)
        states = dict(Visit._fields["state"]._description_selection(self.env))
        return {
            "due": due,
            "done": done,
            "on_time": on_time_count,
            "late": done - on_time_count,
            "missed": missed,
            "overdue": overdue,
            "done_rate": self._percent(done, due),
            "on_time_rate": self._percent(on_time_count, done),
            "chart": chart,
            "rows": [
                {
                    "due": format_date(self.env, visit.due_date),
                    "window": " - ".join(
                        format_date(self.env, day)
                        for day in (visit.window_start, visit.window_end)
                        if day
                    ),
                    "equipment": ", ".join(visit.equipment_ids.mapped("name")),
                    "site": visit.site_id.name,
                    "state": states.get(visit.state, visit.state),
                    "done": format_date(self.env, visit.done_date) if visit.done_date else "",
                    "late": bool(
                        visit.state == "done"
                        and visit.done_date
                        and visit.done_date > (visit.window_end or visit.due_date)
                    ),
                    "dossier": visit.intervention_id.name or "",
                    "reports": reports.get(visit.intervention_id.id, []),
                }
                for visit in visits
            ],
        }

    def _report_names(self, dossiers):
        """{dossier id: [intervention report names]} in one query."""
        if not dossiers:
            return {}
        tasks = dossiers.task_ids
        attachments = self.env["ir.attachment"].search_fetch(
            [
                ("res_model", "=", "maintenance.task"),
                ("res_id", "in", tasks.ids),
                ("maintenance_category", "=", "report"),
            ],
            ["name", "res_id"],
            order="id",
        )
        dossier_of_task = {task.id: task.intervention_id.id for task in tasks}
        names = defaultdict(list)
        for attachment in attachments:
            names[dossier_of_task[attachment.res_id]].append(attachment.name)
        return names

    def _document_rows(self, equipment, start, stop):
        """Documents issued in the period: the company's documents on this
        customer's records (intervention reports, certificates, quotes...)
        and its posted invoices."""
        Attachment = self.env["ir.attachment"]
        Dossier = self.env["maintenance.intervention"]
        dossiers = Dossier._search(self._scope_domain())
        tasks = self.env["maintenance.task"]._search([("intervention_id", "in", dossiers)])
        sites = self.site_id or self.env["maintenance.site"].search(
            [("customer_id", "=", self.customer_id.id)]
        )
        contracts = self.contract_id or self.env["contract.contract"].search(
            [("is_maintenance", "=", True), ("site_id", "in", sites.ids)]
        )
        scope = (
            (
                Domain("res_model", "=", "maintenance.intervention")
                & Domain("res_id", "in", dossiers)
            )
            | (Domain("res_model", "=", "maintenance.task") & Domain("res_id", "in", tasks))
            | (
                Domain("res_model", "=", "maintenance.customer.equipment")
                & Domain("res_id", "in", equipment.ids)
            )
            | (Domain("res_model", "=", "maintenance.site") & Domain("res_id", "in", sites.ids))
            | (
                Domain("res_model", "=", "contract.contract")
                & Domain("res_id", "in", contracts.ids)
            )
        )
        attachments = Attachment.search_fetch(
            scope
            & Domain("maintenance_category", "in", DOCUMENT_CATEGORIES)
            & Domain("create_date", ">=", start)
            & Domain("create_date", "<", stop),
            ["name", "create_date", "maintenance_category"],
            order="create_date, id",
        )
        categories = dict(
            Attachment._fields["maintenance_category"]._description_selection(self.env)
        )
        rows = [
            {
                "date": format_date(self.env, attachment.create_date),
                "category": categories.get(attachment.maintenance_category, ""),
                "name": attachment.name,
            }
            for attachment in attachments
        ]
        Move = self.env["account.move"]
        if Move.has_access("read"):
            domain = (
                Domain("move_type", "in", ("out_invoice", "out_refund"))
                & Domain("state", "=", "posted")
                & Domain("commercial_partner_id", "=", self.customer_id.id)
                & Domain("invoice_date", ">=", self.date_from)
                & Domain("invoice_date", "<=", self.date_to)
            )
            if self.contract_id or self.site_id:
                domain &= Domain(
                    "invoice_line_ids.contract_line_id.contract_id", "in", contracts.ids
                )
            labels = dict(Move._fields["move_type"]._description_selection(self.env))
            for move in Move.search_fetch(
                domain,
                ["name", "invoice_date", "move_type", "amount_total", "currency_id"],
                order="invoice_date, id",
            ):
                rows.append(
                    {
                        "date": format_date(self.env, move.invoice_date),
                        "category": labels.get(move.move_type, ""),
                        "name": "{} ({})".format(  # noqa: UP032
                            move.name,
                            formatLang(self.env, move.amount_total, currency_obj=move.currency_id),
                        ),
                    }
                )
        return rows

    def _summary(self, data):
        visits, requests = data["visits"], data["requests"]
        restoration = next(kind for kind in requests["kinds"] if kind["kind"] == "restoration")
        intervention = next(kind for kind in requests["kinds"] if kind["kind"] == "intervention")
        cards = [
            (
                self.env._("Equipment covered"),
                str(sum(row["covered"] for row in data["equipment"])),
            ),
            (
                self.env._("Preventive visits done"),
                f"{visits['done']} / {visits['due']}",
            ),
            (self.env._("Visits done on time"), self._percent_label(visits["on_time_rate"])),
            (self.env._("Customer requests"), str(requests["count"])),
            (self.env._("Corrective interventions"), str(requests["corrective_count"])),
            (self.env._("Intervention times met"), self._percent_label(intervention["rate"])),
            (self.env._("Restoration times met"), self._percent_label(restoration["rate"])),
        ]
        if data["availability"]["available"]:
            cards += data["availability"]["cards"]
        cards.append((self.env._("Documents issued"), str(len(data["documents"]))))
        return cards
