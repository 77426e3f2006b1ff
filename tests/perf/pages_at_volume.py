#!/usr/bin/env python3
# Copyright 2026 Seed maintainers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Benchmark (not a test): the pages users open every day, on the volume
company of ``data/volume.py``, as the real roles (``vol_manager``,
``vol_tech_00``, ``vol_portal``). Prints, for each page, the rows it
shows, the server time and the SQL queries.

Back-office pages are read as the web client reads them: the action's
domain and context, its search view's default filters, the fields of the
view (``get_views``) as the specification of ``web_search_read`` (limit
80 for lists, 40 for kanbans, count up to 10,001) or ``web_read_group``
for a grouping. Portal pages go through Odoo's WSGI application (a real
HTTP request in this process: routing, session, rules, QWeb rendering).
Nothing is written (FMD wizards and lines are rolled back).

With ``--explain`` every query of a page over one second is printed with
``EXPLAIN (ANALYZE, BUFFERS)``.

    python3 tests/perf/pages_at_volume.py -c var/maintenance.conf -d maintenance [--explain]
"""

import sys
import time
from datetime import date, datetime, timedelta
from pathlib import Path
from types import SimpleNamespace

sys.path.insert(0, str(Path(__file__).resolve().parent))

# pylint: disable=print-used

import pytz
from _bootstrap import environment, parser
from dateutil.relativedelta import relativedelta
from lxml import etree

import odoo
from odoo import sql_db
from odoo.fields import Domain
from odoo.tools.safe_eval import safe_eval
from odoo.tools.safe_eval import time as safe_time

SLOW = 1.0  # seconds: the target


class Page:
    """Wall time and queries of one page (every cursor of the process)."""

    def __init__(self, label, role):
        self.label, self.role = label, role
        self.rows = self.seconds = self.queries = 0

    def __enter__(self):
        self._queries = sql_db.sql_counter
        self._start = time.perf_counter()
        return self

    def __exit__(self, *exc):
        self.seconds = time.perf_counter() - self._start
        self.queries = sql_db.sql_counter - self._queries


def eval_context(env):
    """What the web client's domain evaluator offers (py.js), with its
    ``datetime.datetime.combine(...).to_utc()``."""
    tz = pytz.timezone(env.user.tz or "UTC")
    today = datetime.now(tz).date()

    class LocalDatetime(datetime):
        def to_utc(self):
            return tz.localize(self.replace(tzinfo=None)).astimezone(pytz.utc).replace(tzinfo=None)

    return {
        "uid": env.uid,
        "context_today": lambda: today,
        "current_date": today.strftime("%Y-%m-%d"),
        "relativedelta": relativedelta,
        "datetime": SimpleNamespace(
            datetime=LocalDatetime,
            date=date,
            time=datetime.min.time().__class__,
            timedelta=timedelta,
        ),
        "time": safe_time,
        "allowed_company_ids": env.user.company_ids.ids,
        "context": dict(env.context),
    }


def specification(env, model, arch, view_type):
    """The fields a view reads, as the web client asks them."""
    root = etree.fromstring(arch)
    if view_type == "list":
        nodes = root.findall("field")
    else:
        nodes = [
            node
            for node in root.iter("field")
            if not any(parent.tag == "field" for parent in node.iterancestors())
        ]
    spec = {}
    for node in nodes:
        name = node.get("name")
        field = env[model]._fields.get(name)
        if field is None:
            continue
        if field.type in ("many2one", "one2many", "many2many"):
            spec[name] = {"fields": {"display_name": {}}}
        else:
            spec[name] = {}
    return spec


def search_defaults(search_arch, context, evaluation):
    """Domain and groupby of the search view's ``search_default_*`` filters:
    OR within a group of filters, AND between groups."""
    root = etree.fromstring(search_arch)
    groups, current, groupby = [], [], []
    for node in root.iter("filter", "separator"):
        if node.tag == "separator":
            groups.append(current)
            current = []
            continue
        if not context.get(f"search_default_{node.get('name')}"):
            continue
        if node.get("domain"):
            current.append(Domain(safe_eval(node.get("domain"), evaluation)))
        filter_context = node.get("context")
        if filter_context and "group_by" in filter_context:
            groupby.append(safe_eval(filter_context, evaluation)["group_by"])
    groups.append(current)
    domain = Domain.AND(Domain.OR(group) for group in groups if group)
    return domain, groupby


def open_action(env, xmlid, view_type, *, search=None, groupby=None, extra_context=None):
    """What the web client asks when the user opens ``xmlid`` in
    ``view_type``; ``search``: a domain typed in the search bar;
    ``groupby``: a grouping chosen. Returns the number of rows shown."""
    action = env.ref(xmlid).sudo()
    evaluation = eval_context(env)
    context = dict(safe_eval(action.context or "{}", evaluation), **(extra_context or {}))
    Model = env[action.res_model].with_context(context)
    evaluation["context"] = context
    domain = Domain(safe_eval(action.domain or "[]", evaluation))
    view_id = next((v.view_id.id for v in action.view_ids if v.view_mode == view_type), False)
    views = Model.get_views(
        [(view_id, view_type), (action.search_view_id.id, "search")], {"load_filters": True}
    )
    arch = views["views"][view_type]["arch"]
    default_domain, default_groupby = search_defaults(
        views["views"]["search"]["arch"], context, evaluation
    )
    domain = Domain.AND([domain, default_domain, Domain(search or [])])
    groupby = groupby or default_groupby
    if not groupby:
        root = etree.fromstring(arch)
        if root.get("default_group_by"):
            groupby = [root.get("default_group_by")]
    limit = 80 if view_type == "list" else 40
    spec = specification(env, action.res_model, arch, view_type)
    if groupby:
        result = Model.web_read_group(domain, groupby, ["__count"], limit=limit)
        return result["length"]
    result = Model.web_search_read(domain, spec, limit=limit, count_limit=10001)
    return result["length"]


def dashboard(env):
    """The dashboard's pivots and charts (bench_dashboard.READS)."""
    from bench_dashboard import READS  # noqa: PLC0415 (the same list)

    for model, domain, groupby, aggregates in READS:
        env[model].formatted_read_group(domain, groupby, aggregates)
    return len(READS)


