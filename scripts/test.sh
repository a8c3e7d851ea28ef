#!/usr/bin/env bash
# Runs every test: installs what it needs (pnpm deps, MariaDB, Redis and Chromium from Debian), type-checks,
# builds both mini-program targets, and runs shared, server, API (SQLite and MariaDB), crash, scale-out,
# weapp-simulator and browser suites. Nothing is skipped for lack of a tool: a missing tool is a failed step.
#
# THE MANIFEST below lists every step and suite this command must run, in order. Adding one is one line:
#   kind   limit  name           needs                  what
#   step   120    depcruise      install                pnpm exec depcruise -c .dependency-cruiser.js server/src
#   suite  600    prod           build-server           tests/prod/jest.config.js NODE_ENV=production
# Columns (whitespace-separated; everything after `needs` is `what`):
#   kind   `step`: a bash command (scripts/lib.sh is sourced); reported on the `steps:` line.
#          `suite`: a Jest config, then VAR=value pairs; its tests are what `N passed, M failed` counts.
#   limit  seconds; past it the entry (and every process it started) is killed and counts as failed.
#   name   unique; the log is .tmp/test-results/NAME.log (and NAME.json for a suite).
#   needs  comma-separated steps that must have passed first, or `-`. If one did not pass, the entry is
#          failed without running: a suite never runs against an old build.
# Every entry runs under `env -i` with only PATH, HOME, LANG=C.UTF-8, CI=true, the certificate/proxy
# variables the installs need, and a suite's own VAR=value pairs: a TEST_DATABASE_URL or FUZZ_RUNS in the
# caller's shell changes nothing. A value `@mariadb` is the URL of a private MariaDB this script starts
# (once, on first use) and stops at the end.
#
# A suite fails as a whole when its config is missing, it ran zero tests, it skipped any, it exited
# non-zero, it wrote no report, or it passed its limit. Every Jest config in the repository must appear here.
# The run ends with two lines: `steps: A passed, B failed`, then `N passed, M failed`, where N counts tests
# only and M counts failed tests plus one for each failed step and each suite that failed as a whole, so a
# failed build can never hide behind passing tests. The exit code is non-zero when M > 0.
set -uo pipefail
source "$(dirname "$0")/lib.sh"
cd "$ROOT"

MANIFEST='
step   900   install         -                      ensure_deps
step   600   apt-mariadb     -                      ensure_debian mariadbd mariadb-server
step   300   apt-redis       -                      ensure_debian redis-server redis-server
step   600   apt-chromium    -                      ensure_debian chromium chromium
step   300   apt-font        -                      ensure_debian_file "$POSTER_FONT_FILE" fonts-wqy-microhei
step   300   apt-poppler     -                      ensure_debian pdftoppm poppler-utils
step   300   build-server    install                rm -rf shared/dist server/dist && build_server
step   300   typecheck       install                pnpm -r --workspace-concurrency=1 run typecheck
step   120   import-graph    install                pnpm -s deps:check
step   300   lint            install                pnpm -s exec eslint . --max-warnings 0
step   120   format          install                pnpm -s format:check
step   300   unused-exports  install                pnpm -s exec knip --include exports,types --no-progress
suite  300   shared          install                shared/jest.config.js
suite  300   server          install                server/jest.config.js
suite  900   api-sqlite      build-server,apt-font,apt-poppler  tests/api/jest.config.js
suite  900   faults-sqlite   build-server           tests/faults/jest.config.js
suite  900   api-mariadb     build-server,apt-mariadb,apt-font,apt-poppler  tests/api/jest.config.js TEST_DATABASE_URL=@mariadb
suite  900   faults-mariadb  build-server,apt-mariadb  tests/faults/jest.config.js FAULT_DB=mariadb
suite  600   scale           build-server,apt-mariadb,apt-redis  tests/scale/jest.config.js
step   600   build-weapp     install                rm -rf miniapp/dist/weapp && cd miniapp && PINGJIA_RELEASE=true TARO_APP_API_BASE=https://pingjia.example.org pnpm build:weapp
step   60    weapp-size      build-weapp            node scripts/check-weapp-size.js
step   600   build-h5        install                rm -rf miniapp/dist/h5 && cd miniapp && pnpm build:h5
suite  600   weapp           build-server,build-weapp  tests/weapp/jest.config.js WEAPP_RELEASE_ORIGIN=https://pingjia.example.org
suite  900   web             build-server,build-h5,apt-chromium,apt-font,apt-poppler  tests/web/jest.config.js SCREENSHOTS_DIR=.tmp/test-results/screenshots
suite  900   production      build-server,build-h5,apt-mariadb,apt-chromium  tests/production/jest.config.js PROD_MARIADB_URL=@mariadb
'

OUT="$ROOT/.tmp/test-results"
rm -rf "$OUT" && mkdir -p "$OUT"
: >"$OUT/results.tsv"
declare -A PASSED=()

