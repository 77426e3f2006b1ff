# Copyright 2026 Seed maintainers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The follow-up policies are named in French (their data is noupdate): the
names still the English ones of 19.0.1.0.0 are renamed; a name the company
changed is kept."""

from odoo import SUPERUSER_ID, api

RENAMES = {
    "maintenance_credit_control.credit_control_policy_fr": (
        "French reminders (D+8, D+30, D+45)",
        "Relances (J+8, J+30, J+45)",
    ),
    "account_credit_control.credit_control_no_follow": ("No follow", "Pas de relance"),
    "account_credit_control.credit_control_3_time": (
        "3 time policy",
        "Exemple OCA : 3 relances",
    ),
    "account_credit_control.credit_control_2_time": (
        "2 time policy",
        "Exemple OCA : 2 relances",
    ),
}


def migrate(cr, version):
    env = api.Environment(cr, SUPERUSER_ID, {})
    for xmlid, (english, french) in RENAMES.items():
        policy = env.ref(xmlid, raise_if_not_found=False)
        if policy and policy.name == english:
            policy.name = french
