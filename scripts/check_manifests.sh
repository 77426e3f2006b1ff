#!/usr/bin/env bash
# Copyright 2026 Seed maintainers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
#
# The add-ons' manifests as integrators read them (OCA's manifestoo, in
# `make lint`): every dependency is found (Odoo 19.0's own add-ons, OCA's
# installed from PyPI, ours), and no add-on declares a license that the
# add-ons it depends on do not allow.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
options=(--select-addons-dir . --addons-path-from-import-odoo --odoo-series 19.0)
missing=$(python3 -m manifestoo "${options[@]}" list-missing)
if [ -n "$missing" ]; then
    echo "Dependencies found in no addons path: $missing" >&2
    exit 1
fi
python3 -m manifestoo "${options[@]}" check-licenses
