# Copyright 2026 Seed maintainers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import models


class IrHttp(models.AbstractModel):
    _inherit = "ir.http"

    def session_info(self):
        """A technician without a home action of their own opens the web
        client on *My day*, not on the first app (Discuss)."""
        info = super().session_info()
        if info.get("uid") and not info.get("home_action_id"):
            action = self.env.user._maintenance_home_action()
            if action:
                info["home_action_id"] = action.id
        return info
