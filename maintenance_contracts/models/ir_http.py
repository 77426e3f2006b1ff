# Copyright 2026 Seed maintainers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import models


class IrHttp(models.AbstractModel):
    _inherit = "ir.http"

    @classmethod
    def _get_translation_frontend_modules_name(cls):
        """The portal's conversation under a contract, a dossier or an
        invoice is mail's: without website, the portal's pages load only
        web's and portal's translations and it speaks English."""
        return [*super()._get_translation_frontend_modules_name(), "mail"]