def fmd(env, groupby, customers=None):
    """The FMD wizard over the last 12 months, then its list of lines."""
    today = odoo.fields.Date.context_today(env.user)
    wizard = env["maintenance.fmd.wizard"].create(
        {
            "date_from": today - relativedelta(years=1) + timedelta(days=1),
            "date_to": today,
            "groupby": groupby,
            "customer_ids": [odoo.Command.set(customers.ids)] if customers else [],
        }
    )
    action = wizard.action_compute()
    context = action.get("context") or {}
    if isinstance(context, str):
        context = safe_eval(context, eval_context(env))
    domain = action["domain"]
    if isinstance(domain, str):
        domain = safe_eval(domain, eval_context(env))
    # per equipment: the read-only analysis; per other group: the lines
    lines = env[action["res_model"]].with_context(context)
    views = lines.get_views([(False, "list")])
    spec = specification(env, action["res_model"], views["views"]["list"]["arch"], "list")
    result = lines.web_search_read(domain, spec, limit=80, count_limit=10001)
    return result["length"]


class Portal:
    """A portal customer's browser against Odoo's WSGI application."""

    ENVIRON = {"REMOTE_ADDR": "127.0.0.1"}

    def __init__(self, database, login):
        from werkzeug.test import Client  # noqa: PLC0415

        self.client = Client(odoo.http.root)
        response = self.client.post(
            "/web/session/authenticate",
            environ_base=self.ENVIRON,
            json={
                "jsonrpc": "2.0",
                "params": {"db": database, "login": login, "password": login},
            },
        )
        assert "error" not in response.get_json(), response.get_json()

    def get(self, path):
        response = self.client.get(path, environ_base=self.ENVIRON)
        assert response.status_code == 200, (path, response.status_code)
        return response.get_data(as_text=True).count("<tr")


def explain(env, run):
    """Every query of ``run`` with EXPLAIN (ANALYZE, BUFFERS)."""
    queries = []
    cr = env.cr
    execute = cr.execute

    def recording(query, params=None, log_exceptions=True):
        queries.append((query, params))
        return execute(query, params, log_exceptions)

    cr.execute = recording
    try:
        run()
    finally:
        cr.execute = execute
    for query, query_params in queries:
        sql = query.code if hasattr(query, "code") else query
        params = query.params if hasattr(query, "params") else query_params
        if not str(sql).lstrip().upper().startswith("SELECT"):
            continue
        start = time.perf_counter()
        cr.execute(f"EXPLAIN (ANALYZE, BUFFERS) {sql}", params)
        plan = "\n".join(row[0] for row in cr.fetchall())
        if time.perf_counter() - start > 0.05:
            print(f"\n--- {sql[:400]}\n{plan}\n")


