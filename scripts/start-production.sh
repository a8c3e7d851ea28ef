#!/usr/bin/env bash
# Starts 评家 for real: NODE_ENV=production, no dev login, no test hooks, no generated secrets.
# Installs the locked dependencies, builds the server and the H5 app when their sources changed, then
# runs the server (migrations run on start). Everything it needs comes from the environment; what it
# checks before starting (the server checks it again and stops with exit code 78):
#   JWT_SECRET, RATER_KEY_SECRET   ≥ 32 random characters each (openssl rand -base64 48); the same on
#                                  every instance; RATER_KEY_SECRET never changes once people have rated
#   PUBLIC_URL                     the https origin people reach the server at (poster QR codes, links)
#   DATABASE_URL                   mysql://… for MySQL/MariaDB; unset: SQLite in DATA_DIR (one instance)
#   TRUST_PROXY                    behind nginx or a load balancer: the hop count or the proxies' addresses
#   AUTH_DEV_LOGIN, TEST_*         must not be set; SEED_DEMO must not be true
# Every other setting, the nginx example and the checklist: docs/deploy.md.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$ROOT"

problems=()
for v in JWT_SECRET RATER_KEY_SECRET; do
  val=${!v:-}
  if [ -z "$val" ]; then problems+=("$v is not set (generate one: openssl rand -base64 48)")
  elif [ ${#val} -lt 32 ]; then problems+=("$v must be at least 32 characters"); fi
done
[ -n "${PUBLIC_URL:-}" ] || problems+=("PUBLIC_URL is not set (the https origin people reach the server at)")
for v in AUTH_DEV_LOGIN $(compgen -e | grep '^TEST_' || true); do
  case "${!v:-}" in ''|false|0) ;; *) problems+=("$v must not be set in production") ;; esac
done
case "${SEED_DEMO:-}" in ''|false|0) ;; *) problems+=("SEED_DEMO must not be set in production (demo data and a demo admin)") ;; esac
if [ ${#problems[@]} -gt 0 ]; then
  printf 'Not starting: %s\n' "${problems[@]}" >&2
  echo "See docs/deploy.md (Starting in production)." >&2
  exit 78
fi

ensure_deps
ensure_debian_file "$POSTER_FONT_FILE" fonts-wqy-microhei || log "no CJK font: posters will carry the QR code without text"
build_product

export NODE_ENV=production
log "starting in production on ${HOST:-0.0.0.0}:${PORT:-3000} (migrations run on start)"
exec node server/dist/main.js
