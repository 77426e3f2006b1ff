# Copyright 2026 Seed maintainers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import bisect

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import ValidationError


class MaintenanceVisitGroup(models.Model):
    """Covered products of one site visited together, in one visit.

    Rule for members with different periodicities (docs/ARCHITECTURE.md):
    the group's occurrences follow its most frequent member, from the group's
    first visit date; every due date of every member is moved to the nearest
    occurrence (the earlier one on a tie). An occurrence becomes one visit
    listing the members due at it, so each member keeps exactly its own
    number of visits.
    """

    _name = "maintenance.visit.group"
    _description = "Visit group"
    _inherit = ["mail.thread"]
    _order = "site_id, name"
    _check_company_auto = True

    name = fields.Char(required=True, tracking=True)
    active = fields.Boolean(default=True)
    company_id = fields.Many2one(
        comodel_name="res.company",
        required=True,
        index=True,
        default=lambda self: self.env.company,
    )
    site_id = fields.Many2one(
        comodel_name="maintenance.site",
        string="Installed site",
        required=True,
        index=True,
        check_company=True,
        tracking=True,
    )
    customer_id = fields.Many2one(related="site_id.customer_id", store=True)
    first_visit_date = fields.Date(
        help="Date of the group's first visit. Empty: the earliest first visit "
        "date of its covered products.",
    )
    contract_line_ids = fields.One2many(
        comodel_name="contract.line",
        inverse_name="visit_group_id",
        string="Covered products",
    )
    visit_ids = fields.One2many(
        comodel_name="maintenance.visit",
        inverse_name="visit_group_id",
        string="Visits",
    )
    visit_count = fields.Integer(compute="_compute_visit_count")
    note = fields.Text()

    def _compute_visit_count(self):
        counts = dict(
            self.env["maintenance.visit"]._read_group(
                [("visit_group_id", "in", self.ids)], ["visit_group_id"], ["__count"]
            )
        )
        for group in self:
            group.visit_count = counts.get(group, 0)

    @api.constrains("site_id", "contract_line_ids")
    def _check_members_site(self):
        for group in self:
            other_sites = group.sudo().contract_line_ids.contract_id.site_id - group.site_id
            if other_sites:
                raise ValidationError(
                    self.env._(
                        "Visit group %(group)s is for site %(site)s: it cannot "
                        "gather products of %(others)s.",
                        group=group.name,
                        site=group.site_id.display_name,
                        others=", ".join(other_sites.mapped("display_name")),
                    )
                )

    def write(self, vals):
        res = super().write(vals)
        if "first_visit_date" in vals:
            lines = self.sudo().contract_line_ids.filtered(
                lambda line: line.maintenance_state == "validated"
            )
            lines._regenerate_future_visits()
        return res

    def action_view_visits(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "maintenance_contracts.maintenance_visit_action"
        )
        action["domain"] = [("visit_group_id", "=", self.id)]
        action["context"] = {}
        return action

    def _group_visit_values(self, lines, horizon_end):
        """Values of the visits of this group for its validated ``lines``:
        see the class docstring for the rule."""
        self.ensure_one()
        Visit = self.env["maintenance.visit"]
        today = fields.Date.context_today(self)
        lines = lines.filtered(lambda line: line.warranty_type_id._has_preventive_visits())
        if not lines:
            return []
        leader = min(lines, key=lambda line: line.warranty_type_id._period_days())
        anchor = self.first_visit_date or min(line._line_first_date() for line in lines)
        last = max(line._line_last_date(horizon_end) for line in lines)
        # occurrences of the group, one period past the last date so that a
        # member due at the very end still finds its nearest occurrence
        occurrences = leader.warranty_type_id._due_dates(
            anchor, last + leader.warranty_type_id._visit_step()
        )
        due_members = {}
        for line in lines:
            wtype = line.warranty_type_id
            since = line.visits_generated_until
            not_before = today - relativedelta(days=wtype.window_after_days)
            for due in wtype._due_dates(line._line_first_date(), line._line_last_date(horizon_end)):
                if due < not_before or (since and due <= since):
                    continue
                index = bisect.bisect_left(occurrences, due)
                if index == len(occurrences) or (
                    index > 0 and due - occurrences[index - 1] <= occurrences[index] - due
                ):
                    index -= 1
                index = max(index, 0)
                due_members.setdefault(occurrences[index], self.env["contract.line"])
                due_members[occurrences[index]] |= line
        vals_list = []
        site = self.site_id
        for occurrence, members in sorted(due_members.items()):
            wtype = leader.warranty_type_id
            window_start, window_end = Visit._window(occurrence, wtype)
            contracts = members.contract_id
            vals_list.append(
                {
                    "company_id": self.company_id.id,
                    "contract_id": contracts.id if len(contracts) == 1 else None,
                    "contract_line_id": None,
                    "visit_group_id": self.id,
                    "site_id": site.id,
                    "customer_id": site.customer_id.id,
                    "sector_id": site.sector_id.id or None,
                    "equipment_id": None,
                    "warranty_type_id": wtype.id,
                    "due_date": occurrence,
                    "window_start": window_start,
                    "window_end": window_end,
                    "operations": "\n".join(
                        f"{line.equipment_id.display_name}\n"
                        f"{line.warranty_type_id._operations_text()}"
                        for line in members
                    ),
                    "duration": sum(line.warranty_type_id.visit_duration for line in members),
                    "generation_key": f"G{self.id}:{occurrence.isoformat()}",
                    "group_line_ids": members.ids,
                }
            )
        return vals_list
