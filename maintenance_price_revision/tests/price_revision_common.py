# Copyright 2026 Seed maintainers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import Command, fields

from odoo.addons.maintenance_contracts.tests.common import MaintenanceCommon


class PriceRevisionCommon(MaintenanceCommon):
    """Test indices (own codes, not the presets), a Syntec 15/85 formula
    and helpers building revisable contracts. Index figures here are test
    figures, not published ones."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._equipment_seq = 0
        Index = cls.env["maintenance.price.index"]
        cls.syntec = Index.create(
            {"code": "T-SYNTEC", "name": "Syntec (test)", "publisher": "Fédération Syntec"}
        )
        cls.bt47 = Index.create({"code": "T-BT47", "name": "Electrical work (test)"})
        cls.icht = Index.create({"code": "T-ICHT", "name": "ICHTrev-TS IME (test)"})
        cls._values(cls.syntec, {"2026-10": 270.5, "2027-10": 281.1})
        cls.syntec_formula = cls._formula("Syntec 15/85 (test)", 0.15, [(cls.syntec, 0.85)])

    @classmethod
    def _values(cls, index, values, **extra):
        return cls.env["maintenance.price.index.value"].create(
            [
                dict({"index_id": index.id, "month": f"{month}-01", "value": value}, **extra)
                for month, value in values.items()
            ]
        )

    @classmethod
    def _formula(cls, name, fixed_part, terms, **extra):
        vals = {
            "name": name,
            "fixed_part": fixed_part,
            "term_ids": [
                Command.create({"index_id": index.id, "weight": weight}) for index, weight in terms
            ],
            "reference_month_rule": "lag",
            "reference_lag_months": 3,
            "coefficient_digits": 3,
            "coefficient_rounding": "up",
            "base_mode": "chained",
        }
        vals.update(extra)
        return cls.env["maintenance.price.revision.formula"].create(vals)

    @classmethod
    def _revisable_contract(
        cls,
        price=1200.0,
        formula=None,
        base_month="2026-10-01",
        date_start="2027-01-01",
        lines=1,
        **extra,
    ):
        """A running maintenance contract of ``lines`` covered products at
        ``price``, revised by ``formula`` (Syntec 15/85 by default)."""
        equipment = cls.env["maintenance.customer.equipment"].create(
            [
                {
                    "name": f"Chaudière {cls._equipment_seq + index}",
                    "site_id": cls.site.id,
                    "serial_number": f"PR-{cls._equipment_seq + index:06d}",
                }
                for index in range(lines)
            ]
        )
        cls._equipment_seq += lines
        contract = cls._create_contract(
            [(item, cls.wt_full, {"price_unit": price}) for item in equipment],
            date_start=date_start,
            price_revision_formula_id=(formula or cls.syntec_formula).id,
            price_revision_base_month=base_month,
            user_id=cls.manager.id,
            **extra,
        )
        contract.action_maintenance_validate()
        return contract

    def _preview(self, contracts, date=None):
        results = self.env["maintenance.price.revision"]._prepare_revisions(
            contracts, fields.Date.to_date(date) if date else None
        )
        return results[0] if len(contracts) == 1 else results

    def _revise(self, contracts, date=None):
        revisions, errors = self.env["maintenance.price.revision"]._revise_contracts(
            contracts, fields.Date.to_date(date) if date else None
        )
        return revisions, errors

    def _prices(self, contract):
        return contract.contract_line_ids.mapped("price_unit")
