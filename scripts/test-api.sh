#!/usr/bin/env bash
# Runs the black-box API suite twice: on SQLite, then on a throwaway
# PostgreSQL cluster on loopback (started and stopped here). Each test file
# starts its own server on its own database; after each run, coverage.mjs
# checks that every documented route was exercised by some file.
#   scripts/test-api.sh [sqlite|postgresql]   (default: both)
set -euo pipefail
cd "$(dirname "$0")/.."
if [[ ! -d tests/api/node_modules/ajv ]]; then
  (cd tests/api && npm ci --no-audit --no-fund --loglevel=error)
fi
which="${1:-both}"

run() {
  local calls
  calls=$(mktemp -d /tmp/samkjop-api-calls-XXXXXX)
  SAMKJOP_API_CALLS_DIR="$calls" node --test --test-reporter=spec tests/api/
  SAMKJOP_API_CALLS_DIR="$calls" node tests/api/coverage.mjs
  rm -rf "$calls"
}

if [[ "$which" != postgresql ]]; then
  echo "== API tests on SQLite"
  run
fi
if [[ "$which" != sqlite ]]; then
  pgdir=$(mktemp -d /tmp/samkjop-pg-XXXXXX)
  trap 'scripts/stop-postgres.sh "$pgdir"' EXIT
  eval "$(scripts/start-postgres.sh "$pgdir")"
  echo "== API tests on PostgreSQL ($SAMKJOP_TEST_PG_URL)"
  SAMKJOP_TEST_DB="$SAMKJOP_TEST_PG_URL" run
fi
