#!/usr/bin/env bash
# Shared helpers for the project's commands (make setup / run / test / lint).
# Every helper is idempotent: it checks before it changes anything.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
PYTHON=${PYTHON:-python3}
VAR="$ROOT/var"
ADDONS="maintenance_contracts,maintenance_price_revision,maintenance_planning,maintenance_meter,maintenance_meter_sensor,maintenance_request,maintenance_downtime,maintenance_regulatory,maintenance_offline,maintenance_billing,maintenance_sale,maintenance_credit_control,maintenance_reporting"
DB_USER=${PGUSER:-$(id -un)}
mkdir -p "$VAR"

say() { printf '\033[1m==> %s  (%s)\033[0m\n' "$*" "$(date +%T)"; }
die() { printf 'ERROR: %s\n' "$*" >&2; exit 1; }

as_root() {
    if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi
}

as_postgres() {
    if [ "$(id -u)" = 0 ]; then su postgres -c "$*"; else sudo -u postgres sh -c "$*"; fi
}

# Odoo 19.0 must be importable by the Python we use: stop at once otherwise.
check_odoo() {
    if ! "$PYTHON" -c 'import odoo.release as r, sys; sys.exit(r.version_info[0] != 19)' >/dev/null 2>&1; then
        die "Odoo 19.0 is not importable by '$PYTHON': install Odoo 19.0 Community from source into this Python first, as README.md ('Prerequisites') explains."
    fi
}

# A PostgreSQL server answering on the local socket, and a role for us.
ensure_postgres() {
    if ! command -v pg_lsclusters >/dev/null 2>&1; then
        say "Installing Debian's PostgreSQL"
        as_root apt-get update -q
        DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -q postgresql
    fi
    if ! pg_isready -q 2>/dev/null; then
        local cluster
        cluster=$(pg_lsclusters -h | awk 'NR==1 {print $1" "$2}')
        if [ -z "$cluster" ]; then
            local version
            version=$(ls /usr/lib/postgresql | sort -n | tail -1)
            as_root pg_createcluster "$version" main
            cluster="$version main"
        fi
        say "Starting PostgreSQL $cluster"
        # shellcheck disable=SC2086
        as_root pg_ctlcluster $cluster start
        for _ in $(seq 30); do pg_isready -q && break; sleep 1; done
        pg_isready -q || die "PostgreSQL did not start: see /var/log/postgresql/."
    fi
    if [ "$(as_postgres "psql -tAc \"SELECT 1 FROM pg_roles WHERE rolname='$DB_USER'\"")" != 1 ]; then
        say "Creating PostgreSQL role $DB_USER"
        as_postgres "createuser --superuser '$DB_USER'"
    fi
}

# Our Python requirements, installed into the same Python as Odoo.
ensure_requirements() {
    local stamp="$VAR/requirements.sha256" sum
    sum=$(sha256sum "$ROOT/requirements.txt" | cut -d' ' -f1)
    if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$sum" ] && "$PYTHON" -c 'import importlib.metadata as m; [m.version(p) for p in ("odoo-addon-contract", "phonenumbers", "pytest-odoo", "pytest-xdist", "pre-commit")]' >/dev/null 2>&1; then
        echo "Python requirements already installed."
        return
    fi
    say "Installing requirements.txt into $PYTHON"
    "$PYTHON" -m pip install -q --disable-pip-version-check --root-user-action=ignore -r "$ROOT/requirements.txt"
    echo "$sum" > "$stamp"
}

# Every external command that the add-ons, the tests and the scripts call,
# with the Debian package that provides it ("command:package").
# tests/test_ci_guards.py fails when the code calls a command missing here,
# or when a command listed here is not on the machine after `make setup`.
DEBIAN_COMMANDS="
chromium:chromium
wkhtmltopdf:wkhtmltopdf
pdftotext:poppler-utils
pdffonts:poppler-utils
pdftoppm:poppler-utils
nginx:nginx-light
"

# Debian packages that provide no command, installed in the same apt-get run:
# fonts-lato is the font of the PDF reports, embedded as text (a web font is
# drawn as outlines by Debian's wkhtmltopdf: no text in the PDF)
DEBIAN_PACKAGES="
fonts-lato
"