def main():
    args = parser(__doc__.splitlines()[0])
    args.add_argument("--explain", action="store_true", help="EXPLAIN the queries of slow pages")
    args.add_argument("--repeat", type=int, default=2, help="runs per page (the best is kept)")
    options = args.parse_args()
    with environment(options) as env:
        users = {
            u.login: u
            for u in env["res.users"].search(
                [("login", "in", ["vol_manager", "vol_tech_00", "vol_portal"])]
            )
        }
        manager, technician = users["vol_manager"], users["vol_tech_00"]
        customer = env["res.partner"].search([("ref", "=", "VOL-C00042")])
        customer_name = customer.name
        tech_env, manager_env = env(user=technician), env(user=manager)
        pages = [
            (
                "Visits to plan (list)",
                manager_env,
                lambda e: open_action(e, "maintenance_contracts.maintenance_visit_action", "list"),
            ),
            (
                "Visits to plan by month",
                manager_env,
                lambda e: open_action(
                    e,
                    "maintenance_contracts.maintenance_visit_action",
                    "list",
                    groupby=["due_date:month"],
                ),
            ),
            (
                "Visits to plan by site",
                manager_env,
                lambda e: open_action(
                    e, "maintenance_contracts.maintenance_visit_action", "list", groupby=["site_id"]
                ),
            ),
            (
                "Visits to plan, search customer",
                manager_env,
                lambda e: open_action(
                    e,
                    "maintenance_contracts.maintenance_visit_action",
                    "list",
                    search=[("customer_id", "ilike", customer_name)],
                ),
            ),
            (
                "Dossiers (list)",
                manager_env,
                lambda e: open_action(
                    e, "maintenance_planning.maintenance_intervention_action", "list"
                ),
            ),
            (
                "Dossiers (kanban)",
                manager_env,
                lambda e: open_action(
                    e, "maintenance_planning.maintenance_intervention_action", "kanban"
                ),
            ),
            (
                "Dossiers, search customer",
                manager_env,
                lambda e: open_action(
                    e,
                    "maintenance_planning.maintenance_intervention_action",
                    "list",
                    search=[("customer_id", "ilike", customer_name)],
                    extra_context={"search_default_open": 0},
                ),
            ),
            (
                "Dossiers by state (all)",
                manager_env,
                lambda e: open_action(
                    e,
                    "maintenance_planning.maintenance_intervention_action",
                    "list",
                    groupby=["state"],
                    extra_context={"search_default_open": 0},
                ),
            ),
            (
                "Contracts (list)",
                manager_env,
                lambda e: open_action(
                    e, "maintenance_contracts.contract_contract_action_maintenance", "list"
                ),
            ),
            (
                "Contracts, search customer",
                manager_env,
                lambda e: open_action(
                    e,
                    "maintenance_contracts.contract_contract_action_maintenance",
                    "list",
                    search=[("partner_id", "ilike", customer_name)],
                ),
            ),
            (
                "Customer requests (list)",
                manager_env,
                lambda e: open_action(
                    e, "maintenance_request.maintenance_customer_request_action", "list"
                ),
            ),
            (
                "Tasks, open (list)",
                manager_env,
                lambda e: open_action(e, "maintenance_planning.maintenance_task_action", "list"),
            ),
            ("Dashboard (8 read_group)", manager_env, dashboard),
            ("FMD 12 months per customer", manager_env, lambda e: fmd(e, "customer_id")),
            ("FMD 12 months per equipment, all", manager_env, lambda e: fmd(e, "equipment_id")),
            (
                "FMD 12 months, one customer",
                manager_env,
                lambda e: fmd(e, "equipment_id", e["res.partner"].browse(customer.id)),
            ),
            (
                "My day (technician)",
                tech_env,
                lambda e: open_action(
                    e, "maintenance_planning.maintenance_task_action_my_day", "kanban"
                ),
            ),
            (
                "Tomorrow (technician)",
                tech_env,
                lambda e: open_action(
                    e, "maintenance_planning.maintenance_task_action_tomorrow", "kanban"
                ),
            ),
            (
                "My tasks (technician)",
                tech_env,
                lambda e: open_action(
                    e, "maintenance_planning.maintenance_task_action_my", "kanban"
                ),
            ),
        ]
        results = []
        for label, user_env, run in pages:
            best = None
            for _attempt in range(options.repeat):
                user_env.invalidate_all()
                with Page(label, user_env.user.login) as page:
                    page.rows = run(user_env)
                if best is None or page.seconds < best.seconds:
                    best = page
            results.append(best)
            if options.explain and best.seconds > SLOW:
                print(f"=== EXPLAIN of {label}")
                explain(user_env, lambda r=run, e=user_env: r(e))
        env.cr.rollback()
    # the portal through the WSGI application: each request its own cursor
    portal = Portal(options.database, "vol_portal")
    for path in (
        "/my",
        "/my/sites",
        "/my/equipment",
        "/my/visits",
        "/my/interventions",
        "/my/requests",
        "/my/documents",
    ):
        best = None
        for _attempt in range(options.repeat):
            with Page(f"Portal {path}", "vol_portal") as page:
                page.rows = portal.get(path)
            if best is None or page.seconds < best.seconds:
                best = page
        results.append(best)
    print(f"\n{'page':<36} {'user':<12} {'rows':>7} {'ms':>7} {'queries':>7}")
    for page in results:
        flag = "  SLOW" if page.seconds > SLOW else ""
        print(
            f"{page.label:<36} {page.role:<12} {page.rows:>7} {page.seconds * 1000:>7.0f} {page.queries:>7}{flag}"
        )


if __name__ == "__main__":
    main()
