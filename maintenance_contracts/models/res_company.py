# Copyright 2026 Seed maintainers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import pytz

from odoo import fields, models
from odoo.tools import html2plaintext

DEFAULT_TZ = "Europe/Paris"


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

    def _maintenance_tz(self):
        """The time zone the documents of these companies print their times
        in (reports, mails, portal pages), whoever renders them: the
        technician abroad, the office in another zone, or the documents job
        running as the superuser without a time zone.

        The company's contact's time zone, else the time zone of its country
        (when the country has only one), else Paris. Companies in different
        time zones (a batch mixing them): the current company's."""
        zones = {company._maintenance_own_tz() for company in self}
        if len(zones) == 1:
            return zones.pop()
        return self.env.company._maintenance_own_tz()

    def _maintenance_own_tz(self):
        self.ensure_one()
        # sudo: the time zone is printed for whoever renders the document
        company = self.sudo()
        if company.partner_id.tz in pytz.all_timezones_set:
            return company.partner_id.tz
        country_zones = pytz.country_timezones.get(company.country_id.code or "", [])
        if len(country_zones) == 1:
            return country_zones[0]
        return DEFAULT_TZ

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

    def _maintenance_mail_sender(self):
        """The author and the address of the mails this company's documents
        send to customers by themselves (a certificate, a report pack): the
        company, with its address, as its invoices without a salesperson;
        never whoever runs the job that sends them (OdooBot, signed
        « System »). Values for ``mail.template.send_mail``'s
        ``email_values`` or for ``message_post``."""
        self.ensure_one()
        # sudo: the company's contact is read for whoever sends the mail
        partner = self.sudo().partner_id
        values = {"author_id": partner.id}
        if self.email:
            values["email_from"] = self.sudo().email_formatted
        return values
