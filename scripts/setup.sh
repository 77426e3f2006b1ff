#!/usr/bin/env bash
# make setup: PostgreSQL, Python requirements, browser, and the demo database.
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

check_odoo
ensure_postgres
ensure_requirements
ensure_debian_commands

DB=${DB_NAME:-maintenance}
CONF=$(write_config "$DB")
CODE_HASH=$(addons_code_hash)
# the PDF reports fetch their CSS from make run's server (report.url)
RUN_PORT=${HTTP_PORT:-8069}
if db_exists "$DB" && [ "$(db_files_missing "$DB")" != 0 ]; then
    # built by another clone of the project: its PDFs and documents are files
    # in that clone's var/, which this one cannot serve; it is built again
    say "Database '$DB' keeps its files in another checkout's var/: dropping it to build it here"
    dropdb --force "$DB"
fi
if db_exists "$DB" && [ "$(addons_state "$DB")" = "$ADDON_COUNT" ] && [ "$(demo_loaded "$DB")" = 1 ] \
    && [ "$(db_code_hash "$DB")" = "$CODE_HASH" ]; then
    set_report_url "$DB" "$RUN_PORT"
    echo "Database '$DB' already has our $ADDON_COUNT add-ons, up to date, and the demo data: nothing to do."
    exit 0
fi
if ! db_exists "$DB"; then
    # no Odoo demo data: its demo companies and invoices are not ours, and it
    # would give the main company a generic chart of accounts in dollars;
    # data/demo.py loads our French demo company instead
    say "Creating database '$DB' (French company, chart of accounts and euro)"
    "$PYTHON" -m odoo db -c "$CONF" init "$DB" --language fr_FR --country FR \
        --username admin --password admin
fi
if [ "$(addons_state "$DB")" != "$ADDON_COUNT" ]; then
    installed=$(installed_addons "$DB")
    if [ -n "$installed" ]; then
        # a database made by an older clone: its add-ons are updated first
        # (their migration scripts hand what moved to the new add-ons, updated
        # with them: maintenance_contracts/upgrade.py), then the rest installed
        say "Updating $installed in '$DB' (an earlier release)"
        "$PYTHON" -m odoo -c "$CONF" -d "$DB" -u "$installed" --stop-after-init
    fi
    if [ "$(addons_state "$DB")" != "$ADDON_COUNT" ]; then
        say "Installing $ADDONS into '$DB'"
        "$PYTHON" -m odoo -c "$CONF" -d "$DB" -i "$ADDONS" --stop-after-init
    fi
elif [ "$(db_code_hash "$DB")" != "$CODE_HASH" ]; then
    # the add-ons' code changed since this database was last updated (a pull):
    # their models, views, rules and translations are applied
    say "Updating $ADDONS in '$DB' (their code changed)"
    "$PYTHON" -m odoo -c "$CONF" -d "$DB" -u "$ADDONS" --stop-after-init
fi
set_db_code_hash "$DB" "$CODE_HASH"
say "Loading the demo company (data/demo.py)"
# its intervention reports and certificates are PDFs, styled by CSS that
# wkhtmltopdf fetches from a running server: one is started for the load
with_report_server "$DB" "$CONF" "$PYTHON" "$ROOT/data/demo.py" -c "$CONF" -d "$DB"
set_report_url "$DB" "$RUN_PORT"
pending=$(psql -d "$DB" -tAc "SELECT count(*) FROM maintenance_task WHERE report_pending")
[ "$pending" = 0 ] || die "$pending intervention reports of the demo were not rendered: see $VAR/report-server.log."
# every stored PDF as customers get it: a text layer, the printed ones styled (Lato)
"$PYTHON" "$ROOT/scripts/check_demo_pdfs.py" -c "$CONF" -d "$DB" \
    || die "Some PDFs of the demo are broken (above): see $VAR/report-server.log."
echo "Database '$DB' is ready: make run, then http://127.0.0.1:8069 (admin / admin)."
