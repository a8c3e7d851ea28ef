#!/usr/bin/env bash
# Benchmark at provincial scale. Builds what changed (shared, server, bench), then runs bench/dist/run.js:
#   bash bench/run.sh [--quick] [--mariadb] [--instances N] [--redis] [--ratings N] [--sizes 5000,500000,5000000] [--import ROWS]
#                     [--duration S] [--connections N] [--only scenario,…] [--regenerate] [--log-level L] [--cpu-prof]
# Results: bench/results/<label>.json and .md. Generated data: bench/.data (not in git).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
[ -d /usr/include/node ] && export npm_config_nodedir=/usr
# Install on a fresh clone, and again whenever the lockfile changed since the last install.
if [ ! -d node_modules/.pnpm ] || [ ! -d bench/node_modules/autocannon ] || [ pnpm-lock.yaml -nt node_modules/.modules.yaml ]; then
  pnpm install --frozen-lockfile --config.confirm-modules-purge=false </dev/null
fi
if [ ! -f server/dist/main.js ] || [ ! -f shared/dist/index.js ] ||
   [ -n "$(find server/src shared/src -newer server/dist/main.js -type f 2>/dev/null | head -1)" ]; then
  echo "[bench] building shared and server"
  pnpm build >bench/.build.log 2>&1 || { tail -30 bench/.build.log; exit 1; }
  touch server/dist/main.js
fi
if [ ! -f bench/dist/run.js ] || [ -n "$(find bench/src shared/dist -newer bench/dist/run.js -type f 2>/dev/null | head -1)" ]; then
  echo "[bench] building bench"
  (cd bench && npx tsc -p tsconfig.build.json) && touch bench/dist/run.js
fi
if [[ " $* " == *" --mariadb "* ]] && ! command -v mariadbd >/dev/null; then
  apt-get update -qq && apt-get install -y -qq -o DPkg::Lock::Timeout=300 mariadb-server >/dev/null
fi
exec node bench/dist/run.js "$@"
