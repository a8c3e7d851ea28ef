#!/usr/bin/env bash
# Refreshes docs/screenshots/ from a run of the browser suite. The tests themselves only ever write to
# a results folder (SCREENSHOTS_DIR), so running the tests never changes a tracked file.
# Needs the server and H5 builds (scripts/test.sh, or build_server and `cd miniapp && pnpm build:h5`).
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$ROOT"
SHOTS="$ROOT/.tmp/screenshots"
rm -rf "$SHOTS" && mkdir -p "$SHOTS"
SCREENSHOTS_DIR="$SHOTS" npx jest -c tests/web/jest.config.js oversight import structure people
# The pictures the docs show; the others stay in the results folder.
# PDF pages rendered to PNG by the API suites (tests/support/pdf.ts).
SCREENSHOTS_DIR="$SHOTS" npx jest -c tests/api/jest.config.js posters dossier
for name in chair-dashboard federation-league poster-pdf poster-print-run-page-300 dossier-page-1 import-report structure-editor invite-accept; do
  cp "$SHOTS/$name.png" "docs/screenshots/$name.png"
done
log "docs/screenshots/ refreshed from $SHOTS"
