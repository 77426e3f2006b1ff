# Copyright 2026 Seed maintainers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models
from odoo.tools import html2plaintext


class ResCompany(models.Model):
    _inherit = "res.company"

    maintenance_visit_horizon = fields.Integer(
        string="Visit planning horizon (months)",
        default=12,
        help="Preventive visits are generated this many months ahead; "
        "a monthly scheduled action extends the horizon.",
    )

    _maintenance_visit_horizon_positive = models.Constraint(
        "CHECK(maintenance_visit_horizon > 0)",
        "The visit planning horizon must be at least one month.",
    )

    def _maintenance_legal_lines(self):
        """The lines at the foot of each page of our PDF reports: the
        company's name, address, SIRET and VAT number, then its own report
        footer (share capital, trade register...) when it has one. The SIRET
        and VAT already in that footer are not repeated."""
        self.ensure_one()
        footer = html2plaintext(self.report_footer or "", include_references=False)
        footer = " - ".join(line.strip() for line in footer.splitlines() if line.strip())
        address = ", ".join(
            part
            for part in (self.street, self.street2, " ".join(filter(None, (self.zip, self.city))))
            if part
        )
        legal = [self.name, address]
        if self.company_registry and self.company_registry not in footer:
            legal.append(self.env._("SIRET: %(number)s", number=self.company_registry))
        if self.vat and self.vat not in footer:
            legal.append(self.env._("VAT: %(number)s", number=self.vat))
        return [line for line in (" - ".join(filter(None, legal)), footer) if line]
