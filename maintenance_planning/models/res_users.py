# Copyright 2026 Seed maintainers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import SQL

from odoo.addons.base.models.res_users import INDEX_SIZE, KEY_CRYPT_CONTEXT, check_identity

# the scope of the API keys of sensor gateways: XML-RPC and /json/2 ask for
# the "rpc" scope and refuse them; POST /maintenance/api/readings accepts
# nothing else
SENSOR_KEY_SCOPE = "maintenance_sensor"
SENSOR_GROUP = "maintenance_planning.group_maintenance_sensor_gateway"

MANAGER_GROUP = "maintenance_contracts.group_maintenance_manager"
TECHNICIAN_GROUP = "maintenance_contracts.group_maintenance_technician"


class ResUsers(models.Model):
    _inherit = "res.users"

    maintenance_calendar_id = fields.Many2one(
        comodel_name="resource.calendar",
        string="Technician working hours",
        help="Working hours used to measure this technician's workload. "
        "Empty: the working hours of their company.",
    )
    is_maintenance_technician = fields.Boolean(
        string="Field technician",
        compute="_compute_is_maintenance_technician",
        store=True,
        readonly=False,
        index=True,
        help="Offered as a technician on tasks and when planning visits. Ticked for the "
        "users of the Technician level; an operations manager or an administrator who "
        "also works on site ticks it.",
    )

    @api.depends("all_group_ids")
    def _compute_is_maintenance_technician(self):
        # the office (managers, administrators) implies the Technician group
        # without working on site: only the Technician level is one by
        # default, an office user stays one once ticked
        technician = self.env.ref(TECHNICIAN_GROUP)
        manager = self.env.ref(MANAGER_GROUP)
        for user in self:
            groups = user.all_group_ids
            if technician not in groups:
                user.is_maintenance_technician = False
            elif manager not in groups:
                user.is_maintenance_technician = True
            else:
                user.is_maintenance_technician = user.is_maintenance_technician

    def _maintenance_home_action(self):
        """The screen the web client opens first for this user when they
        have no home action of their own: *My day* for a technician (who
        is not an operations manager), nothing otherwise (Odoo's default).
        Decided at each login from the groups, so a technician created or
        promoted later needs nothing stored."""
        self.ensure_one()
        if self.action_id or not self.has_group(TECHNICIAN_GROUP) or self.has_group(MANAGER_GROUP):
            return self.env["ir.actions.act_window"]
        return (
            self.env.ref(
                "maintenance_planning.maintenance_task_action_my_day", raise_if_not_found=False
            )
            or self.env["ir.actions.act_window"]
        )

    @check_identity
    def action_maintenance_sensor_key(self):
        """Administrators: a new sensor gateway key for this user, shown once."""
        self.ensure_one()
        key = self._maintenance_generate_sensor_key()
        return {
            "type": "ir.actions.act_window",
            "res_model": "res.users.apikeys.show",
            "name": self.env._("Sensor gateway key"),
            "views": [(False, "form")],
            "target": "new",
            "context": {"default_key": key},
        }

    def _maintenance_generate_sensor_key(self):
        """A key of scope ``maintenance_sensor`` for this gateway user: it
        opens POST /maintenance/api/readings and nothing else."""
        self.ensure_one()
        if not self.env.is_system():
            raise UserError(self.env._("Only an administrator can create a sensor gateway key."))
        if self._is_internal() or not self.has_group(SENSOR_GROUP):
            raise UserError(
                self.env._(
                    "%(user)s is not a sensor gateway user: a gateway user is a share user "
                    "(not internal) of the Sensor gateway group.",
                    user=self.name,
                )
            )
        # sudo: the key belongs to the gateway user, who never logs in to make it
        return (
            self.env["res.users.apikeys"]
            .with_user(self)
            .sudo()
            ._generate(
                SENSOR_KEY_SCOPE,
                self.env._("Sensor gateway %(user)s", user=self.login),
                None,
            )
        )


class ResUsersApikeys(models.Model):
    _inherit = "res.users.apikeys"

    def _maintenance_sensor_uid(self, key):
        """The user of ``key`` when it is a valid sensor gateway key (scope
        ``maintenance_sensor``, not a global key), else None."""
        if not key:
            return None
        self.env.cr.execute(
            SQL(
                """
                SELECT k.user_id, k.key
                  FROM res_users_apikeys k
                  JOIN res_users u ON u.id = k.user_id
                 WHERE u.active AND k.index = %s AND k.scope = %s
                   AND (k.expiration_date IS NULL
                        OR k.expiration_date >= now() AT TIME ZONE 'utc')
                """,
                key[:INDEX_SIZE],
                SENSOR_KEY_SCOPE,
            )
        )
        for user_id, hashed in self.env.cr.fetchall():
            if KEY_CRYPT_CONTEXT.verify(key, hashed):
                return user_id
        return None
