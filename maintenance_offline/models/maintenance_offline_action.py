# Copyright 2026 Seed maintainers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import json

from odoo import api, fields, models
from odoo.tools import SQL

ACTION_TYPES = [
    ("check_in", "Arrival"),
    ("check_out", "Departure"),
    ("checklist", "Operation ticked"),
    ("reading", "Meter reading"),
    ("part", "Part used"),
    ("photo", "Photo"),
    ("note", "Note"),
    ("signature", "Customer signature"),
    ("close", "Closing"),
]
# what the journal keeps of a payload: never the photos and signatures
# themselves (they are stored once, as attachments of the task)
BULKY_KEYS = ("data",)
MAX_SUMMARY = 500


class MaintenanceOfflineAction(models.Model):
    """The journal of the actions a technician recorded offline on the
    phone and sent through ``/maintenance/offline/sync``: one row per
    identifier (UUID) the phone generated, applied or refused.

    The identifier is unique in the database: the row is inserted in the
    same savepoint as the effect of the action, so an action is applied at
    most once, whatever the phone resends. Nobody writes this journal by
    hand: only the sync endpoint, through ``_journal_insert`` and
    ``_journal_write``."""

    _name = "maintenance.offline.action"
    _description = "Offline action"
    _order = "received_at desc, id desc"
    _rec_name = "uuid"

    uuid = fields.Char(string="Identifier", required=True, readonly=True)
    user_id = fields.Many2one(
        comodel_name="res.users",
        string="Technician",
        required=True,
        index=True,
        readonly=True,
        ondelete="cascade",
    )
    company_id = fields.Many2one(
        comodel_name="res.company", string="Company", required=True, index=True, readonly=True
    )
    task_id = fields.Many2one(
        comodel_name="maintenance.task",
        string="Task",
        index="btree_not_null",
        readonly=True,
        ondelete="set null",
    )
    action_type = fields.Selection(selection=ACTION_TYPES, string="Action", readonly=True)
    device_time = fields.Datetime(
        string="Device time",
        readonly=True,
        help="When the technician recorded the action, by the phone's clock.",
    )
    received_at = fields.Datetime(
        string="Received on",
        required=True,
        readonly=True,
        help="When the server received the action.",
    )
    recorded_time = fields.Datetime(
        string="Time recorded",
        readonly=True,
        help="The time written on the check-in, reading, signature or closing: the "
        "device time when plausible, else the reception time.",
    )
    clock_skew = fields.Float(
        string="Clock skew (s)",
        digits=(16, 1),
        readonly=True,
        help="The phone's clock minus the server's, in seconds, when the batch was sent.",
    )
    clock_flagged = fields.Boolean(
        string="Clock off",
        readonly=True,
        index=True,
        help="The phone's clock was more than 10 minutes off the server's.",
    )
    time_flagged = fields.Boolean(
        string="Time out of bounds",
        readonly=True,
        index=True,
        help="The action's device time was not plausible (before the task existed or was "
        "planned, before the customer's request was received, after its reception, or "
        "after the phone's own clock when it sent the batch): see the time check.",
    )
    time_note = fields.Text(string="Time check", readonly=True)
    state = fields.Selection(
        selection=[("applied", "Applied"), ("refused", "Refused")],
        required=True,
        readonly=True,
        index=True,
    )
    message = fields.Text(string="Answer", readonly=True)
    res_model = fields.Char(string="Record model", readonly=True)
    res_id = fields.Many2oneReference(string="Record", model_field="res_model", readonly=True)
    payload_summary = fields.Text(string="Payload", readonly=True)
    payload = fields.Text(
        string="Content",
        readonly=True,
        help="The whole content of a refused action, as the phone sent it (a photo or "
        "signature is kept as the attached file): nothing recorded on the phone is lost.",
    )
    attachment_id = fields.Many2one(
        comodel_name="ir.attachment",
        string="File",
        readonly=True,
        ondelete="set null",
        help="The photo or signature of a refused action.",
    )
    attachment_file = fields.Binary(related="attachment_id.datas", string="Photo or signature")

    _uuid_unique = models.UniqueIndex(
        "(uuid)", "This action identifier was already received: an action is applied once."
    )

    @api.model
    def _payload_summary(self, payload):
        """The payload as the journal keeps it: bulky contents replaced by
        their size."""
        if not isinstance(payload, dict):
            return json.dumps(payload, default=str)[:MAX_SUMMARY]
        shown = {
            key: (
                f"<{len(value)} base64 characters>"
                if key in BULKY_KEYS and isinstance(value, str)
                else value
            )
            for key, value in payload.items()
        }
        return json.dumps(shown, default=str, ensure_ascii=False)[:MAX_SUMMARY]

    @api.model
    def _payload_content(self, payload):
        """The whole payload of a refused action as the journal keeps it: the
        file contents left out (kept as an attachment of the row)."""
        if not isinstance(payload, dict):
            return json.dumps(payload, default=str, ensure_ascii=False)
        return json.dumps(
            {key: value for key, value in payload.items() if key not in BULKY_KEYS},
            default=str,
            ensure_ascii=False,
        )

    @api.model
    def _journal_insert(self, vals):
        """Insert the journal row of an action unless its identifier exists.

        Returns the new id, or None when the identifier was already
        received. ``INSERT ... ON CONFLICT DO NOTHING``: a concurrent
        request inserting the same identifier waits for this one's
        transaction; when it commits, PostgreSQL (repeatable read) cancels
        the waiting insert with a serialization failure, and Odoo retries
        the whole waiting request, which then finds the identifier (answer
        *duplicate*); when it rolls back, the waiting insert goes on. The
        row is written in SQL on purpose: nobody has the right to create
        journal rows, the endpoint is the only writer (it checked the
        user's rights on the task itself)."""
        now = fields.Datetime.now()
        columns = [
            "uuid",
            "user_id",
            "company_id",
            "task_id",
            "action_type",
            "device_time",
            "received_at",
            "recorded_time",
            "clock_skew",
            "clock_flagged",
            "time_flagged",
            "time_note",
            "state",
            "message",
            "payload_summary",
            "payload",
        ]
        row = [vals.get(column) for column in columns]
        columns += ["create_uid", "create_date", "write_uid", "write_date"]
        row += [self.env.uid, now, self.env.uid, now]
        self.env.cr.execute(
            SQL(
                "INSERT INTO maintenance_offline_action (%s) VALUES %s "
                "ON CONFLICT (uuid) DO NOTHING RETURNING id",
                SQL(", ").join(SQL.identifier(column) for column in columns),
                tuple(row),
            ),
            # a serialization failure is retried by Odoo, not a bad query
            log_exceptions=False,
        )
        found = self.env.cr.fetchone()
        return found[0] if found else None

    @api.model
    def _journal_write(self, journal_id, vals):
        """Complete a journal row the endpoint inserted (result, record)."""
        # sudo: the journal is read-only for everybody, its writer is the
        # sync endpoint, after the action was applied as the user
        self.sudo().browse(journal_id).write(vals)

    @api.model
    def _journal_lookup(self, uuid):
        """(user_id, state, message, res_model, res_id) of an identifier
        already received, or None. Read in SQL, whoever owns it: the caller
        only tells the user whether it is theirs. Should a row committed
        after this transaction's snapshot be invisible here (see
        ``_journal_insert``: the database normally cancels the insert
        first), a fresh cursor reads it."""
        query = SQL(
            "SELECT user_id, state, message, res_model, res_id "
            "FROM maintenance_offline_action WHERE uuid = %s",
            uuid,
        )
        self.env.cr.execute(query)
        found = self.env.cr.fetchone()
        if found:
            return found
        with self.env.registry.cursor() as fresh_cr:
            fresh_cr.execute(query)
            return fresh_cr.fetchone()
