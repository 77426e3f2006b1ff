#!/usr/bin/env bash
# make test: a fresh database without demo data, the add-ons installed, every test run by pytest-odoo.
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

check_odoo
ensure_postgres
ensure_requirements
ensure_debian_commands

DB=${TEST_DB_NAME:-maintenance_test}
HTTP_PORT=${TEST_HTTP_PORT:-8079} CONF=$(write_config "$DB")
say "Creating a fresh test database '$DB' (French company, no demo data)"
for db in "$DB" "${DB}_base"; do
    dropdb --if-exists "$db"
    rm -rf "$VAR/data/filestore/$db"
done
"$PYTHON" -m odoo db -c "$CONF" init "$DB" --language en_US --country FR
# the bare database (Odoo's base, a French company) is the template from which
# tests/test_install.py installs each add-on alone, instead of a new init each
copy_db "$DB" "${DB}_base"
say "Installing $ADDONS"
"$PYTHON" -m odoo -c "$CONF" -d "$DB" -i "$ADDONS" --stop-after-init
# the PDF layout's stylesheets, built once and committed as a server's first
# print leaves them: a test that prints in its own transaction would build
# them there, and the server that wkhtmltopdf asks would wait on that
# transaction's locks until it timed out
"$PYTHON" -m odoo shell -c "$CONF" -d "$DB" --no-http --log-level=warn >/dev/null <<'PY'
for name in ("web.report_assets_common", "web.report_assets_pdf"):
    env["ir.qweb"]._get_asset_bundle(name, js=False, autoprefix=True).css()
env.cr.commit()
PY
# two pytest processes (pytest-xdist), each on its own copy of the test
# database: the browser tests in one of them, one group at a time
# (conftest.py); the slowest tests are listed at the end of every run
PROCESSES=${TEST_PROCESSES:-2}
say "Running the test suite ($PROCESSES processes)"
cd "$ROOT"
MAINTENANCE_TEMPLATE_DB="${DB}_base" "$PYTHON" -m pytest --odoo-config="$CONF" --odoo-database="$DB" \
    --odoo-http -n "$PROCESSES" --dist loadgroup --durations=30 "$@"
