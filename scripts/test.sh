#!/usr/bin/env bash
# make test: a fresh database without demo data, the add-ons installed, every test run by pytest-odoo.
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

check_odoo
ensure_postgres
ensure_requirements
ensure_browser

DB=${TEST_DB_NAME:-maintenance_test}
HTTP_PORT=${TEST_HTTP_PORT:-8079} CONF=$(write_config "$DB")
say "Creating a fresh test database '$DB' (French company, no demo data)"
dropdb --if-exists "$DB"
rm -rf "$VAR/data/filestore/$DB"
"$PYTHON" -m odoo db -c "$CONF" init "$DB" --language en_US --country FR
say "Installing $ADDONS"
"$PYTHON" -m odoo -c "$CONF" -d "$DB" -i "$ADDONS" --stop-after-init
say "Running the test suite"
cd "$ROOT"
"$PYTHON" -m pytest --odoo-config="$CONF" --odoo-database="$DB" --odoo-http "$@"
