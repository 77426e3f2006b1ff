# Copyright 2026 Seed maintainers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The technician's phone offline (issue 15), contract in OFFLINE_API.md.

POST /maintenance/offline/day   {}  (JSON-RPC)
    the current user's prepared day: today's and tomorrow's tasks, their
    checklists, sites, equipment, meters, the parts catalogue and the
    list of documents; read as the user, with their rights.

POST /maintenance/offline/sync  {"actions": [...], "device_now": ISO UTC}
    the actions queued on the phone, applied in order, each in its own
    savepoint with its journal row (``maintenance.offline.action``),
    through the same model methods as the online screens, as the user.
    Answers per action: applied, duplicate (identifier already applied)
    or refused with the reason.
"""

from odoo import http
from odoo.http import request


class MaintenanceOfflineController(http.Controller):
    @http.route(
        "/maintenance/offline/day",
        type="jsonrpc",
        auth="user",
        methods=["POST"],
        readonly=True,
    )
    def offline_day(self, **kwargs):
        return request.env["maintenance.task"]._offline_day()

    @http.route(
        "/maintenance/offline/sync",
        type="jsonrpc",
        auth="user",
        methods=["POST"],
        readonly=False,
    )
    def offline_sync(self, actions=None, device_now=None, **kwargs):
        return request.env["maintenance.offline.action"]._offline_sync(actions, device_now)
