# Copyright 2026 Seed maintainers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from collections import defaultdict
from datetime import timedelta

from odoo import Command, api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import plaintext2html

from odoo.addons.maintenance_planning.numbering import allocate_numbers, number_sequence

from .maintenance_commitment import KINDS, PRIORITIES

SEQUENCE_CODE = "maintenance.customer.request"
# the milestone that ends each committed time
MILESTONES = {
    "response": "acknowledged_at",
    "intervention": "arrived_at",
    "restoration": "restored_at",
}
KIND_KEYS = [kind for kind, _label in KINDS]
# requests in these states raise no alert
QUIET_STATES = ("waiting", "closed", "cancelled")
# what a portal user may send: a form's text and a few requests an hour
PORTAL_MAX_TITLE = 200
PORTAL_MAX_DESCRIPTION = 10000
PORTAL_MAX_PER_HOUR = 10
PORTAL_RATE_WINDOW = timedelta(hours=1)


class MaintenanceCustomerRequest(models.Model):
    """A customer's request (a breakdown call, an e-mail, a sensor alert):
    numbered, timed against the committed times of the contract covering
    its site or equipment, followed until the equipment is back in service.
    Not ``maintenance.request``, which Odoo's own Maintenance app defines."""

    _name = "maintenance.customer.request"
    _description = "Customer request"
    _inherit = ["mail.thread", "mail.activity.mixin", "portal.mixin"]
    _order = "received_at desc, id desc"
    _check_company_auto = True
    _mail_post_access = "read"

    name = fields.Char(
        string="Number", required=True, readonly=True, copy=False, default="/", index="trigram"
    )
    company_id = fields.Many2one(
        comodel_name="res.company", required=True, index=True, default=lambda self: self.env.company
    )
    customer_id = fields.Many2one(
        comodel_name="res.partner",
        string="Customer",
        compute="_compute_customer_id",
        store=True,
        readonly=False,
        precompute=True,
        index=True,
        tracking=True,
        domain="[('is_company', '=', True)]",
    )
    site_id = fields.Many2one(
        comodel_name="maintenance.site",
        string="Installed site",
        index=True,
        check_company=True,
        tracking=True,
        domain="[('customer_id', '=?', customer_id)]",
    )
    equipment_id = fields.Many2one(
        comodel_name="maintenance.customer.equipment",
        string="Equipment",
        index=True,
        tracking=True,
        domain="[('site_id', '=?', site_id)]",
    )
    contact_id = fields.Many2one(
        comodel_name="res.partner",
        string="Contact",
        index=True,
        help="The person who made the request.",
    )
    channel = fields.Selection(
        selection=[
            ("phone", "Phone"),
            ("email", "E-mail"),
            ("portal", "Portal"),
            ("sensor", "Sensor alert"),
            ("other", "Other"),
        ],
        required=True,
        default="phone",
    )
    title = fields.Char(string="Subject", help="In a few words: the e-mail's subject.")
    description = fields.Html()
    attachment_ids = fields.Many2many(
        comodel_name="ir.attachment",
        relation="maintenance_customer_request_attachment_rel",
        column1="request_id",
        column2="attachment_id",
        string="Photos",
    )
    priority = fields.Selection(
        selection=PRIORITIES, required=True, default="2", index=True, tracking=True
    )
    received_at = fields.Datetime(
        string="Received at",
        required=True,
        index=True,
        default=fields.Datetime.now,
        tracking=True,
        help="When the customer called or wrote; change it for a call logged late. "
        "It cannot be in the future.",
    )
    state = fields.Selection(
        selection=[
            ("new", "New"),
            ("acknowledged", "Acknowledged"),
            ("planned", "Dossier planned"),
            ("on_site", "Technician on site"),
            ("restored", "Restored"),
            ("closed", "Closed"),
            ("waiting", "Waiting on customer"),
            ("cancelled", "Cancelled"),
        ],
        string="Status",
        required=True,
        default="new",
        index=True,
        copy=False,
        tracking=True,
    )
    state_before_pause = fields.Char(string="Status before the pause", copy=False, readonly=True)
    user_id = fields.Many2one(
        comodel_name="res.users",
        string="Responsible",
        index=True,
        tracking=True,
        default=lambda self: self.env.user,
        help="Operations manager following the request: alerts are assigned to them.",
    )
    intervention_id = fields.Many2one(
        comodel_name="maintenance.intervention",
        string="Dossier",
        index=True,
        check_company=True,
        tracking=True,
        copy=False,
    )
    technician_id = fields.Many2one(
        comodel_name="res.users",
        string="First technician on site",
        index=True,
        readonly=True,
        copy=False,
    )
    # covering contract
    contract_id = fields.Many2one(
        comodel_name="contract.contract",
        string="Contract",
        compute="_compute_contract",
        store=True,
        readonly=False,
        precompute=True,
        index=True,
        tracking=True,
        help="The running contract covering the equipment (or the site) on the day "
        "of the request; empty: out of contract.",
    )
    warranty_type_id = fields.Many2one(
        comodel_name="maintenance.warranty.type",
        string="Warranty type",
        compute="_compute_contract",
        store=True,
        readonly=False,
        precompute=True,
        index=True,
    )
    out_of_contract = fields.Boolean(
        string="Out of contract",
        compute="_compute_out_of_contract",
        store=True,
        precompute=True,
        help="No running contract covers this request: the work will be billed.",
    )
    pause_ids = fields.One2many(
        comodel_name="maintenance.customer.request.pause",
        inverse_name="request_id",
        string="Pauses",
    )
    # milestones
    acknowledged_at = fields.Datetime(string="Acknowledged at", readonly=True, copy=False)
    arrived_at = fields.Datetime(string="Technician arrived at", readonly=True, copy=False)
    restored_at = fields.Datetime(string="Restored at", readonly=True, copy=False)
    _name_company_unique = models.Constraint(
        "UNIQUE(name, company_id)", "This request number already exists in this company."
    )

    # computes -----------------------------------------------------------

    def _compute_access_url(self):
        # every record gets its own portal URL below
        for record in self:
            record.access_url = f"/my/requests/{record.id}"

    @api.depends("site_id", "contact_id")
    def _compute_customer_id(self):
        self._assign(
            {
                "customer_id": {
                    request: (
                        request.site_id.customer_id
                        or request.contact_id.commercial_partner_id
                        or request.customer_id
                    ).id
                    for request in self
                }
            }
        )

    @api.depends("site_id", "equipment_id", "received_at")
    def _compute_contract(self):
        """The running contract line covering the equipment on the day of the
        request (without equipment: a line of the site). One search for all."""
        with_site = self.filtered("site_id")
        values = {
            "contract_id": dict.fromkeys(self - with_site, False),
            "warranty_type_id": dict.fromkeys(self - with_site, False),
        }
        if not with_site:
            self._assign(values)
            return
        # the day in the company's time zone, not the one of whoever
        # triggers the computation (a stored field): the same for all
        days = {request: request._company_day() for request in self}
        lines = (
            self.env["contract.line"]
            .sudo()  # the covering contract is read whatever the user's accounting rights
            .search(
                [
                    ("site_id", "in", with_site.site_id.ids),
                    ("warranty_type_id", "!=", False),
                    ("contract_id.maintenance_state", "=", "active"),
                    ("date_start", "<=", max(days.values())),
                    "|",
                    ("date_end", "=", False),
                    ("date_end", ">=", min(days.values())),
                ],
                order="id",
            )
        )
        by_site = defaultdict(list)
        for line in lines:
            by_site[line.site_id.id].append(line)
        for request in with_site:
            day = days[request]
            running = [
                line
                for line in by_site[request.site_id.id]
                if line.date_start <= day and (not line.date_end or line.date_end >= day)
            ]
            if request.equipment_id:
                running = [line for line in running if line.equipment_id == request.equipment_id]
            line = running[0] if running else None
            values["contract_id"][request] = line.contract_id.id if line else False
            values["warranty_type_id"][request] = line.warranty_type_id.id if line else False
        self._assign(values)

    def _company_day(self):
        """The day the request was received, in its company's time zone."""
        self.ensure_one()
        tz = self.company_id._maintenance_tz()
        return fields.Date.context_today(
            self.with_context(tz=tz), self.received_at or fields.Datetime.now()
        )

    @api.depends("contract_id")
    def _compute_out_of_contract(self):
        self._assign({"out_of_contract": {request: not request.contract_id for request in self}})

    def _assign(self, values):
        """Assign computed ``values`` ({field: {record: value}}), one
        assignment per field and distinct value rather than per record."""
        for fname, by_record in values.items():
            by_value = defaultdict(list)
            for record, value in by_record.items():
                by_value[value].append(record.id)
            for value, ids in by_value.items():
                self.browse(ids)[fname] = value

    # constraints and CRUD ---------------------------------------------------

    def _check_received_at(self, vals_list):
        now = fields.Datetime.now()
        for vals in vals_list:
            received = vals.get("received_at")
            if received and fields.Datetime.to_datetime(received) > now + timedelta(seconds=59):
                raise ValidationError(
                    self.env._(
                        "The request cannot be received in the future (%(received)s): "
                        "enter the time the customer called or wrote.",
                        received=fields.Datetime.to_string(fields.Datetime.to_datetime(received)),
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        self._check_received_at(vals_list)
        to_number = [vals for vals in vals_list if vals.get("name", "/") in ("/", False)]
        by_company = defaultdict(list)
        for vals in to_number:
            by_company[vals.get("company_id") or self.env.company.id].append(vals)
        for company_id, company_vals in by_company.items():
            numbers = self._allocate_numbers(
                self.env["res.company"].browse(company_id), len(company_vals)
            )
            for vals, number in zip(company_vals, numbers, strict=True):
                vals["name"] = number
        requests = super().create(vals_list)
        requests.filtered(
            lambda r: r.intervention_id and r.state in ("new", "acknowledged")
        )._mark_planned()
        return requests

    def write(self, vals):
        self._check_received_at([vals])
        if "name" in vals and any(vals["name"] != request.name for request in self):
            raise UserError(self.env._("The number of a request cannot be changed."))
        result = super().write(vals)
        if vals.get("intervention_id"):
            self.filtered(lambda r: r.state in ("new", "acknowledged"))._mark_planned()
        return result

    # actions ------------------------------------------------------------

    def _check_state(self, allowed, action):
        self.check_access("write")
        wrong = self.filtered(lambda r: r.state not in allowed)
        if wrong:
            raise UserError(
                self.env._(
                    "Request %(number)s (status: %(state)s): you cannot %(action)s it.",
                    number=wrong[0].name,
                    state=dict(wrong._fields["state"]._description_selection(self.env))[
                        wrong[0].state
                    ],
                    action=action,
                )
            )

    def action_acknowledge(self):
        self._check_state(("new",), self.env._("acknowledge"))
        self.write({"state": "acknowledged", "acknowledged_at": fields.Datetime.now()})
        return True

    def action_create_intervention(self):
        """A corrective dossier with the request's site, equipment and
        description; the request follows it."""
        self.ensure_one()
        self.check_access("write")
        if self.intervention_id:
            raise UserError(
                self.env._(
                    "Request %(number)s already has dossier %(dossier)s.",
                    number=self.name,
                    dossier=self.intervention_id.name,
                )
            )
        self._check_state(("new", "acknowledged"), self.env._("create a dossier for"))
        if not self.site_id:
            raise UserError(
                self.env._(
                    "Request %(number)s has no installed site: choose the site first.",
                    number=self.name,
                )
            )
        dossier = self.env["maintenance.intervention"].create(
            {
                "intervention_type": "corrective",
                "company_id": self.company_id.id,
                "site_id": self.site_id.id,
                "customer_id": self.customer_id.id,
                "equipment_ids": [fields.Command.set(self.equipment_id.ids)],
                "contract_id": self.contract_id.id,
                "priority": "2" if self.priority == "1" else "1" if self.priority == "2" else "0",
                "description": self.description,
            }
        )
        self.write({"intervention_id": dossier.id})
        return {
            "type": "ir.actions.act_window",
            "res_model": "maintenance.intervention",
            "res_id": dossier.id,
            "view_mode": "form",
            "target": "current",
        }

    def action_restore(self):
        self._check_state(("new", "acknowledged", "planned", "on_site"), self.env._("restore"))
        self._mark_restored()
        return True

    def action_close(self):
        self._check_state(("restored",), self.env._("close"))
        self.write({"state": "closed"})
        return True

    def action_cancel(self):
        self._check_state(
            ("new", "acknowledged", "planned", "on_site", "waiting"), self.env._("cancel")
        )
        self.pause_ids.filtered(lambda p: not p.date_end).write({"date_end": fields.Datetime.now()})
        self.write({"state": "cancelled"})
        return True

    def action_pause(self):
        """Open the pause form: the reason is asked there."""
        self.ensure_one()
        self._check_state(("new", "acknowledged", "planned", "on_site"), self.env._("pause"))
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Waiting on the customer"),
            "res_model": "maintenance.customer.request.pause",
            "view_mode": "form",
            "target": "new",
            "context": {"default_request_id": self.id},
        }

    def action_resume(self):
        self._check_state(("waiting",), self.env._("resume"))
        self.pause_ids.filtered(lambda p: not p.date_end).write({"date_end": fields.Datetime.now()})
        return True

    @api.readonly
    def action_view_intervention(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": "maintenance.intervention",
            "res_id": self.intervention_id.id,
            "view_mode": "form",
        }

    @api.model
    def _create_from_portal(self, site, equipment, *, priority, title, description="", photos=()):
        """A request made by a portal user on ``/my/requests/new``.

        ``site`` and ``equipment`` are checked as the user (their record
        rules: their own sites and equipment only); ``photos`` is a list of
        (file name, mimetype, bytes). The request then starts the same clocks
        as a phone call (received now, committed times of the covering
        contract); the contact follows it.
        """
        site.check_access("read")
        if equipment:
            equipment.check_access("read")
            if equipment.site_id != site:
                raise ValidationError(
                    self.env._(
                        "The equipment %(equipment)s is not on the site %(site)s.",
                        equipment=equipment.display_name,
                        site=site.display_name,
                    )
                )
        if priority not in dict(PRIORITIES):
            raise ValidationError(self.env._("Choose the priority of the request."))
        if not (title or "").strip():
            raise ValidationError(self.env._("Say in a few words what happens (subject)."))
        self._check_portal_limits(title, description)
        not_images = [name for name, mimetype, _data in photos if not mimetype.startswith("image/")]
        if not_images:
            raise ValidationError(
                self.env._(
                    "Only photos can be attached: %(files)s is not an image.",
                    files=", ".join(not_images),
                )
            )
        contact = self.env.user.partner_id
        # sudo: portal users have no right to create requests nor documents;
        # what they may give (their site and equipment, priority, subject,
        # description, photos) was checked above, the rest is set here
        site_sudo = site.sudo()
        request = (
            self.sudo()
            .with_company(site_sudo.company_id)
            .create(
                {
                    "company_id": site_sudo.company_id.id,
                    "channel": "portal",
                    "customer_id": site_sudo.customer_id.id,
                    "site_id": site_sudo.id,
                    "equipment_id": equipment.id,
                    "contact_id": contact.id,
                    "priority": priority,
                    "title": title.strip(),
                    "description": plaintext2html(description or ""),
                    "user_id": site_sudo.company_id.maintenance_request_user_id.id,
                }
            )
        )
        if photos:
            attachments = (
                self.env["ir.attachment"]
                .sudo()
                .create(
                    [
                        {
                            "name": name,
                            "raw": data,
                            "mimetype": mimetype,
                            "res_model": self._name,
                            "res_id": request.id,
                            "maintenance_category": "photo",
                            # the customer's own photos: shown back to them
                            "maintenance_portal_shared": True,
                        }
                        for name, mimetype, data in photos
                    ]
                )
            )
            request.attachment_ids = [Command.link(a.id) for a in attachments]
        request.message_subscribe(partner_ids=contact.ids)
        return request.with_env(self.env)

    @api.model
    def _check_portal_limits(self, title, description):
        """A request form is a few lines, and a customer sends a few of them
        an hour: a longer text or more requests (a script, a stuck button)
        are refused before anything is created."""
        if len(title or "") > PORTAL_MAX_TITLE or len(description or "") > PORTAL_MAX_DESCRIPTION:
            raise ValidationError(
                self.env._(
                    "The subject is limited to %(title)s characters and the description to "
                    "%(description)s characters: shorten them, or attach photos.",
                    title=PORTAL_MAX_TITLE,
                    description=f"{PORTAL_MAX_DESCRIPTION:,}".replace(",", "\N{NO-BREAK SPACE}"),
                )
            )
        # sudo: the user's own recent requests are counted whatever their rules
        recent = (
            self.sudo()
            .with_context(active_test=False)
            .search_count(
                [
                    ("channel", "=", "portal"),
                    ("create_uid", "=", self.env.uid),
                    ("create_date", ">=", fields.Datetime.now() - PORTAL_RATE_WINDOW),
                ]
            )
        )
        if recent >= PORTAL_MAX_PER_HOUR:
            raise ValidationError(
                self.env._(
                    "You have sent %(count)s requests in the last hour: that is the most the "
                    "portal accepts. For an emergency, call us; otherwise try again later.",
                    count=recent,
                )
            )

    # business helpers ---------------------------------------------------------

    def _mark_planned(self):
        now = fields.Datetime.now()
        for request in self:
            vals = {"state": "planned"}
            if not request.acknowledged_at:
                vals["acknowledged_at"] = now
            request.write(vals)

    def _mark_restored(self, when=None):
        when = when or fields.Datetime.now()
        todo = self.filtered(lambda r: not r.restored_at and r.state not in QUIET_STATES)
        for request in todo:
            vals = {"state": "restored", "restored_at": when}
            if not request.acknowledged_at:
                vals["acknowledged_at"] = when
            request.write(vals)

    def _mark_arrived(self, checkins):
        """The first check-in on a task of a request's dossier: the technician
        is on site (intervention time)."""
        first = {}
        for checkin in checkins.sorted("check_in"):
            first.setdefault(checkin.intervention_id.id, checkin)
        for request in self.filtered(lambda r: not r.arrived_at):
            checkin = first.get(request.intervention_id.id)
            if not checkin:
                continue
            # already on site when the customer called: arrived at the call
            arrived = max(checkin.check_in, request.received_at)
            vals = {"arrived_at": arrived, "technician_id": checkin.user_id.id}
            if not request.acknowledged_at:
                vals["acknowledged_at"] = arrived
            if request.state in ("new", "acknowledged", "planned"):
                vals["state"] = "on_site"
            request.write(vals)

    @api.model
    def _allocate_numbers(self, company, count):
        """``count`` request numbers of ``company`` (DEM/2027/00012), drawn in
        one query whatever ``count`` is (the dossiers' numbering)."""
        sequence = number_sequence(
            self.env,
            SEQUENCE_CODE,
            company,
            lambda: self.env._("Customer request (%(company)s)", company=company.name),
            "DEM/%(year)s/",
        )
        return allocate_numbers(sequence, count)
