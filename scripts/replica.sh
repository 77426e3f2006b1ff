#!/usr/bin/env bash
# A PostgreSQL hot standby of the main cluster on this machine, for Odoo's
# read-only traffic (db_replica_host / db_replica_port).
#
#   scripts/replica.sh start    create (once) and start the standby
#   scripts/replica.sh status   the standby, its replication and its lag
#   scripts/replica.sh measure  Odoo with workers on the primary + standby,
#                               read and write traffic, who served what
#   scripts/replica.sh stop     stop the standby (its slot keeps the WAL it needs)
#   scripts/replica.sh remove   undo everything this script did on the primary
#                               and delete the standby
#
# What it changes on the PRIMARY cluster (all undone by `remove`):
#   - a role REPLICA_ROLE (LOGIN REPLICATION, random password kept in
#     var/replica/replicator.pass, mode 600);
#   - a physical replication slot REPLICA_SLOT (WAL is kept for the standby
#     while it is stopped: `remove` drops it);
#   - a pg_hba.conf line "host replication REPLICA_ROLE 127.0.0.1/32
#     scram-sha-256" ONLY if no line lets it in already (Debian's default
#     pg_hba has "host replication all 127.0.0.1/32 scram-sha-256"), followed
#     by a reload, never a restart;
#   - `measure` creates the extension pg_stat_statements in the measured
#     database (the standby can only read the view if the primary's catalog
#     has it; the primary does not load the library and is not restarted).
# wal_level=replica and max_wal_senders=10 are PostgreSQL 15's defaults: the
# primary is not restarted.
#
# The standby is Debian's way: `pg_createcluster PGVER replica -p PORT -d
# var/replica/data`, its data directory replaced by `pg_basebackup -R -S slot`,
# hot_standby=on and pg_stat_statements in its shared_preload_libraries
# (/etc/postgresql/PGVER/replica/postgresql.conf).
#
# Environment: REPLICA_PORT (5434), REPLICA_CLUSTER (replica), REPLICA_DB
# (the database measured, default the one of TEST_DB_NAME or h16r),
# MEASURE_PORT (Odoo's HTTP port for `measure`, 8134), MEASURE_WORKERS (2).
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

PGVER=${PGVER:-$(pg_lsclusters -h | awk '$2=="main" {print $1; exit}')}
PRIMARY_PORT=${PRIMARY_PORT:-5432}
REPLICA_PORT=${REPLICA_PORT:-5434}
REPLICA_CLUSTER=${REPLICA_CLUSTER:-replica}
REPLICA_DIR="$VAR/replica"
REPLICA_DATA="$REPLICA_DIR/data"
REPLICA_ROLE=${REPLICA_ROLE:-odoo_replicator}
REPLICA_SLOT=${REPLICA_SLOT:-odoo_standby_${REPLICA_PORT}}
PASSFILE="$REPLICA_DIR/replicator.pass"
HBA_MARK="# added by maintenance scripts/replica.sh"
REPLICA_DB=${REPLICA_DB:-${TEST_DB_NAME:-h16r}}
MEASURE_PORT=${MEASURE_PORT:-8134}
MEASURE_WORKERS=${MEASURE_WORKERS:-2}

primary_sql() { as_postgres "psql -p $PRIMARY_PORT -d postgres -v ON_ERROR_STOP=1 -tAc \"$1\""; }
replica_sql() { psql -h /var/run/postgresql -p "$REPLICA_PORT" -d "${2:-postgres}" -v ON_ERROR_STOP=1 -tAc "$1"; }
cluster_exists() { pg_lsclusters -h | awk -v v="$PGVER" -v c="$REPLICA_CLUSTER" '$1==v && $2==c {f=1} END {exit !f}'; }
cluster_online() { pg_lsclusters -h | awk -v v="$PGVER" -v c="$REPLICA_CLUSTER" '$1==v && $2==c && $4 ~ /online/ {f=1} END {exit !f}'; }

