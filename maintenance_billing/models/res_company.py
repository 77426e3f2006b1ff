# Copyright 2026 Seed maintainers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class ResCompany(models.Model):
    _inherit = "res.company"

    maintenance_billing_rounding = fields.Integer(
        string="Labour billed per started (minutes)",
        default=15,
        help="Time on site of each technician is rounded up to this many minutes.",
    )
    maintenance_billing_minimum_hours = fields.Float(
        string="Minimum labour billed (hours)",
        default=1.0,
        help="Each technician's time on a task is billed at least this long.",
    )
    maintenance_billing_travel_mode = fields.Selection(
        selection=[("flat", "Flat fee per sector"), ("km", "Per km")],
        string="Travel out of contract",
        default="flat",
        required=True,
    )
    maintenance_billing_km_rate = fields.Float(
        string="Price per km",
        digits="Product Price",
        default=0.6,
    )
    maintenance_billing_after_hours_surcharge = fields.Float(
        string="Out-of-hours surcharge out of contract (%)",
        default=50.0,
    )
    maintenance_labour_product_id = fields.Many2one(
        comodel_name="product.product",
        string="Labour product",
        default=lambda self: self.env.ref(
            "maintenance_billing.product_maintenance_labour", raise_if_not_found=False
        ),
        help="Service billed per hour; its sale price is the hourly rate.",
    )
    maintenance_travel_product_id = fields.Many2one(
        comodel_name="product.product",
        string="Travel product",
        default=lambda self: self.env.ref(
            "maintenance_billing.product_maintenance_travel", raise_if_not_found=False
        ),
    )
    maintenance_surcharge_product_id = fields.Many2one(
        comodel_name="product.product",
        string="Out-of-hours surcharge product",
        default=lambda self: self.env.ref(
            "maintenance_billing.product_maintenance_after_hours", raise_if_not_found=False
        ),
    )
    # the seller's legal identity printed on invoices and quotations (French
    # Commercial Code, art. R123-237 and L441-9); SIRET is Odoo's
    # company_registry and the VAT number its vat
    maintenance_legal_form = fields.Char(
        string="Legal form",
        help="Printed before the share capital, e.g. SAS, SARL, EURL.",
    )
    maintenance_share_capital = fields.Monetary(
        string="Share capital",
        currency_field="currency_id",
    )
    maintenance_trade_register = fields.Char(
        string="Trade register (RCS)",
        help="City of registration and number, e.g. RCS Lyon 812 345 678.",
    )
    maintenance_late_payment_rate = fields.Float(
        string="Late-payment penalty rate (% a year)",
        digits=(5, 2),
        help="Printed on invoices and quotations. Left at zero, the invoices state "
        "the legal rate: the European Central Bank's refinancing rate plus 10 points.",
    )
    maintenance_invoice_user_id = fields.Many2one(
        comodel_name="res.users",
        string="Salesperson of automatic invoices",
        domain="[('share', '=', False), ('company_ids', 'in', id)]",
        help="Salesperson, and sender of the e-mails, of the invoices that the "
        "scheduled actions create when the contract or dossier has no responsible. "
        "Empty: the invoices come from the company.",
    )

    _maintenance_billing_rounding_positive = models.Constraint(
        "CHECK(maintenance_billing_rounding >= 0 AND maintenance_billing_minimum_hours >= 0)",
        "The labour rounding and the minimum billed time cannot be negative.",
    )

    def _maintenance_billing_product_taxes(self):
        """Give the labour, travel and surcharge products of the companies the
        sale tax of their default rate meant for services (tax scope
        'service'), so that the French invoice prints the operation type."""
        Tax = self.env["account.tax"].sudo()  # setup of shared products, not a user right
        for company in self:
            default = company.account_sale_tax_id
            if not default:
                continue
            service_tax = Tax.search(
                [
                    *Tax._check_company_domain(company),
                    ("type_tax_use", "=", "sale"),
                    ("tax_scope", "=", "service"),
                    ("amount_type", "=", default.amount_type),
                    ("amount", "=", default.amount),
                    ("price_include", "=", default.price_include),
                ],
                limit=1,
            )
            if not service_tax:
                continue
            products = (
                company.maintenance_labour_product_id
                | company.maintenance_travel_product_id
                | company.maintenance_surcharge_product_id
            ).sudo()
            for product in products:
                others = product.taxes_id.filtered(lambda tax, c=company: tax.company_id != c)
                product.taxes_id = others | service_tax
