# Copyright 2026 Seed maintainers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Integrators install the add-ons the way they install OCA's: each builds as
a wheel ``odoo-addon-<name>`` (its ``pyproject.toml``, OCA's ``whool``
backend), which requires the add-ons its manifest depends on (ours, OCA's
``contract`` and ``account_credit_control``) and the Python libraries of its
``external_dependencies``; and pip resolves the whole set from the built
wheels and what is installed (Odoo 19.0 itself, OCA's add-ons from PyPI),
without reaching any index."""

import ast
import email
import json
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
ADDONS = sorted(path.parent.name for path in ROOT.glob("maintenance_*/__manifest__.py"))
# Odoo's own add-ons are in the odoo distribution: no requirement of their own
OCA = {"contract", "account_credit_control"}


def _manifest(addon):
    return ast.literal_eval((ROOT / addon / "__manifest__.py").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def wheels(tmp_path_factory):
    folder = tmp_path_factory.mktemp("wheels")
    built = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q"]
        + ["-w", str(folder)]
        + [str(ROOT / addon) for addon in ADDONS],
        capture_output=True,
        text=True,
        check=False,
    )
    assert built.returncode == 0, built.stderr[-3000:]
    return {path.name.split("-")[0].removeprefix("odoo_addon_"): path for path in folder.iterdir()}


def test_each_addon_builds_its_wheel_with_its_dependencies(wheels):
    assert sorted(wheels) == ADDONS
    for addon, wheel in wheels.items():
        with zipfile.ZipFile(wheel) as archive:
            name = next(n for n in archive.namelist() if n.endswith(".dist-info/METADATA"))
            metadata = email.message_from_bytes(archive.read(name))
            # the add-on's own files are in the wheel, under odoo/addons
            assert f"odoo/addons/{addon}/__manifest__.py" in archive.namelist()
        requires = {
            line.split("==")[0].split(";")[0].strip() for line in metadata.get_all("Requires-Dist")
        }
        manifest = _manifest(addon)
        version = manifest["version"]
        assert metadata["Name"] == f"odoo-addon-{addon}"
        assert metadata["Version"].startswith(version), (addon, metadata["Version"])
        expected = (
            {f"odoo-addon-{name}" for name in manifest["depends"] if name in ADDONS or name in OCA}
            | set(manifest.get("external_dependencies", {}).get("python", []))
            | {"odoo"}
        )
        assert requires == expected, addon


def test_the_set_resolves_from_the_wheels_and_what_is_installed(wheels):
    """pip's own resolver (no index): every dependency of every wheel is a
    built wheel or already installed. An add-on depending on one that does
    not exist, or on OCA's add-on of another series, fails here."""
    resolved = subprocess.run(
        [sys.executable, "-m", "pip", "install", "--dry-run", "--no-index", "-q", "--report", "-"]
        + ["--find-links", str(next(iter(wheels.values())).parent)]
        + [f"odoo-addon-{addon}" for addon in ADDONS],
        capture_output=True,
        text=True,
        check=False,
    )
    assert resolved.returncode == 0, resolved.stderr[-3000:]
    report = json.loads(resolved.stdout)
    would_install = {item["metadata"]["name"] for item in report["install"]}
    # ours only: Odoo and OCA's add-ons are already there
    assert would_install == {f"odoo-addon-{addon}" for addon in ADDONS}
