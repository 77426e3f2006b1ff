#!/usr/bin/env bash
# make serve-prod: the same database as `make run`, served as in production:
# Odoo's prefork workers, two cron threads, proxy mode and Odoo's documented
# limits, behind Debian's nginx with Odoo's documented settings (docs/DEPLOYMENT.md).
#
#   DB_NAME      database (default: maintenance, as make run)
#   WORKERS      HTTP worker processes (default 4)
#   HTTP_PORT    Odoo's HTTP port, loopback only (default 8069)
#   GEVENT_PORT  Odoo's websocket (gevent) port, loopback only (default 8072)
#   PROXY_PORT   nginx's port: the address users open (default 8080)
#   CRON_THREADS cron workers (default 2)
#   LISTEN_BACKLOG  listen queue of Odoo's HTTP socket (default 1024; 0: Odoo's own, 8 x workers)
#   SETUP=0      skip scripts/setup.sh (the database is ready)
#   CONFIG_ONLY=1  write var/<db>-prod.conf and var/nginx/<db>.conf, check them, stop
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

DB=${DB_NAME:-maintenance}
WORKERS=${WORKERS:-4}
HTTP_PORT=${HTTP_PORT:-8069}
GEVENT_PORT=${GEVENT_PORT:-8072}
PROXY_PORT=${PROXY_PORT:-8080}
CRON_THREADS=${CRON_THREADS:-2}
LISTEN_BACKLOG=${LISTEN_BACKLOG:-1024}
NGINX_DIR="$VAR/nginx"
NGINX_CONF="$NGINX_DIR/$DB.conf"

# Odoo's configuration: make run's, plus workers, crons, proxy mode and the
# limits of Odoo's deployment guide (administration/on_premise/deploy.html)
write_prod_config() {
    local base conf="$VAR/$DB-prod.conf"
    base=$(HTTP_PORT=$HTTP_PORT write_config "$DB")
    {
        cat "$base"
        cat <<CONF
; production-like serving (scripts/serve_prod.sh): prefork workers behind nginx
workers = $WORKERS
max_cron_threads = $CRON_THREADS
gevent_port = $GEVENT_PORT
proxy_mode = True
; Odoo's documented limits: a worker is recycled past the soft memory limit
; after its request, killed past the hard one; a request is stopped after
; 600 s of CPU or 1200 s of real time; a worker is recycled after 8192 requests
limit_memory_soft = 2147483648
limit_memory_hard = 2684354560
limit_time_cpu = 600
limit_time_real = 1200
limit_request = 8192
; each process (worker, cron worker, gevent) keeps its own pool of PostgreSQL
; connections; a prefork worker uses one or two at a time: a small pool keeps
; (workers + cron threads + 1) x db_maxconn under PostgreSQL's max_connections
db_maxconn = 16
CONF
    } > "$conf"
    echo "$conf"
}

# nginx's configuration: Odoo's documented reverse proxy, run unprivileged
# (pid, logs and temporary files under var/nginx)
write_nginx_config() {
    local mime
    mime=/etc/nginx/mime.types
    mkdir -p "$NGINX_DIR/logs" "$NGINX_DIR/tmp"
    cat > "$NGINX_CONF" <<NGINX
# Written by scripts/serve_prod.sh: nginx -p $NGINX_DIR -c $NGINX_CONF
worker_processes 1;
pid $NGINX_DIR/nginx-$DB.pid;
error_log $NGINX_DIR/logs/$DB-error.log warn;
daemon off;

events {
    worker_connections 1024;
}

http {
    include $mime;
    default_type application/octet-stream;
    access_log $NGINX_DIR/logs/$DB-access.log;
    client_body_temp_path $NGINX_DIR/tmp/body;
    proxy_temp_path $NGINX_DIR/tmp/proxy;
    fastcgi_temp_path $NGINX_DIR/tmp/fastcgi;
    uwsgi_temp_path $NGINX_DIR/tmp/uwsgi;
    scgi_temp_path $NGINX_DIR/tmp/scgi;
    # photos and PDF reports (Odoo's own request limit is larger)
    client_max_body_size 64m;
    # nginx keeps the clients' connections open (HTTP/1.1 keep-alive) and
    # gives each request to a free Odoo worker
    keepalive_timeout 65s;

    # Odoo's HTTP workers and its websocket (gevent) process
    upstream odoo {
        server 127.0.0.1:$HTTP_PORT;
    }
    upstream odoochat {
        server 127.0.0.1:$GEVENT_PORT;
    }

    map \$http_upgrade \$connection_upgrade {
        default upgrade;
        ''      close;
    }

    server {
        listen 127.0.0.1:$PROXY_PORT;
        server_name _;

        proxy_read_timeout 720s;
        proxy_connect_timeout 720s;
        proxy_send_timeout 720s;

        # the websocket (bus, live chat, notifications) goes to the gevent port
        location /websocket {
            proxy_pass http://odoochat;
            proxy_http_version 1.1;
            proxy_set_header Upgrade \$http_upgrade;
            proxy_set_header Connection \$connection_upgrade;
            proxy_set_header X-Forwarded-Host \$http_host;
            proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;
            proxy_set_header X-Forwarded-Proto \$scheme;
            proxy_set_header X-Real-IP \$remote_addr;
        }

        # everything else to the HTTP workers (proxy_mode reads X-Forwarded-*)
        location / {
            proxy_set_header X-Forwarded-Host \$http_host;
            proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;
            proxy_set_header X-Forwarded-Proto \$scheme;
            proxy_set_header X-Real-IP \$remote_addr;
            proxy_redirect off;
            proxy_pass http://odoo;
        }

        # static files of the add-ons: cached by the browsers
        location ~* ^/[^/]+/static/ {
            proxy_set_header X-Forwarded-Host \$http_host;
            proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;
            proxy_set_header X-Forwarded-Proto \$scheme;
            proxy_set_header X-Real-IP \$remote_addr;
            proxy_buffering on;
            expires 864000;
            proxy_pass http://odoo;
        }

        gzip on;
        gzip_types text/css text/scss text/plain text/xml application/xml application/json application/javascript;
    }
}
NGINX
    echo "$NGINX_CONF"
}

