# Copyright 2026 Seed maintainers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Every ``maintenance_*/tests/test_*.py`` is imported by its ``tests/__init__.py``.

pytest finds a test file by its name; Odoo's own runner (``odoo --test-enable``,
the way OCA's CI runs) only runs the ``test_*`` modules that the add-on's
``tests`` package imports (``odoo.tests.loader._get_tests_modules``). A file
left out of ``__init__.py`` passes here and never runs there. Read from the
sources (``ast``), not from the imported package: once pytest has imported a
test file, it is an attribute of its package whether ``__init__.py`` names it
or not."""

import ast
import tempfile
import unittest
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def imported_modules(init_file):
    """The submodules ``tests/__init__.py`` imports (``from . import name`` or
    ``from .name import ...``, at its top level)."""
    tree = ast.parse(init_file.read_text(encoding="utf-8"), filename=str(init_file))
    names = set()
    for node in tree.body:
        if not isinstance(node, ast.ImportFrom) or node.level != 1:
            continue
        if node.module:
            names.add(node.module.split(".")[0])
        else:
            names.update(alias.name for alias in node.names)
    return names


def not_imported(tests_dir):
    """The ``test_*.py`` files of a ``tests`` folder its ``__init__.py`` leaves out."""
    init_file = tests_dir / "__init__.py"
    imported = imported_modules(init_file) if init_file.exists() else set()
    return sorted(path.name for path in tests_dir.glob("test_*.py") if path.stem not in imported)


class TestTestFilesImported(unittest.TestCase):
    def test_every_test_file_imported(self):
        tests_dirs = sorted(path.parent for path in ROOT.glob("maintenance_*/tests/__init__.py"))
        # the six add-ons: a glob that finds nothing must not pass
        self.assertGreaterEqual(len(tests_dirs), 6, tests_dirs)
        missing = {
            tests_dir.parent.name: names
            for tests_dir in tests_dirs
            if (names := not_imported(tests_dir))
        }
        self.assertEqual(
            missing, {}, "test files Odoo's runner would not run: add them to tests/__init__.py"
        )

    def test_a_file_left_out_is_found(self):
        with tempfile.TemporaryDirectory() as folder:
            tests_dir = Path(folder)
            for name in ("common.py", "test_kept.py", "test_forgotten.py", "test_other.py"):
                (tests_dir / name).write_text("", encoding="utf-8")
            (tests_dir / "__init__.py").write_text(
                "from . import test_kept, common\n"
                "from .test_other import TestOther\n"
                "# from . import test_forgotten\n",
                encoding="utf-8",
            )
            self.assertEqual(not_imported(tests_dir), ["test_forgotten.py"])
            (tests_dir / "__init__.py").unlink()
            self.assertEqual(
                not_imported(tests_dir), ["test_forgotten.py", "test_kept.py", "test_other.py"]
            )
