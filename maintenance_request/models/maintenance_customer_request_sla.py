# Copyright 2026 Seed maintainers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from collections import defaultdict
from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.fields import Domain

from odoo.addons.maintenance_contracts.cron_lock import lock_batch
from odoo.addons.maintenance_planning.models.maintenance_commitment_clock import WorkClock

from .maintenance_customer_request import KIND_KEYS, MILESTONES, QUIET_STATES

# the longest span read from a calendar before giving up (no working time)
MAX_SPAN_DAYS = 800
# writing these may move the at-risk moments and deadlines to come
ALERT_FIELDS = {
    "received_at",
    "priority",
    "site_id",
    "equipment_id",
    "contract_id",
    "warranty_type_id",
    "calendar_id",
    "company_id",
    "to_confirm",
    "pause_ids",
    "state",
}


def _to_the_minute(moment):
    """The minute at or after ``moment`` (ir.cron triggers are to the minute)."""
    if moment.second or moment.microsecond:
        return moment.replace(second=0, microsecond=0) + timedelta(minutes=1)
    return moment


class MaintenanceCustomerRequest(models.Model):
    """The committed times of a request: the contract's commitments, the
    deadlines counted on its business hours (pauses aside), the times
    measured at each milestone, and the alerts when one is at risk or
    breached."""

    _inherit = "maintenance.customer.request"

    @api.model_create_multi
    def create(self, vals_list):
        # the deadlines now, in one batch: a calendar without working time
        # refuses the whole create, leaving nothing written
        with self.env.cr.savepoint():
            requests = super().create(vals_list)
            requests.mapped("next_deadline")
        requests._wake_alerts()
        return requests

    def write(self, vals):
        result = super().write(vals)
        if ALERT_FIELDS & set(vals):
            self._wake_alerts()
        return result

    calendar_id = fields.Many2one(
        comodel_name="resource.calendar",
        string="Business hours",
        compute="_compute_calendar_id",
        store=True,
        precompute=True,
        readonly=False,
        help="Working time counted for the committed times: the contract's, "
        "otherwise the company's.",
    )
    paused_hours = fields.Float(
        string="Hours waiting on the customer",
        compute="_compute_measures",
        store=True,
    )

    # committed times: allowed hours, basis, deadline, at-risk moment
    response_allowed = fields.Float(
        string="Response: allowed hours", compute="_compute_deadlines", store=True
    )
    response_basis = fields.Char(
        string="Response: counted on", compute="_compute_deadlines", store=True
    )
    response_deadline = fields.Datetime(
        string="Response deadline",
        compute="_compute_deadlines",
        store=True,
        index=True,
    )
    response_risk_at = fields.Datetime(
        string="Response at risk from", compute="_compute_deadlines", store=True
    )
    intervention_allowed = fields.Float(
        string="Intervention: allowed hours",
        compute="_compute_deadlines",
        store=True,
    )
    intervention_basis = fields.Char(
        string="Intervention: counted on", compute="_compute_deadlines", store=True
    )
    intervention_deadline = fields.Datetime(
        string="Intervention deadline",
        compute="_compute_deadlines",
        store=True,
        index=True,
    )
    intervention_risk_at = fields.Datetime(
        string="Intervention at risk from",
        compute="_compute_deadlines",
        store=True,
    )
    restoration_allowed = fields.Float(
        string="Restoration: allowed hours",
        compute="_compute_deadlines",
        store=True,
    )
    restoration_basis = fields.Char(
        string="Restoration: counted on", compute="_compute_deadlines", store=True
    )
    restoration_deadline = fields.Datetime(
        string="Restoration deadline",
        compute="_compute_deadlines",
        store=True,
        index=True,
    )
    restoration_risk_at = fields.Datetime(
        string="Restoration at risk from", compute="_compute_deadlines", store=True
    )
    next_deadline = fields.Datetime(
        compute="_compute_deadlines",
        store=True,
        index=True,
        string="Next deadline",
        help="The next committed time due.",
    )

    # measured times (business hours of the basis, pauses excluded)
    response_hours = fields.Float(
        string="Response: measured hours",
        compute="_compute_measures",
        store=True,
        aggregator="avg",
    )
    response_met = fields.Selection(
        string="Response: result",
        selection=[("met", "Met"), ("missed", "Not met")],
        compute="_compute_measures",
        store=True,
    )
    response_rate = fields.Float(
        string="Response compliance (%)",
        compute="_compute_measures",
        store=True,
        aggregator="avg",
    )
    intervention_hours = fields.Float(
        string="Intervention: measured hours",
        compute="_compute_measures",
        store=True,
        aggregator="avg",
    )
    intervention_met = fields.Selection(
        string="Intervention: result",
        selection=[("met", "Met"), ("missed", "Not met")],
        compute="_compute_measures",
        store=True,
    )
    intervention_rate = fields.Float(
        string="Intervention compliance (%)",
        compute="_compute_measures",
        store=True,
        aggregator="avg",
    )
    restoration_hours = fields.Float(
        string="Restoration: measured hours",
        compute="_compute_measures",
        store=True,
        aggregator="avg",
    )
    restoration_met = fields.Selection(
        string="Restoration: result",
        selection=[("met", "Met"), ("missed", "Not met")],
        compute="_compute_measures",
        store=True,
    )
    restoration_rate = fields.Float(
        string="Restoration compliance (%)",
        compute="_compute_measures",
        store=True,
        aggregator="avg",
    )

    # alerts raised (each once)
    sla_status = fields.Selection(
        selection=[("ok", "On time"), ("at_risk", "At risk"), ("breached", "Breached")],
        string="Commitments",
        default="ok",
        required=True,
        index=True,
        copy=False,
    )
    response_risk_sent = fields.Boolean(
        string="Response: at-risk alert sent", copy=False, readonly=True
    )
    response_breach_sent = fields.Boolean(
        string="Response: breach alert sent", copy=False, readonly=True
    )
    intervention_risk_sent = fields.Boolean(
        string="Intervention: at-risk alert sent", copy=False, readonly=True
    )
    intervention_breach_sent = fields.Boolean(
        string="Intervention: breach alert sent", copy=False, readonly=True
    )
    restoration_risk_sent = fields.Boolean(
        string="Restoration: at-risk alert sent", copy=False, readonly=True
    )
    restoration_breach_sent = fields.Boolean(
        string="Restoration: breach alert sent", copy=False, readonly=True
    )

    @api.depends("contract_id", "company_id")
    def _compute_calendar_id(self):
        self._assign(
            {
                "calendar_id": {
                    request: (
                        request.contract_id.maintenance_calendar_id
                        or request.company_id.resource_calendar_id
                    ).id
                    for request in self
                }
            }
        )

    @api.depends(
        "received_at",
        "priority",
        "contract_id",
        "warranty_type_id",
        "calendar_id",
        "to_confirm",
        "pause_ids.date_start",
        "pause_ids.date_end",
    )
    def _compute_deadlines(self):
        commitments = self._commitments()
        risk = {
            company.id: (company.maintenance_request_risk_percent or 75) / 100.0
            for company in self.company_id
        }
        values = defaultdict(dict)  # {field: {record: value}}
        plans = []  # (request, basis, start, hours, field)
        for request in self:
            received = request.received_at
            ratio = risk[request.company_id.id]
            for kind in KIND_KEYS:
                hours, basis = commitments.get((request.id, kind), (0.0, False))
                values[f"{kind}_allowed"][request] = hours
                values[f"{kind}_basis"][request] = basis or False
                values[f"{kind}_deadline"][request] = False
                values[f"{kind}_risk_at"][request] = False
                if hours and received:
                    plans.append((request, basis, received, hours, f"{kind}_deadline"))
                    plans.append((request, basis, received, hours * ratio, f"{kind}_risk_at"))
        results = self._plan_batch([plan[:4] for plan in plans])
        for (request, _basis, _start, _hours, fname), moment in zip(plans, results, strict=True):
            values[fname][request] = moment
        for request in self:
            values["next_deadline"][request] = min(
                (
                    values[f"{kind}_deadline"][request]
                    for kind in KIND_KEYS
                    if values[f"{kind}_deadline"][request] and not request[MILESTONES[kind]]
                ),
                default=False,
            )
        self._assign(values)

    @api.depends(
        "received_at",
        "acknowledged_at",
        "arrived_at",
        "restored_at",
        "response_deadline",
        "intervention_deadline",
        "restoration_deadline",
        "pause_ids.date_start",
        "pause_ids.date_end",
    )
    def _compute_measures(self):
        pauses = self._pauses()
        values = defaultdict(dict)
        measures = []  # (request, basis, start, stop, kind)
        for request in self:
            values["paused_hours"][request] = (
                sum((stop - start).total_seconds() for start, stop in pauses.get(request.id, ()))
                / 3600.0
            )
            received = request.received_at
            for kind in KIND_KEYS:
                stop = request[MILESTONES[kind]]
                values[f"{kind}_hours"][request] = 0.0
                values[f"{kind}_met"][request] = False
                values[f"{kind}_rate"][request] = False
                if stop and received:
                    basis = request[f"{kind}_basis"] or "business"
                    measures.append((request, basis, received, stop, kind))
        hours_list = self._measure_batch([measure[:4] for measure in measures])
        for (request, _basis, _start, _stop, kind), hours in zip(measures, hours_list, strict=True):
            values[f"{kind}_hours"][request] = hours
            allowed = request[f"{kind}_allowed"]
            if allowed:
                # to the second: a milestone reached at the deadline is met
                met = hours <= allowed + 1 / 3600.0
                values[f"{kind}_met"][request] = "met" if met else "missed"
                values[f"{kind}_rate"][request] = 100.0 if met else 0.0
        self._assign(values)

    def _commitments(self):
        """{(request id, kind): (hours, basis)}: the contract's lines override
        the warranty type's; the warranty type's former single response time
        is the default intervention time. One search for the whole batch."""
        contracts = self.contract_id
        wtypes = self.warranty_type_id
        lines = (
            self.env["maintenance.commitment"]
            .sudo()
            .search(  # commitments are configuration
                Domain("contract_id", "in", contracts.ids)
                | Domain("warranty_type_id", "in", wtypes.ids)
            )
        )
        by_owner = {}
        for line in lines:
            owner = (
                ("contract", line.contract_id.id)
                if line.contract_id
                else (
                    "wtype",
                    line.warranty_type_id.id,
                )
            )
            by_owner[(*owner, line.priority, line.kind)] = (line.hours, line.basis)
        result = {}
        for request in self:
            for kind in KIND_KEYS:
                key = (request.priority, kind)
                found = by_owner.get(("contract", request.contract_id.id, *key)) or by_owner.get(
                    ("wtype", request.warranty_type_id.id, *key)
                )
                if not found and kind == "intervention" and request.warranty_type_id.response_time:
                    found = (
                        request.warranty_type_id.response_time,
                        request.warranty_type_id.response_time_basis,
                    )
                if found and request.contract_id:
                    result[(request.id, kind)] = found
        return result

    def _pauses(self):
        """{request id: sorted (start, stop) pauses}; a running pause lasts
        until now."""
        now = fields.Datetime.now()
        result = defaultdict(list)
        for pause in self.pause_ids:
            result[pause.request_id.id].append((pause.date_start, pause.date_end or now))
        return {key: sorted(value) for key, value in result.items()}

    def _clocks(self, items):
        """{(calendar or None): WorkClock} over the span of ``items``
        ((request, basis, start, ...)), read once per calendar."""
        spans = {}
        for request, basis, start, *_rest in items:
            calendar = request.calendar_id if basis == "business" else None
            if calendar is not None and not calendar:
                raise UserError(
                    self.env._(
                        "Request %(number)s: no business hours to count its committed "
                        "times. Give the contract or the company a working-time calendar.",
                        number=request.name,
                    )
                )
            low, high = spans.get(calendar, (start, start))
            spans[calendar] = (min(low, start), max(high, start))
        return spans

    def _run_batch(self, items, method):
        """Call ``method(clock, item)`` for each item, reading the calendars
        once per batch and span (longer spans only for what is not found)."""
        results = [None] * len(items)
        pending = list(range(len(items)))
        days = 21
        pauses = self._pauses()
        while pending:
            spans = self._clocks([items[i] for i in pending])
            clocks = {}
            for calendar, (low, high) in spans.items():
                if calendar is not None and not calendar.attendance_ids:
                    raise UserError(
                        self.env._(
                            "The calendar %(calendar)s has no working time: no deadline "
                            "can be counted on it. Add its working hours or choose "
                            "another calendar.",
                            calendar=calendar.display_name,
                        )
                    )
                clocks[calendar] = WorkClock(
                    calendar, low - timedelta(days=1), high + timedelta(days=days)
                )
            still = []
            for i in pending:
                request, basis = items[i][0], items[i][1]
                clock = clocks[request.calendar_id if basis == "business" else None]
                results[i] = method(clock, items[i], pauses.get(request.id, ()))
                if results[i] is None:
                    still.append(i)
            pending = still
            if days > MAX_SPAN_DAYS and pending:
                request = items[pending[0]][0]
                raise UserError(
                    self.env._(
                        "The calendar %(calendar)s has no working time in the %(days)s days "
                        "after request %(number)s: no deadline can be counted on it.",
                        calendar=request.calendar_id.display_name,
                        days=MAX_SPAN_DAYS,
                        number=request.name,
                    )
                )
            days *= 4
        return results

    def _plan_batch(self, items):
        """[(request, basis, start, hours)] -> [deadline]"""
        return self._run_batch(
            items, lambda clock, item, pauses: clock.plan(item[2], item[3], pauses)
        )

    def _measure_batch(self, items):
        """[(request, basis, start, stop)] -> [working hours]"""

        def measure(clock, item, pauses):
            if item[3] > clock.stop:
                return None
            return clock.measure(item[2], item[3], pauses)

        return self._run_batch(items, measure)

    def _wake_alerts(self):
        """Wake the alert cron once for these requests, at the earliest
        at-risk moment or deadline to come of their open committed times
        (after their deadlines are computed: never from the compute)."""
        moments = []
        for request in self:
            if request.state in ("closed", "cancelled"):
                continue
            for kind in KIND_KEYS:
                if request[f"{kind}_deadline"] and not request[MILESTONES[kind]]:
                    moments += [request[f"{kind}_deadline"], request[f"{kind}_risk_at"]]
        self._schedule_alerts(moments)

    def _schedule_alerts(self, moments):
        """Wake the alert cron at the earliest future at-risk moment or
        deadline of ``moments`` (to the minute) rather than polling; each run
        of the cron wakes it again for the next one."""
        now = fields.Datetime.now()
        future = [moment for moment in moments if moment and moment > now]
        if not future:
            return
        cron = self.env.ref(
            "maintenance_request.maintenance_customer_request_cron_alerts",
            raise_if_not_found=False,
        )
        if cron:
            cron.sudo()._trigger(_to_the_minute(min(future)))  # scheduling is not a user right

    @api.model
    def _alert_domain(self, now):
        due = []
        for kind in KIND_KEYS:
            due.append(
                Domain(MILESTONES[kind], "=", False)
                & (
                    (Domain(f"{kind}_risk_at", "<=", now) & Domain(f"{kind}_risk_sent", "=", False))
                    | (
                        Domain(f"{kind}_deadline", "<=", now)
                        & Domain(f"{kind}_breach_sent", "=", False)
                    )
                )
            )
        return Domain("state", "not in", QUIET_STATES) & Domain.OR(due)

    @api.model
    def _cron_raise_alerts(self, batch_size=200):
        """At-risk and breached committed times: one activity for the
        operations manager per event, never twice (the *_sent flags; a
        concurrent run skips the requests this one holds)."""
        now = fields.Datetime.now()
        domain = self._alert_domain(now)
        in_cron = bool(self.env.context.get("ir_cron_progress_id"))
        while True:
            requests = lock_batch(self, domain, batch_size)
            if not requests:
                break
            requests._raise_alerts(now)
            if in_cron:
                remaining = self.search_count(domain)
                if not self.env["ir.cron"]._commit_progress(len(requests), remaining=remaining):
                    break
        self._schedule_next_alert(now)
        return True

    @api.model
    def _schedule_next_alert(self, now):
        """Wake the cron again at the next at-risk moment or deadline to come
        (one query per commitment)."""
        moments = []
        for kind in KIND_KEYS:
            for fname, flag in ((f"{kind}_risk_at", "risk"), (f"{kind}_deadline", "breach")):
                nxt = self.search(
                    [
                        ("state", "not in", QUIET_STATES),
                        (MILESTONES[kind], "=", False),
                        (fname, ">", now),
                        (f"{kind}_{flag}_sent", "=", False),
                    ],
                    order=f"{fname} asc",
                    limit=1,
                )
                moments.append(nxt[fname])
        self._schedule_alerts(moments)

    def _raise_alerts(self, now):
        labels = dict(
            self.env["maintenance.commitment"]._fields["kind"]._description_selection(self.env)
        )
        activity_type = self.env.ref("mail.mail_activity_data_todo")
        activities = []
        for request in self:
            vals = {}
            status = request.sla_status
            for kind in KIND_KEYS:
                if request[MILESTONES[kind]]:
                    continue
                deadline = request[f"{kind}_deadline"]
                label = labels[kind]
                if deadline and deadline <= now and not request[f"{kind}_breach_sent"]:
                    vals[f"{kind}_breach_sent"] = True
                    vals[f"{kind}_risk_sent"] = True
                    status = "breached"
                    summary = self.env._(
                        "%(number)s: %(commitment)s breached", number=request.name, commitment=label
                    )
                elif (
                    request[f"{kind}_risk_at"]
                    and request[f"{kind}_risk_at"] <= now
                    and not request[f"{kind}_risk_sent"]
                ):
                    vals[f"{kind}_risk_sent"] = True
                    if status == "ok":
                        status = "at_risk"
                    summary = self.env._(
                        "%(number)s: %(commitment)s at risk", number=request.name, commitment=label
                    )
                else:
                    continue
                activities.append(
                    {
                        "res_model_id": self.env["ir.model"]._get_id(self._name),
                        "res_id": request.id,
                        "activity_type_id": activity_type.id,
                        "summary": summary,
                        "user_id": (request.user_id or self.env.ref("base.user_root")).id,
                        "date_deadline": fields.Date.context_today(self, deadline or now),
                    }
                )
            vals["sla_status"] = status
            request.write(vals)
        # sudo: the cron user creates activities for the responsible managers
        self.env["mail.activity"].sudo().create(activities)
