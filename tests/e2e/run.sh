#!/usr/bin/env bash
# Browser tests (Playwright + axe) against the real server with the RIIK demo data.
#
#   tests/e2e/run.sh            seed a temporary data folder, start build/samkjop serve on a free
#                               loopback port, run every tests/e2e/*.test.mjs, stop the server
#   SAMKJOP_E2E_BASE_URL=http://127.0.0.1:8080 tests/e2e/run.sh
#                               against a server that is already running (nothing is started)
#
# Needs web/dist (npm run build in web/), Debian's /usr/bin/chromium and Node 20.
# Environment: SAMKJOP_BIN (default build/samkjop), CHROMIUM_PATH, SAMKJOP_E2E_KEEP=1 keeps the
# data folder and server log. Screenshots go to tests/e2e/screenshots/ (git-ignored).
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
BIN="${SAMKJOP_BIN:-$ROOT/build/samkjop}"

log() { printf 'e2e: %s\n' "$*" >&2; }

if [[ ! -d "$HERE/node_modules/playwright-core" || ! -d "$HERE/node_modules/@axe-core/playwright" ]]; then
  log "installing test dependencies (npm ci)"
  (cd "$HERE" && npm ci --no-audit --no-fund --loglevel=error)
fi
if [[ ! -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ]]; then
  log "no Chromium at ${CHROMIUM_PATH:-/usr/bin/chromium} (apt-get install chromium)"
  exit 1
fi

SERVER_PID=""
TMP=""
cleanup() {
  local rc=$?
  if [[ -n "$SERVER_PID" ]] && kill -0 "$SERVER_PID" 2>/dev/null; then
    kill -TERM "$SERVER_PID" 2>/dev/null || true
    for _ in $(seq 1 50); do kill -0 "$SERVER_PID" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$SERVER_PID" 2>/dev/null || true
  fi
  if [[ -n "$TMP" ]]; then
    if [[ $rc -ne 0 || "${SAMKJOP_E2E_KEEP:-}" == 1 ]]; then
      log "server log: $TMP/server.log"
      [[ $rc -ne 0 ]] && tail -n 40 "$TMP/server.log" >&2 || true
    else
      rm -rf "$TMP"
    fi
  fi
  exit $rc
}
trap cleanup EXIT INT TERM

if [[ -z "${SAMKJOP_E2E_BASE_URL:-}" ]]; then
  if [[ ! -f "$ROOT/web/dist/index.html" ]]; then
    log "web/dist is missing: build the web app first (cd web && npm ci && npm run build)"
    exit 1
  fi
  PORT="$(node -e "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")"
  TMP="$(mktemp -d "${TMPDIR:-/tmp}/samkjop-e2e.XXXXXX")"
  cd "$ROOT"
  if [[ ! -x "$BIN" ]]; then
    log "$BIN not found: build the server first (make)"
    exit 1
  fi
  # Time is an input: the server and its demo data run on a pinned date (not the real one).
  TODAY="${SAMKJOP_TEST_TODAY:-2027-03-15}"
  log "seeding demo data in $TMP (today pinned to $TODAY)"
  # The cheapest argon2id cost: this data is thrown away after the run.
  "$BIN" seed-demo --data "$TMP" --password-hash-cost min --today "$TODAY" >"$TMP/seed.log" 2>&1 || { cat "$TMP/seed.log" >&2; exit 1; }
  log "starting $BIN serve on 127.0.0.1:$PORT"
  "$BIN" serve --listen "127.0.0.1:$PORT" --data "$TMP" --web "$ROOT/web/dist" --password-hash-cost min --today "$TODAY" \
    >"$TMP/server.log" 2>&1 &
  SERVER_PID=$!
  export SAMKJOP_E2E_BASE_URL="http://127.0.0.1:$PORT"
  for i in $(seq 1 100); do
    if curl -fsS "$SAMKJOP_E2E_BASE_URL/api/health" >/dev/null 2>&1; then break; fi
    if ! kill -0 "$SERVER_PID" 2>/dev/null; then log "the server exited"; exit 1; fi
    [[ $i -eq 100 ]] && { log "no answer from $SAMKJOP_E2E_BASE_URL/api/health after 20 s"; exit 1; }
    sleep 0.2
  done
fi

log "running the browser tests against $SAMKJOP_E2E_BASE_URL"
cd "$HERE"
# The scenario first (its own run, so the order holds), so the audit log has entries when axe checks it.
node --test --test-reporter=spec ./scenario.test.mjs
node --test --test-reporter=spec ./a11y.test.mjs
node --test --test-reporter=spec ./files.test.mjs
node --test --test-reporter=spec ./notifications.test.mjs
