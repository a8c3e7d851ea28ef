# Shared by start.sh and test.sh: install what the project needs on a fresh machine of its kind.
# shellcheck shell=bash
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
PNPM_VERSION=10.34.9

log() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }

ensure_pnpm() {
  if ! command -v pnpm >/dev/null || [ "$(pnpm -v 2>/dev/null)" != "$PNPM_VERSION" ]; then
    log "installing pnpm $PNPM_VERSION"
    npm i -g "pnpm@$PNPM_VERSION" >/dev/null
  fi
}

# better-sqlite3 has no prebuilt binary here: node-gyp builds it against Node's own headers.
ensure_deps() {
  ensure_pnpm
  [ -d /usr/include/node ] && export npm_config_nodedir=/usr
  log "installing dependencies (pnpm install --frozen-lockfile)"
  (cd "$ROOT" && pnpm install --frozen-lockfile --config.confirm-modules-purge=false --reporter=append-only 2>&1 | grep -vE '^(Progress|\.\.\..*install:)' | tail -5)
}

apt_updated=""
# ensure_debian <command> <package>: installs the package when the command is missing.
ensure_debian() {
  local cmd=$1 pkg=$2
  command -v "$cmd" >/dev/null && return 0
  log "installing $pkg (Debian)"
  if [ -z "$apt_updated" ]; then apt-get update -qq >/dev/null; apt_updated=1; fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq -o DPkg::Lock::Timeout=300 "$pkg" >/dev/null
  command -v "$cmd" >/dev/null
}

# ensure_debian_file <file> <package>: installs the package when the file is missing (fonts and other data).
ensure_debian_file() {
  local file=$1 pkg=$2
  [ -e "$file" ] && return 0
  log "installing $pkg (Debian)"
  if [ -z "$apt_updated" ]; then apt-get update -qq >/dev/null; apt_updated=1; fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq -o DPkg::Lock::Timeout=300 "$pkg" >/dev/null
  [ -e "$file" ]
}

# The CJK font posters are drawn with (1.6 MB; without it posters carry the code but no text).
POSTER_FONT_FILE=/usr/share/fonts/truetype/wqy/wqy-microhei.ttc

build_server() {
  (cd "$ROOT" && pnpm --filter @pingjia/shared build && pnpm --filter @pingjia/server build)
}

# The server and the H5 app, rebuilt only when their sources changed since the last build (a second
# start is then a few seconds). Used by start.sh (the demo) and start-production.sh.
build_product() {
  cd "$ROOT" || return 1
  if [ ! -f server/dist/main.js ] || [ ! -f shared/dist/index.js ] ||
     [ -n "$(find server/src shared/src pnpm-lock.yaml -newer server/dist/main.js -type f 2>/dev/null | head -1)" ]; then
    log "building shared and server"
    build_server >/dev/null || return 1
  fi
  if [ ! -f miniapp/dist/h5/index.html ] || [ -n "$(find miniapp/src shared/src -newer miniapp/dist/h5/index.html -type f 2>/dev/null | head -1)" ]; then
    log "building the H5 app"
    (cd miniapp && pnpm build:h5 >"$ROOT/.h5-build.log" 2>&1) || { tail -40 "$ROOT/.h5-build.log"; return 1; }
  fi
}
