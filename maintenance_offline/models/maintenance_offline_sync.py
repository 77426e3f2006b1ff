# Copyright 2026 Seed maintainers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import base64
import binascii
import logging
import math
import re
from collections import defaultdict
from datetime import datetime, timezone

import psycopg2
from markupsafe import Markup

from odoo import Command, api, fields, models
from odoo.exceptions import AccessError, MissingError, UserError, ValidationError
from odoo.service.model import PG_CONCURRENCY_EXCEPTIONS_TO_RETRY
from odoo.tools import format_datetime

from .maintenance_offline_time import CLOCK_TOLERANCE

_logger = logging.getLogger(__name__)

MAX_ACTIONS = 200
# a photo or signature larger than this is refused (the phone resizes)
MAX_FILE_SIZE = 15 * 1024 * 1024
UUID_RE = re.compile(
    r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$", re.IGNORECASE
)
CHECKLIST_METHODS = {
    "done": "action_set_done",
    "not_applicable": "action_set_not_applicable",
    "anomaly": "action_set_anomaly",
    "reset": "action_reset",
}


class ActionRefused(Exception):
    """A malformed action: refused with this reason, the others go on."""


class _AlreadyReceived(Exception):
    """The identifier is in the journal: rolls the savepoint back."""


def _parse_time(value):
    """A naive UTC datetime from an ISO string (``Z`` or an offset), or None."""
    if not isinstance(value, str) or not value:
        return None
    try:
        parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    if parsed.tzinfo:
        parsed = parsed.astimezone(timezone.utc).replace(tzinfo=None)
    return parsed.replace(microsecond=0)


def _iso(value):
    return value.strftime("%Y-%m-%dT%H:%M:%SZ") if value else False


