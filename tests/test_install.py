# Copyright 2026 Seed maintainers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Each add-on installs on its own, with its dependencies, in a fresh
database of a French company; all of them together are the test database.

A fresh database is initialised once (or taken from ``make test``'s own
template, ``MAINTENANCE_TEMPLATE_DB``: Odoo's base, a French company, before
any add-on), and each add-on is installed into a copy (``createdb -T``) of the
database that holds exactly the add-ons of ours it depends on: the copy of
the bare database for ``maintenance_contracts``, the copy of that one for
``maintenance_planning``, and so on. What is installed in the end is what
``-i <add-on>`` on a fresh database installs — Odoo installs the dependencies
first in either case — and each add-on's own install runs once instead of
once per add-on depending on it."""

import os
import shutil
import subprocess
import sys
import uuid
from pathlib import Path

import pytest

import odoo
from odoo.tests import TransactionCase, tagged

ROOT = Path(__file__).resolve().parent.parent
# every add-on of the repository (its root is an addons path)
ADDONS = tuple(sorted(path.parent.name for path in ROOT.glob("maintenance_*/__manifest__.py")))
# beyond the Python and JavaScript an add-on holds (tests, migrations and
# translations aside), it is two add-ons (issue 25)
MAX_ADDON_LINES = 5000
MAX_FILE_LINES = 700


def _depends(addon):
    """The add-ons of ours that ``addon``'s manifest names."""
    manifest = odoo.modules.module.get_manifest(addon)
    return {name for name in manifest["depends"] if name in ADDONS}


def _ours_depended_on(addon):
    """Every add-on of ours ``addon`` pulls in, directly or not."""
    closure = set()
    for name in _depends(addon):
        closure |= {name} | _ours_depended_on(name)
    return closure


@tagged("post_install", "-at_install")
class TestInstalledTogether(TransactionCase):
    def test_our_addons_installed(self):
        modules = self.env["ir.module.module"].search([("name", "in", ADDONS)])
        self.assertEqual(set(modules.mapped("state")), {"installed"})
        self.assertEqual(len(modules), len(ADDONS))
        # a French company: French chart of accounts, account_peppol auto-installed
        self.assertEqual(self.env.company.country_id.code, "FR")
        self.assertEqual(self.env.company.chart_template, "fr")


def test_the_graph_is_acyclic_and_the_addons_small():
    """The dependency graph of ours has no cycle (each add-on reaches the
    bottom, maintenance_contracts, without meeting itself); no add-on holds
    more than MAX_ADDON_LINES lines of Python and JavaScript, no Python file
    more than MAX_FILE_LINES (tests, migrations and translations aside)."""

    def walk(addon, path):
        assert addon not in path, " -> ".join([*path, addon])
        for name in _depends(addon):
            walk(name, [*path, addon])

    sizes = {}
    for addon in ADDONS:
        walk(addon, [])
        sizes[addon] = 0
        for path in (ROOT / addon).rglob("*"):
            parts = path.relative_to(ROOT / addon).parts
            if path.suffix not in (".py", ".js") or parts[0] in ("tests", "migrations"):
                continue
            if parts[:2] == ("static", "tests"):
                continue
            lines = len(path.read_text(encoding="utf-8").splitlines())
            sizes[addon] += lines
            if path.suffix == ".py":
                assert lines <= MAX_FILE_LINES, f"{path}: {lines} lines"
    assert max(sizes.values()) <= MAX_ADDON_LINES, sizes


def _odoo(*args):
    command = [sys.executable, "-m", "odoo", *args]
    return subprocess.run(command, capture_output=True, text=True, timeout=900, check=False)


def _psql(database, query):
    return subprocess.run(
        ["psql", "-d", database, "-tAc", query], capture_output=True, text=True, check=True
    ).stdout.split("\n")


def _common_args():
    config = odoo.tools.config
    common = [
        f"--addons-path={','.join(config['addons_path'])}",
        f"--data-dir={config['data_dir']}",
    ]
    if config.get("db_user"):
        common.append(f"--db_user={config['db_user']}")
    return common


def _filestore(database):
    # not config.filestore(): pytest-odoo points it at the test database's own
    # filestore in its test processes, whatever the database asked for
    return os.path.join(odoo.tools.config["data_dir"], "filestore", database)


class Databases:
    """The databases of this module's tests: each made once, dropped at the end."""

    def __init__(self):
        self.prefix = f"maintenance_install_{uuid.uuid4().hex[:6]}"
        self.made = {}

    def _copy(self, template, name):
        database = f"{self.prefix}_{name}"
        subprocess.run(["createdb", "-T", template, database], check=True, capture_output=True)
        self.made[name] = database
        # the attachments of the copy (the company's logo...) are files
        if os.path.isdir(_filestore(template)):
            shutil.copytree(_filestore(template), _filestore(database))
        return database

    def bare(self):
        """A fresh database of a French company with Odoo's base only."""
        if "bare" not in self.made:
            template = os.environ.get("MAINTENANCE_TEMPLATE_DB")
            if template:
                self._copy(template, "bare")
            else:
                database = self.made["bare"] = f"{self.prefix}_bare"
                created = _odoo("db", *_common_args(), "init", database, "--country", "FR")
                assert created.returncode == 0, created.stderr[-3000:]
        return self.made["bare"]

    def install(self, addons, parent_database, name):
        """A copy of ``parent_database`` with ``addons`` installed."""
        database = self._copy(parent_database, name)
        installed = _odoo(
            *_common_args(),
            "-d",
            database,
            "-i",
            addons,
            "--stop-after-init",
            "--log-level=warn",
            "--http-port=0",
        )
        assert installed.returncode == 0, installed.stderr[-3000:]
        assert " ERROR " not in installed.stderr, installed.stderr[-3000:]
        return database

    def with_addon(self, addon):
        """The database where ``addon`` was installed alone: a copy of the
        database of the dependency of ours that pulls in the most, where
        ``-i`` installs the rest of its dependencies as on a fresh one."""
        if addon not in self.made:
            depends = _depends(addon)
            if depends:
                parent = max(sorted(depends), key=lambda name: len(_ours_depended_on(name)))
                parent_database = self.with_addon(parent)
            else:
                parent_database = self.bare()
            self.install(addon, parent_database, addon)
        return self.made[addon]

    def drop(self):
        for database in self.made.values():
            subprocess.run(["dropdb", "--if-exists", database], capture_output=True, check=False)
            shutil.rmtree(_filestore(database), ignore_errors=True)


@pytest.fixture(scope="module")
def databases():
    made = Databases()
    yield made
    made.drop()


@pytest.mark.parametrize("addon", ADDONS)
def test_addon_installs_alone(addon, databases):
    database = databases.with_addon(addon)
    state = _psql(
        database,
        "SELECT name FROM ir_module_module WHERE name LIKE 'maintenance\\_%' "
        "AND state = 'installed' ORDER BY name",
    )
    assert [name for name in state if name] == sorted(_ours_depended_on(addon) | {addon})


def test_installs_beside_odoo_maintenance(databases):
    """A company installs Odoo's Maintenance app for its own tools beside
    ours: both install together and show two apps of different names and
    icons on the home screen."""
    database = databases.install(
        "maintenance", databases.with_addon("maintenance_planning"), "beside"
    )
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
