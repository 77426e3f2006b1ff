#!/usr/bin/env bash
# Backup and restore of one Odoo database and its filestore, taken while the
# database is written to, then restored into a new database and checked.
#
#   bash scripts/backup_restore.sh DB_NAME TARGET_DB [--no-load]
#
# Environment: CONF (default var/DB_NAME.conf: data_dir, db_user),
# BACKUP_DIR (default var/backups), TABLES (main tables to count).
#
# 1. unless --no-load, a write load runs in the background during the dump
#    (an Odoo process creating partners with a PDF-sized attachment each,
#    committed every ~50 ms: rows AND filestore files change while we copy);
# 2. a REPEATABLE READ transaction exports its snapshot and counts the main
#    tables in it; `pg_dump -Fc --snapshot` dumps exactly that snapshot;
# 3. the filestore is archived AFTER the dump, so it holds every file the
#    dump references (filestore files are written once, never changed);
# 4. the dump is restored into TARGET_DB (pg_restore -j 2), the filestore
#    archive into data_dir/filestore/TARGET_DB;
# 5. checks: the restored counts equal the snapshot's counts, every stored
#    attachment of the restored database has its file, and a few PDFs
#    (dossier report, customer report) render from the restored database.
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

DB=${1:?usage: backup_restore.sh DB_NAME TARGET_DB [--no-load]}
TARGET=${2:?usage: backup_restore.sh DB_NAME TARGET_DB [--no-load]}
LOAD=1
[ "${3:-}" = "--no-load" ] && LOAD=0
[ "$DB" != "$TARGET" ] || die "the target database must be a new one"
CONF=${CONF:-$VAR/$DB.conf}
[ -f "$CONF" ] || die "no configuration $CONF (set CONF=...)"
DATA_DIR=$(sed -n 's/^data_dir *= *//p' "$CONF")
DATA_DIR=${DATA_DIR:-$HOME/.local/share/Odoo}
BACKUP_DIR=${BACKUP_DIR:-$VAR/backups}
TABLES=${TABLES:-res_partner contract_contract contract_line maintenance_visit maintenance_intervention maintenance_task maintenance_task_checkin maintenance_meter_reading maintenance_customer_request account_move account_move_line ir_attachment mail_message}
STAMP=$(date -u +%Y%m%dT%H%M%SZ)
DUMP="$BACKUP_DIR/$DB-$STAMP.dump"
FILES="$BACKUP_DIR/$DB-$STAMP.filestore.tar.gz"
WORK=$(mktemp -d)
mkdir -p "$BACKUP_DIR"
now() { date +%s.%N; }
elapsed() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.1f", b - a}'; }
pids=()
cleanup() {
    touch "$WORK/stop"
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
    wait 2>/dev/null || true
    rm -rf "$WORK"
}
trap cleanup EXIT

[ -d "$DATA_DIR/filestore/$DB" ] || die "no filestore $DATA_DIR/filestore/$DB"
if psql -XtAc "SELECT 1 FROM pg_database WHERE datname = '$TARGET'" postgres | grep -q 1; then
    die "database $TARGET already exists: choose a new name (this script never drops one)"
fi

if [ "$LOAD" = 1 ]; then
    say "Starting a write load on $DB (partners + attachments, committed every ~50 ms)"
    "$PYTHON" - "$CONF" "$DB" "$WORK" >"$WORK/load.log" 2>&1 <<'PY' &
import os, sys, time
import odoo
from odoo.tools import config
conf, db, work = sys.argv[1:4]
config.parse_config(["-c", conf, "-d", db])
registry = odoo.modules.registry.Registry(db)
written = 0
open(os.path.join(work, "load.ready"), "w").close()
while not os.path.exists(os.path.join(work, "stop")):
    with registry.cursor() as cr:
        env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {"tracking_disable": True})
        partner = env["res.partner"].create({"name": f"Sauvegarde en charge {written}"})
        env["ir.attachment"].create({
            "name": f"charge-{written}.bin", "raw": os.urandom(20000),
            "res_model": "res.partner", "res_id": partner.id,
        })
        cr.commit()
    written += 1
    time.sleep(0.05)
print(written)
PY
    pids+=($!)
    for _ in $(seq 120); do [ -f "$WORK/load.ready" ] && break; sleep 0.5; done
    [ -f "$WORK/load.ready" ] || die "the write load did not start: $(tail -5 "$WORK/load.log")"
    sleep 2
fi

say "Exporting a snapshot of $DB and counting its main tables in it"
"$PYTHON" - "$DB" "$WORK" "$TABLES" >"$WORK/snapshot.log" 2>&1 <<'PY' &
import os, sys, time
import psycopg2
db, work, tables = sys.argv[1], sys.argv[2], sys.argv[3].split()
conn = psycopg2.connect(dbname=db)
conn.set_session(isolation_level="REPEATABLE READ", readonly=True)
cr = conn.cursor()
cr.execute("SELECT pg_export_snapshot()")
snapshot = cr.fetchone()[0]
with open(os.path.join(work, "counts.before"), "w") as out:
    for table in tables:
        cr.execute(f'SELECT count(*) FROM "{table}"')
        out.write(f"{table} {cr.fetchone()[0]}\n")