nginx_bin() { command -v nginx 2>/dev/null || echo /usr/sbin/nginx; }

check_odoo
if [ "${CONFIG_ONLY:-0}" = 1 ]; then
    ensure_debian_commands
    write_prod_config
    write_nginx_config >/dev/null
    "$(nginx_bin)" -t -q -p "$NGINX_DIR" -c "$NGINX_CONF"
    echo "$NGINX_CONF"
    exit 0
fi
[ "${SETUP:-1}" = 0 ] || DB_NAME=$DB bash "$ROOT/scripts/setup.sh"
ensure_debian_commands
# wkhtmltopdf fetches the PDF reports' CSS from Odoo's own port, not through
# the proxy (docs/DEPLOYMENT.md, "PDF reports")
set_report_url "$DB" "$HTTP_PORT"
CONF=$(write_prod_config)
write_nginx_config >/dev/null
"$(nginx_bin)" -t -q -p "$NGINX_DIR" -c "$NGINX_CONF"

ODOO_PID=""
NGINX_PID=""
stop_all() {
    trap - INT TERM EXIT
    say "Stopping nginx and Odoo"
    [ -n "$NGINX_PID" ] && kill -QUIT "$NGINX_PID" 2>/dev/null || true
    # Odoo's prefork server stops its workers gracefully on SIGTERM
    [ -n "$ODOO_PID" ] && kill -TERM "$ODOO_PID" 2>/dev/null || true
    wait 2>/dev/null || true
}
trap stop_all INT TERM EXIT

# Odoo's prefork server starts its websocket (gevent) process as
# "python <argv[0]> gevent ...": argv[0] must be a script, which "python -m odoo"
# is not (its gevent process would die at once, again and again).
# The launcher also opens Odoo's HTTP socket with a listen queue of
# LISTEN_BACKLOG connections and hands it to Odoo as systemd's socket
# activation does (LISTEN_FDS/LISTEN_PID, fd 3): Odoo's own queue is
# 8 x workers (32 for 4), too short for the proxy's connections
# (docs/DEPLOYMENT.md, "Why the sensor gateways starved").
LAUNCHER="$VAR/odoo-bin"
cat > "$LAUNCHER" <<'PY'
#!/usr/bin/env python3
# Written by scripts/serve_prod.sh: starts Odoo as odoo-bin does, its HTTP
# socket opened first with a listen queue of ODOO_LISTEN_BACKLOG (socket
# activation, as a systemd .socket unit with Backlog= would).
import os
import socket
import sys

backlog = int(os.environ.get("ODOO_LISTEN_BACKLOG") or 0)
if backlog and sys.argv[1:2] != ["gevent"]:
    LISTENER = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    LISTENER.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    LISTENER.bind((os.environ["ODOO_LISTEN_HOST"], int(os.environ["ODOO_LISTEN_PORT"])))
    LISTENER.listen(backlog)
    LISTENER.setblocking(False)  # the workers select() then accept(), as Odoo's own socket
    if LISTENER.fileno() != 3:
        os.dup2(LISTENER.fileno(), 3)
    os.environ.update(LISTEN_FDS="1", LISTEN_PID=str(os.getpid()))

from odoo.cli.command import main  # noqa: E402

main()
PY
ODOO_LISTEN_BACKLOG=$LISTEN_BACKLOG ODOO_LISTEN_HOST=127.0.0.1 ODOO_LISTEN_PORT=$HTTP_PORT \
    "$PYTHON" "$LAUNCHER" -c "$CONF" -d "$DB" --log-level=info &
ODOO_PID=$!
"$(nginx_bin)" -p "$NGINX_DIR" -c "$NGINX_CONF" &
NGINX_PID=$!
say "Serving '$DB' on http://127.0.0.1:$PROXY_PORT (nginx) -> $WORKERS Odoo workers on :$HTTP_PORT, websocket :$GEVENT_PORT (Ctrl-C to stop)"
# stop both as soon as one of them ends
wait -n "$ODOO_PID" "$NGINX_PID" || true
