# Copyright 2026 Seed maintainers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
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

    @api.model
    def db_id_for(self, model, field, subfield, value, savepoint):
        """A value found by its name once in an import is not searched again
        in the same import: a file repeats the same warranty type, product,
        country or site on thousands of lines, each a name search. Only what
        was found is kept (a value not found may be created on the way), in
        the import's own cache (``load()`` makes one per call), and only for
        records of another model than the one being imported."""
        cache = self.env.context.get("import_cache")
        if (
            subfield is not None
            or cache is None
            or not isinstance(value, str)
            or not value
            or field.comodel_name == model._name
        ):
            return super().db_id_for(model, field, subfield, value, savepoint)
        key = ("maintenance_name_search", field.comodel_name, value)
        found = cache.get(key)
        if found is None:
            found = super().db_id_for(model, field, subfield, value, savepoint)
            if found[0]:
                cache[key] = found
        record_id, warnings = found
        return record_id, list(warnings)
