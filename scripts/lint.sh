#!/usr/bin/env bash
# make lint: the pre-commit hooks (ruff, ruff-format, pylint-odoo, XML) on every file.
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

check_odoo
ensure_requirements
cd "$ROOT"
"$PYTHON" -m pre_commit run --all-files --show-diff-on-failure