class MaintenanceOfflineAction(models.Model):
    _inherit = "maintenance.offline.action"

    @api.model
    def _offline_sync(self, actions, device_now):
        """Apply the actions a phone queued offline, in order, as the
        current user; the answer of ``/maintenance/offline/sync``."""
        self.env["maintenance.task"]._check_offline_user()
        if not isinstance(actions, list):
            raise UserError(self.env._("The synchronisation expects a list of actions."))
        if len(actions) > MAX_ACTIONS:
            raise UserError(
                self.env._(
                    "%(count)s actions were sent at once: at most %(max)s per "
                    "synchronisation. Nothing was applied; send them in smaller batches.",
                    count=len(actions),
                    max=MAX_ACTIONS,
                )
            )
        server_now = fields.Datetime.now().replace(microsecond=0)
        device_clock = _parse_time(device_now)
        skew = (device_clock - server_now).total_seconds() if device_clock else 0.0
        flagged = abs(skew) > CLOCK_TOLERANCE.total_seconds()
        tasks = self._sync_tasks(actions)
        context = {
            "server_now": server_now,
            "device_clock": device_clock,
            "skew": skew,
            "flagged": flagged,
            "tasks": tasks,
            "bounds": self._sync_time_bounds(tasks),
            "refusals": defaultdict(list),
            "corrected": defaultdict(list),
        }
        results = [self._sync_one(action, context) for action in actions]
        self._notify_refusals(context["refusals"])
        self._notify_corrected_times(context["corrected"])
        return {
            "server_time": _iso(server_now),
            "clock_skew_seconds": skew,
            "clock_flagged": flagged,
            "results": results,
        }

    @api.model
    def _sync_tasks(self, actions):
        """The tasks of the batch the user may act on, read at once: as the
        user, so that the record rules decide (a technician's own tasks)."""
        ids = {
            action.get("task_id")
            for action in actions
            if isinstance(action, dict)
            and isinstance(action.get("task_id"), int)
            and not isinstance(action.get("task_id"), bool)
        }
        Task = self.env["maintenance.task"]
        if not ids:
            return Task
        tasks = Task.search([("id", "in", list(ids))])
        if not Task._is_manager():
            tasks = tasks.filtered(lambda task: self.env.user in task.user_ids)
        return tasks

    @api.model
    def _sync_one(self, action, context):
        """Apply one action in its own savepoint; its journal row is inserted
        in the same savepoint, so both are kept or neither."""
        if not isinstance(action, dict):
            return {
                "uuid": False,
                "status": "refused",
                "message": self.env._("This action is not an object: ignored."),
            }
        uuid = action.get("uuid")
        if not isinstance(uuid, str) or not UUID_RE.match(uuid):
            return {
                "uuid": uuid if isinstance(uuid, str) else False,
                "status": "refused",
                "message": self.env._(
                    "This action has no valid identifier (UUID): it cannot be applied once "
                    "and only once, so it is refused."
                ),
            }
        uuid = uuid.lower()
        server_now = context["server_now"]
        action_type = action.get("type")
        device_time = _parse_time(action.get("device_time"))
        task = context["tasks"].filtered(lambda record: record.id == action.get("task_id"))
        recorded_time, time_flagged, time_note = self._bounded_time(
            task, device_time, context["device_clock"], context
        )
        payload = action.get("payload")
        vals = {
            "uuid": uuid,
            "user_id": self.env.uid,
            "company_id": (task.company_id or self.env.company).id,
            "task_id": task.id or None,
            "action_type": action_type
            if action_type in dict(self._fields["action_type"].selection)
            else None,
            "device_time": device_time,
            "received_at": server_now,
            "recorded_time": recorded_time,
            "clock_skew": context["skew"],
            "clock_flagged": context["flagged"],
            "time_flagged": time_flagged,
            "time_note": time_note or None,
            "payload_summary": self._payload_summary(
                {"task_id": action.get("task_id"), **payload}
                if isinstance(payload, dict)
                else {"task_id": action.get("task_id"), "payload": payload}
            ),
        }
        try:
            with self.env.cr.savepoint():
                journal_id = self._journal_insert({**vals, "state": "applied"})
                if journal_id is None:
                    raise _AlreadyReceived()
                res_model, res_id, message = self._apply_action(
                    task, action, device_time, recorded_time
                )
                self._journal_write(
                    journal_id, {"message": message, "res_model": res_model, "res_id": res_id}
                )
                if time_flagged and res_model == "maintenance.task.checkin":
                    # sudo: check-ins are written by the task's actions only;
                    # the arrival or departure was recorded at the reception time
                    self.env[res_model].sudo().browse(res_id).time_flagged = True
                # the chatter's tracking of this action, written now: a later
                # refusal rolls back its own savepoint and clears the hooks
                self.env.flush_all()
                self.env.cr.precommit.run()
        except _AlreadyReceived:
            return self._already_received(uuid)
        except PG_CONCURRENCY_EXCEPTIONS_TO_RETRY:
            # a concurrent request changed the same records: the whole
            # request is retried (nothing of it was committed)
            raise
        except (ActionRefused, UserError, ValidationError, AccessError, MissingError) as error:
            message = error.args[0] if error.args else str(error)
            return self._refuse(vals, task, message, context, payload)
        except psycopg2.IntegrityError as error:
            _logger.info("Offline action %s refused by the database: %s", uuid, error)
            return self._refuse(
                vals,
                task,
                self.env._("The action breaks a rule of the database: it cannot be applied."),
                context,
                payload,
            )
        result = {"uuid": uuid, "status": "applied", "message": message}
        if res_model:
            result.update(res_model=res_model, res_id=res_id)
        if time_flagged:
            result["time_note"] = time_note
            if task:
                context["corrected"][task.id].append((vals, time_note, journal_id))
        return result

    @api.model
    def _refuse(self, vals, task, message, context, payload=None):
        """Journal a refused action with its whole content (in its own
        savepoint) and queue the activity of the operations manager: what
        the technician recorded is kept on the server, never lost."""
        uuid = vals["uuid"]
        with self.env.cr.savepoint():
            journal_id = self._journal_insert(
                {
                    **vals,
                    "state": "refused",
                    "message": message,
                    "payload": self._payload_content(payload),
                }
            )
            if journal_id is not None:
                self._keep_refused_file(journal_id, vals, task, payload)
        if journal_id is None:
            # a concurrent request received the same identifier meanwhile
            return self._already_received(uuid)
        if task:
            context["refusals"][task.id].append((vals, message, journal_id))
        return {"uuid": uuid, "status": "refused", "message": message, "journal_id": journal_id}

    @api.model
    def _keep_refused_file(self, journal_id, vals, task, payload):
        """The photo or signature of a refused action, attached to its
        journal row (when it is a valid file: a malformed one has nothing
        to keep)."""
        if vals["action_type"] not in ("photo", "signature") or not isinstance(payload, dict):
            return
        try:
            data = self._payload_file(payload)
        except ActionRefused:
            return
        if vals["action_type"] == "photo":
            name, mimetype = payload.get("name"), payload.get("mimetype")
            if not isinstance(name, str) or not name.strip():
                name = self.env._("Photo %(task)s", task=task.display_name or "")
            if not isinstance(mimetype, str) or not mimetype.startswith("image/"):
                mimetype = "application/octet-stream"
        else:
            name = self.env._("Customer signature %(task)s", task=task.display_name or "")
            mimetype = "image/png"
        # sudo: the journal is written by the sync endpoint only; its row,
        # and so this file, is readable by the technician and the managers
        attachment = (
            self.env["ir.attachment"]
            .sudo()
            .create(
                {
                    "name": name[:200],
                    "datas": data,
                    "mimetype": mimetype,
                    "res_model": self._name,
                    "res_id": journal_id,
                }
            )
        )
        self._journal_write(journal_id, {"attachment_id": attachment.id})

    @api.model
    def _already_received(self, uuid):
        """The answer for an identifier already in the journal: duplicate
        when the user's action was applied, its refusal again when it was
        refused; refused without a word about it when it is another user's."""
        user_id, state, message, res_model, res_id = self._journal_lookup(uuid) or (
            None,
            None,
            None,
            None,
            None,
        )
        if user_id != self.env.uid:
            return {
                "uuid": uuid,
                "status": "refused",
                "message": self.env._(
                    "This action identifier is already used: the action is refused. "
                    "Your phone must generate a new identifier for each action."
                ),
            }
        if state == "refused":
            return {"uuid": uuid, "status": "refused", "message": message or ""}
        result = {
            "uuid": uuid,
            "status": "duplicate",
            "message": self.env._("Already applied: this action was received before."),
        }
        if res_model:
            result.update(res_model=res_model, res_id=res_id)
        return result

    # applying each type ---------------------------------------------------

    @api.model
    def _apply_action(self, task, action, device_time, when):
        """Apply one action through the methods of the online screens, as
        the user. Returns (res_model, res_id, message)."""
        action_type, payload = action.get("type"), action.get("payload")
        task_ref = action.get("task_id")
        if action_type not in dict(self._fields["action_type"].selection):
            raise ActionRefused(
                self.env._("Unknown action type %(type)s: refused.", type=str(action_type)[:40])
            )
        if not task:
            raise ActionRefused(
                self.env._(
                    "Task %(task)s does not exist or is not assigned to you: the action "
                    "is refused.",
                    task=str(task_ref)[:20],
                )
            )
        if not isinstance(payload, dict):
            raise ActionRefused(self.env._("The action has no payload: refused."))
        if not device_time:
            raise ActionRefused(
                self.env._("The action has no valid device time (ISO UTC): refused.")
            )
        task = task.with_context(maintenance_action_time=when)
        return getattr(self, f"_apply_{action_type}")(task, payload)

    @api.model
    def _apply_check_in(self, task, payload):
        summary = task.action_check_in(
            payload.get("latitude"), payload.get("longitude"), payload.get("accuracy")
        )
        return "maintenance.task.checkin", summary["id"], summary["message"]

    @api.model
    def _apply_check_out(self, task, payload):
        summary = task.action_check_out(
            payload.get("latitude"), payload.get("longitude"), payload.get("accuracy")
        )
        return "maintenance.task.checkin", summary["id"], summary["message"]

    @api.model
    def _apply_checklist(self, task, payload):
        line_id = self._payload_id(payload, "line_id")
        method = CHECKLIST_METHODS.get(payload.get("result"))
        if not method:
            raise ActionRefused(
                self.env._(
                    "Unknown operation result %(result)s: refused.",
                    result=str(payload.get("result"))[:40],
                )
            )
        line = self.env["maintenance.task.checklist"].search(
            [("id", "=", line_id), ("task_id", "=", task.id)]
        )
        if not line:
            raise ActionRefused(
                self.env._(
                    "Operation %(line)s is not an operation of task %(task)s: refused.",
                    line=line_id,
                    task=task.display_name,
                )
            )
        if "comment" in payload:
            comment = payload["comment"]
            if comment is not None and not isinstance(comment, str):
                raise ActionRefused(self.env._("The comment must be a text: refused."))
            line.write({"comment": comment or False})
        getattr(line, method)()
        return line._name, line.id, self.env._("Operation %(name)s recorded.", name=line.name)

    @api.model
    def _apply_reading(self, task, payload):
        meter_id = self._payload_id(payload, "meter_id")
        value = payload.get("value")
        if (
            isinstance(value, bool)
            or not isinstance(value, (int, float))
            or not math.isfinite(value)
        ):
            raise ActionRefused(self.env._("The value of a reading must be a number: refused."))
        reading = self.env["maintenance.meter.reading"].create(
            {
                "meter_id": meter_id,
                "value": value,
                "task_id": task.id,
                "date": task._action_now(),
            }
        )
        return (
            reading._name,
            reading.id,
            self.env._("Reading %(reading)s recorded.", reading=reading.display_name),
        )

    @api.model
    def _apply_part(self, task, payload):
        product_id = self._payload_id(payload, "product_id")
        quantity = payload.get("quantity", 1.0)
        if (
            isinstance(quantity, bool)
            or not isinstance(quantity, (int, float))
            or not (math.isfinite(quantity) and quantity > 0)
        ):
            raise ActionRefused(
                self.env._("The quantity of a part used must be a positive number: refused.")
            )
        note = payload.get("note")
        if note is not None and not isinstance(note, str):
            raise ActionRefused(self.env._("The note of a part must be a text: refused."))
        if not self.env["product.product"].search_count(
            [("id", "=", product_id), *self.env["maintenance.task.part"]._part_product_domain()],
            limit=1,
        ):
            raise ActionRefused(
                self.env._(
                    "Product %(product)s is not in the parts catalogue: refused.",
                    product=product_id,
                )
            )
        part = self.env["maintenance.task.part"].create(
            {"task_id": task.id, "product_id": product_id, "quantity": quantity, "note": note}
        )
        return (
            part._name,
            part.id,
            self.env._("Part %(product)s recorded.", product=part.product_id.display_name),
        )

    @api.model
    def _apply_photo(self, task, payload):
        data = self._payload_file(payload)
        name = payload.get("name")
        mimetype = payload.get("mimetype")
        if not isinstance(mimetype, str) or not mimetype.startswith("image/"):
            raise ActionRefused(self.env._("A photo must be an image: refused."))
        if not isinstance(name, str) or not name.strip():
            name = self.env._("Photo %(task)s", task=task.display_name)
        photo = self.env["ir.attachment"].create(
            {
                "name": name[:200],
                "datas": data,
                "mimetype": mimetype,
                "res_model": task._name,
                "res_id": task.id,
            }
        )
        task.write({"photo_ids": [Command.link(photo.id)]})
        return photo._name, photo.id, self.env._("Photo added to the task.")

    @api.model
    def _apply_note(self, task, payload):
        body = payload.get("body")
        if not isinstance(body, str) or not body.strip():
            raise ActionRefused(self.env._("A note must have a text: refused."))
        message = task.message_post(body=body, message_type="comment", subtype_xmlid="mail.mt_note")
        return message._name, message.id, self.env._("Note posted on the task.")

    @api.model
    def _apply_signature(self, task, payload):
        data = self._payload_file(payload)
        if not base64.b64decode(data[:24]).startswith(b"\x89PNG"):
            raise ActionRefused(self.env._("The signature must be a PNG image: refused."))
        vals = {"customer_signature": data}
        signed_by = payload.get("signed_by")
        if isinstance(signed_by, str) and signed_by.strip():
            vals["customer_signer_name"] = signed_by.strip()[:200]
        task.write(vals)
        return task._name, task.id, self.env._("Customer signature recorded.")

    @api.model
    def _apply_close(self, task, payload):
        task.action_done()
        return task._name, task.id, self.env._("Task %(task)s closed.", task=task.display_name)

    @api.model
    def _payload_id(self, payload, key):
        value = payload.get(key)
        if isinstance(value, bool) or not isinstance(value, int) or value <= 0:
            raise ActionRefused(self.env._("%(key)s must be an identifier: refused.", key=key))
        return value

    @api.model
    def _payload_file(self, payload):
        """The base64 content of a photo or signature, checked."""
        data = payload.get("data")
        if not isinstance(data, str) or not data:
            raise ActionRefused(self.env._("The file is missing: refused."))
        if len(data) * 3 // 4 > MAX_FILE_SIZE:
            raise ActionRefused(
                self.env._(
                    "The file is larger than %(size)s MB: refused.",
                    size=MAX_FILE_SIZE // (1024 * 1024),
                )
            )
        try:
            base64.b64decode(data, validate=True)
        except (binascii.Error, ValueError) as error:
            raise ActionRefused(self.env._("The file is not valid base64: refused.")) from error
        return data

    # the operations manager's activity ------------------------------------

    @api.model
    def _notify_refusals(self, refusals):
        """One to-do activity per task with refused actions, for the
        operations manager of its dossier (else the first operations
        manager of the task's company), listing the reasons."""
        self._notify_managers(
            refusals,
            lambda env: env._("Offline actions refused (%(user)s)", user=self.env.user.name),
            lambda env: env._(
                "%(user)s's phone sent actions the server refused (each is kept with its "
                "content: open it to see what was recorded):",
                user=self.env.user.name,
            ),
        )

    @api.model
    def _notify_corrected_times(self, corrected):
        """One to-do activity per task whose actions were applied at the
        server's reception time instead of an implausible phone time: the
        operations manager checks the times a customer will be shown."""
        self._notify_managers(
            corrected,
            lambda env: env._("Phone times corrected (%(user)s)", user=self.env.user.name),
            lambda env: env._(
                "%(user)s's phone gave times that are not plausible: the server's reception "
                "time was recorded instead. Check the arrival, departure and measures "
                "with the technician:",
                user=self.env.user.name,
            ),
        )

    @api.model
    def _notify_managers(self, items, summary, intro):
        """One to-do activity per task of ``items`` ({task id: [(journal
        values, message, journal id)]}) for its operations manager;
        ``summary`` and ``intro`` give the texts in the manager's language."""
        if not items:
            return
        # sudo: the technician cannot schedule an activity for somebody
        # else; what is reported was decided as the technician, above
        tasks = self.env["maintenance.task"].sudo().browse(list(items))
        managers = tasks._operations_managers()
        for task in tasks:
            manager = managers[task]
            if not manager:
                _logger.warning("Offline actions to review on task %s: no manager", task.id)
                continue
            task_env = task.with_context(lang=manager.lang or self.env.lang, tz=manager.tz)
            labels = dict(self._fields["action_type"]._description_selection(task_env.env))
            lines = Markup().join(
                Markup(
                    '<li><a href="/odoo/%s/%s" data-oe-model="%s" data-oe-id="%s">%s (%s)</a> : '
                    "%s</li>"
                )
                % (
                    self._name,
                    journal_id,
                    self._name,
                    journal_id,
                    labels.get(vals["action_type"], vals["action_type"] or "?"),
                    format_datetime(task_env.env, vals["device_time"])
                    if vals["device_time"]
                    else "-",
                    message,
                )
                for vals, message, journal_id in items[task.id]
            )
            task_env.activity_schedule(
                "mail.mail_activity_data_todo",
                user_id=manager.id,
                summary=summary(task_env.env),
                note=Markup("<p>%s</p><ul>%s</ul>") % (intro(task_env.env), lines),
            )