ensure_primary() {
    pg_isready -q -p "$PRIMARY_PORT" || die "the primary PostgreSQL (port $PRIMARY_PORT) is not running."
    local wal_level
    wal_level=$(primary_sql "SHOW wal_level")
    [ "$wal_level" != minimal ] || die "the primary has wal_level=minimal: set wal_level=replica and restart it (not done here)."
    mkdir -p "$REPLICA_DIR"
    chmod 755 "$REPLICA_DIR"
    if [ ! -s "$PASSFILE" ]; then
        (umask 077 && head -c 24 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' > "$PASSFILE")
    fi
    local password
    password=$(cat "$PASSFILE")
    if [ "$(primary_sql "SELECT 1 FROM pg_roles WHERE rolname = '$REPLICA_ROLE'")" != 1 ]; then
        say "Primary: creating the replication role $REPLICA_ROLE"
        primary_sql "CREATE ROLE $REPLICA_ROLE LOGIN REPLICATION PASSWORD '$password'"
    else
        primary_sql "ALTER ROLE $REPLICA_ROLE LOGIN REPLICATION PASSWORD '$password'" >/dev/null
    fi
    local hba
    hba=$(primary_sql "SHOW hba_file")
    # does a loopback line already let the role in for replication?
    if ! primary_sql "SELECT 1 FROM pg_hba_file_rules WHERE type = 'host' AND 'replication' = ANY(database)
            AND ('all' = ANY(user_name) OR '$REPLICA_ROLE' = ANY(user_name))
            AND address = '127.0.0.1' AND auth_method IN ('scram-sha-256', 'md5') LIMIT 1" | grep -q 1; then
        say "Primary: adding a loopback replication line to $hba (then reload)"
        as_postgres "printf '%s\n%s\n' '$HBA_MARK' 'host replication $REPLICA_ROLE 127.0.0.1/32 scram-sha-256' >> '$hba'"
        primary_sql "SELECT pg_reload_conf()" >/dev/null
    fi
    if [ "$(primary_sql "SELECT 1 FROM pg_replication_slots WHERE slot_name = '$REPLICA_SLOT'")" != 1 ]; then
        say "Primary: creating the physical replication slot $REPLICA_SLOT"
        primary_sql "SELECT pg_create_physical_replication_slot('$REPLICA_SLOT')" >/dev/null
    fi
}

create_standby() {
    if cluster_exists && [ -f "$REPLICA_DATA/standby.signal" ]; then
        return
    fi
    if cluster_exists; then
        as_root pg_dropcluster --stop "$PGVER" "$REPLICA_CLUSTER"
    fi
    say "Creating the cluster $PGVER/$REPLICA_CLUSTER on port $REPLICA_PORT (data in $REPLICA_DATA)"
    as_root rm -rf "$REPLICA_DATA"
    as_root pg_createcluster "$PGVER" "$REPLICA_CLUSTER" -p "$REPLICA_PORT" -d "$REPLICA_DATA" >/dev/null
    local primary_max
    primary_max=$(primary_sql "SELECT string_agg(name || '=' || setting, ' ') FROM pg_settings WHERE name IN
        ('max_connections', 'max_worker_processes', 'max_wal_senders', 'max_prepared_transactions', 'max_locks_per_transaction')")
    local setting
    for setting in $primary_max; do
        # a hot standby needs at least the primary's values of these
        as_root pg_conftool "$PGVER" "$REPLICA_CLUSTER" set "${setting%%=*}" "${setting#*=}"
    done
    as_root pg_conftool "$PGVER" "$REPLICA_CLUSTER" set hot_standby on
    as_root pg_conftool "$PGVER" "$REPLICA_CLUSTER" set shared_preload_libraries pg_stat_statements
    as_root pg_conftool "$PGVER" "$REPLICA_CLUSTER" set pg_stat_statements.track all
    as_root pg_conftool "$PGVER" "$REPLICA_CLUSTER" set listen_addresses localhost
    say "pg_basebackup of the primary into $REPLICA_DATA (slot $REPLICA_SLOT, -R: standby.signal + primary_conninfo)"
    as_root rm -rf "$REPLICA_DATA"
    as_root install -d -o postgres -g postgres -m 700 "$REPLICA_DATA"
    as_postgres "PGPASSWORD='$(cat "$PASSFILE")' pg_basebackup -h 127.0.0.1 -p $PRIMARY_PORT -U $REPLICA_ROLE \
        -D '$REPLICA_DATA' -R -S $REPLICA_SLOT -X stream -c fast"
    [ -f "$REPLICA_DATA/standby.signal" ] || die "pg_basebackup did not write standby.signal."
}

cmd_start() {
    ensure_primary
    create_standby
    if ! cluster_online; then
        say "Starting the standby $PGVER/$REPLICA_CLUSTER"
        # a fresh copy of a large cluster is fsynced first: give it time
        as_root pg_ctlcluster "$PGVER" "$REPLICA_CLUSTER" start -- -t 600
    fi
    for _ in $(seq 30); do pg_isready -q -h /var/run/postgresql -p "$REPLICA_PORT" && break; sleep 1; done
    pg_isready -q -h /var/run/postgresql -p "$REPLICA_PORT" || die "the standby did not start: see /var/log/postgresql/postgresql-$PGVER-$REPLICA_CLUSTER.log"
    cmd_status
}

cmd_status() {
    if ! cluster_exists; then
        echo "No standby cluster $PGVER/$REPLICA_CLUSTER."
        return
    fi
    pg_lsclusters | awk -v c="$REPLICA_CLUSTER" 'NR==1 || $2==c'
    if cluster_online; then
        echo "standby: in recovery = $(replica_sql "SELECT pg_is_in_recovery()"), hot_standby = $(replica_sql "SHOW hot_standby"), shared_preload_libraries = $(replica_sql "SHOW shared_preload_libraries")"
        echo "standby: last transaction replayed $(replica_sql "SELECT COALESCE(date_trunc('second', now() - pg_last_xact_replay_timestamp())::text, 'never')") ago (an idle primary sends none)"
    fi
    echo "primary: pg_stat_replication"
    primary_sql "SELECT application_name, client_addr, state, sync_state,
        pg_wal_lsn_diff(pg_current_wal_lsn(), replay_lsn) AS replay_lag_bytes FROM pg_stat_replication" | sed 's/^/  /'
    echo "primary: slot $(primary_sql "SELECT slot_name || ' active=' || active FROM pg_replication_slots WHERE slot_name = '$REPLICA_SLOT'")"
}

cmd_stop() {
    if cluster_online; then
        as_root pg_ctlcluster "$PGVER" "$REPLICA_CLUSTER" stop
        echo "Standby stopped. Its slot $REPLICA_SLOT keeps the primary's WAL until it restarts: 'scripts/replica.sh remove' drops it."
    else
        echo "The standby is not running."
    fi
}

cmd_remove() {
    if cluster_exists; then
        say "Dropping the standby cluster $PGVER/$REPLICA_CLUSTER"
        as_root pg_dropcluster --stop "$PGVER" "$REPLICA_CLUSTER"
    fi
    as_root rm -rf "$REPLICA_DATA"
    if [ "$(primary_sql "SELECT 1 FROM pg_replication_slots WHERE slot_name = '$REPLICA_SLOT'")" = 1 ]; then
        primary_sql "SELECT pg_drop_replication_slot('$REPLICA_SLOT')" >/dev/null
        echo "Primary: slot $REPLICA_SLOT dropped."
    fi
    if [ "$(primary_sql "SELECT 1 FROM pg_roles WHERE rolname = '$REPLICA_ROLE'")" = 1 ]; then
        primary_sql "DROP ROLE $REPLICA_ROLE" >/dev/null
        echo "Primary: role $REPLICA_ROLE dropped."
    fi
    local hba
    hba=$(primary_sql "SHOW hba_file")
    if as_postgres "grep -qF '$HBA_MARK' '$hba'"; then
        as_postgres "sed -i '/^$HBA_MARK\$/,+1d' '$hba'"
        primary_sql "SELECT pg_reload_conf()" >/dev/null
        echo "Primary: our pg_hba.conf line removed (reloaded)."
    fi
    rm -f "$PASSFILE"
}

cmd_measure() {
    db_exists "$REPLICA_DB" || die "no database $REPLICA_DB: run 'TEST_DB_NAME=$REPLICA_DB bash scripts/test.sh tests/test_access_matrix.py' and data/demo.py first."
    local conf="$VAR/$REPLICA_DB.conf"
    [ -f "$conf" ] || die "no $conf"
    [ "$(psql -d "$REPLICA_DB" -tAc "SELECT count(*) FROM res_users WHERE login IN ('sophie', 'julien', 'horizon')")" = 3 ] \
        || die "the demo users are missing: python3 data/demo.py -c $conf -d $REPLICA_DB"
    cmd_start >/dev/null
    # the view is created on the primary (catalog only), the standby reads it
    psql -d "$REPLICA_DB" -v ON_ERROR_STOP=1 -qc "CREATE EXTENSION IF NOT EXISTS pg_stat_statements" >/dev/null
    for _ in $(seq 30); do
        [ "$(replica_sql "SELECT 1 FROM pg_extension WHERE extname = 'pg_stat_statements'" "$REPLICA_DB")" = 1 ] && break
        sleep 1
    done
    "$PYTHON" "$ROOT/tests/perf/replica_share.py" -c "$conf" -d "$REPLICA_DB" \
        --http-port "$MEASURE_PORT" --workers "$MEASURE_WORKERS" --replica-port "$REPLICA_PORT"
}

case "${1:-}" in
    start) cmd_start ;;
    status) cmd_status ;;
    stop) cmd_stop ;;
    remove) cmd_remove ;;
    measure) cmd_measure ;;
    *) die "usage: scripts/replica.sh start|status|measure|stop|remove" ;;
esac
