# Copyright 2026 Seed maintainers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import UserError

from odoo.addons.maintenance_planning.models.frozen import NOW_TOLERANCE

from .maintenance_customer_request import KIND_KEYS, MILESTONES

STATUS_ORDER = ("ok", "at_risk", "breached")
# what the committed times of a request are measured against
COMMITMENT_BASIS = ("contract_id", "warranty_type_id", "calendar_id")
# what they are written or recomputed from
BASIS_SOURCES = {*COMMITMENT_BASIS, "site_id", "equipment_id", "received_at", "company_id"}
# what the computes alone write (the committed times and their measures)
MEASURES = (
    "paused_hours",
    "next_deadline",
    *(
        f"{kind}_{suffix}"
        for kind in KIND_KEYS
        for suffix in ("allowed", "basis", "deadline", "risk_at", "hours", "met", "rate")
    ),
)


class MaintenanceCustomerRequest(models.Model):
    """The committed times are evidence for the customer: a milestone is
    reached once, at a time between the reception and now, and never moved;
    an alert raised stays raised; the measures are only computed. The values
    are checked, for every role and caller, rather than the caller trusted:
    the flows (acknowledging, the first check-in, the dossier done, the
    alerts cron) write exactly what these checks allow."""

    _inherit = "maintenance.customer.request"

    @api.model_create_multi
    def create(self, vals_list):
        now = fields.Datetime.now()
        for vals in vals_list:
            # a new request: no alert raised yet, its milestones (a request
            # recorded afterwards) checked as any milestone
            raised = [
                name
                for name in vals
                if (name.endswith(("_risk_sent", "_breach_sent")) and vals[name])
                or (name == "sla_status" and vals[name] != "ok")
            ]
            if raised:
                raise UserError(
                    self.env._(
                        "The alerts of a request are raised by its committed times when "
                        "they are due, not given when it is recorded."
                    )
                )
            received = fields.Datetime.to_datetime(vals.get("received_at")) or now
            for name in MILESTONES.values():
                moment = fields.Datetime.to_datetime(vals.get(name))
                if moment and not received <= moment <= now + NOW_TOLERANCE:
                    raise UserError(self._milestone_out_of_range(vals.get("name"), name, moment))
            measures = [name for name in MEASURES if name in vals]
            if measures:
                raise UserError(self._measure_by_hand(measures[0]))
        return super().create(vals_list)

    def _milestone_out_of_range(self, number, name, moment):
        return self.env._(
            "Request %(number)s: %(milestone)s must lie between the reception and now, "
            "not %(moment)s.",
            number=number or "/",
            milestone=self._fields[name]._description_string(self.env),
            moment=fields.Datetime.to_string(moment),
        )

    def _measure_by_hand(self, name):
        return self.env._(
            "%(field)s is measured from the request's milestones: it cannot be written by hand.",
            field=self._fields[name]._description_string(self.env),
        )

    def write(self, vals):
        if not self:
            return super().write(vals)
        self._check_sla_frozen(vals)
        # the covering contract (and what it decides: warranty, business
        # hours) of an acknowledged request: read before, compared after, as
        # changing the site or the equipment recomputes it
        basis = {
            request: tuple(request[name] for name in COMMITMENT_BASIS)
            for request in self
            if request.acknowledged_at and request.contract_id
        }
        if not basis or not BASIS_SOURCES & set(vals):
            return super().write(vals)
        # refused: nothing stays written, in the database nor in the cache
        with self.env.cr.savepoint():
            res = super().write(vals)
            self._check_commitment_basis(basis)
        return res

    def _check_commitment_basis(self, basis):
        for request, before in basis.items():
            if tuple(request[name] for name in COMMITMENT_BASIS) != before:
                raise UserError(
                    self.env._(
                        "Request %(number)s is acknowledged: its committed times are measured "
                        "against contract %(contract)s and its business hours, which can no "
                        "longer change. To correct a mistake, cancel the request with the "
                        "reason in its chatter and record it again.",
                        number=request.name,
                        contract=before[0].display_name,
                    )
                )

    def _check_sla_frozen(self, vals):
        measures = [name for name in MEASURES if name in vals]
        if measures:
            raise UserError(self._measure_by_hand(measures[0]))
        now = fields.Datetime.now()
        milestones = [name for name in MILESTONES.values() if name in vals]
        for request in self:
            received = request.received_at
            if (
                "received_at" in vals
                and any(request[name] for name in MILESTONES.values())
                and fields.Datetime.to_datetime(vals["received_at"]) != received
            ):
                raise UserError(
                    self.env._(
                        "Request %(number)s has been answered: its reception time is "
                        "what its committed times are measured from, it cannot be changed.",
                        number=request.name,
                    )
                )
            for name in milestones:
                new = fields.Datetime.to_datetime(vals[name])
                label = self._fields[name]._description_string(self.env)
                if request[name]:
                    if new != request[name]:
                        raise UserError(
                            self.env._(
                                "Request %(number)s: %(milestone)s is recorded "
                                "(%(moment)s) and cannot be changed nor erased.",
                                number=request.name,
                                milestone=label,
                                moment=fields.Datetime.to_string(request[name]),
                            )
                        )
                elif new and ((received and new < received) or new > now + NOW_TOLERANCE):
                    raise UserError(self._milestone_out_of_range(request.name, name, new))
            self._check_alerts(request, vals, now)

    def _check_alerts(self, request, vals, now):
        for kind in KIND_KEYS:
            deadline, risk_at = request[f"{kind}_deadline"], request[f"{kind}_risk_at"]
            reached = request[MILESTONES[kind]]

            def passed(moment, reached=reached):
                # a moment passed before the milestone was reached (or still not)
                return bool(moment and moment <= now and (not reached or reached > moment))

            due = {"breach": passed(deadline), "risk": passed(risk_at) or passed(deadline)}
            for alert in ("risk", "breach"):
                name = f"{kind}_{alert}_sent"
                if name not in vals or bool(vals[name]) == request[name]:
                    continue
                if not vals[name] or not due[alert]:
                    raise UserError(
                        self.env._(
                            "Request %(number)s: an alert is raised by the committed "
                            "times when they are due and stays raised; it cannot be "
                            "set nor withdrawn by hand.",
                            number=request.name,
                        )
                    )
        if "sla_status" in vals and vals["sla_status"] != request.sla_status:
            status = vals["sla_status"]
            flags = {
                alert: any(
                    vals.get(f"{kind}_{alert}_sent", request[f"{kind}_{alert}_sent"])
                    for kind in KIND_KEYS
                )
                for alert in ("risk", "breach")
            }
            if (
                status not in STATUS_ORDER
                or STATUS_ORDER.index(status) < STATUS_ORDER.index(request.sla_status)
                or (status == "breached" and not flags["breach"])
                or (status == "at_risk" and not flags["risk"])
            ):
                raise UserError(
                    self.env._(
                        "Request %(number)s: the status of its commitments follows the "
                        "alerts raised; it cannot be set by hand.",
                        number=request.name,
                    )
                )