with open(os.path.join(work, "snapshot"), "w") as out:
    out.write(snapshot)
while not os.path.exists(os.path.join(work, "dumped")):  # hold the snapshot
    time.sleep(0.1)
conn.rollback()
PY
pids+=($!)
for _ in $(seq 600); do [ -s "$WORK/snapshot" ] && break; sleep 0.1; done
[ -s "$WORK/snapshot" ] || die "no snapshot: $(cat "$WORK/snapshot.log")"

t0=$(now)
pg_dump -Fc --snapshot="$(cat "$WORK/snapshot")" -f "$DUMP" "$DB"
t1=$(now)
touch "$WORK/dumped"
# GNU tar exits 1 when a file appears or changes while it reads the folder: the
# write load's new files, not referenced by the dump's snapshot
tar -C "$DATA_DIR/filestore/$DB" -czf "$FILES" . || [ $? -eq 1 ]
t2=$(now)
if [ "$LOAD" = 1 ]; then
    touch "$WORK/stop"
    wait "${pids[0]}" || true
    echo "write load: $(tail -1 "$WORK/load.log") partners + attachments committed during the run"
fi
echo "dump: $(du -h "$DUMP" | cut -f1) in $(elapsed "$t0" "$t1") s; filestore: $(du -h "$FILES" | cut -f1) in $(elapsed "$t1" "$t2") s"

say "Restoring into $TARGET"
t3=$(now)
createdb "$TARGET"
pg_restore -j 2 --no-owner -d "$TARGET" "$DUMP"
mkdir -p "$DATA_DIR/filestore/$TARGET"
tar -C "$DATA_DIR/filestore/$TARGET" -xzf "$FILES"
t4=$(now)
echo "restore: $(elapsed "$t3" "$t4") s"

say "Checking $TARGET"
sed -e "s/^db_name *=.*/db_name = $TARGET/" -e "s/^dbfilter *=.*/dbfilter = ^$TARGET\$/" "$CONF" >"$WORK/target.conf"
"$PYTHON" - "$WORK/target.conf" "$TARGET" "$WORK/counts.before" "$DATA_DIR" <<'PY'
import os, sys
import odoo
from odoo.tools import config
conf, db, before, data_dir = sys.argv[1:5]
config.parse_config(["-c", conf, "-d", db])
registry = odoo.modules.registry.Registry(db)
failures = 0
with registry.cursor() as cr:
    env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {})
    print(f"{'table':<32} {'snapshot':>9} {'restored':>9}")
    for line in open(before):
        table, count = line.split()
        cr.execute(f'SELECT count(*) FROM "{table}"')
        restored = cr.fetchone()[0]
        failures += restored != int(count)
        print(f"{table:<32} {count:>9} {restored:>9}{'' if restored == int(count) else '  MISMATCH'}")
    cr.execute("SELECT store_fname FROM ir_attachment WHERE store_fname IS NOT NULL")
    names = [row[0] for row in cr.fetchall()]
    root = os.path.join(data_dir, "filestore", db)
    missing = [name for name in names if not os.path.isfile(os.path.join(root, name))]
    failures += bool(missing)
    print(f"stored attachments: {len(names)}, files missing in the restored filestore: {len(missing)}")
    Report = env["ir.actions.report"]
    for xmlid, model in (
        ("maintenance_planning.maintenance_task_report_action", "maintenance.task"),
        ("maintenance_reporting.maintenance_customer_pack_report_action", "maintenance.customer.pack"),
    ):
        records = env[model].search([], limit=2, order="id desc")
        if not records:
            print(f"{xmlid}: no {model} to render in this database")
            continue
        pdf, kind = Report._render_qweb_pdf(xmlid, records.ids)
        ok = kind == "pdf" and pdf.startswith(b"%PDF-") and b"%%EOF" in pdf[-1024:]
        failures += not ok
        print(f"{xmlid}: {len(records)} record(s), {len(pdf)} bytes, valid PDF: {ok}")
    # PDFs kept as attachments (signed reports, certificates) open from the restored filestore
    pdfs = env["ir.attachment"].search([("mimetype", "=", "application/pdf"), ("store_fname", "!=", False)], limit=5)
    bad = [a.name for a in pdfs if not (a.raw or b"").startswith(b"%PDF-")]
    failures += bool(bad)
    print(f"stored PDF attachments read back: {len(pdfs)}, unreadable: {len(bad)}")
sys.exit(1 if failures else 0)
PY
t5=$(now)
echo "check: $(elapsed "$t4" "$t5") s"
say "Backup of $DB restored as $TARGET and checked: dump $(elapsed "$t0" "$t1") s, filestore $(elapsed "$t1" "$t2") s, restore $(elapsed "$t3" "$t4") s, check $(elapsed "$t4" "$t5") s"
echo "files: $DUMP $FILES"
