# Copyright 2026 Seed maintainers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Guards of the suite itself, so that a green CI means the same on a new
machine as on this one:

- every external command that the code, the tests and the scripts call is
  installed by the project's own setup (``DEBIAN_COMMANDS`` of
  ``scripts/common.sh``), and is on this machine after it ran;
- under CI, a skipped test fails the run (``conftest.py``)."""

import ast
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SUBPROCESS_CALLS = {"run", "Popen", "call", "check_call", "check_output"}
# installed with Debian's PostgreSQL by ensure_postgres (scripts/common.sh)
POSTGRESQL = {
    "psql",
    "createdb",
    "dropdb",
    "pg_dump",
    "pg_restore",
    "pg_isready",
    "pg_lsclusters",
    "pg_ctlcluster",
    "pg_basebackup",
}
# Debian's essential packages: on every machine
ESSENTIAL = {"bash", "sh", "dpkg-query"}
# called by Odoo itself on our behalf: the PDF of every report, the browser
# of every tour
CALLED_BY_ODOO = {"wkhtmltopdf", "chromium"}


def _sources(*suffixes):
    for path in sorted(ROOT.rglob("*")):
        relative = path.relative_to(ROOT).parts
        if relative[0] in (".git", "var") or not path.is_file():
            continue
        if path.suffix in suffixes or path.name in suffixes:
            yield path


def _python_commands(path):
    """Commands a Python file runs: subprocess.X(["cmd", ...]) and
    shutil.which("cmd")."""
    commands = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)):
            continue
        owner = node.func.value
        owner = owner.id if isinstance(owner, ast.Name) else None
        if not node.args:
            continue
        first = node.args[0]
        if owner == "subprocess" and node.func.attr in SUBPROCESS_CALLS:
            if isinstance(first, ast.List | ast.Tuple) and first.elts:
                first = first.elts[0]
            if isinstance(first, ast.Constant) and isinstance(first.value, str):
                commands.add(first.value.split()[0])
        elif (
            owner == "shutil"
            and node.func.attr == "which"
            and isinstance(first, ast.Constant)
            and isinstance(first.value, str)
        ):
            commands.add(first.value)
    return commands


def _shell_commands(path):
    return set(re.findall(r"command -v ([\w.+-]+)", path.read_text(encoding="utf-8")))


def _declared():
    common = (ROOT / "scripts" / "common.sh").read_text(encoding="utf-8")
    table = re.search(r'^DEBIAN_COMMANDS="\n(.*?)\n"', common, re.DOTALL | re.MULTILINE)
    assert table, "scripts/common.sh declares DEBIAN_COMMANDS"
    return dict(line.split(":", 1) for line in table.group(1).split())


def test_every_external_command_is_installed_by_setup():
    called = set(CALLED_BY_ODOO)
    where = {}
    for path in _sources(".py"):
        for command in _python_commands(path):
            called.add(command)
            where.setdefault(command, path.relative_to(ROOT))
    for path in _sources(".sh", "Makefile"):
        for command in _shell_commands(path):
            called.add(command)
            where.setdefault(command, path.relative_to(ROOT))
    declared = _declared()
    # the scan finds what the suite is known to call: it must keep finding it
    assert {"pdftotext", "nginx", "psql", "dropdb"} <= called, called
    missing = sorted(called - set(declared) - POSTGRESQL - ESSENTIAL)
    assert not missing, "called but installed by no setup script: " + ", ".join(
        f"{command} ({where.get(command, 'Odoo')})" for command in missing
    )
    absent = sorted(
        command
        for command in declared
        if not shutil.which(command) and not os.access(f"/usr/sbin/{command}", os.X_OK)
    )
    assert not absent, f"declared in DEBIAN_COMMANDS but not on this machine: {absent}"


def _declared_packages():
    common = (ROOT / "scripts" / "common.sh").read_text(encoding="utf-8")
    table = re.search(r'^DEBIAN_PACKAGES="\n(.*?)\n"', common, re.DOTALL | re.MULTILINE)
    assert table, "scripts/common.sh declares DEBIAN_PACKAGES"
    return table.group(1).split()


def test_every_debian_package_is_on_this_machine():
    """The packages without a command (the PDF reports' font) that
    ``make setup`` installs are installed here."""
    packages = _declared_packages()
    assert "fonts-lato" in packages, packages
    absent = [
        package
        for package in packages
        if "ok installed"
        not in subprocess.run(
            ["dpkg-query", "-W", "-f=${Status}", package],
            capture_output=True,
            text=True,
            check=False,
        ).stdout
    ]
    assert not absent, f"declared in DEBIAN_PACKAGES but not installed: {absent}"


def test_the_scan_sees_a_new_command():
    """The scan is not blind: a file calling a command of its own is seen."""
    with tempfile.TemporaryDirectory() as directory:
        probe = Path(directory, "probe.py")
        probe.write_text(
            "import shutil, subprocess\n"
            "subprocess.run(['qpdf', '--check', 'a.pdf'], check=True)\n"
            "shutil.which('gs')\n"
        )
        assert _python_commands(probe) == {"qpdf", "gs"}
        script = Path(directory, "probe.sh")
        script.write_text("command -v xvfb-run >/dev/null || exit 1\n")
        assert _shell_commands(script) == {"xvfb-run"}


def _pytest(directory, ci):
    environment = {key: value for key, value in os.environ.items() if key != "CI"}
    environment.pop("PYTEST_XDIST_WORKER", None)
    environment.pop("PYTEST_ADDOPTS", None)
    if ci:
        environment["CI"] = "true"
    return subprocess.run(
        # no Odoo for this one: pytest-odoo's plugin would load a registry
        [sys.executable, "-m", "pytest", "-p", "no:odoo", "-q", str(directory)],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_a_skipped_test_fails_the_run_under_ci():
    (ROOT / "var").mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory(dir=ROOT / "var") as directory:
        Path(directory, "test_probe.py").write_text(
            "import unittest\n"
            "def test_runs():\n"
            "    pass\n"
            "class TestBrowser(unittest.TestCase):\n"
            "    def test_tour(self):\n"
            "        raise unittest.SkipTest('Chrome executable not found')\n"
        )
        under_ci = _pytest(directory, ci=True)
        assert under_ci.returncode == 1, under_ci.stdout + under_ci.stderr
        assert "1 failed, 1 passed" in under_ci.stdout, under_ci.stdout
        assert "SKIPPED, which fails the run under CI: Chrome executable not found" in (
            under_ci.stdout
        )
        # on a developer's machine the skip stays a skip, reported by -ra
        local = _pytest(directory, ci=False)
        assert local.returncode == 0, local.stdout + local.stderr
        assert "1 passed, 1 skipped" in local.stdout, local.stdout
