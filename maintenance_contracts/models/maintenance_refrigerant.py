# Copyright 2026 Seed maintainers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError

# Regulation (EU) 2024/573, art. 5: leak checks of equipment containing
# fluorinated greenhouse gases listed in its Annex I, by tonnes of CO2
# equivalent (GWP x kg / 1000). (threshold in t CO2e, months between checks)
FGAS_BANDS = ((500.0, 3), (50.0, 6), (5.0, 12))
# hermetically sealed equipment, labelled as such, below this is exempt
FGAS_SEALED_EXEMPT_BELOW = 10.0
# Regulation (EU) 2024/573, art. 5: the unsaturated HFCs / HFOs of its Annex
# I, section 2 (R1234yf, R1234ze...) are counted in kg of charge, not in
# tonnes of CO2 equivalent: (threshold in kg, months between checks)
FGAS_KG_BANDS = ((100.0, 3), (10.0, 6), (1.0, 12))
# hermetically sealed equipment with such a gas, labelled as such, below
# this charge (kg) is exempt
FGAS_KG_SEALED_EXEMPT_BELOW = 2.0


def fgas_co2e_tonnes(gwp, charge_kg):
    """Tonnes of CO2 equivalent of a charge (Regulation (EU) 2024/573, art. 3)."""
    return (gwp or 0.0) * (charge_kg or 0.0) / 1000.0


def fgas_check_interval(
    fluorinated, gwp, charge_kg, *, sealed=False, detection=False, unsaturated=False
):
    """Months between two leak checks (0: no leak check required).

    Regulation (EU) 2024/573, art. 5: >= 5 t CO2e every 12 months, >= 50 t
    every 6 months, >= 500 t every 3 months; twice as long with a leakage
    detection system; hermetically sealed equipment below 10 t CO2e is exempt.
    For the gases of its Annex I, section 2 (``unsaturated``: HFOs), the
    thresholds are 1, 10 and 100 kg of charge, sealed equipment below 2 kg
    exempt.
    """
    if not fluorinated:
        return 0
    if unsaturated:
        amount, bands, exempt = charge_kg or 0.0, FGAS_KG_BANDS, FGAS_KG_SEALED_EXEMPT_BELOW
    else:
        amount, bands = fgas_co2e_tonnes(gwp, charge_kg), FGAS_BANDS
        exempt = FGAS_SEALED_EXEMPT_BELOW
    if sealed and amount < exempt:
        return 0
    for threshold, months in bands:
        if amount >= threshold:
            return months * 2 if detection else months
    return 0


class MaintenanceRefrigerant(models.Model):
    """A refrigerant and its global warming potential (GWP), to compute the
    leak-check frequency of refrigerating equipment."""

    _name = "maintenance.refrigerant"
    _description = "Refrigerant"
    _order = "name"

    name = fields.Char(required=True)
    active = fields.Boolean(default=True)
    composition = fields.Char(help="Components of a blend and their mass shares.")
    gwp = fields.Float(
        string="GWP",
        digits=(16, 1),
        required=True,
        help="Global warming potential over 100 years: tonnes of CO2 equivalent per tonne of gas.",
    )
    is_fluorinated = fields.Boolean(
        string="Fluorinated greenhouse gas",
        default=True,
        help="Listed in Regulation (EU) 2024/573 (Annex I): its equipment is subject "
        "to leak checks by tonnes of CO2 equivalent. Natural refrigerants (CO2, "
        "propane, ammonia) are not.",
    )
    is_unsaturated = fields.Boolean(
        string="Unsaturated HFC (HFO)",
        help="Listed in Annex I, section 2 of Regulation (EU) 2024/573 (R1234yf, "
        "R1234ze...): leak checks by kg of charge (from 1 kg every 12 months, "
        "10 kg every 6 months, 100 kg every 3 months), not by CO2 equivalent.",
    )
    source = fields.Char(help="Where the GWP comes from.")

    _name_unique = models.Constraint("UNIQUE(name)", "This refrigerant already exists.")

    @api.constrains("gwp")
    def _check_gwp(self):
        if self.filtered(lambda refrigerant: refrigerant.gwp < 0):
            raise ValidationError(self.env._("The GWP of a refrigerant cannot be negative."))
