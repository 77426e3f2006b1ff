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

ADDONS = ("maintenance_contracts", "maintenance_planning", "maintenance_reporting")


@tagged("post_install", "-at_install")
class TestInstalledTogether(TransactionCase):
    def test_three_addons_installed(self):
        modules = self.env["ir.module.module"].search([("name", "in", ADDONS)])
        self.assertEqual(set(modules.mapped("state")), {"installed"})
        self.assertEqual(len(modules), 3)
        # a French company: French chart of accounts, account_peppol auto-installed
        self.assertEqual(self.env.company.country_id.code, "FR")
        self.assertEqual(self.env.company.chart_template, "fr")


def _odoo(*args):
    command = [sys.executable, "-m", "odoo", *args]
    return subprocess.run(command, capture_output=True, text=True, timeout=900, check=False)


@pytest.mark.parametrize("addon", ADDONS)
def test_addon_installs_alone(addon):
    config = odoo.tools.config
    database = f"maintenance_alone_{addon.split('_')[1]}_{uuid.uuid4().hex[:6]}"
    common = [f"--addons-path={','.join(config['addons_path'])}"]
    if config.get("db_user"):
        common.append(f"--db_user={config['db_user']}")
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
        expected = ADDONS[: ADDONS.index(addon) + 1]
        assert state == [f"{name}|installed" for name in expected]
    finally:
        subprocess.run(["dropdb", "--if-exists", database], capture_output=True, check=False)
