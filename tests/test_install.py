# Copyright 2026 Seed maintainers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Each add-on installs on its own, with its dependencies, in a fresh
database of a French company; the three together are the test database."""

import subprocess
import sys
import uuid

import pytest

import odoo
from odoo.tests import TransactionCase, tagged

ADDONS = (
    "maintenance_contracts",
    "maintenance_planning",
    "maintenance_billing",
    "maintenance_sale",
    "maintenance_credit_control",
    "maintenance_reporting",
)
# our add-ons each one pulls in when installed alone
DEPENDS = {
    "maintenance_contracts": set(),
    "maintenance_planning": {"maintenance_contracts"},
    "maintenance_billing": {"maintenance_contracts", "maintenance_planning"},
    "maintenance_sale": {"maintenance_contracts", "maintenance_planning", "maintenance_billing"},
    "maintenance_credit_control": {"maintenance_contracts", "maintenance_planning"},
    "maintenance_reporting": {"maintenance_contracts", "maintenance_planning"},
}


@tagged("post_install", "-at_install")
class TestInstalledTogether(TransactionCase):
    def test_our_addons_installed(self):
        modules = self.env["ir.module.module"].search([("name", "in", ADDONS)])
        self.assertEqual(set(modules.mapped("state")), {"installed"})
        self.assertEqual(len(modules), len(ADDONS))
        # a French company: French chart of accounts, account_peppol auto-installed
        self.assertEqual(self.env.company.country_id.code, "FR")
        self.assertEqual(self.env.company.chart_template, "fr")


def _odoo(*args):
    command = [sys.executable, "-m", "odoo", *args]
    return subprocess.run(command, capture_output=True, text=True, timeout=900, check=False)


def _psql(database, query):
    return subprocess.run(
        ["psql", "-d", database, "-tAc", query], capture_output=True, text=True, check=True
    ).stdout.split("\n")


def _common_args():
    config = odoo.tools.config
    common = [f"--addons-path={','.join(config['addons_path'])}"]
    if config.get("db_user"):
        common.append(f"--db_user={config['db_user']}")
    return common


def test_installs_beside_odoo_maintenance():
    """A company installs Odoo's Maintenance app for its own tools beside
    ours: both install together and show two apps of different names and
    icons on the home screen."""
    database = f"maintenance_beside_{uuid.uuid4().hex[:6]}"
    common = _common_args()
    try:
        created = _odoo("db", *common, "init", database, "--country", "FR")
        assert created.returncode == 0, created.stderr[-3000:]
        installed = _odoo(
            *common,
            "-d",
            database,
            "-i",
            "maintenance,maintenance_planning",
            "--stop-after-init",
            "--log-level=warn",
            "--http-port=0",
        )
        assert installed.returncode == 0, installed.stderr[-3000:]
        assert " ERROR " not in installed.stderr, installed.stderr[-3000:]
        rows = _psql(
            database,
            "SELECT d.module, m.name->>'en_US', m.web_icon FROM ir_ui_menu m "
            "JOIN ir_model_data d ON d.model = 'ir.ui.menu' AND d.res_id = m.id "
            "WHERE m.parent_id IS NULL AND d.name IN "
            "('menu_maintenance_title', 'maintenance_root_menu') ORDER BY d.module",
        )
        apps = [row.split("|") for row in rows if row]
        assert [app[0] for app in apps] == ["maintenance", "maintenance_contracts"], apps
        (_odoo_module, odoo_name, odoo_icon), (_ours, our_name, our_icon) = apps
        assert odoo_name == "Maintenance"
        assert our_name == "Customer maintenance"
        assert odoo_icon != our_icon
    finally:
        subprocess.run(["dropdb", "--if-exists", database], capture_output=True, check=False)


@pytest.mark.parametrize("addon", ADDONS)
def test_addon_installs_alone(addon):
    database = f"maintenance_alone_{addon.split('_')[1]}_{uuid.uuid4().hex[:6]}"
    common = _common_args()
    try:
        created = _odoo("db", *common, "init", database, "--country", "FR")
        assert created.returncode == 0, created.stderr[-3000:]
        installed = _odoo(
            *common,
            "-d",
            database,
            "-i",
            addon,
            "--stop-after-init",
            "--log-level=warn",
            "--http-port=0",
        )
        assert installed.returncode == 0, installed.stderr[-3000:]
        assert " ERROR " not in installed.stderr, installed.stderr[-3000:]
        state = subprocess.run(
            [
                "psql",
                "-d",
                database,
                "-tAc",
                (
                    "SELECT name, state FROM ir_module_module WHERE name LIKE 'maintenance\\_%' "
                    "AND state = 'installed' ORDER BY name"
                ),
            ],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.split()
        expected = sorted(DEPENDS[addon] | {addon})
        assert state == [f"{name}|installed" for name in expected]
    finally:
        subprocess.run(["dropdb", "--if-exists", database], capture_output=True, check=False)
