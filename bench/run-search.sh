#!/usr/bin/env bash
# The search benchmark: folded people search over 100,000 rows (bench/search_bench.cc,
# the real org::store::ListPeople) on a SQLite file and on a throwaway PostgreSQL
# cluster (scripts/start-postgres.sh), single-threaded; fails when a query's p99
# exceeds 5 ms. Prints the tables recorded in docs/benchmarks.md.
#
#   bench/run-search.sh [--rows N] [--iterations I] [sqlite|postgresql]   (default: both)
# Environment: SAMKJOP_BUILD_DIR (default build/) holds samkjop and search_bench.
set -euo pipefail
ROWS=100000
ITER=200
WHICH=both
while [[ $# -gt 0 ]]; do
  case "$1" in
    --rows) ROWS="$2"; shift 2 ;;
    --iterations) ITER="$2"; shift 2 ;;
    sqlite|postgresql) WHICH="$1"; shift ;;
    *) echo "usage: $0 [--rows N] [--iterations I] [sqlite|postgresql]" >&2; exit 2 ;;
  esac
done
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BUILD="${SAMKJOP_BUILD_DIR:-$ROOT/build}"
work=$(mktemp -d /tmp/samkjop-search-bench-XXXXXX)
pgdir=""
cleanup() {
  if [[ -n "$pgdir" ]]; then "$ROOT/scripts/stop-postgres.sh" "$pgdir" >/dev/null 2>&1 || true; rm -rf "$pgdir"; fi
  rm -rf "$work"
}
trap cleanup EXIT
status=0
bench() {
  local db="$1"
  "$BUILD/samkjop" seed-demo --db "$db" --data "$work/data" --password-hash-cost min --today 2027-03-15 >/dev/null 2>&1
  "$BUILD/search_bench" --db "$db" --rows "$ROWS" --iterations "$ITER" || status=1
}
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
if [[ "$WHICH" != postgresql ]]; then
  bench "sqlite:$work/search.db"
fi
if [[ "$WHICH" != sqlite ]]; then
  pgdir=$(mktemp -d /tmp/samkjop-pg-XXXXXX)  # the postgres user must reach it
  eval "$("$ROOT/scripts/start-postgres.sh" "$pgdir")"
  bench "$SAMKJOP_TEST_PG_URL"
fi
exit $status