# the packages of the commands of DEBIAN_COMMANDS that are missing, and those
# of DEBIAN_PACKAGES, installed in one apt-get run (browser tours, PDF reports
# and their checks, their font, serve-prod)
ensure_debian_commands() {
    local entry command package missing=()
    for entry in $DEBIAN_COMMANDS; do
        command=${entry%%:*}
        package=${entry#*:}
        if ! command -v "$command" >/dev/null 2>&1 && [ ! -x "/usr/sbin/$command" ]; then
            case " ${missing[*]} " in *" $package "*) ;; *) missing+=("$package") ;; esac
        fi
    done
    for package in $DEBIAN_PACKAGES; do
        if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "ok installed"; then
            missing+=("$package")
        fi
    done
    if [ ${#missing[@]} -eq 0 ]; then
        echo "chromium, wkhtmltopdf, poppler-utils, nginx and fonts-lato already installed."
        return
    fi
    say "Installing ${missing[*]} from Debian"
    as_root apt-get update -q
    DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -q "${missing[@]}"
}

# Odoo configuration for a database: addons path = this repository.
write_config() {
    local db=$1 conf="$VAR/$1.conf"
    cat > "$conf" <<CONF
[options]
addons_path = $ROOT
data_dir = $VAR/data
db_name = $db
db_user = $DB_USER
dbfilter = ^$db\$
http_interface = 127.0.0.1
http_port = ${HTTP_PORT:-8069}
list_db = False
log_level = warn
CONF
    echo "$conf"
}

# a copy of database $1 as $2, with its filestore (attachments are files)
copy_db() {
    createdb -T "$1" "$2"
    if [ -d "$VAR/data/filestore/$1" ]; then
        rm -rf "$VAR/data/filestore/$2"
        cp -a "$VAR/data/filestore/$1" "$VAR/data/filestore/$2"
    fi
}

db_exists() {
    [ "$(psql -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname='$1'")" = 1 ]
}

# how many of database $1's stored files are not in this checkout's filestore
# (a database built by another clone keeps its files in that clone's var/)
db_files_missing() {
    local missing=0 name
    while read -r name; do
        [ -z "$name" ] || [ -f "$VAR/data/filestore/$1/$name" ] || missing=$((missing + 1))
    done < <(psql -d "$1" -tAc "SELECT store_fname FROM ir_attachment WHERE store_fname IS NOT NULL" 2>/dev/null)
    echo "$missing"
}

ADDON_COUNT=$(echo "$ADDONS" | tr ',' '\n' | wc -l)

# how many of our add-ons are installed in database $1 (all: $ADDON_COUNT)
addons_state() {
    local names
    names=$(echo "$ADDONS" | sed "s/,/','/g")
    psql -d "$1" -tAc "SELECT count(*) FROM ir_module_module WHERE state='installed' AND name IN ('$names')" 2>/dev/null || echo 0
}

# our add-ons already installed in database $1, comma-separated
installed_addons() {
    local names
    names=$(echo "$ADDONS" | sed "s/,/','/g")
    psql -d "$1" -tAc "SELECT string_agg(name, ',' ORDER BY name) FROM ir_module_module WHERE state='installed' AND name IN ('$names')" 2>/dev/null || true
}

# fingerprint of the add-ons' code that an update (-u) applies: models,
# data, views, rules and translations (assets are rebuilt by Odoo itself)
addons_code_hash() {
    (cd "$ROOT" && find $(echo "$ADDONS" | tr ',' ' ') -type f \
        \( -name '*.py' -o -name '*.xml' -o -name '*.csv' -o -name '*.po' \) -print0 \
        | sort -z | xargs -0 sha256sum | sha256sum | cut -c1-64)
}

# the fingerprint of the code database $1 was last installed or updated with
db_code_hash() {
    psql -d "$1" -tAc "SELECT value FROM ir_config_parameter WHERE key='maintenance.addons_code_hash'" 2>/dev/null || true
}

# system parameter $2 of database $1 set to $3
set_param() {
    psql -q -d "$1" -c "INSERT INTO ir_config_parameter (key, value, create_date, write_date) VALUES ('$2', '$3', now() at time zone 'UTC', now() at time zone 'UTC') ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value, write_date = EXCLUDED.write_date"
}

set_db_code_hash() {
    set_param "$1" maintenance.addons_code_hash "$2"
}

# The address wkhtmltopdf fetches a PDF report's CSS from (Odoo's report.url)
# for database $1: the Odoo server itself, on the loopback port $2, whatever
# address the users open (web.base.url, a proxy, another port). A PDF whose
# CSS does not load is refused (maintenance_contracts/report_pdf.py).
set_report_url() {
    set_param "$1" report.url "http://127.0.0.1:$2"
}

# Run "$@" while an Odoo server of database $1 (config $2) answers on a free
# loopback port that report.url points to: data/demo.py renders PDF reports,
# whose CSS wkhtmltopdf fetches over HTTP. The server runs no scheduled job.
with_report_server() {
    local db=$1 conf=$2 port pid status=0
    shift 2
    port=$("$PYTHON" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
    "$PYTHON" -m odoo -c "$conf" -d "$db" --http-port "$port" --max-cron-threads=0 \
        --log-level=warn >"$VAR/report-server.log" 2>&1 &
    pid=$!
    for _ in $(seq 120); do
        "$PYTHON" -c "import urllib.request; urllib.request.urlopen('http://127.0.0.1:$port/web/health', timeout=2)" \
            2>/dev/null && break
        kill -0 "$pid" 2>/dev/null || break
        sleep 1
    done
    if ! kill -0 "$pid" 2>/dev/null; then
        die "The Odoo server that styles the PDF reports did not start: see $VAR/report-server.log."
    fi
    set_report_url "$db" "$port"
    "$@" || status=$?
    kill -TERM "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
    return $status
}

# "1" when the demo company of data/demo.py is loaded in database $1
demo_loaded() {
    psql -d "$1" -tAc "SELECT count(*) FROM ir_model_data WHERE module='maintenance_demo' AND name='demo_complete'" 2>/dev/null || echo 0
}
