# Copyright 2026 Seed maintainers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""pytest settings of the whole suite (``make test``).

- Under CI (``CI=true``) a skipped test fails the run, its reason printed: a
  test that cannot run on a machine (no Chromium, a DevTools port that never
  answered, a missing library) must say so loudly, not pass in silence.
- With pytest-xdist (``make test`` runs two processes, each on its own copy
  of the test database and of its filestore), the browser tests go together to one process, in
  one group (``--dist loadgroup``): one Chromium at a time on a 2-core
  machine, while the other process runs the rest. Other tests are grouped by
  class (or module), so that a class's fixtures are built once.
"""

import os
import shutil
from functools import cache
from pathlib import Path
from unittest import mock

import freezegun
import pytest

# the tests that freeze the clock must not freeze pytest's own: the slowest
# tests listed at the end of each run (--durations) are timed with real time
freezegun.configure(extend_ignore_list=["_pytest"])

BROWSER_CALLS = ("start_tour(", "browser_js(")
# the slowest groups are handed out first, so that no process waits at the end
FIRST = ("browser", "tests/test_install.py")


def _ci():
    return os.environ.get("CI", "").strip().lower() in ("1", "true", "yes")


@cache
def _opens_a_browser(path):
    return any(call in Path(path).read_text(encoding="utf-8") for call in BROWSER_CALLS)


def _group(item):
    if _opens_a_browser(str(item.path)):
        return "browser"
    return item.nodeid.rsplit("::", 1)[0]


@pytest.fixture(scope="session", autouse=True)
def own_filestore(request):
    """Each test process writes the files of its attachments in a filestore
    of its own. pytest-odoo points every process at the test database's
    filestore, but the filestore's garbage collection that Odoo runs after
    each test class deletes the files that its own database does not know:
    the other process's attachments, created meanwhile."""
    original = request.config.getoption("--odoo-database", default=None)
    if not (original and os.environ.get("PYTEST_XDIST_WORKER")):
        yield
        return
    request.getfixturevalue("load_registry")  # pytest-odoo's copy of the database
    import odoo.tests  # noqa: PLC0415 (pytest-odoo has configured it by now)

    config = odoo.tools.config
    own = odoo.tests.common.get_db_name()
    directory = os.path.join(config["data_dir"], "filestore")
    shutil.rmtree(os.path.join(directory, own), ignore_errors=True)
    if os.path.isdir(os.path.join(directory, original)):
        shutil.copytree(os.path.join(directory, original), os.path.join(directory, own))
    with mock.patch.object(config, "filestore", lambda name: os.path.join(directory, name)):
        yield
    shutil.rmtree(os.path.join(directory, own), ignore_errors=True)


def pytest_collection_modifyitems(config, items):
    for item in items:
        item.add_marker(pytest.mark.xdist_group(_group(item)))

    def rank(item):
        group = _group(item)
        return FIRST.index(group) if group in FIRST else len(FIRST)

    items.sort(key=rank)


def pytest_runtest_setup(item):
    """The process that runs no browser test yields the CPU to the one that
    does: a tour waits at most 10 s for each step, and on a 2-core machine
    the other process's work (module installs, rendering) must not starve the
    browser and its server."""
    if (
        os.environ.get("PYTEST_XDIST_WORKER")
        and _group(item) != "browser"
        and not getattr(pytest_runtest_setup, "niced", False)
    ):
        os.nice(10)
        pytest_runtest_setup.niced = True


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    report = outcome.get_result()
    if not (_ci() and report.skipped) or hasattr(report, "wasxfail"):
        return
    reason = report.longrepr[2] if isinstance(report.longrepr, tuple) else str(report.longrepr)
    reason = reason.removeprefix("Skipped: ")
    report.outcome = "failed"
    report.longrepr = f"SKIPPED, which fails the run under CI: {reason}"
