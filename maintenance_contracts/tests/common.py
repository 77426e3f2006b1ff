# Copyright 2026 Seed maintainers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import Command, fields
from odoo.tests import TransactionCase, new_test_user

from .pdf import serve_report_styles


class MaintenanceCommon(TransactionCase):
    """Customers, sites, equipment and a user per role, built for each test
    class (never relying on demo data)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=True))
        cls.company = cls.env.company
        serve_report_styles(cls.env)
        cls.technician = new_test_user(
            cls.env,
            login="mc_technician",
            name="Julien Moreau",
            groups="maintenance_contracts.group_maintenance_technician",
        )
        cls.manager = new_test_user(
            cls.env,
            login="mc_manager",
            name="Sophie Martin",
            groups="maintenance_contracts.group_maintenance_manager",
        )
        cls.admin = new_test_user(
            cls.env,
            login="mc_admin",
            name="Thomas Lefèvre",
            groups="maintenance_contracts.group_maintenance_admin",
        )
        cls.accountant = new_test_user(
            cls.env,
            login="mc_accountant",
            name="Claire Dubois",
            groups="account.group_account_invoice",
        )
        cls.customer = cls.env["res.partner"].create(
            {"name": "Syndic Horizon Immobilier", "is_company": True, "city": "Lyon"}
        )
        cls.sector = cls.env["maintenance.sector"].create({"name": "Lyon Est", "code": "LYE"})
        cls.site = cls.env["maintenance.site"].create(
            {
                "name": "Résidence Les Tilleuls",
                "customer_id": cls.customer.id,
                "street": "12 rue des Tilleuls",
                "zip": "69003",
                "city": "Lyon",
                "country_id": cls.env.ref("base.fr").id,
                "sector_id": cls.sector.id,
                "partner_latitude": 45.7597,
                "partner_longitude": 4.8422,
            }
        )
        cls.product = cls.env["product.product"].create(
            {"name": "Contrat d'entretien chaudière", "type": "service", "list_price": 600.0}
        )
        cls.wt_full = cls.env.ref("maintenance_contracts.warranty_type_full_2")
        cls.wt_preventive = cls.env.ref("maintenance_contracts.warranty_type_preventive_1")
        cls.wt_corrective = cls.env.ref("maintenance_contracts.warranty_type_corrective")
        cls.wt_lift = cls.env.ref("maintenance_contracts.warranty_type_lift")

    @classmethod
    def _create_equipment(cls, count=1, site=None, name="Chaudière"):
        site = site or cls.site
        return cls.env["maintenance.customer.equipment"].create(
            [
                {
                    "name": f"{name} {index + 1}",
                    "site_id": site.id,
                    "serial_number": f"{site.id}-{name[:3].upper()}-{index + 1:05d}",
                }
                for index in range(count)
            ]
        )

    @classmethod
    def _line_vals(cls, equipment, warranty_type, **extra):
        vals = {
            "product_id": cls.product.id,
            "name": f"Entretien {equipment.name}",
            "quantity": 1,
            "price_unit": 600.0,
            "equipment_id": equipment.id,
            "warranty_type_id": warranty_type.id,
        }
        vals.update(extra)
        return vals

    @classmethod
    def _create_contract(cls, lines, site=None, date_start="2027-01-01", **extra):
        """A maintenance contract on ``site`` with ``lines``: a list of
        (equipment, warranty type, extra line values)."""
        site = site or cls.site
        vals = {
            "name": f"Contrat {site.name}",
            "partner_id": site.customer_id.id,
            "site_id": site.id,
            "is_maintenance": True,
            "contract_type": "sale",
            "date_start": fields.Date.to_date(date_start),
            "recurring_rule_type": "yearly",
            "recurring_interval": 1,
            "contract_line_ids": [
                Command.create(cls._line_vals(equipment, wtype, **line_extra))
                for equipment, wtype, line_extra in lines
            ],
        }
        vals.update(extra)
        return cls.env["contract.contract"].create(vals)

    def _dates(self, visits):
        return [
            fields.Date.to_string(date) for date in visits.sorted("due_date").mapped("due_date")
        ]
