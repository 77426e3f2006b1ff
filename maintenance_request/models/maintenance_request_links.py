# Copyright 2026 Seed maintainers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Where customer requests meet the existing models: the warranty type's
and the contract's committed times, the dossier a request follows, the
check-in that marks the technician's arrival, the site's holiday zone."""

from odoo import api, fields, models
from odoo.tools import format_datetime

from odoo.addons.maintenance_planning.models.resource_calendar import (
    HOLIDAY_ZONES,
    holiday_zone_from_postcode,
)


class MaintenanceWarrantyType(models.Model):
    _inherit = "maintenance.warranty.type"

    commitment_ids = fields.One2many(
        comodel_name="maintenance.commitment",
        inverse_name="warranty_type_id",
        string="Committed times",
        copy=True,
    )


class ContractContract(models.Model):
    _inherit = "contract.contract"

    maintenance_commitment_ids = fields.One2many(
        comodel_name="maintenance.commitment",
        inverse_name="contract_id",
        string="Committed times",
        help="Override the committed times of the warranty types for this contract.",
    )


class MaintenanceSite(models.Model):
    _inherit = "maintenance.site"

    holiday_zone = fields.Selection(
        selection=HOLIDAY_ZONES,
        string="Public holidays zone",
        compute="_compute_holiday_zone",
        help="From the postcode: Alsace-Moselle (57, 67, 68) has two more public "
        "holidays, the overseas departments their own.",
    )

    @api.depends("zip")
    def _compute_holiday_zone(self):
        for site in self:
            site.holiday_zone = holiday_zone_from_postcode(site.zip)


class MaintenanceIntervention(models.Model):
    _inherit = "maintenance.intervention"

    customer_request_ids = fields.One2many(
        comodel_name="maintenance.customer.request",
        inverse_name="intervention_id",
        string="Customer requests",
    )

    def write(self, vals):
        result = super().write(vals)
        if vals.get("state") == "done":
            # sudo: the request follows its dossier whoever closes the dossier
            self.sudo().customer_request_ids._mark_restored()
        return result


class MaintenanceTaskCheckin(models.Model):
    _inherit = "maintenance.task.checkin"

    @api.model_create_multi
    def create(self, vals_list):
        checkins = super().create(vals_list)
        # sudo: the technician's arrival moves the request, which they may only read
        requests = (
            self.env["maintenance.customer.request"]
            .sudo()
            .search(
                [
                    ("intervention_id", "in", checkins.intervention_id.ids),
                    ("arrived_at", "=", False),
                ]
            )
        )
        if requests:
            requests._mark_arrived(checkins)
        return checkins


class MaintenanceTask(models.Model):
    _inherit = "maintenance.task"

    def _maintenance_earliest_times(self):
        """Not before the reception of the customer's request of the task's
        dossier. One query for the requests."""
        earliest = super()._maintenance_earliest_times()
        # sudo: only the reception time of the requests of the user's own
        # tasks' dossiers is read, to bound the phone's times
        received = dict(
            self.env["maintenance.customer.request"]
            .sudo()
            ._read_group(
                [("intervention_id", "in", self.intervention_id.ids)],
                ["intervention_id"],
                ["received_at:min"],
            )
        )
        for task in self:
            reception = received.get(task.intervention_id)
            if reception:
                earliest.setdefault(task.id, []).append(
                    (
                        reception,
                        self.env._(
                            "before the customer's request was received (%(time)s)",
                            time=format_datetime(self.env, reception),
                        ),
                    )
                )
        return earliest
