# Copyright 2026 Seed maintainers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""19.0.1.2.0: the parts picker leaves out equipment models; a distance to
the site that was never measured is empty, not 0 m.

- ``product.template.maintenance_equipment_model`` (new): ticked for the
  products that are the model of an installed equipment (not a component):
  a boiler or a chiller the company installs is not a spare part.
- ``maintenance.task.checkin.distance_m`` / ``out_distance_m``: 0 was
  written when the phone gave no position or the site has no coordinates;
  those become NULL. ``res.users.is_maintenance_technician`` (new, stored
  compute) is computed by the update itself."""

from odoo.tools import SQL


def migrate(cr, version):
    if not version:
        return
    cr.execute(
        SQL(
            """
            UPDATE product_template t
               SET maintenance_equipment_model = TRUE
             WHERE t.id IN (
                   SELECT p.product_tmpl_id
                     FROM maintenance_customer_equipment e
                     JOIN product_product p ON p.id = e.product_id
                    WHERE e.parent_id IS NULL
             )
            """
        )
    )
    cr.execute(
        SQL(
            "UPDATE maintenance_task_checkin SET distance_m = NULL "
            "WHERE NOT COALESCE(distance_known, FALSE)"
        )
    )
    cr.execute(
        SQL(
            """
            UPDATE maintenance_task_checkin c
               SET out_distance_m = NULL
              FROM maintenance_task t
              LEFT JOIN maintenance_site s ON s.id = t.site_id
              LEFT JOIN res_partner p ON p.id = s.partner_id
             WHERE t.id = c.task_id
               AND (NOT COALESCE(c.out_has_position, FALSE)
                    OR COALESCE(p.partner_latitude, 0) = 0
                       AND COALESCE(p.partner_longitude, 0) = 0)
            """
        )
    )
