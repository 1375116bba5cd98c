#!/usr/bin/env bash
# Notifications at volume (docs/services/notifications.md): the list with its unread count for a
# user among 100,000 notifications, and one TakeMails over all of them, on SQLite and (when
# SAMKJOP_TEST_PG_URL names a server, e.g. from scripts/start-postgres.sh) on PostgreSQL.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BIN="$ROOT/build/notify_bench"
[[ -x "$BIN" ]] || { echo "bench-notify: $BIN missing (make cpp)" >&2; exit 1; }
echo "== SQLite"
"$BIN"
if [[ -n "${SAMKJOP_TEST_PG_URL:-}" ]]; then
  name="samkjop_notify_bench_$$"
  psql "$SAMKJOP_TEST_PG_URL" -qc "CREATE DATABASE $name"
  trap 'psql "$SAMKJOP_TEST_PG_URL" -qc "DROP DATABASE IF EXISTS $name"' EXIT
  echo "== PostgreSQL"
  "$BIN" "$(echo "$SAMKJOP_TEST_PG_URL" | sed -E "s#/[^/?]*(\?|$)#/$name\1#")"
fi
