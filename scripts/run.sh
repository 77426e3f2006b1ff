#!/usr/bin/env bash
# make run: serve Odoo with the add-ons on http://127.0.0.1:8069 (does the setup it needs first).
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

bash "$ROOT/scripts/setup.sh"
DB=${DB_NAME:-maintenance}
CONF=$(write_config "$DB")
say "Serving '$DB' on http://127.0.0.1:${HTTP_PORT:-8069} (Ctrl-C to stop)"
exec "$PYTHON" -m odoo -c "$CONF" -d "$DB" --log-level=info
