# Copyright 2026 Seed maintainers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import bisect
from collections import defaultdict

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

    @api.readonly
    def action_view_visits(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "maintenance_contracts.maintenance_visit_action"
        )
        action["domain"] = [("visit_group_id", "=", self.id)]
        action["context"] = {}
        return action

    def _existing_occurrences(self):
        """{group id: {date: (state, member ids)}} of the visits of these groups."""
        occurrences = defaultdict(dict)
        visits = (
            self.env["maintenance.visit"]
            .sudo()
            .search_fetch(
                [("visit_group_id", "in", self.ids)],
                ["visit_group_id", "due_date", "state", "group_line_ids"],
            )
        )
        for visit in visits:
            occurrences[visit.visit_group_id.id][visit.due_date] = (
                visit.state,
                set(visit.group_line_ids.ids),
            )
        return occurrences

    def _pace_members(self, lines):
        """The members that set the group's pace and anchor: all its
        validated members with preventive visits, and ``lines`` (being
        validated).

        sudo: the pace is a property of the group, whatever lines of other
        contracts the current user may read."""
        self.ensure_one()
        members = (
            self.sudo().contract_line_ids.filtered(
                lambda line: line.maintenance_state == "validated"
            )
            | lines.sudo()
        )
        return members.filtered(lambda line: line.warranty_type_id._has_preventive_visits())

    def _group_visit_values(self, lines, horizon_end, occurrences=None):
        """Values of the visits of this group for its validated ``lines``:
        see the class docstring for the rule. The pace (the most frequent
        member) and the anchor come from all the group's validated members.
        A member's due date joins its occurrence only while that occurrence
        is still to plan; if it is planned, done or cancelled and the member
        is not on it, the member gets a visit of its own for that date.

        :param occurrences: {date: (state, member ids)} of the group's visits
        """
        self.ensure_one()
        Visit = self.env["maintenance.visit"]
        occurrences = occurrences or {}
        today = fields.Date.context_today(self)
        lines = lines.filtered(lambda line: line.warranty_type_id._has_preventive_visits())
        if not lines:
            return []
        pace = self._pace_members(lines)
        leader = min(pace, key=lambda line: (line.warranty_type_id._period_days(), line.id))
        anchor = self.first_visit_date or min(line._line_first_date() for line in pace)
        last = max(line._line_last_date(horizon_end) for line in lines)
        # occurrences of the group, one period past the last date so that a
        # member due at the very end still finds its nearest occurrence
        dates = leader.warranty_type_id._due_dates(
            anchor, last + leader.warranty_type_id._visit_step()
        )
        due_members = {}
        own_visits = []
        for line in lines:
            wtype = line.warranty_type_id
            since = line.visits_generated_until
            not_before = today - relativedelta(days=wtype.window_after_days)
            for due in wtype._due_dates(line._line_first_date(), line._line_last_date(horizon_end)):
                if due < not_before or (since and due <= since):
                    continue
                index = bisect.bisect_left(dates, due)
                if index == len(dates) or (
                    index > 0 and due - dates[index - 1] <= dates[index] - due
                ):
                    index -= 1
                occurrence = dates[max(index, 0)]
                state, member_ids = occurrences.get(occurrence, ("to_plan", set()))
                if state != "to_plan":
                    if line.id not in member_ids:
                        own_visits.append((line, due))
                    continue
                due_members.setdefault(occurrence, self.env["contract.line"])
                due_members[occurrence] |= line
        vals_list = []
        site = self.site_id
        wtype = leader.warranty_type_id
        for occurrence, members in sorted(due_members.items()):
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
                    "operations": Visit._group_operations(members),
                    "duration": sum(line.warranty_type_id.visit_duration for line in members),
                    "generation_key": f"G{self.id}:{occurrence.isoformat()}",
                    "group_line_ids": members.ids,
                }
            )
        for line, due in own_visits:
            window_start, window_end = Visit._window(due, line.warranty_type_id)
            vals_list.append(
                {
                    "company_id": self.company_id.id,
                    "contract_id": line.contract_id.id,
                    "contract_line_id": line.id,
                    "visit_group_id": None,
                    "site_id": site.id,
                    "customer_id": site.customer_id.id,
                    "sector_id": site.sector_id.id or None,
                    "equipment_id": line.equipment_id.id,
                    "warranty_type_id": line.warranty_type_id.id,
                    "due_date": due,
                    "window_start": window_start,
                    "window_end": window_end,
                    "operations": line.warranty_type_id._operations_text(),
                    "duration": line.warranty_type_id.visit_duration,
                    "generation_key": f"L{line.id}:{due.isoformat()}",
                }
            )
        return vals_list
