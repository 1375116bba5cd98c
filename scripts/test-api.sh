#!/usr/bin/env bash
# Runs the black-box API suite twice: on SQLite, then on a throwaway
# PostgreSQL cluster on loopback (started and stopped here).
set -euo pipefail
cd "$(dirname "$0")/.."
echo "== API tests on SQLite"
node --test --test-reporter=spec tests/api/
pgdir=$(mktemp -d /tmp/samkjop-pg-XXXXXX)
trap 'scripts/stop-postgres.sh "$pgdir"' EXIT
eval "$(scripts/start-postgres.sh "$pgdir")"
echo "== API tests on PostgreSQL ($SAMKJOP_TEST_PG_URL)"
SAMKJOP_TEST_DB="$SAMKJOP_TEST_PG_URL" node --test --test-reporter=spec tests/api/
