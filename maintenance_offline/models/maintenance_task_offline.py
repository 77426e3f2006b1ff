# Copyright 2026 Seed maintainers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from collections import defaultdict
from datetime import datetime, time, timedelta

import pytz

from odoo import api, fields, models
from odoo.exceptions import AccessError
from odoo.fields import Domain
from odoo.tools import SQL

OPEN_STATES = ("todo", "in_progress")
# the parts catalogue the phone keeps: consumables, most used first would
# be nicer, but a technician searches it by name
MAX_PRODUCTS = 5000


def _iso(value):
    return value.strftime("%Y-%m-%dT%H:%M:%SZ") if value else False


class MaintenanceTask(models.Model):
    _inherit = "maintenance.task"

    @api.model
    def _offline_day_bounds(self):
        """UTC starts of today, tomorrow and the day after, in the user's
        time zone (as My day and Tomorrow count them)."""
        tz = pytz.timezone(self.env.user.tz or "UTC")
        today = fields.Date.context_today(self.with_context(tz=tz.zone))
        return [
            tz.localize(datetime.combine(today + timedelta(days=days), time.min))
            .astimezone(pytz.utc)
            .replace(tzinfo=None)
            for days in range(3)
        ]

    @api.model
    def _offline_day_domain(self):
        """My day and Tomorrow of the current user: open tasks planned before
        the day after tomorrow (the overdue ones included), and those done
        today or tomorrow."""
        start_today, _start_tomorrow, start_after = self._offline_day_bounds()
        return Domain("user_ids", "in", self.env.uid) & (
            (Domain("state", "in", OPEN_STATES) & Domain("planned_start", "<", start_after))
            | (
                Domain("state", "=", "done")
                & Domain("planned_start", ">=", start_today)
                & Domain("planned_start", "<", start_after)
            )
        )

    @api.model
    def _check_offline_user(self):
        """The offline routes are the technicians' (operations managers are
        technicians too): anyone else is refused before anything is read or
        journaled."""
        if not self.env.user.has_group("maintenance_contracts.group_maintenance_technician"):
            raise AccessError(
                self.env._("Working offline is reserved to technicians and operations managers.")
            )

    @api.model
    def _offline_day(self):
        """The prepared day of the current user, read as the user: the
        answer of ``/maintenance/offline/day``. Set-based: the number of
        queries does not grow with the number of tasks."""
        self._check_offline_user()
        now = fields.Datetime.now()
        _start_today, start_tomorrow, _start_after = self._offline_day_bounds()
        tasks = self.search(self._offline_day_domain(), order="planned_start, id")
        checklist = defaultdict(list)
        for line in self.env["maintenance.task.checklist"].search_read(
            [("task_id", "in", tasks.ids)],
            ["task_id", "name", "is_required", "result", "comment"],
        ):
            checklist[line["task_id"][0]].append(
                {
                    "id": line["id"],
                    "name": line["name"],
                    "is_required": line["is_required"],
                    "result": line["result"],
                    "comment": line["comment"] or "",
                }
            )
        parts = defaultdict(list)
        for part in self.env["maintenance.task.part"].search_read(
            [("task_id", "in", tasks.ids)], ["task_id", "product_id", "quantity", "note"]
        ):
            parts[part["task_id"][0]].append(
                {
                    "id": part["id"],
                    "product_id": part["product_id"][0],
                    "product": part["product_id"][1],
                    "quantity": part["quantity"],
                    "note": part["note"] or "",
                }
            )
        photo_counts = self._offline_photo_counts(tasks)
        equipment = tasks.equipment_ids
        meters = self.env["maintenance.meter"].search_read(
            [("equipment_id", "in", equipment.ids)],
            [
                "name",
                "equipment_id",
                "unit",
                "last_value",
                "last_date",
                "has_min_threshold",
                "min_threshold",
                "has_max_threshold",
                "max_threshold",
            ],
        )
        meters_of = defaultdict(list)
        for meter in meters:
            meters_of[meter["equipment_id"][0]].append(meter["id"])
        sites = tasks.site_id
        task_list = []
        for task in tasks:
            task_list.append(
                {
                    "id": task.id,
                    "name": task.name,
                    "display_name": task.display_name,
                    "intervention": task.intervention_id.name or False,
                    "state": task.state,
                    "date_planned": _iso(task.planned_start),
                    "date_end": _iso(task.planned_end),
                    "day": "tomorrow"
                    if task.planned_start and task.planned_start >= start_tomorrow
                    else "today",
                    "site_id": task.site_id.id or False,
                    "equipment_id": task.equipment_ids[:1].id or False,
                    "equipment_ids": task.equipment_ids.ids,
                    "description": task.description or "",
                    "checked_in": task.is_checked_in,
                    "checklist": checklist[task.id],
                    "meter_ids": [
                        meter_id
                        for equipment_id in task.equipment_ids.ids
                        for meter_id in meters_of[equipment_id]
                    ],
                    "part_ids": parts[task.id],
                    "photo_count": photo_counts.get(task.id, 0),
                    "has_signature": bool(task.customer_signed_on),
                    "customer_signer_name": task.customer_signer_name or "",
                    "work_summary": task.work_summary or "",
                }
            )
        return {
            "generated_at": _iso(now),
            "server_time": _iso(now),
            "user_id": self.env.uid,
            "tasks": task_list,
            "sites": [
                {
                    "id": site.id,
                    "name": site.display_name,
                    "street": site.street or "",
                    "zip": site.zip or "",
                    "city": site.city or "",
                    "access_instructions": site.access_instructions or "",
                    "latitude": site.partner_latitude,
                    "longitude": site.partner_longitude,
                    "phone": site.site_contact_id.phone or site.phone or "",
                }
                for site in sites
            ],
            "equipment": [
                {
                    "id": item.id,
                    "name": item.name,
                    "serial": item.serial_number or "",
                    "site_id": item.site_id.id or False,
                    "brand": item.brand or "",
                    "model": item.model or "",
                }
                for item in equipment
            ],
            "meters": [
                {
                    "id": meter["id"],
                    "name": meter["name"],
                    "equipment_id": meter["equipment_id"][0],
                    "unit": meter["unit"] or "",
                    "last_value": meter["last_value"],
                    "last_date": _iso(meter["last_date"]),
                    "min": meter["min_threshold"] if meter["has_min_threshold"] else False,
                    "max": meter["max_threshold"] if meter["has_max_threshold"] else False,
                }
                for meter in meters
            ],
            "products": self._offline_products(),
            "documents": self._offline_documents(sites, equipment),
        }

    @api.model
    def _offline_photo_counts(self, tasks):
        """{task id: number of photos}, in one query (the tasks are the
        user's: read above with their rights)."""
        if not tasks:
            return {}
        self.env.cr.execute(
            SQL(
                "SELECT task_id, COUNT(*) FROM maintenance_task_photo_rel "
                "WHERE task_id IN %s GROUP BY task_id",
                tuple(tasks.ids),
            )
        )
        return dict(self.env.cr.fetchall())

    @api.model
    def _offline_products(self):
        """The parts catalogue the user may pick from (no equipment model)."""
        products = self.env["product.product"].search_read(
            self.env["maintenance.task.part"]._part_product_domain(),
            ["display_name", "default_code", "uom_id"],
            limit=MAX_PRODUCTS,
            order="default_code, id",
        )
        return [
            {
                "id": product["id"],
                "name": product["display_name"],
                "default_code": product["default_code"] or "",
                "uom": product["uom_id"][1] if product["uom_id"] else "",
                "uom_id": product["uom_id"][0] if product["uom_id"] else False,
            }
            for product in products
        ]

    @api.model
    def _offline_documents(self, sites, equipment):
        """The list (not the content) of the documents of the sites and
        equipment of the day, as the documents screens show them."""
        Attachment = self.env["ir.attachment"]
        domain = Attachment._maintenance_scope_domain([sites, equipment])
        if domain.is_false():
            return []
        return [
            {
                "id": document["id"],
                "name": document["name"],
                "mimetype": document["mimetype"] or "",
                "res_model": document["res_model"],
                "res_id": document["res_id"],
            }
            for document in Attachment.search_read(
                domain, ["name", "mimetype", "res_model", "res_id"], order="res_model, res_id, id"
            )
        ]
