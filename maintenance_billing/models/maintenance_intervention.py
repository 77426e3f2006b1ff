# Copyright 2026 Seed maintainers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from collections import defaultdict

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.fields import Command
from odoo.tools import SQL, format_date

from ..quantities import format_number, round_up_hours

BILLING_STATUS = [
    ("nothing", "Nothing to bill"),
    ("to_invoice", "To invoice"),
    ("invoiced", "Invoiced"),
    ("partially_credited", "Partially credited"),
    ("paid", "Paid"),
]
PAID_STATES = ("paid", "in_payment")


class MaintenanceIntervention(models.Model):
    _inherit = "maintenance.intervention"

    billing_line_ids = fields.One2many(
        comodel_name="maintenance.billing.line",
        inverse_name="intervention_id",
        string="Billing lines",
        groups="maintenance_contracts.group_maintenance_manager,account.group_account_invoice",
    )
    billing_partner_id = fields.Many2one(
        comodel_name="res.partner",
        string="Billed customer",
        compute="_compute_billing_partner_id",
        store=True,
        index="btree_not_null",
        help="The contract's invoicing address, otherwise the customer's.",
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    amount_covered = fields.Monetary(
        string="Covered by the contract",
        compute="_compute_billing_amounts",
        store=True,
        groups="maintenance_contracts.group_maintenance_manager,account.group_account_invoice",
    )
    amount_billable = fields.Monetary(
        string="To bill",
        compute="_compute_billing_amounts",
        store=True,
        groups="maintenance_contracts.group_maintenance_manager,account.group_account_invoice",
    )
    billing_status = fields.Selection(
        selection=BILLING_STATUS,
        string="Invoicing",
        compute="_compute_billing_amounts",
        store=True,
        index=True,
        groups="maintenance_contracts.group_maintenance_manager,account.group_account_invoice",
    )
    billing_warning = fields.Char(
        compute="_compute_billing_warning",
        groups="maintenance_contracts.group_maintenance_manager,account.group_account_invoice",
    )
    invoice_count = fields.Integer(
        compute="_compute_invoice_count",
        groups="maintenance_contracts.group_maintenance_manager,account.group_account_invoice",
    )

    @api.depends(
        "contract_id.invoice_partner_id", "contract_id.partner_id", "customer_id", "site_id"
    )
    def _compute_billing_partner_id(self):
        for intervention in self:
            contract = intervention.contract_id
            intervention.billing_partner_id = (
                contract.invoice_partner_id
                or contract.partner_id
                or intervention.customer_id
                or intervention.site_id.customer_id
            )

    @api.depends(
        "billing_line_ids.covered_amount",
        "billing_line_ids.billable_amount",
        "billing_line_ids.is_invoiced",
        "billing_line_ids.invoice_id.payment_state",
        "billing_line_ids.invoice_id.reversal_move_ids.state",
    )
    def _compute_billing_amounts(self):
        """A fully credited invoice frees its lines (to invoice again); a
        posted credit note for part of it leaves them invoiced but says the
        dossier is partially credited: which lines the credit note gives back
        is the accountant's call (an amount, a gesture), not a line's."""
        for intervention in self:
            lines = intervention.billing_line_ids
            intervention.amount_covered = sum(lines.mapped("covered_amount"))
            intervention.amount_billable = sum(lines.mapped("billable_amount"))
            billable = lines.filtered("billable_amount")
            invoices = billable.invoice_id
            if not billable:
                status = "nothing"
            elif not all(billable.mapped("is_invoiced")):
                status = "to_invoice"
            elif invoices.reversal_move_ids.filtered(lambda move: move.state == "posted"):
                status = "partially_credited"
            elif all(state in PAID_STATES for state in invoices.mapped("payment_state")):
                status = "paid"
            else:
                status = "invoiced"
            intervention.billing_status = status

    @api.depends(
        "site_id.sector_id",
        "billing_line_ids.kind",
        "billing_line_ids.billable_amount",
        "billing_line_ids.covered_percent",
    )
    def _compute_billing_warning(self):
        """Travel to bill with no fee because the site has no sector."""
        for intervention in self:
            unpriced = intervention.billing_line_ids.filtered(
                lambda line: (
                    line.kind == "travel"
                    and line.covered_percent < 100.0
                    and not line.billable_amount
                )
            )
            intervention.billing_warning = (
                self._maintenance_no_sector_warning(intervention)
                if unpriced and not intervention.site_id.sector_id
                else False
            )

    def _compute_invoice_count(self):
        counts = dict(
            self.env["account.move.line"]._read_group(
                [("maintenance_intervention_id", "in", self.ids), ("display_type", "=", "product")],
                ["maintenance_intervention_id"],
                ["move_id:count_distinct"],
            )
        )
        for intervention in self:
            intervention.invoice_count = counts.get(intervention, 0)

    def write(self, vals):
        closing = (
            self.filtered(lambda i: i.state != "done") if vals.get("state") == "done" else None
        )
        res = super().write(vals)
        if closing:
            closing._maintenance_compute_billing()
        return res

    # actions ------------------------------------------------------------

    def action_compute_billing_lines(self):
        """Compute the billing lines again from the work (manager)."""
        self.check_access("write")
        self.env["maintenance.billing.line"].check_access("create")
        invoiced = self.filtered(lambda i: i.billing_line_ids.filtered("is_invoiced"))
        if invoiced:
            raise UserError(
                self.env._(
                    "Dossier %(number)s is already invoiced: its billing lines are no longer "
                    "computed again. Cancel the invoice or issue a credit note first.",
                    number=invoiced[0].name,
                )
            )
        self._maintenance_compute_billing()
        body = self.env._("Billing lines computed again from the work.")
        self._message_log_batch(bodies=dict.fromkeys(self.ids, body))
        return True

    @api.readonly
    def action_view_invoices(self):
        self.ensure_one()
        invoices = (
            self.env["account.move.line"]
            .search([("maintenance_intervention_id", "=", self.id)])
            .move_id
        )
        action = self.env["ir.actions.act_window"]._for_xml_id("account.action_move_out_invoice")
        action["domain"] = [("id", "in", invoices.ids)]
        action["context"] = {"default_move_type": "out_invoice", "create": False}
        if len(invoices) == 1:
            action.update({"views": [(False, "form")], "res_id": invoices.id})
        return action

    def action_create_invoice(self):
        """Open the wizard that invoices the selected dossiers."""
        self.env["maintenance.billing.line"].check_access("create")
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Create invoices"),
            "res_model": "maintenance.invoice.create",
            "view_mode": "form",
            "target": "new",
            "context": {"default_intervention_ids": [Command.set(self.ids)]},
        }

    # billing lines ----------------------------------------------------------

    def _maintenance_compute_billing(self):
        """Replace the billing lines of the dossiers (those not invoiced) by
        lines computed from their work: labour per technician and task from
        the check-ins, out-of-hours surcharge, travel, parts used. A fixed
        number of queries whatever the number of dossiers."""
        # sudo: the last task's technician may close the dossier; the lines
        # are computed for the office (technicians never read them)
        dossiers = self.sudo().filtered(lambda i: not i.billing_line_ids.filtered("is_invoiced"))
        if not dossiers:
            return
        Line = (
            self.env["maintenance.billing.line"]
            .sudo()
            .with_context(maintenance_billing_compute=True)
        )
        dossiers.billing_line_ids.with_context(maintenance_billing_compute=True).unlink()
        Line.create(dossiers._maintenance_billing_values())

    def _maintenance_billing_values(self):
        """Values of the billing lines of the dossiers (see the caller)."""
        checkins = self.env["maintenance.task.checkin"].search(
            [
                ("intervention_id", "in", self.ids),
                ("check_out", "!=", False),
                ("task_id.state", "=", "done"),
                # an unusually long visit is billed once the operations
                # manager confirmed its duration
                ("to_confirm", "=", False),
            ],
            order="check_in, id",
        )
        parts = self.env["maintenance.task.part"].search(
            [("intervention_id", "in", self.ids), ("task_id.state", "=", "done")]
        )
        work = defaultdict(list)  # (dossier, task, user) -> check-ins
        for checkin in checkins:
            work[checkin.intervention_id, checkin.task_id, checkin.user_id].append(checkin)
        out_of_hours = self._maintenance_out_of_hours(checkins)
        rules = {}  # (contract, equipment, date) -> CoverageRule

        def rule_for(dossier, equipment, on_date):
            key = (dossier.contract_id, equipment, on_date)
            if key not in rules:
                rules[key] = dossier.contract_id._maintenance_coverage_rule(
                    equipment=equipment, on_date=on_date
                )
            return rules[key]

        def dossier_equipment(dossier, on_date):
            """The equipment whose covered product decides: the first covered one."""
            for equipment in dossier.equipment_ids:
                if rule_for(dossier, equipment, on_date).covered:
                    return equipment
            return dossier.equipment_ids[:1] or None

        prices = self._maintenance_prices(parts)
        hours_used = self._maintenance_labour_hours_used()
        vals_list = []
        for (dossier, task, user), pairs in sorted(
            work.items(), key=lambda item: (item[1][0].check_in, item[1][0].id)
        ):
            company = dossier.company_id
            on_date = fields.Datetime.context_timestamp(self, pairs[0].check_in).date()
            equipment = dossier_equipment(dossier, on_date)
            rule = rule_for(dossier, equipment, on_date)
            step, minimum = (
                company.maintenance_billing_rounding,
                company.maintenance_billing_minimum_hours,
            )
            hours = sum(pair.duration for pair in pairs)
            billed = round_up_hours(hours, step, minimum)
            labour_product = company.maintenance_labour_product_id
            labour_price = prices(dossier, labour_product, on_date)
            common = {
                "intervention_id": dossier.id,
                "contract_id": rule.contract.id,
                "date": on_date,
                "task_id": task.id,
                "user_id": user.id,
            }
            label = self.env._(
                "%(technician)s, %(date)s: %(hours)s h on site",
                technician=user.name,
                date=format_date(self.env, on_date),
                hours=format_number(self.env, hours),
            )
            vals_list += self._maintenance_labour_values(
                rule,
                billed,
                product=labour_product,
                price=labour_price,
                label=label,
                common=common,
                hours_used=hours_used,
            )
            outside = sum(out_of_hours.get(pair.id, 0.0) for pair in pairs)
            if outside > 0:
                surcharge_hours = min(round_up_hours(outside, step, 0.0), billed)
                vals_list.append(
                    self._maintenance_surcharge_values(
                        rule,
                        company,
                        hours=surcharge_hours,
                        labour_price=labour_price,
                        user=user,
                        common=common,
                    )
                )
            travel = self._maintenance_travel_values(rule, dossier, prices, user, common)
            if travel:
                vals_list.append(travel)
        task_dates = {}  # the parts of a task are dated by its first arrival
        for checkin in checkins:
            task_dates.setdefault(
                checkin.task_id, fields.Datetime.context_timestamp(self, checkin.check_in).date()
            )
        for part in parts:
            dossier = part.intervention_id
            on_date = (
                task_dates.get(part.task_id) or dossier.date_done or fields.Date.context_today(self)
            )
            equipment = part.equipment_id or dossier_equipment(dossier, on_date)
            rule = rule_for(dossier, equipment, on_date)
            fraction, reason = rule.part_coverage(part.product_id)
            vals_list.append(
                {
                    "intervention_id": dossier.id,
                    "contract_id": rule.contract.id if rule.covered else False,
                    "kind": "part",
                    "sequence": 40,
                    "date": on_date,
                    "task_id": part.task_id.id,
                    "part_id": part.id,
                    "product_id": part.product_id.id,
                    "name": part.product_id.display_name,
                    "quantity": part.quantity,
                    "product_uom_id": part.product_uom_id.id,
                    "price_unit": prices(dossier, part.product_id, on_date),
                    "covered_percent": round(fraction * 100.0, 2),
                    "reason": reason,
                }
            )
        return vals_list

    def _maintenance_labour_hours_used(self):
        """{(contract, year): covered labour hours already billed on other dossiers}."""
        contracts = self.contract_id
        used = defaultdict(float)
        if not contracts:
            return used
        groups = self.env["maintenance.billing.line"]._read_group(
            [
                ("intervention_id.contract_id", "in", contracts.ids),
                ("intervention_id", "not in", self.ids),
                ("intervention_id.state", "!=", "cancelled"),
                ("kind", "=", "labour"),
                ("contract_id", "!=", False),
            ],
            ["contract_id", "date:year"],
            ["covered_quantity:sum"],
        )
        for contract, year, hours in groups:
            if year:
                used[contract, year.year] += hours
        return used

    def _maintenance_out_of_hours(self, checkins):
        """{check-in id: hours outside the business hours of its dossier's
        contract (the company's without one), public holidays of the calendar
        and weekends included}. One read of each calendar over the whole span."""
        by_calendar = defaultdict(list)
        for checkin in checkins:
            dossier = checkin.intervention_id
            calendar = (
                dossier.contract_id.maintenance_calendar_id
                or dossier.company_id.resource_calendar_id
            )
            by_calendar[calendar].append(checkin)
        result = {}
        for calendar, items in by_calendar.items():
            # the committed times' work clock (maintenance_planning), read once
            # per calendar; without any calendar every hour is out of hours
            spans = [(item.check_in, item.check_out) for item in items]
            inside = calendar._maintenance_working_hours(spans) if calendar else [0.0] * len(items)
            for item, hours in zip(items, inside, strict=True):
                total = (item.check_out - item.check_in).total_seconds() / 3600.0
                result[item.id] = max(total - hours, 0.0)
        return result

    # invoicing --------------------------------------------------------------

    def _maintenance_create_invoices(self, per_month=False):
        """Draft customer invoices of the billable lines of the dossiers, one
        per billed customer (and month of closing with ``per_month``).
        Everything is checked first: on any error, nothing is created."""
        self.env["maintenance.billing.line"].check_access("create")
        self.check_access("write")
        if not self:
            raise UserError(self.env._("Select at least one dossier to invoice."))
        # two managers invoicing the same dossiers at once: the second waits,
        # then finds them invoiced
        self.env.cr.execute(
            SQL(
                "SELECT id FROM maintenance_intervention WHERE id IN %s FOR UPDATE",
                tuple(self.ids),
            )
        )
        self.invalidate_recordset()
        self.billing_line_ids.invalidate_recordset()
        self._maintenance_check_invoicable()
        groups = defaultdict(self.browse)
        for dossier in self.sorted(lambda d: (d.date_done or fields.Date.today(), d.name)):
            month = (dossier.date_done or fields.Date.context_today(self)).replace(day=1)
            key = (dossier.company_id, dossier.billing_partner_id, month if per_month else None)
            groups[key] |= dossier
        journals = {
            company: self.env["account.journal"].search(
                [
                    *self.env["account.journal"]._check_company_domain(company),
                    ("type", "=", "sale"),
                ],
                limit=1,
            )
            for company in self.company_id
        }
        missing = [company.name for company, journal in journals.items() if not journal]
        if missing:
            raise UserError(
                self.env._(
                    "The company %(company)s has no sales journal: create one in the "
                    "accounting settings.",
                    company=missing[0],
                )
            )
        vals_list, line_groups, dossier_groups = [], [], []
        Move = self.env["account.move"]
        for (company, partner, _month), dossiers in groups.items():
            lines_vals, billing_lines = dossiers._maintenance_invoice_line_values()
            vals_list.append(
                {
                    "move_type": "out_invoice",
                    "company_id": company.id,
                    "journal_id": journals[company].id,
                    "partner_id": partner.id,
                    "invoice_origin": ", ".join(dossiers.mapped("name")),
                    "invoice_user_id": Move._maintenance_salesperson(company, dossiers.user_id).id,
                    "invoice_line_ids": lines_vals,
                }
            )
            line_groups.append(billing_lines)
            dossier_groups.append(dossiers)
        # sudo: operations managers create the draft invoices of their dossiers
        # without any accounting right; accountants post and send them
        invoices = (
            self.env["account.move"]
            .sudo()
            .with_context(default_move_type="out_invoice")
            .create(vals_list)
        )
        Line = self.env["maintenance.billing.line"].sudo()
        bodies, origins = {}, {}
        QWeb = self.env["ir.qweb"]
        for invoice, billing_lines, dossiers in zip(
            invoices, line_groups, dossier_groups, strict=True
        ):
            product_lines = invoice.invoice_line_ids.filtered(
                lambda line: line.display_type == "product"
            )
            for billing_line, invoice_line in zip(billing_lines, product_lines, strict=True):
                Line.browse(billing_line.id).with_context(maintenance_billing_invoicing=True).write(
                    {"invoice_line_id": invoice_line.id, "invoice_id": invoice.id}
                )
            for dossier in dossiers:
                bodies[dossier.id] = self.env._(
                    "Invoice created: %(invoice)s", invoice=invoice.display_name
                )
            # the invoice's chatter links to the dossiers it bills, as a
            # sales order's invoice links to its order (the message of
            # ``message_post_with_source``, logged for all invoices at once)
            origins[invoice.id] = QWeb._render(
                "mail.message_origin_link",
                {"self": invoice, "origin": dossiers},
                minimal_qcontext=True,
            )
        invoices._message_log_batch(bodies=origins)
        self._message_log_batch(bodies=bodies)
        return invoices

    def _maintenance_check_invoicable(self):
        errors = []
        for dossier in self:
            if dossier.state != "done":
                open_tasks = dossier.task_ids.filtered(lambda t: t.state in ("todo", "in_progress"))
                if open_tasks:
                    errors.append(
                        self.env._(
                            "Dossier %(number)s cannot be invoiced: these tasks are still open: "
                            "%(tasks)s.",
                            number=dossier.name,
                            tasks=", ".join(open_tasks.mapped("name")),
                        )
                    )
                else:
                    errors.append(
                        self.env._(
                            "Dossier %(number)s cannot be invoiced: close it first.",
                            number=dossier.name,
                        )
                    )
                continue
            to_bill = dossier.billing_line_ids.filtered(
                lambda line: line.billable_amount and not line.is_invoiced
            )
            if not to_bill:
                if dossier.billing_line_ids.filtered("is_invoiced"):
                    message = self.env._(
                        "Dossier %(number)s has already been invoiced.", number=dossier.name
                    )
                else:
                    message = self.env._(
                        "Dossier %(number)s has nothing to bill.", number=dossier.name
                    )
                errors.append(message)
                continue
            partner = dossier.billing_partner_id
            if not partner or not (partner.street and partner.zip and partner.city):
                errors.append(
                    self.env._(
                        "Dossier %(number)s cannot be invoiced: the billed customer %(customer)s "
                        "has no complete billing address (street, postcode, city).",
                        number=dossier.name,
                        customer=partner.display_name or "-",
                    )
                )
        if errors:
            raise UserError("\n".join(errors))

    def _maintenance_invoice_line_values(self):
        """(invoice line commands, billing lines in the same order) of the
        dossiers: a section per dossier (number, site, contract), then its
        billable lines, the covered share as a discount."""
        commands, billing_lines = [], self.env["maintenance.billing.line"]
        for dossier in self:
            lines = dossier.billing_line_ids.filtered(
                lambda line: line.billable_amount and not line.is_invoiced
            )
            contract = dossier.contract_id
            common = {
                "maintenance_intervention_id": dossier.id,
                "maintenance_site_id": dossier.site_id.id,
                "maintenance_contract_id": contract.id,
            }
            title = self.env._("Intervention dossier %(number)s", number=dossier.name)
            if dossier.site_id:
                title += " – " + self.env._("Site: %(site)s", site=dossier.site_id.display_name)
            if contract:
                title += " – " + self.env._(
                    "Contract: %(contract)s", contract=contract.code or contract.name
                )
            commands.append(
                Command.create({**common, "display_type": "line_section", "name": title})
            )
            for line in lines:
                name = f"{dossier.name} – {line.name}"
                if line.covered_percent:
                    name += "\n" + line.reason
                commands.append(
                    Command.create(
                        {
                            **common,
                            "display_type": "product",
                            "product_id": line.product_id.id,
                            "name": name,
                            "quantity": line.quantity,
                            "product_uom_id": line.product_uom_id.id,
                            "price_unit": line.price_unit,
                            "discount": line.covered_percent,
                        }
                    )
                )
                billing_lines |= line
        return commands, billing_lines
