# Copyright 2026 Seed maintainers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""FMD indicators (fiabilité, maintenabilité, disponibilité) from the
equipment's downtime events, by the definitions of NF EN 13306 (terms) and
NF EN 15341 (indicators), in hours, computed by PostgreSQL in one query
whatever the number of equipment or events.

For a period [from, to) (the end is capped at now) and each equipment:

- required time: the period intersected with the equipment's operating
  calendar (24/7, its site's opening hours or its own calendar; the
  calendar's leaves, public holidays included, are not required);
- downtime: the union of its downtime events (overlapping events merged,
  never counted twice; an open event counts up to now), clipped to the
  period and intersected with the required time;
- external causes (power cut, misuse...) may be left out: their time is
  then removed from the required time (neither up nor down);
- uptime = required time - downtime; availability = uptime / required;
- failures: failure episodes (overlapping or touching failure events
  merged, e.g. a customer's call and a sensor alert for one breakdown)
  that start within the period; an episode started before the period is
  the previous period's failure, its downtime in the period still counts;
- MTBF = uptime / failures (undefined without failure: None, not 0);
- MTTR (mean time to restoration) = mean clock duration of those failure
  episodes, from the failure to the return to service (open: up to now);
- mean active repair time = technicians' on-site hours (check-in/out
  pairs) on the dossiers of those episodes / the episodes repaired.

Groups add up: failures and hours are summed, the ratios are taken on the
sums (the MTBF of a site is its uptime over its failures, not the average
of its equipment's MTBFs)."""

from datetime import date, datetime, time, timedelta

from pytz import timezone, utc

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.tools import SQL

# group keys: SQL expressions on e (equipment), pt (product template), ctr (contract)
GROUPBY_KEYS = {
    "equipment_id": "e.id",
    "site_id": "e.site_id",
    "customer_id": "e.customer_id",
    "product_id": "e.product_id",
    "categ_id": "pt.categ_id",
    "contract_id": "ctr.contract_id",
    "company_id": "e.company_id",
}
MANAGER_GROUP = "maintenance_contracts.group_maintenance_manager"


def _required_hours(multirange):
    """Required hours (of the calendar ``cal``) within a tsmultirange
    expression: per range, F(upper) - F(lower), F(t) being the required
    hours from the period's start to t: a binary search (``width_bucket``)
    in the calendar's sorted working intervals plus the hours of the
    intervals before (``cum``). A few ranges per equipment, never the
    calendar's hundreds of intervals."""

    def until(moment, bucket):
        return SQL(
            "COALESCE(cal.cum[%(bucket)s] + GREATEST(date_part('epoch',"
            " LEAST(%(moment)s, cal.ends[%(bucket)s]) - cal.starts[%(bucket)s]), 0) / 3600.0, 0)",
            bucket=SQL(bucket),
            moment=moment,
        )

    return SQL(
        "(SELECT COALESCE(SUM(%s - %s), 0) FROM unnest(%s) AS x,"
        " LATERAL (SELECT width_bucket(lower(x), cal.starts) AS lo,"
        " width_bucket(upper(x), cal.starts) AS hi) AS b)",
        until(SQL("upper(x)"), "b.hi"),
        until(SQL("lower(x)"), "b.lo"),
        multirange,
    )


def _calendar_hours(hours):
    """``hours`` (of ``_required_hours``) looked up in the equipment's
    calendar (``eq.calendar_id``)."""
    return SQL("(SELECT %s FROM cal WHERE cal.calendar_id = eq.calendar_id)", hours)


class MaintenanceFmd(models.AbstractModel):
    """The FMD figures, for the analysis, the dashboard and the customer's
    report pack: ``_fmd_figures`` is the API."""

    _name = "maintenance.fmd"
    _description = "FMD indicators"

    @api.model
    def _fmd_figures(
        self, date_from, date_to, equipment_ids=None, groupby="equipment_id", exclude_external=False
    ):
        """FMD figures per group over [date_from, date_to].

        ``date_from``/``date_to``: dates (whole local days, ``date_to``
        included, in the user's time zone) or naive UTC datetimes (``date_to``
        excluded). ``equipment_ids``: None for every equipment the user
        reads in their companies. ``groupby``: equipment_id, site_id,
        customer_id, product_id, categ_id (product category: the equipment
        family), contract_id (the contract covering the equipment in the
        period), company_id, or cause_id (Pareto of causes: no required time).

        Returns a list of dicts, most downtime first: ``key`` (id of the
        group, None for equipment without product/contract or events without
        cause), ``equipment_count``, ``failures``, ``downtime_hours``,
        ``required_hours``, ``uptime_hours``, ``mtbf_hours``, ``mttr_hours``,
        ``mart_hours`` (mean active repair time), ``availability`` (0..1);
        an undefined figure is None (MTBF and MTTR without failure,
        availability without required time)."""
        if groupby != "cause_id" and groupby not in GROUPBY_KEYS:
            raise UserError(self.env._("Unknown grouping: %(groupby)s.", groupby=groupby))
        scope = self._fmd_scope(date_from, date_to, equipment_ids, exclude_external)
        if groupby == "cause_id":
            query = self._fmd_cause_query(scope)
        else:
            query = self._fmd_query(scope, groupby)
        self.env.cr.execute(query)
        rows = self.env.cr.dictfetchall()
        result = []
        for row in rows:
            failures = int(row["failures"] or 0)
            downtime = float(row["downtime_hours"] or 0.0)
            values = {
                "key": row["key"],
                "equipment_count": int(row["equipment_count"] or 0),
                "failures": failures,
                "downtime_hours": downtime,
                "mttr_hours": float(row["restore_hours"]) / failures if failures else None,
                "mart_hours": float(row["repair_hours"]) / row["repaired"]
                if row["repaired"]
                else None,
            }
            if groupby == "cause_id":
                values.update(
                    required_hours=None, uptime_hours=None, mtbf_hours=None, availability=None
                )
            else:
                required = float(row["required_hours"] or 0.0)
                uptime = max(required - downtime, 0.0)
                values.update(
                    required_hours=required,
                    uptime_hours=uptime,
                    mtbf_hours=uptime / failures if failures else None,
                    availability=uptime / required if required > 0 else None,
                )
            result.append(values)
        result.sort(key=lambda values: (-values["downtime_hours"], values["key"] or 0))
        return result

    @api.model
    def _fmd_scope(self, date_from, date_to, equipment_ids=None, exclude_external=False):
        """What the queries measure: the period, the equipment (a subquery),
        their calendars' working intervals (read once per calendar)."""
        self._fmd_check_access()
        # the planner's estimate of the calendar look-ups passes PostgreSQL's
        # threshold for compiling the query (JIT): ~0.1 s compiling a query
        # that runs in less than a second, for nothing (this transaction only)
        self.env.cr.execute("SET LOCAL jit = off")
        start, stop, now = self._fmd_period(date_from, date_to)
        equipment = self._fmd_equipment_query(equipment_ids)
        return {
            "equipment": equipment,
            "calendars": self._fmd_calendars(equipment, start, stop),
            "start": start,
            "stop": stop,
            "now": now,
            "exclude_external": exclude_external,
        }

    @api.model
    def _fmd_equipment_table(self, scope):
        """One row per equipment of the scope with its figures, as
        ``_fmd_figures`` gives them per equipment, its rank (most downtime
        first), its share of the downtime and the running total of the shares
        (Pareto), and its display name: the query of the per-equipment
        analysis (``maintenance.fmd.equipment``), whose list reads a page."""
        return SQL(
            """
            WITH %(ctes)s,
            figures AS (
                SELECT pe.equipment_id AS id, pe.failures, pe.required_hours, pe.downtime_hours,
                       GREATEST(pe.required_hours - pe.downtime_hours, 0) AS uptime_hours,
                       pe.restore_hours, pe.repair_hours, pe.repaired
                  FROM per_equipment pe
            )
            SELECT f.id, f.id AS equipment_id,
                   CASE WHEN e.serial_number IS NOT NULL AND e.serial_number <> ''
                        THEN e.name || ' [' || e.serial_number || ']' ELSE e.name END AS name,
                   e.site_id, e.customer_id, e.product_id, e.company_id,
                   1 AS equipment_count,
                   f.failures::int AS failures,
                   f.downtime_hours, f.required_hours, f.uptime_hours,
                   CASE WHEN f.failures > 0 THEN f.uptime_hours / f.failures END AS mtbf_hours,
                   CASE WHEN f.failures > 0 THEN f.restore_hours / f.failures END AS mttr_hours,
                   CASE WHEN f.repaired > 0 THEN f.repair_hours / f.repaired END AS mart_hours,
                   CASE WHEN f.required_hours > 0
                        THEN 100.0 * f.uptime_hours / f.required_hours ELSE 0 END AS availability,
                   f.required_hours > 0 AS availability_defined,
                   f.repaired::int AS repaired,
                   row_number() OVER pareto AS sequence,
                   COALESCE(100.0 * f.downtime_hours
                            / NULLIF(SUM(f.downtime_hours) OVER (), 0), 0) AS downtime_share,
                   COALESCE(100.0 * SUM(f.downtime_hours) OVER (pareto ROWS UNBOUNDED PRECEDING)
                            / NULLIF(SUM(f.downtime_hours) OVER (), 0), 0) AS cumulative_share
              FROM figures f
              JOIN maintenance_customer_equipment e ON e.id = f.id
            WINDOW pareto AS (ORDER BY f.downtime_hours DESC, f.id)
            """,
            ctes=self._fmd_per_equipment_ctes(scope, "equipment_id"),
        )

    # helpers -----------------------------------------------------------------

    def _fmd_check_access(self):
        if not self.env.su and not self.env.user.has_group(MANAGER_GROUP):
            raise AccessError(
                self.env._(
                    "Only operations managers and administrators may see the FMD indicators."
                )
            )

    @api.model
    def _fmd_period(self, date_from, date_to):
        """(start, stop, now) as naive UTC datetimes; stop is capped at now."""
        tz = timezone(self.env.context.get("tz") or self.env.user.tz or "UTC")

        def bound(value, is_end):
            if isinstance(value, str):
                value = (
                    fields.Datetime.to_datetime(value)
                    if len(value) > 10
                    else fields.Date.to_date(value)
                )
            if isinstance(value, datetime):
                return (
                    value.replace(tzinfo=None)
                    if value.tzinfo is None
                    else (value.astimezone(utc).replace(tzinfo=None))
                )
            if isinstance(value, date):
                day = value + timedelta(days=1) if is_end else value
                return (
                    tz.localize(datetime.combine(day, time.min))
                    .astimezone(utc)
                    .replace(tzinfo=None)
                )
            raise UserError(self.env._("The FMD period needs a start and an end."))

        now = fields.Datetime.now()
        start = bound(date_from, False)
        stop = min(bound(date_to, True), now)
        stop = max(stop, start)
        return start, stop, now

    @api.model
    def _fmd_equipment_query(self, equipment_ids):
        """The ids of the equipment measured, as a subquery: those the user
        reads (record rules) in their companies, archived ones included
        (their history stays)."""
        domain = [] if equipment_ids is None else [("id", "in", list(equipment_ids))]
        if not self.env.su:
            domain.append(("company_id", "in", self.env.companies.ids))
        Equipment = self.env["maintenance.customer.equipment"].with_context(active_test=False)
        return Equipment._search(domain).subselect()

    @api.model
    def _fmd_calendars(self, equipment, start, stop):
        """{calendar id: (starts, ends, cumulated hours before each, total
        hours)}: the working intervals of each operating calendar of the
        measured equipment over the period (Odoo's engine: attendances in the
        calendar's time zone, minus its leaves), read once per calendar, never
        per equipment; 0 is 24/7 (the whole period)."""
        for model in ("maintenance.customer.equipment", "maintenance.site", "maintenance.downtime"):
            self.env[model].flush_model()
        self.env.cr.execute(
            SQL(
                """
                SELECT DISTINCT CASE e.operating_time
                                  WHEN 'site' THEN s.resource_calendar_id
                                  WHEN 'calendar' THEN e.operating_calendar_id END
                  FROM maintenance_customer_equipment e
                  JOIN maintenance_site s ON s.id = e.site_id
                 WHERE e.id IN (%s)
                """,
                equipment,
            )
        )
        ids = [row[0] for row in self.env.cr.fetchall() if row[0]]
        result = {}
        # sudo: working hours are read whatever the user's rights on
        # calendars; the equipment measured are the user's (record rules)
        for calendar in self.env["resource.calendar"].sudo().browse(ids):
            intervals = (
                calendar._work_intervals_batch(
                    utc.localize(start), utc.localize(stop), compute_leaves=True
                )[False]
                if stop > start
                else []
            )
            result[calendar.id] = self._fmd_cumulate(
                (
                    max(begin.astimezone(utc).replace(tzinfo=None), start),
                    min(end.astimezone(utc).replace(tzinfo=None), stop),
                )
                for begin, end, _meta in intervals
            )
        result[0] = self._fmd_cumulate([(start, stop)])
        return result

    @staticmethod
    def _fmd_cumulate(intervals):
        """(starts, ends, hours before each, total hours) of sorted, merged,
        non-empty intervals."""
        merged = []
        for begin, end in sorted(intervals):
            if end <= begin:
                continue
            if merged and begin <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], end)
            else:
                merged.append([begin, end])
        cumulated, total = [], 0.0
        for begin, end in merged:
            cumulated.append(total)
            total += (end - begin).total_seconds() / 3600.0
        return [b for b, _e in merged], [e for _b, e in merged], cumulated, total

    def _fmd_common_ctes(self, scope, key, joins):
        """eq (equipment, group key, calendar: 0 = 24/7), cal (required
        time of each calendar over the period and its hours), events
        (their spans, open ones up to now)."""
        calendars = SQL(", ").join(
            SQL(
                "(%s, %s::timestamp[], %s::timestamp[], %s::float8[], %s::float8)",
                calendar_id,
                starts,
                ends,
                cumulated,
                total,
            )
            for calendar_id, (starts, ends, cumulated, total) in scope["calendars"].items()
        )
        return SQL(
            """
            eq AS (
                SELECT e.id AS equipment_id, %(key)s AS key,
                       COALESCE(CASE e.operating_time
                                  WHEN 'site' THEN s.resource_calendar_id
                                  WHEN 'calendar' THEN e.operating_calendar_id END, 0)
                           AS calendar_id
                  FROM maintenance_customer_equipment e
                  JOIN maintenance_site s ON s.id = e.site_id
                  %(joins)s
                 WHERE e.id IN (%(equipment)s)
            ),
            cal(calendar_id, starts, ends, cum, required_hours) AS (
                VALUES %(calendars)s
            ),
            events AS NOT MATERIALIZED (
                SELECT d.equipment_id, d.kind, d.cause_id, d.intervention_id,
                       tsrange(d.date_start, LEAST(COALESCE(d.date_end, %(now)s), %(now)s)) AS span
                  FROM maintenance_downtime d
                  -- a join (one row of eq per equipment): with IN, PostgreSQL
                  -- guessed 200 equipment and looked their events up one by one
                  JOIN eq ON eq.equipment_id = d.equipment_id
                 WHERE d.date_start < %(now)s
                   AND (d.date_end IS NULL OR d.date_end >= %(start)s)
            )
            """,
            key=key,
            joins=joins,
            equipment=scope["equipment"],
            calendars=calendars,
            now=scope["now"],
            start=scope["start"],
        )

    def _fmd_query(self, scope, groupby):
        return SQL(
            """
            WITH %s
            SELECT key, COUNT(*) AS equipment_count,
                   SUM(failures) AS failures,
                   SUM(required_hours) AS required_hours,
                   SUM(downtime_hours) AS downtime_hours,
                   SUM(restore_hours) AS restore_hours,
                   SUM(repair_hours) AS repair_hours,
                   SUM(repaired) AS repaired
              FROM per_equipment
             GROUP BY key
            """,
            self._fmd_per_equipment_ctes(scope, groupby),
        )

    def _fmd_per_equipment_ctes(self, scope, groupby):
        """The CTEs down to ``per_equipment``: each equipment's group key,
        required and down hours, failures, restoration and repair hours."""
        start, stop = scope["start"], scope["stop"]
        joins = SQL()
        if groupby == "categ_id":
            joins = SQL(
                "LEFT JOIN product_product pp ON pp.id = e.product_id"
                " LEFT JOIN product_template pt ON pt.id = pp.product_tmpl_id"
            )
        elif groupby == "contract_id":
            # the contract whose covered product is this equipment in the
            # period (the latest started when several)
            joins = SQL(
                """
                LEFT JOIN LATERAL (
                    SELECT l.contract_id
                      FROM contract_line l
                     WHERE l.equipment_id = e.id AND l.warranty_type_id IS NOT NULL
                       AND l.date_start < %(stop)s::date + 1
                       AND (l.date_end IS NULL OR l.date_end >= %(start)s::date)
                     ORDER BY l.date_start DESC, l.id DESC
                     LIMIT 1
                ) ctr ON TRUE
                """,
                start=start,
                stop=stop,
            )
            self.env["contract.line"].flush_model()
        self.env["maintenance.task.checkin"].flush_model()
        period = SQL("tsrange(%s, %s)", start, stop)
        ctes = self._fmd_common_ctes(scope, SQL(GROUPBY_KEYS[groupby]), joins)
        external = (
            SQL("COALESCE(pe.external, '{}'::tsmultirange)")
            if scope["exclude_external"]
            else SQL("'{}'::tsmultirange")
        )
        return SQL(
            """
            %(ctes)s,
            per_events AS (
                SELECT equipment_id,
                       range_agg(span * %(period)s) FILTER (WHERE span && %(period)s) AS down,
                       %(external_agg)s AS external,
                       range_agg(span) FILTER (WHERE kind = 'failure') AS failure_spans
                  FROM events
                 GROUP BY equipment_id
            ),
            block_dossiers AS (
                SELECT DISTINCT ev.equipment_id, lower(fb.block) AS block_start,
                       ev.intervention_id
                  FROM events ev
                  JOIN per_events pe ON pe.equipment_id = ev.equipment_id
                  CROSS JOIN LATERAL unnest(pe.failure_spans) AS fb(block)
                 WHERE ev.kind = 'failure' AND ev.intervention_id IS NOT NULL
                   AND ev.span <@ fb.block
                   AND lower(fb.block) >= %(start)s AND lower(fb.block) < %(stop)s
            ),
            repairs AS (
                SELECT ed.equipment_id,
                       COUNT(DISTINCT ed.block_start) AS repaired,
                       SUM(date_part('epoch', c.check_out - c.check_in)) / 3600.0 AS repair_hours
                  FROM (SELECT equipment_id, intervention_id, MIN(block_start) AS block_start
                          FROM block_dossiers GROUP BY equipment_id, intervention_id) ed
                  JOIN maintenance_task_checkin c ON c.intervention_id = ed.intervention_id
                                                 AND c.check_out IS NOT NULL
                 GROUP BY ed.equipment_id
            ),
            failures AS (
                SELECT pe.equipment_id, COUNT(*) AS failures,
                       SUM(date_part('epoch', upper(b) - lower(b))) / 3600.0 AS restore_hours
                  FROM per_events pe
                  CROSS JOIN LATERAL unnest(pe.failure_spans) AS b
                 WHERE lower(b) >= %(start)s AND lower(b) < %(stop)s
                 GROUP BY pe.equipment_id
            ),
            -- materialized: each figure's calendar look-up is evaluated once per
            -- equipment, however often the query above refers to it
            per_equipment AS MATERIALIZED (
                SELECT eq.equipment_id, eq.key,
                       ct.required_hours - %(external_hours)s AS required_hours,
                       %(downtime_hours)s AS downtime_hours,
                       COALESCE(f.failures, 0) AS failures,
                       COALESCE(f.restore_hours, 0) AS restore_hours,
                       COALESCE(r.repair_hours, 0) AS repair_hours,
                       COALESCE(r.repaired, 0) AS repaired
                  FROM eq
                  -- the calendar's hours; its intervals only for the
                  -- equipment with events (not carried along every row)
                  JOIN (SELECT calendar_id, required_hours FROM cal) ct
                    ON ct.calendar_id = eq.calendar_id
                  LEFT JOIN per_events pe ON pe.equipment_id = eq.equipment_id
                  LEFT JOIN failures f ON f.equipment_id = eq.equipment_id
                  LEFT JOIN repairs r ON r.equipment_id = eq.equipment_id
            )
            """,
            ctes=ctes,
            start=start,
            stop=stop,
            period=period,
            external_agg=SQL(
                "range_agg(span * %s) FILTER (WHERE kind = 'external' AND span && %s)",
                period,
                period,
            )
            if scope["exclude_external"]
            else SQL("NULL::tsmultirange"),
            # most equipment have no event: no hours to look up in their calendar
            external_hours=SQL(
                "CASE WHEN pe.external IS NULL THEN 0 ELSE %s END",
                _calendar_hours(_required_hours(external)),
            )
            if scope["exclude_external"]
            else SQL("0"),
            downtime_hours=SQL(
                "CASE WHEN pe.down IS NULL THEN 0 ELSE %s END",
                _calendar_hours(_required_hours(SQL("pe.down - %s", external))),
            ),
        )

    def _fmd_cause_query(self, scope):
        """Pareto of causes: per cause, its failure episodes starting in the
        period, their restoration hours and its downtime in required time
        (events of one equipment and cause merged)."""
        start, stop = scope["start"], scope["stop"]
        period = SQL("tsrange(%s, %s)", start, stop)
        ctes = self._fmd_common_ctes(scope, SQL("e.id"), SQL())
        kinds = SQL("kind <> 'external'") if scope["exclude_external"] else SQL("TRUE")
        return SQL(
            """
            WITH %(ctes)s,
            per_cause AS (
                SELECT ev.equipment_id, ev.cause_id,
                       range_agg(ev.span) FILTER (WHERE ev.kind = 'failure') AS failure_spans,
                       range_agg(ev.span * %(period)s) FILTER (WHERE ev.span && %(period)s)
                           AS down
                  FROM events ev
                 WHERE %(kinds)s
                 GROUP BY ev.equipment_id, ev.cause_id
            ),
            blocks AS (
                SELECT pc.cause_id, COUNT(b.block) AS failures,
                       COALESCE(SUM(date_part('epoch', upper(b.block) - lower(b.block))), 0)
                           / 3600.0 AS restore_hours
                  FROM per_cause pc
                  LEFT JOIN LATERAL unnest(pc.failure_spans) AS b(block)
                         ON lower(b.block) >= %(start)s AND lower(b.block) < %(stop)s
                 GROUP BY pc.cause_id
            ),
            downtime AS (
                SELECT pc.cause_id, SUM(%(downtime_hours)s) AS downtime_hours,
                       COUNT(DISTINCT pc.equipment_id) AS equipment_count
                  FROM per_cause pc
                  JOIN eq ON eq.equipment_id = pc.equipment_id
                  JOIN cal ON cal.calendar_id = eq.calendar_id
                 GROUP BY pc.cause_id
            )
            SELECT dt.cause_id AS key, dt.equipment_count, b.failures, dt.downtime_hours,
                   b.restore_hours, 0 AS repair_hours, 0 AS repaired
              FROM downtime dt
              JOIN blocks b ON b.cause_id IS NOT DISTINCT FROM dt.cause_id
             WHERE b.failures > 0 OR dt.downtime_hours > 0
            """,
            ctes=ctes,
            period=period,
            kinds=kinds,
            start=start,
            stop=stop,
            downtime_hours=_required_hours(SQL("COALESCE(pc.down, '{}'::tsmultirange)")),
        )
