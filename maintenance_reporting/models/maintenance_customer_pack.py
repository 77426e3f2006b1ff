# Copyright 2026 Seed maintainers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from collections import defaultdict
from datetime import datetime, time, timedelta

import pytz
from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.fields import Domain
from odoo.tools import SQL, format_date, format_datetime, formatLang, get_lang

from ..report import maintenance_customer_pack_chart as charts

FREQUENCIES = [("none", "Never"), ("monthly", "Every month"), ("yearly", "Every year")]
# documents of the pack: what the company issued, not the technicians' photos
DOCUMENT_CATEGORIES = ("report", "certificate", "plan", "manual", "quote", "other")
KINDS = ("response", "intervention", "restoration")
MAX_METER_CHARTS = 12


class MaintenanceCustomerPack(models.Model):
    """The customer's report pack for a period: a PDF (summary page, covered
    equipment, preventive visits planned and done, corrective interventions
    against the committed times, meter readings, availability and failures,
    documents issued) for one customer, or one of its sites or contracts.
    Each pack printed or sent is kept: the history of what the customer
    received, and the key that makes the monthly/yearly sending idempotent."""

    _name = "maintenance.customer.pack"
    _description = "Customer report pack"
    _inherit = ["mail.thread"]
    _order = "date_to desc, id desc"
    _check_company_auto = True

    name = fields.Char(compute="_compute_name", store=True, readonly=True)
    period_label = fields.Char(string="Period", compute="_compute_name", store=True)
    company_id = fields.Many2one(
        comodel_name="res.company",
        required=True,
        index=True,
        default=lambda self: self.env.company,
    )
    customer_id = fields.Many2one(
        comodel_name="res.partner",
        string="Customer",
        required=True,
        index=True,
        domain="[('is_company', '=', True)]",
    )
    site_id = fields.Many2one(
        comodel_name="maintenance.site",
        string="Installed site",
        index=True,
        check_company=True,
        domain="[('customer_id', '=', customer_id)]",
        help="Leave empty for all the customer's sites.",
    )
    contract_id = fields.Many2one(
        comodel_name="contract.contract",
        string="Contract",
        index=True,
        check_company=True,
        domain="[('is_maintenance', '=', True), ('site_id.customer_id', '=', customer_id)]",
        help="Leave empty for all the customer's contracts.",
    )
    partner_id = fields.Many2one(
        comodel_name="res.partner",
        string="Send to",
        compute="_compute_partner_id",
        store=True,
        readonly=False,
        precompute=True,
        help="The contact who receives the pack: the site's contact, otherwise the customer.",
    )
    date_from = fields.Date(string="From", required=True)
    date_to = fields.Date(string="To", required=True)
    state = fields.Selection(
        selection=[("draft", "Not sent"), ("sent", "Sent")],
        string="Status",
        default="draft",
        required=True,
        readonly=True,
        copy=False,
        tracking=True,
    )
    sent_date = fields.Datetime(string="Sent on", readonly=True, copy=False)
    scheduled = fields.Boolean(
        string="Sent automatically",
        readonly=True,
        copy=False,
        help="Created and sent by the monthly or yearly sending of its contract.",
    )

    _dates_check = models.Constraint(
        "CHECK(date_from <= date_to)",
        "The period of a customer report must start before it ends.",
    )
    # the scheduled sending writes one pack per contract and period, once
    _scheduled_unique = models.UniqueIndex(
        "(contract_id, date_from, date_to) WHERE scheduled",
        "This contract's report for this period was already sent.",
    )

    @api.depends("customer_id", "site_id", "contract_id", "date_from", "date_to")
    def _compute_name(self):
        for pack in self:
            lang = get_lang(pack.env, pack.customer_id.lang).code
            env = pack.with_context(lang=lang).env
            scope = pack.contract_id.code or pack.site_id.name or pack.customer_id.name or ""
            if pack.date_from and pack.date_to:
                period = pack._period_label(lang)
                pack.period_label = period
                pack.name = env._("Report %(scope)s - %(period)s", scope=scope, period=period)
            else:
                pack.period_label = False
                pack.name = env._("Report %(scope)s", scope=scope)

    @api.depends("customer_id", "site_id")
    def _compute_partner_id(self):
        for pack in self:
            pack.partner_id = pack.site_id.site_contact_id or pack.customer_id

    @api.constrains("customer_id", "site_id", "contract_id")
    def _check_scope(self):
        for pack in self:
            if pack.site_id and pack.site_id.customer_id != pack.customer_id:
                raise ValidationError(
                    self.env._(
                        "The site %(site)s is not a site of %(customer)s.",
                        site=pack.site_id.name,
                        customer=pack.customer_id.name,
                    )
                )
            if pack.contract_id and pack.contract_id.site_id.customer_id != pack.customer_id:
                raise ValidationError(
                    self.env._(
                        "The contract %(contract)s is not a contract of %(customer)s.",
                        contract=pack.contract_id.display_name,
                        customer=pack.customer_id.name,
                    )
                )

    # ------------------------------------------------------------------
    # actions
    # ------------------------------------------------------------------
    def action_print(self):
        return self.env.ref(
            "maintenance_reporting.maintenance_customer_pack_report_action"
        ).report_action(self)

    def action_send(self):
        """The mail composer with the French template and the PDF attached."""
        self.ensure_one()
        template = self.env.ref(
            "maintenance_reporting.mail_template_customer_pack", raise_if_not_found=False
        )
        return {
            "type": "ir.actions.act_window",
            "res_model": "mail.compose.message",
            "view_mode": "form",
            "views": [(False, "form")],
            "target": "new",
            "context": {
                "default_model": self._name,
                "default_res_ids": self.ids,
                "default_template_id": template.id if template else False,
                "default_composition_mode": "comment",
                "default_email_layout_xmlid": "mail.mail_notification_light",
                "mark_pack_as_sent": True,
            },
        }

    def message_post(self, **kwargs):
        if self.env.context.get("mark_pack_as_sent"):
            self.filtered(lambda pack: pack.state == "draft").write(
                {"state": "sent", "sent_date": fields.Datetime.now()}
            )
        return super().message_post(**kwargs)

    def _send_scheduled(self):
        """Send each pack with the French template (PDF attached, logged in
        its chatter); a pack whose recipient has no e-mail address stays
        *not sent*, with a note saying so."""
        template = self.env.ref("maintenance_reporting.mail_template_customer_pack")
        sendable = self.filtered(lambda pack: pack.partner_id.email)
        for pack in self - sendable:
            lang = get_lang(self.env, pack.customer_id.lang).code
            pack.message_post(
                body=pack.with_context(lang=lang).env._(
                    "Not sent: %(partner)s has no e-mail address.",
                    partner=pack.partner_id.display_name or pack.customer_id.display_name,
                )
            )
        # from the company, not from the job's OdooBot
        for company, packs in sendable.grouped("company_id").items():
            packs.with_context(mark_pack_as_sent=True).message_post_with_source(
                template,
                message_type="comment",
                subtype_xmlid="mail.mt_comment",
                email_layout_xmlid="mail.mail_notification_light",
                **company._maintenance_mail_sender(),
            )
        return sendable

    # ------------------------------------------------------------------
    # period and scope
    # ------------------------------------------------------------------
    def _tz(self):
        # the company's zone, like every document we print (the customer's
        # contact's zone is only the zone of whoever created it)
        return self.company_id._maintenance_tz()

    def _period_bounds(self):
        """The period as UTC naive datetimes [start, stop): from midnight of
        its first day to midnight after its last day, in the company's
        time zone."""
        tz = pytz.timezone(self._tz())

        def utc(day):
            return (
                tz.localize(datetime.combine(day, time.min))
                .astimezone(pytz.utc)
                .replace(tzinfo=None)
            )

        return utc(self.date_from), utc(self.date_to + timedelta(days=1))

    def _period_label(self, lang):
        env = self.with_context(lang=lang).env
        first, last = self.date_from, self.date_to
        if first.day == 1 and last == first + relativedelta(day=31):
            return format_date(env, first, lang_code=lang, date_format="MMMM yyyy")
        if (first.month, first.day, last.month, last.day) == (1, 1, 12, 31) and (
            first.year == last.year
        ):
            return str(first.year)
        return env._(
            "%(first)s to %(last)s",
            first=format_date(env, first, lang_code=lang),
            last=format_date(env, last, lang_code=lang),
        )

    def _scope_domain(self, customer="customer_id", site="site_id", contract="contract_id"):
        """The domain of this pack's customer (and site, contract) on a
        model having these fields: nothing of another customer."""
        domain = Domain(customer, "=", self.customer_id.id)
        if self.site_id and site:
            domain &= Domain(site, "=", self.site_id.id)
        if self.contract_id and contract:
            domain &= Domain(contract, "=", self.contract_id.id)
        return domain

    def _scope_equipment(self):
        domain = self._scope_domain(contract=False)
        if self.contract_id:
            domain &= Domain("id", "in", self.contract_id.contract_line_ids.equipment_id.ids)
        return self.env["maintenance.customer.equipment"].search(domain, order="site_id, name")

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

    # ------------------------------------------------------------------
    # scheduled sending
    # ------------------------------------------------------------------
    @api.model
    def _scheduled_period(self, frequency, today):
        """The last complete month or calendar year before ``today``."""
        if frequency == "monthly":
            first = today + relativedelta(months=-1, day=1)
            return first, first + relativedelta(day=31)
        first = today + relativedelta(years=-1, month=1, day=1)
        return first, first + relativedelta(month=12, day=31)

    @api.model
    def _cron_send_scheduled(self, batch_size=20):
        """Each contract asking for a monthly or yearly report gets it once
        for its last complete period (the unique key contract + period),
        in batches, reporting progress to the cron."""
        today = fields.Date.context_today(self)
        in_cron = bool(self.env.context.get("ir_cron_progress_id"))
        Contract = self.env["contract.contract"]
        for frequency in ("monthly", "yearly"):
            date_from, date_to = self._scheduled_period(frequency, today)
            domain = [
                ("is_maintenance", "=", True),
                ("customer_pack_frequency", "=", frequency),
                ("maintenance_state", "!=", "draft"),
                ("date_start", "<=", date_to),
                "|",
                ("date_end", "=", False),
                ("date_end", ">=", date_from),
                (
                    "customer_pack_ids",
                    "not any",
                    [
                        ("scheduled", "=", True),
                        ("date_from", "=", date_from),
                        ("date_to", "=", date_to),
                    ],
                ),
            ]
            while True:
                contracts = Contract._maintenance_lock_batch(domain, batch_size)
                if not contracts:
                    break
                packs = self.create(
                    [
                        {
                            "company_id": contract.company_id.id,
                            "customer_id": contract.site_id.customer_id.id,
                            "site_id": contract.site_id.id,
                            "contract_id": contract.id,
                            "date_from": date_from,
                            "date_to": date_to,
                            "scheduled": True,
                        }
                        for contract in contracts
                    ]
                )
                packs._send_scheduled()
                if in_cron:
                    remaining = Contract.search_count(domain)
                    if not self.env["ir.cron"]._commit_progress(
                        len(contracts), remaining=remaining
                    ):
                        break
        return True
