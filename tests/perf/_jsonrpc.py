# Copyright 2026 Seed maintainers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""A JSON-RPC session on the Odoo server, as the web client or a phone has:
what the load (``locustfile.py``, run by Locust in its own venv) and the
offline soak (``soak_offline.py``) share. Imports nothing of Odoo."""

import requests

TIMEOUT = 120


class RpcError(Exception):
    pass


class Client:
    """A web session on the server (``requests``), logged in or not."""

    def __init__(self, url, db, timeout=TIMEOUT):
        self.url = url.rstrip("/")
        self.db = db
        self.timeout = timeout
        self.http = requests.Session()
        self.uid = None

    def post(self, path, params, timeout=None):
        response = self.http.post(
            f"{self.url}{path}",
            json={"jsonrpc": "2.0", "method": "call", "id": 1, "params": params},
            timeout=timeout or self.timeout,
        )
        response.raise_for_status()
        body = response.json()
        if body.get("error"):
            error = body["error"]
            raise RpcError(error.get("data", {}).get("message") or error.get("message"))
        return body["result"]

    def login(self, login, password):
        result = self.post(
            "/web/session/authenticate", {"db": self.db, "login": login, "password": password}
        )
        self.uid = result["uid"]
        return self

    def call(self, model, method, *args, **kwargs):
        return self.post(
            "/web/dataset/call_kw",
            {"model": model, "method": method, "args": list(args), "kwargs": kwargs},
        )

    def xmlid(self, module, name):
        rows = self.call(
            "ir.model.data",
            "search_read",
            [("module", "=", module), ("name", "=", name)],
            fields=["res_id"],
        )
        return rows[0]["res_id"]

    def find_or_create(self, model, domain, values):
        """The id of the record of ``domain`` (archived ones included: a
        previous run's), else of a new one with ``values``."""
        ids = self.call(model, "search", domain, limit=1, context={"active_test": False})
        return ids[0] if ids else self.call(model, "create", values)
