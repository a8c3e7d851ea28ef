#!/usr/bin/env bash
# Runs every test: installs what it needs (pnpm deps, MariaDB, Redis and Chromium from Debian), type-checks,
# builds both mini-program targets, and runs shared, server, API (SQLite and MariaDB), crash, scale-out,
# weapp-simulator and browser suites. Ends with one line `N passed, M failed` over all of them; exits non-zero on any
# failure. Nothing is skipped for lack of a tool: a missing tool is a failed check.
set -uo pipefail
source "$(dirname "$0")/lib.sh"
cd "$ROOT"

OUT="$ROOT/.tmp/test-results"
rm -rf "$OUT" && mkdir -p "$OUT"
: >"$OUT/steps.tsv"

# step NAME CMD…: a check that is not a Jest suite (install, build, size). Its log is kept in $OUT.
step() {
  local name=$1; shift
  local start=$SECONDS
  if "$@" >"$OUT/$name.log" 2>&1; then
    printf '%s\tpass\t%s\n' "$name" $((SECONDS - start)) >>"$OUT/steps.tsv"
    log "$name: ok ($((SECONDS - start)) s)"
    return 0
  fi
  printf '%s\tfail\t%s\n' "$name" $((SECONDS - start)) >>"$OUT/steps.tsv"
  log "$name: FAILED ($((SECONDS - start)) s) — last lines of $OUT/$name.log:"
  tail -40 "$OUT/$name.log" >&2
  return 1
}

# suite NAME CONFIG [ENV=…]: a Jest run; its JSON report is what the summary counts.
suite() {
  local name=$1 config=$2; shift 2
  local start=$SECONDS
  env "$@" npx jest -c "$config" --ci --json --outputFile="$OUT/$name.json" >"$OUT/$name.log" 2>&1
  local rc=$?
  [ -f "$OUT/$name.json" ] || printf '%s\tfail\t%s\n' "$name (did not run)" $((SECONDS - start)) >>"$OUT/steps.tsv"
  if [ $rc -eq 0 ]; then log "$name: ok ($((SECONDS - start)) s)"; else
    log "$name: FAILED ($((SECONDS - start)) s)"
    grep -E '●|✕|Error' "$OUT/$name.log" | head -60 >&2
  fi
}

finish() {
  node "$ROOT/scripts/summarize.js" "$OUT"
  exit $?
}

step install ensure_deps || finish
step apt-mariadb ensure_debian mariadbd mariadb-server
step apt-redis ensure_debian redis-server redis-server
step apt-chromium ensure_debian chromium chromium
step apt-font ensure_debian_file "$POSTER_FONT_FILE" fonts-wqy-microhei
step build-server build_server || finish
step typecheck pnpm -r --workspace-concurrency=1 run typecheck

suite shared shared/jest.config.js
suite server server/jest.config.js
suite api-sqlite tests/api/jest.config.js
# Crash without loss: SIGKILL mid-load, restart, every acknowledged write checked (FAULT_LONG=true: 60 kills).
suite faults-sqlite tests/faults/jest.config.js
grep -h '^crash test' "$OUT/faults-sqlite.log" >&2

MDB_DIR=$(mktemp -d /tmp/pingjia-mariadb.XXXXXX)
chmod 755 "$MDB_DIR"
if step mariadb-start bash -c "scripts/mariadb.sh start '$MDB_DIR' >'$MDB_DIR/url'"; then
  suite api-mariadb tests/api/jest.config.js TEST_DATABASE_URL="$(cat "$MDB_DIR/url")"
fi
scripts/mariadb.sh stop "$MDB_DIR" >/dev/null 2>&1
rm -rf "$MDB_DIR"
# On a private MariaDB of its own, killing mariadbd too.
suite faults-mariadb tests/faults/jest.config.js FAULT_DB=mariadb
grep -h '^crash test' "$OUT/faults-mariadb.log" >&2
# Scale-out: two instances on a MariaDB primary and a replica, sharing Redis (SCALE_LONG=true: more load).
suite scale tests/scale/jest.config.js
grep -h '^scale ' "$OUT/scale.log" >&2

step build-weapp bash -c "cd miniapp && pnpm build:weapp" && step weapp-size node scripts/check-weapp-size.js
step build-h5 bash -c "cd miniapp && pnpm build:h5"

[ -f tests/weapp/jest.config.js ] && suite weapp tests/weapp/jest.config.js
suite web tests/web/jest.config.js

finish
