# Copyright 2026 Seed maintainers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The keys of sensor gateway users: scoped API keys that open the readings
endpoint and nothing else."""

from odoo import models
from odoo.exceptions import UserError
from odoo.tools import SQL

from odoo.addons.base.models.res_users import INDEX_SIZE, KEY_CRYPT_CONTEXT, check_identity

# the scope of the API keys of sensor gateways: XML-RPC and /json/2 ask for
# the "rpc" scope and refuse them; POST /maintenance/api/readings accepts
# nothing else
SENSOR_KEY_SCOPE = "maintenance_sensor"
SENSOR_GROUP = "maintenance_meter_sensor.group_maintenance_sensor_gateway"


class ResUsers(models.Model):
    _inherit = "res.users"

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
