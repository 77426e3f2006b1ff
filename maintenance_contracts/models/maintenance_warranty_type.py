# Copyright 2026 Seed maintainers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from calendar import monthrange
from datetime import timedelta

from dateutil.relativedelta import relativedelta

from odoo import Command, api, fields, models
from odoo.exceptions import ValidationError

# what choosing a regulation copies from its preset (the warranty types of
# data/maintenance_warranty_type_regulated_data.xml)
PRESET_FIELDS = (
    "visit_interval_unit",
    "visit_interval",
    "window_before_days",
    "window_after_days",
    "visit_duration",
    "legal_reference",
    "legal_basis",
    "certificate_type",
    "certificate_deadline_days",
    "covers_after_hours",
    "response_time",
    "response_time_basis",
)
OBLIGATION_FIELDS = (
    "sequence",
    "name",
    "interval_unit",
    "interval",
    "anchor",
    "duration",
    "window_before_days",
    "window_after_days",
    "legal_reference",
    "legal_basis",
)
OPERATION_FIELDS = ("sequence", "name", "description", "is_required")


def add_months(day, months):
    """``day`` + ``months`` months, clamped to the month's end like
    relativedelta (31 Jan + 1 month = 28 Feb), without its cost."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return day.replace(year=year, month=month, day=min(day.day, monthrange(year, month)[1]))


def due_dates(first_date, last_date, unit, interval):
    """Dates from ``first_date`` every ``interval`` weeks or months up to
    ``last_date`` included. Each date is computed from the first one, so there
    is no drift on month ends: 31 Jan, 28 Feb, 31 Mar."""
    if not first_date or not last_date or interval <= 0 or unit not in ("week", "month"):
        return []
    dates = []
    count = 0
    due = first_date
    while due <= last_date:
        dates.append(due)
        count += 1
        if unit == "week":
            due = first_date + timedelta(weeks=interval * count)
        else:
            due = add_months(first_date, interval * count)
    return dates


class MaintenanceWarrantyType(models.Model):
    """What a covered product's contract guarantees: preventive visit
    periodicity, what is covered and the committed response time."""

    _name = "maintenance.warranty.type"
    _description = "Warranty type"
    _order = "sequence, name"
    _check_company_auto = True
    # an import (or a many2one) finds a warranty type by its name or its code
    _rec_names_search = ["name", "code"]

    name = fields.Char(required=True, translate=True)
    code = fields.Char(required=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    company_id = fields.Many2one(
        comodel_name="res.company",
        index=True,
        help="Leave empty to share this warranty type between companies.",
    )
    description = fields.Html(translate=True)
    # preventive visits
    visit_interval_unit = fields.Selection(
        selection=[
            ("none", "No preventive visit"),
            ("week", "Weeks"),
            ("month", "Months"),
            ("fgas", "From the refrigerant charge (F-gas)"),
        ],
        string="Visit periodicity",
        required=True,
        default="month",
    )
    visit_interval = fields.Integer(
        string="Visit every",
        default=12,
        help="Number of weeks or months between two preventive visits. From the "
        "refrigerant charge: every 12, 6 or 3 months, computed on each equipment.",
    )
    visits_per_year = fields.Float(compute="_compute_visits_per_year", digits=(16, 1))
    window_before_days = fields.Integer(
        string="Tolerance before (days)",
        default=15,
        help="A visit may be done this many days before its due date.",
    )
    window_after_days = fields.Integer(
        string="Tolerance after (days)",
        default=15,
        help="A visit may be done this many days after its due date.",
    )
    visit_duration = fields.Float(string="Estimated visit duration", default=2.0, help="In hours.")
    operation_ids = fields.One2many(
        comodel_name="maintenance.warranty.operation",
        inverse_name="warranty_type_id",
        string="Operations",
        copy=True,
    )
    obligation_ids = fields.One2many(
        comodel_name="maintenance.warranty.obligation",
        inverse_name="warranty_type_id",
        string="Further obligations",
        copy=True,
        help="Further periodic checks with their own periodicity, each due date a visit.",
    )
    # regulation
    regulation = fields.Selection(
        selection=[
            ("lift", "Lift"),
            ("boiler", "Boiler 4 to 400 kW"),
            ("extinguisher", "Fire extinguishers"),
            ("fire_alarm", "Fire alarm system"),
            ("vmc_gas", "Gas-fired collective ventilation (VMC gaz)"),
            ("heat_pump", "Heat pump or air conditioning 4 to 70 kW"),
            ("heat_pump_large", "Heat pump or air conditioning above 70 kW"),
            ("fgas", "Refrigerating equipment with fluorinated gases"),
        ],
        help="The regulated equipment this warranty type follows; empty: not regulated.",
    )
    legal_reference = fields.Char(
        string="Legal reference",
        help="The texts that set the periodicity of the visits (decree, order, article).",
    )
    legal_basis = fields.Text(
        string="Legal basis",
        help="What the law requires, and where each frequency comes from (French "
        "legal text, kept in French).",
    )
    certificate_type = fields.Selection(
        selection=[
            ("none", "None"),
            ("boiler", "Boiler service certificate"),
            ("fgas", "F-gas leak check record"),
            ("heat_pump", "Heat pump service certificate"),
            ("lift", "Lift maintenance visit report"),
        ],
        string="Certificate",
        required=True,
        default="none",
        help="The document the law requires after the visit: closing the task "
        "produces it and sends it to the customer.",
    )
    certificate_deadline_days = fields.Integer(
        string="Certificate due within (days)",
        help="Days after the visit within which the customer must receive the certificate.",
    )
    # coverage (used to split interventions into covered and billable)
    covers_labour = fields.Boolean(string="Labour covered", default=True)
    covers_parts = fields.Boolean(string="Parts covered")
    covers_travel = fields.Boolean(string="Travel covered", default=True)
    covers_after_hours = fields.Boolean(string="Out-of-hours call-outs covered")
    # commitment
    response_time = fields.Float(
        string="Committed response time (hours)",
        help="Maximum time between a customer request and the technician's "
        "arrival. 0 means no commitment.",
    )
    response_time_basis = fields.Selection(
        selection=[
            ("business", "Business hours"),
            ("continuous", "24/7"),
        ],
        string="Counted on",
        default="business",
        required=True,
    )

    _code_company_unique = models.Constraint(
        "UNIQUE(code, company_id)", "This warranty type code already exists."
    )
    _window_positive = models.Constraint(
        "CHECK(window_before_days >= 0 AND window_after_days >= 0)",
        "The tolerance window cannot be negative.",
    )

    @api.depends("visit_interval_unit", "visit_interval")
    def _compute_visits_per_year(self):
        for wtype in self:
            if wtype.visit_interval_unit in ("none", "fgas") or wtype.visit_interval <= 0:
                wtype.visits_per_year = 0.0
            elif wtype.visit_interval_unit == "week":
                wtype.visits_per_year = 52.0 / wtype.visit_interval
            else:
                wtype.visits_per_year = 12.0 / wtype.visit_interval

    @api.constrains("visit_interval_unit", "visit_interval", "response_time")
    def _check_periodicity(self):
        for wtype in self:
            if wtype.visit_interval_unit in ("week", "month") and wtype.visit_interval <= 0:
                raise ValidationError(
                    self.env._(
                        "Warranty type %(name)s: the visit periodicity must be at "
                        "least 1 week or 1 month, or choose 'No preventive visit'.",
                        name=wtype.name,
                    )
                )
            if wtype.response_time < 0:
                raise ValidationError(self.env._("The committed response time cannot be negative."))

    @api.onchange("regulation")
    def _onchange_regulation(self):
        """Choosing a regulation applies its preset: periodicity, legal
        reference and basis, certificate, operations and obligations."""
        preset = self._regulation_preset(self.regulation)
        if not preset:
            return None
        self.update(preset._preset_values())
        if not self.name:
            self.name = preset.name
        # a saved type keeps what it has (its visits may use it); a new one
        # takes the preset's checklist
        if not self._origin.id or not (self.operation_ids or self.obligation_ids):
            self.operation_ids = [Command.clear()] + [
                Command.create(vals) for vals in preset._preset_operation_values()
            ]
            self.obligation_ids = [Command.clear()] + [
                Command.create(vals) for vals in preset._preset_obligation_values()
            ]
        return {
            "warning": {
                "type": "notification",
                "title": self.env._("Preset applied"),
                "message": preset._preset_summary(),
            }
        }

    @api.model_create_multi
    def create(self, vals_list):
        # a regulated type created without its rules (import, API) takes its
        # preset's, as the form does
        for vals in vals_list:
            preset = self._regulation_preset(vals.get("regulation"))
            if not preset:
                continue
            for name, value in preset._preset_values().items():
                vals.setdefault(name, value)
            vals.setdefault("name", preset.name)
            if not vals.get("operation_ids") and not vals.get("obligation_ids"):
                vals["operation_ids"] = [
                    Command.create(op) for op in preset._preset_operation_values()
                ]
                vals["obligation_ids"] = [
                    Command.create(ob) for ob in preset._preset_obligation_values()
                ]
        wtypes = super().create(vals_list)
        wtypes.obligation_ids._copy_preset_operations()
        return wtypes

    def write(self, vals):
        res = super().write(vals)
        if "obligation_ids" in vals:
            self.obligation_ids._copy_preset_operations()
        return res

    # presets -----------------------------------------------------------

    @api.model
    def _regulation_preset(self, regulation):
        """The preset warranty type of ``regulation`` (the module's data
        record, or else the first type of that regulation), excluding the
        record being edited."""
        if not regulation:
            return self.browse()
        own = self._origin.ids if self else []
        preset = self.env.ref(
            f"maintenance_contracts.warranty_type_reg_{regulation}", raise_if_not_found=False
        )
        if preset and preset.id not in own and preset.regulation == regulation:
            return preset
        return self.search(
            [("regulation", "=", regulation), ("id", "not in", own)], order="sequence, id", limit=1
        )

    def _preset_values(self):
        self.ensure_one()
        return {name: self[name] for name in PRESET_FIELDS}

    def _preset_operation_values(self):
        """The operations done at every visit (those of an obligation come
        with it)."""
        self.ensure_one()
        return [
            {name: op[name] for name in OPERATION_FIELDS}
            for op in self.operation_ids
            if not op.obligation_id
        ]

    def _preset_obligation_values(self):
        self.ensure_one()
        return [
            dict({name: ob[name] for name in OBLIGATION_FIELDS}, preset_id=ob.id)
            for ob in self.obligation_ids
        ]

    def _preset_summary(self):
        """What applying this preset set, in a sentence."""
        self.ensure_one()
        if self.visit_interval_unit == "fgas":
            pace = self.env._("from the refrigerant charge (12, 6 or 3 months by CO2 equivalent)")
        elif self.visit_interval_unit == "none":
            pace = self.env._("no preventive visit")
        elif self.visit_interval_unit == "week":
            pace = self.env._("every %(count)s weeks", count=self.visit_interval)
        else:
            pace = self.env._("every %(count)s months", count=self.visit_interval)
        certificates = dict(self._fields["certificate_type"]._description_selection(self.env))
        summary = self.env._(
            "%(preset)s. Visits: %(pace)s; certificate: %(certificate)s.",
            preset=self.name,
            pace=pace,
            certificate=certificates[self.certificate_type],
        )
        if self.obligation_ids:
            summary += " " + self.env._(
                "Further obligations: %(obligations)s.",
                obligations=", ".join(self.obligation_ids.mapped("name")),
            )
        return summary

    # business helpers -------------------------------------------------

    def _has_preventive_visits(self):
        """Visits at the type's own pace (an F-gas type's pace is each
        equipment's: its lines are visited on their own, never paced by a
        visit group)."""
        self.ensure_one()
        return self.visit_interval_unit in ("week", "month") and self.visit_interval > 0

    def _visit_step(self, count=1):
        """relativedelta of ``count`` periods of this warranty type."""
        self.ensure_one()
        if self.visit_interval_unit == "week":
            return relativedelta(weeks=self.visit_interval * count)
        return relativedelta(months=self.visit_interval * count)

    def _period_days(self):
        """Approximate length of one period in days (to compare periodicities)."""
        self.ensure_one()
        if self.visit_interval_unit == "week":
            return 7.0 * self.visit_interval
        return 30.4375 * self.visit_interval

    def _due_dates(self, first_date, last_date):
        """Due dates of the preventive visits from ``first_date`` up to
        ``last_date`` included (see :func:`due_dates`)."""
        self.ensure_one()
        if not self._has_preventive_visits():
            return []
        return due_dates(first_date, last_date, self.visit_interval_unit, self.visit_interval)

    def _visit_operations(self, obligation=None):
        """The operations of a main visit (no obligation) or of the visits of
        ``obligation``."""
        self.ensure_one()
        obligation = obligation or self.env["maintenance.warranty.obligation"]
        return self.operation_ids.filtered(lambda op: op.obligation_id == obligation)

    def _operations_text(self, obligation=None):
        self.ensure_one()
        return "\n".join(f"- {op.name}" for op in self._visit_operations(obligation))
