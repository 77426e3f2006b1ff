# Copyright 2026 Seed maintainers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models
from odoo.exceptions import UserError

# what makes the document itself, and where it is filed
CONTENT_FIELDS = {"raw", "datas", "db_datas", "store_fname", "url", "type", "res_model", "res_id"}


class IrAttachment(models.Model):
    """The PDF of an issued certificate is the document the customer received:
    never rewritten nor deleted (the superuser included, through the ORM)."""

    _inherit = "ir.attachment"

    def write(self, vals):
        if self and CONTENT_FIELDS & set(vals):
            self._check_not_certificate_pdf()
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_certificate_pdf(self):
        self._check_not_certificate_pdf()

    def _check_not_certificate_pdf(self):
        candidates = self.sudo().filtered(lambda a: a.maintenance_category == "certificate")
        if not candidates:
            return
        # sudo: whoever touches the file, the certificate that holds it decides
        certificate = (
            self.env["maintenance.certificate"]
            .sudo()
            .search([("attachment_id", "in", candidates.ids)], limit=1)
        )
        if certificate:
            raise UserError(
                self.env._(
                    "This file is the PDF of certificate %(number)s, as the customer "
                    "received it: it is never replaced nor deleted.",
                    number=certificate.name,
                )
            )
