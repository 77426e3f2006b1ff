#!/usr/bin/env bash
# Load of issue 16 on Locust, against a RUNNING server (make run, make serve-prod,
# or python3 -m odoo ... --workers=N): 50 technicians, 10 office users,
# 5 sensor gateways, 20 portal customers (tests/perf/locustfile.py).
#
#   tests/perf/load.sh --url http://127.0.0.1:8080 -d maintenance [--run-time 5m]
#       [--spawn-rate 20] [--label nginx-4-workers] [-- <more locust options>]
#
# Locust lives in its own virtualenv, var/locust-venv, made here from
# tests/perf/requirements-load.txt: never in requirements.txt (it would upgrade
# the Werkzeug and gevent that Odoo pins). Reports: var/load/<label>_*.csv and
# var/load/<label>.html. Bounded: 85 users at most by default, 10 minutes at most.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
VENV="$ROOT/var/locust-venv"
REQS="$ROOT/tests/perf/requirements-load.txt"
URL=http://127.0.0.1:8080
DB=${DB_NAME:-maintenance}
RUN_TIME=5m
SPAWN_RATE=20
LABEL=""
while [ $# -gt 0 ]; do
    case "$1" in
        --url) URL=$2; shift 2 ;;
        -d|--database) DB=$2; shift 2 ;;
        --run-time) RUN_TIME=$2; shift 2 ;;
        --spawn-rate) SPAWN_RATE=$2; shift 2 ;;
        --label) LABEL=$2; shift 2 ;;
        --) shift; break ;;
        *) echo "unknown option $1 (see the head of $0)" >&2; exit 2 ;;
    esac
done
case "$URL" in
    http://127.*|http://localhost*|http://\[::1\]*) ;;
    *) echo "--url must be a loopback address" >&2; exit 2 ;;
esac
seconds=$(python3 -c "import re,sys; m=re.fullmatch(r'(\d+)([smh]?)', sys.argv[1]); print(int(m[1])*{'':1,'s':1,'m':60,'h':3600}[m[2]] if m else -1)" "$RUN_TIME")
if [ "$seconds" -lt 1 ] || [ "$seconds" -gt 600 ]; then
    echo "--run-time must be between 1s and 10m" >&2; exit 2
fi
stamp="$VENV/.requirements.sha256"
sum=$(sha256sum "$REQS" | cut -d' ' -f1)
if [ ! -x "$VENV/bin/locust" ] || [ "$(cat "$stamp" 2>/dev/null)" != "$sum" ]; then
    echo "==> Installing Locust into $VENV"
    python3 -m venv "$VENV"
    "$VENV/bin/pip" install -q --disable-pip-version-check -r "$REQS"
    echo "$sum" > "$stamp"
fi
LABEL=${LABEL:-$DB-$(date -u +%H%M%S)}
mkdir -p "$ROOT/var/load"
users=$(( ${LOAD_TECHNICIANS:-50} + ${LOAD_OFFICE:-10} + ${LOAD_SENSORS:-5} + ${LOAD_PORTAL:-20} ))
LOAD_DB=$DB LOAD_SESSIONS_FILE="$ROOT/var/load/sessions-$DB.json" exec "$VENV/bin/locust" -f "$ROOT/tests/perf/locustfile.py" --headless \
    --host "$URL" --users "$users" --spawn-rate "$SPAWN_RATE" --run-time "$RUN_TIME" \
    --stop-timeout 30 --only-summary --load-label "$LABEL" \
    --csv "$ROOT/var/load/$LABEL" --html "$ROOT/var/load/$LABEL.html" "$@"
