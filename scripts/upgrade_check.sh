#!/usr/bin/env bash
# Copyright 2026 Seed maintainers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
#
# A company's database survives the next release: builds the demo database
# with the add-ons as they were at <git ref>, upgrades it to the working tree
# the way `make setup` does (-u those installed, then -i the rest), then checks
#   - every row and every value of our models' tables is kept
#     (scripts/upgrade_snapshot.py, before and after);
#   - the demo generator of the working tree runs on it (idempotent: it adds
#     what the new release brings, duplicates nothing);
#   - each role's rights behave on it as on a fresh install
#     (tests/test_access_behaviour_*.py, tests/test_access_matrix.py). The
#     browser journeys are not run here: they type English numbers and dates
#     (the test database is en_US), the demo database is French.
#
#     bash scripts/upgrade_check.sh <git ref>      e.g. HEAD~1, a tag
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

REF=${1:?usage: scripts/upgrade_check.sh <git ref>}
check_odoo
ensure_postgres
ensure_requirements

DB=${UPGRADE_DB_NAME:-maintenance_upgrade}
COMMIT=$(git -C "$ROOT" rev-parse --verify "$REF^{commit}") || die "'$REF' is not a commit of this repository."
OLD="$VAR/upgrade-${COMMIT:0:12}"
rm -rf "$OLD"
mkdir -p "$OLD"
git -C "$ROOT" archive "$COMMIT" | tar -x -C "$OLD"
OLD_ADDONS=$(sed -n 's/^ADDONS="\(.*\)"$/\1/p' "$OLD/scripts/common.sh")
[ -n "$OLD_ADDONS" ] || die "No ADDONS list in $REF's scripts/common.sh."

conf_for() {
    local tree=$1 file=$2
    cat >"$file" <<CONF
[options]
addons_path = $tree
data_dir = $VAR/data
db_name = $DB
db_user = $DB_USER
dbfilter = ^$DB\$
list_db = False
http_interface = 127.0.0.1
log_level = warn
CONF
    echo "$file"
}
OLD_CONF=$(conf_for "$OLD" "$VAR/upgrade-old.conf")
NEW_CONF=$(conf_for "$ROOT" "$VAR/upgrade-new.conf")

say "Building '$DB' with the add-ons at ${COMMIT:0:12} and its demo company"
dropdb --if-exists --force "$DB"
rm -rf "$VAR/data/filestore/$DB"
"$PYTHON" -m odoo db -c "$OLD_CONF" init "$DB" --language fr_FR --country FR \
    --username admin --password admin
"$PYTHON" -m odoo -c "$OLD_CONF" -d "$DB" -i "$OLD_ADDONS" --stop-after-init
with_report_server "$DB" "$OLD_CONF" "$PYTHON" "$OLD/data/demo.py" -c "$OLD_CONF" -d "$DB"
"$PYTHON" "$ROOT/scripts/upgrade_snapshot.py" -d "$DB" >"$VAR/upgrade-before.json"

say "Upgrading '$DB' to the working tree (-u $OLD_ADDONS, then -i $ADDONS)"
start=$(date +%s)
{
    "$PYTHON" -m odoo -c "$NEW_CONF" -d "$DB" -u "$OLD_ADDONS" --stop-after-init
    "$PYTHON" -m odoo -c "$NEW_CONF" -d "$DB" -i "$ADDONS" --stop-after-init
} 2>&1 | tee "$VAR/upgrade.log"
grep -q " ERROR \| CRITICAL " "$VAR/upgrade.log" && die "The upgrade logged errors: see $VAR/upgrade.log."
echo "Upgrade: $(($(date +%s) - start)) s"
[ "$(addons_state "$DB")" = "$ADDON_COUNT" ] || die "Not every add-on is installed after the upgrade."

say "Comparing every table of our models before and after"
"$PYTHON" "$ROOT/scripts/upgrade_snapshot.py" -d "$DB" --compare "$VAR/upgrade-before.json" \
    || die "The upgrade lost data (above)."

say "Running the working tree's demo generator on the upgraded database"
with_report_server "$DB" "$NEW_CONF" "$PYTHON" "$ROOT/data/demo.py" -c "$NEW_CONF" -d "$DB"
"$PYTHON" "$ROOT/scripts/upgrade_snapshot.py" -d "$DB" --compare "$VAR/upgrade-before.json" \
    || die "The demo generator lost data of the upgraded database (above)."

say "Each role's rights on the upgraded database"
"$PYTHON" -m pytest --odoo-config="$NEW_CONF" --odoo-database="$DB" --odoo-http -q -p no:xdist \
    "$ROOT"/tests/test_access_behaviour_*.py "$ROOT/tests/test_access_matrix.py"
say "Upgrade from ${COMMIT:0:12} checked: nothing lost, the demo generator and the rights run on it."
