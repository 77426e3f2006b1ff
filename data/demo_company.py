# Copyright 2026 Seed maintainers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The demo company's legal identity, letterhead footer, logo and the
salesperson of the invoices its jobs create: what its invoices and
quotations print. Called by data/demo.py on every run; idempotent (fills
what is missing only)."""

import base64
from pathlib import Path

from markupsafe import Markup

# the company's legal identity printed on its invoices and quotations (a SIREN
# whose check digit is right, so that the VAT number derived from it is valid)
LEGAL = {
    "vat": "FR19812345676",
    "maintenance_legal_form": "SAS",
    "maintenance_share_capital": 150000.0,
    "maintenance_trade_register": "RCS Lyon 812 345 676",
}

# drawn by data/draw_logo.py
LOGO = Path(__file__).with_name("thermi_services_logo.png")


def dress(company, identity):
    """The legal identity, letterhead footer and logo of ``company`` where
    still missing (Odoo's "Your logo" placeholder counts as missing), so
    that a database made before they were part of the demo gets them too;
    ``identity`` is data/demo.py's COMPANY."""
    missing = {field: value for field, value in LEGAL.items() if not company[field]}
    if company.company_registry != identity["company_registry"]:
        missing["company_registry"] = identity["company_registry"]
    if missing:
        company.write(missing)
    if not company.logo or company.logo == company._get_logo():
        company.logo = base64.b64encode(LOGO.read_bytes())
    if not company.report_footer or "RCS Lyon -" in company.report_footer:
        # the letterhead's footer (Odoo's external layout): legal identity
        company.report_footer = Markup(
            "<p>%s - SAS au capital de 150 000 € - SIRET %s - %s - %s - %s</p>"
        ) % (
            identity["name"],
            identity["company_registry"],
            LEGAL["maintenance_trade_register"],
            identity["phone"],
            identity["email"],
        )


def salesperson(company, user):
    """``user`` (Sophie, who runs the contracts) is the salesperson of the
    invoices the jobs and the demo create as OdooBot; the invoices an older
    demo gave OdooBot (none since the 19.0.1.1.0 migration) get her too."""
    env = company.env
    if not company.maintenance_invoice_user_id:
        company.maintenance_invoice_user_id = user
    env["account.move"].search(
        [
            ("company_id", "=", company.id),
            ("move_type", "in", ("out_invoice", "out_refund")),
            ("invoice_user_id", "in", [False, env.ref("base.user_root").id]),
        ]
    ).invoice_user_id = company.maintenance_invoice_user_id
