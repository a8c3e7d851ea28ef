#!/usr/bin/env bash
# Runs the DEMO on this machine: installs what it needs, builds, migrates and seeds the embedded
# database with demo data, turns the dev login on, starts the server with the H5 app and prints the
# URLs to open. It listens on 127.0.0.1 only: anyone who can reach a demo can make members and rate.
#   HOST (default 127.0.0.1; HOST=0.0.0.0 opens the demo to the network), PORT (default 3000),
#   DATA_DIR (default ./data), DATABASE_URL (mysql://… for MySQL),
#   DEMO_ADMIN_USERNAME / DEMO_ADMIN_PASSWORD (otherwise generated and printed).
# For real use run scripts/start-production.sh (docs/deploy.md).
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$ROOT"

if [ "${NODE_ENV:-}" = production ]; then
  log "scripts/start.sh runs the demo (dev login, demo data); production starts with scripts/start-production.sh"
  exec bash "$ROOT/scripts/start-production.sh"
fi

ensure_deps
ensure_debian_file "$POSTER_FONT_FILE" fonts-wqy-microhei || log "no CJK font: posters will carry the QR code without text"
build_product

export NODE_ENV=development
export HOST=${HOST:-127.0.0.1}
export DATA_DIR=${DATA_DIR:-$ROOT/data}
export SEED_DEMO=${SEED_DEMO:-true}
export AUTH_DEV_LOGIN=${AUTH_DEV_LOGIN:-true}
export LOG_LEVEL=${LOG_LEVEL:-warn}
log "starting the demo server on $HOST (migrations run on start; Ctrl-C stops it)"
exec node server/dist/main.js
