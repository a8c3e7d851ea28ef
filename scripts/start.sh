#!/usr/bin/env bash
# Runs the product: installs what it needs, builds, migrates and seeds the embedded database,
# starts the server with the H5 app and prints the URLs to open.
#   PORT (default 3000), DATA_DIR (default ./data), DATABASE_URL (mysql://… for MySQL),
#   DEMO_ADMIN_USERNAME / DEMO_ADMIN_PASSWORD (otherwise generated and printed).
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$ROOT"

ensure_deps
ensure_debian_file "$POSTER_FONT_FILE" fonts-wqy-microhei || log "no CJK font: posters will carry the QR code without text"
# Rebuild only what changed since the last build (a second start is then a few seconds).
if [ ! -f server/dist/main.js ] || [ ! -f shared/dist/index.js ] ||
   [ -n "$(find server/src shared/src pnpm-lock.yaml -newer server/dist/main.js -type f 2>/dev/null | head -1)" ]; then
  log "building shared and server"
  build_server >/dev/null
fi
if [ ! -f miniapp/dist/h5/index.html ] || [ -n "$(find miniapp/src shared/src -newer miniapp/dist/h5/index.html -type f 2>/dev/null | head -1)" ]; then
  log "building the H5 app"
  (cd miniapp && pnpm build:h5 >"$ROOT/.h5-build.log" 2>&1) || { tail -40 "$ROOT/.h5-build.log"; exit 1; }
fi

export DATA_DIR=${DATA_DIR:-$ROOT/data}
export SEED_DEMO=${SEED_DEMO:-true}
export AUTH_DEV_LOGIN=${AUTH_DEV_LOGIN:-true}
export LOG_LEVEL=${LOG_LEVEL:-warn}
log "starting the server (migrations run on start; Ctrl-C stops it)"
exec node server/dist/main.js
