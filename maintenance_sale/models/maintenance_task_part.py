# Copyright 2026 Seed maintainers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models


class MaintenanceTaskPart(models.Model):
    """A part of a task sold on a quotation: planned when the quotation is
    confirmed, invoiced by the quotation (never again with the dossier)."""

    _inherit = "maintenance.task.part"

    sale_line_id = fields.Many2one(
        comodel_name="sale.order.line",
        string="Quotation line",
        readonly=True,
        copy=False,
        index="btree_not_null",
        ondelete="set null",
        groups="sales_team.group_sale_salesman,account.group_account_invoice",
    )
    is_sold = fields.Boolean(
        string="Sold on a quotation",
        compute="_compute_is_sold",
        store=True,
        help="Planned by a confirmed quotation, which invoices it.",
    )

    @api.depends("sale_line_id")
    def _compute_is_sold(self):
        for part in self:
            part.is_sold = bool(part.sudo().sale_line_id)
