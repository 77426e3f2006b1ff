# Copyright 2026 Seed maintainers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""19.0.1.1.0: the presets' data is ``noupdate``: what this version changes
in them is written here, on the records the administrator has not changed.

- HFOs (Regulation (EU) 2024/573, Annex I, section 2) are leak-checked by kg
  of charge: R1234yf is flagged as such (its equipment's leak-check interval
  is computed again by the flag's dependency), and the F-gas preset's legal
  basis states the kg thresholds.
- The heat pump preset issues the heat pump service certificate, the lift
  preset the lift maintenance visit report.
- Obligations copied from a preset remember it (``preset_id``: empty on the
  existing ones, nothing to write).
- The triennial fire alarm check is a new record of the data file: the
  update creates it."""

from odoo import SUPERUSER_ID, api

OLD_FGAS_SEALED = (
    "deux fois moins souvent avec un système de détection des fuites. Équipements "
    "hermétiquement scellés et étiquetés comme tels de moins de 10 t : exemptés."
)
NEW_FGAS_SEALED = (
    "deux fois moins souvent avec un système de détection des fuites. Pour les HFO "
    "(annexe I, section 2 : R1234yf, R1234ze...), seuils en kg de charge : à partir de "
    "1 kg, tous les 12 mois ; de 10 kg, tous les 6 mois ; de 100 kg, tous les 3 mois. "
    "Équipements hermétiquement scellés et étiquetés comme tels de moins de 10 t "
    "(HFO : moins de 2 kg) : exemptés."
)
CERTIFICATES = {
    "maintenance_contracts.warranty_type_reg_heat_pump": ("heat_pump", 15),
    "maintenance_contracts.warranty_type_reg_lift": ("lift", 0),
}


def migrate(cr, version):
    if not version:
        return
    env = api.Environment(cr, SUPERUSER_ID, {})
    r1234yf = env.ref("maintenance_contracts.refrigerant_r1234yf", raise_if_not_found=False)
    if r1234yf and not r1234yf.is_unsaturated:
        r1234yf.is_unsaturated = True
    fgas = env.ref("maintenance_contracts.warranty_type_reg_fgas", raise_if_not_found=False)
    if fgas and OLD_FGAS_SEALED in (fgas.legal_basis or ""):
        fgas.legal_basis = fgas.legal_basis.replace(OLD_FGAS_SEALED, NEW_FGAS_SEALED)
    for xmlid, (kind, days) in CERTIFICATES.items():
        preset = env.ref(xmlid, raise_if_not_found=False)
        if preset and preset.certificate_type == "none":
            preset.write({"certificate_type": kind, "certificate_deadline_days": days})
