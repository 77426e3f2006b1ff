# Copyright 2026 Seed maintainers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from collections import defaultdict

from odoo import api, models


class MailRenderMixin(models.AbstractModel):
    _inherit = "mail.render.mixin"

    @api.model
    def _render_template(  # noqa: PLR0917 (Odoo's signature)
        self,
        template_src,
        model,
        res_ids,
        engine="inline_template",
        add_context=None,
        options=None,
    ):
        """Mails about our records (their templates, the composer that sends
        them) print their times in the records' company's time zone
        (``res.company._maintenance_tz``), whoever sends them: a job running
        as the superuser has no time zone, an office worker may have another."""
        if not (model and res_ids and self._maintenance_tz_applies(model)):
            return super()._render_template(
                template_src,
                model,
                res_ids,
                engine=engine,
                add_context=add_context,
                options=options,
            )
        # sudo: only the company of each record is read, to choose its zone
        records = self.env[model].sudo().browse(res_ids).exists()
        zones = {company: company._maintenance_tz() for company in records.company_id}
        default_tz = self.env["res.company"]._maintenance_tz()
        ids_by_tz = defaultdict(list)
        for res_id in res_ids:
            record = records.browse(res_id)
            company = record.company_id if record in records else None
            ids_by_tz[zones.get(company, default_tz)].append(res_id)
        rendered = {}
        for tz, tz_res_ids in ids_by_tz.items():
            rendered.update(
                super(MailRenderMixin, self.with_context(tz=tz))._render_template(
                    template_src,
                    model,
                    tz_res_ids,
                    engine=engine,
                    add_context=add_context,
                    options=options,
                )
            )
        return rendered

    @api.model
    def _maintenance_tz_applies(self, model):
        """Our add-ons' records (their mails print the company's times)."""
        Model = self.env.get(model)
        return (
            Model is not None
            and "company_id" in Model._fields
            and (Model._original_module or "").startswith("maintenance_")
        )
