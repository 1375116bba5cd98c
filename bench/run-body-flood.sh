#!/usr/bin/env bash
# make bench: 16 connections × 60 MiB request bodies at once against a 1 MiB route (issue 8 #1).
# Every body must be answered 413 and the server's peak RSS stay under 200 MB. Appends the
# figure to docs/benchmarks.md unless --no-record. SAMKJOP_BIN picks another binary.
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${SAMKJOP_BIN:-build/samkjop}
port=${SAMKJOP_BENCH_PORT:-18090}
record=1
[ "${1:-}" = "--no-record" ] && record=0
if curl -s -o /dev/null --max-time 1 http://127.0.0.1:$port/; then
  echo "run-body-flood: something already answers on port $port (set SAMKJOP_BENCH_PORT)" >&2
  exit 1
fi
data=$(mktemp -d)
trap 'kill $pid 2>/dev/null || true; rm -rf "$data"' EXIT
"$bin" seed-demo --data "$data" --password-hash-cost min >/dev/null 2>&1
"$bin" serve --data "$data" --listen 127.0.0.1:$port >/dev/null 2>"$data/log" &
pid=$!
for _ in $(seq 50); do curl -sf http://127.0.0.1:$port/api/health >/dev/null && break; sleep 0.1; done
kill -0 $pid 2>/dev/null || { cat "$data/log" >&2; exit 1; }
set +e
out=$(node bench/body_flood.mjs "http://127.0.0.1:$port" $pid 16)
rc=$?
set -e
echo "$out"
if [ $record = 1 ]; then
  {
    echo ""
    echo "### HTTP: 16 × 60 MiB request bodies at once ($(date -u +%Y-%m-%d))"
    echo ""
    echo "Command: \`bench/run-body-flood.sh\` (16 connections to POST /api/auth/login, limit 1 MiB; 8 with Content-Length, 8 chunked). Bar: every one 413, peak RSS < 200 MB."
    echo "Machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(free -g | awk '/Mem:/ {print $2}') GiB."
    echo ""
    echo "\`$out\`"
  } >> docs/benchmarks.md
fi
exit $rc
