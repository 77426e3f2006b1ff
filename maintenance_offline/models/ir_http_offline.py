# Copyright 2026 Seed maintainers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The offline phone's key in the web client's session."""

import secrets

from odoo import models
from odoo.http import request

TECHNICIAN_GROUP = "maintenance_contracts.group_maintenance_technician"


class IrHttp(models.AbstractModel):
    _inherit = "ir.http"

    def session_info(self):
        info = super().session_info()
        if info.get("uid") and request and self.env.user.has_group(TECHNICIAN_GROUP):
            info["maintenance_offline_key"] = self._maintenance_offline_key()
        return info

    def _maintenance_offline_key(self):
        """The key (256 bits, hex) that encrypts the technician's prepared
        day and queue of offline actions in the browser (IndexedDB). It lives
        in the HTTP session only: after logout, or for another user's session,
        the phone's stored data can no longer be decrypted (the same property
        as the web client's RPC cache). Kept across session rotations, since
        rotation copies the session's data."""
        key = request.session.get("maintenance_offline_key")
        if not key:
            key = secrets.token_hex(32)
            request.session["maintenance_offline_key"] = key
        return key