# The only variables an entry sees besides its own.
clean_env() {
  local v
  printf '%s\0' env -i "PATH=$PATH" "HOME=${HOME:-/root}" LANG=C.UTF-8 CI=true
  for v in NODE_EXTRA_CA_CERTS SSL_CERT_FILE http_proxy https_proxy no_proxy HTTP_PROXY HTTPS_PROXY NO_PROXY; do
    [ -n "${!v:-}" ] && printf '%s\0' "$v=${!v}"
  done
}

# record KIND NAME RC SECONDS NOTE: one row for scripts/summarize.js.
record() { printf '%s\t%s\t%s\t%s\t%s\n' "$@" >>"$OUT/results.tsv"; }

# A private MariaDB for each suite with an `@mariadb` value, a fresh database each. mariadb_url runs in the
# suite's command substitution (a subshell), so the folders it starts are listed in a file and stopped at the
# end; remembered in a variable, they were lost with the subshell and every one was left running.
mariadb_url() {
  local dir url
  dir=$(mktemp -d /tmp/pingjia-mariadb.XXXXXX) && chmod 755 "$dir" || return 1
  echo "$dir" >>"$OUT/mariadb-dirs"
  url=$(scripts/mariadb.sh start "$dir" 2>>"$OUT/mariadb-start.log") || return 1
  printf '%s' "$url"
}

run_entry() {
  local kind=$1 limit=$2 name=$3 needs=$4 what=$5
  local start=$SECONDS need missing=() cmd=() rc note=""
  if [ "$needs" != "-" ]; then
    for need in ${needs//,/ }; do [ -n "${PASSED[$need]:-}" ] || missing+=("$need"); done
  fi
  if [ ${#missing[@]} -gt 0 ]; then
    record "$kind" "$name" 1 0 "not run: ${missing[*]} did not pass"
    log "$name: FAILED (not run: ${missing[*]} did not pass)"
    return
  fi
  mapfile -d '' cmd < <(clean_env)
  if [ "$kind" = step ]; then
    cmd+=(bash -c "source scripts/lib.sh && $what")
  else
    local config var value
    read -r config what <<<"$what"
    if [ ! -f "$config" ]; then
      record suite "$name" 1 0 "config $config is missing"
      log "$name: FAILED (config $config is missing)"
      return
    fi
    for var in $what; do
      value=${var#*=}
      if [ "$value" = @mariadb ]; then
        value=$(mariadb_url) || { record suite "$name" 1 0 "not run: the private MariaDB did not start (mariadb-start.log)"; log "$name: FAILED (MariaDB did not start)"; return; }
      fi
      cmd+=("${var%%=*}=$value")
    done
    cmd+=(npx jest -c "$config" --ci --json --outputFile="$OUT/$name.json")
  fi
  # timeout kills the whole process group it leads, so servers a suite started die with it.
  timeout --kill-after=20 "$limit" "${cmd[@]}" >"$OUT/$name.log" 2>&1 </dev/null
  rc=$?
  [ $rc -eq 124 ] || [ $rc -eq 137 ] && note="timed out after $limit s"
  record "$kind" "$name" "$rc" $((SECONDS - start)) "$note"
  if [ $rc -eq 0 ]; then
    [ "$kind" = step ] && PASSED[$name]=1
    log "$name: ok ($((SECONDS - start)) s)"
  else
    log "$name: FAILED ($((SECONDS - start)) s${note:+, $note}) — from $OUT/$name.log:"
    if [ "$kind" = step ]; then tail -40 "$OUT/$name.log" >&2; else grep -E '●|✕|Error' "$OUT/$name.log" | head -60 >&2; fi
  fi
  # Figures the crash and scale suites print for the reader.
  grep -hE '^(crash test|scale )' "$OUT/$name.log" >&2
}

# Every Jest config in the repository is in the manifest: a new suite can't be forgotten.
manifest_check() {
  local config missing=0
  for config in $(git ls-files '*jest.config.js'); do
    grep -qE "^suite +[0-9]+ +[a-z0-9-]+ +[a-z0-9,-]+ +$config( |$)" <<<"$MANIFEST" || { echo "not in the manifest: $config"; missing=1; }
  done
  return $missing
}
if manifest_check >"$OUT/manifest.log" 2>&1; then record step manifest 0 0 ""; else
  record step manifest 1 0 "$(tr '\n' ' ' <"$OUT/manifest.log")"; log "manifest: FAILED"; cat "$OUT/manifest.log" >&2
fi

while read -r kind limit name needs what; do
  case "$kind" in step | suite) run_entry "$kind" "$limit" "$name" "$needs" "$what" ;; esac
done <<<"$MANIFEST"

if [ -f "$OUT/mariadb-dirs" ]; then
  while read -r dir; do
    scripts/mariadb.sh stop "$dir" >/dev/null 2>&1
    rm -rf "$dir"
  done <"$OUT/mariadb-dirs"
fi
node "$ROOT/scripts/summarize.js" "$OUT"
