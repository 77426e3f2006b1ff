# Copyright 2026 Seed maintainers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models


class IrFieldsConverter(models.AbstractModel):
    _inherit = "ir.fields.converter"

    @api.model
    def _str_to_one2many(self, model, field, records, savepoint):
        """An import error in a line of a one2many (a contract's covered
        products) names its column « Lignes de contrat/Warranty type »:
        Odoo writes the line's field label untranslated. The label is put
        in the user's language, so the column is named as the import screen
        shows it."""
        try:
            return super()._str_to_one2many(model, field, records, savepoint)
        except Exception as exception:
            if exception.args and isinstance(exception.args[0], str):
                message = exception.args[0]
                for subfield in self.env[field.comodel_name]._fields.values():
                    untranslated = "%(field)s/" + subfield.string
                    if untranslated in message:
                        translated = subfield._description_string(self.env)
                        message = message.replace(untranslated, "%(field)s/" + translated)
                        break
                exception.args = (message, *exception.args[1:])
            raise
