#!/usr/bin/env bash
# Requests per second of GET /api/health under wrk on loopback, and the
# server's idle memory. Appends the result to docs/benchmarks.md.
# SAMKJOP_BIN=path runs another binary (scripts/bench-http-compare.sh uses it);
# --no-record prints only "requests/s p99" and leaves docs/benchmarks.md alone.
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${SAMKJOP_BIN:-build/samkjop}
record=1
port=${SAMKJOP_BENCH_PORT:-18080}
[ "${1:-}" = "--no-record" ] && record=0
data=$(mktemp -d)
trap 'kill $pid 2>/dev/null || true; rm -rf "$data"' EXIT
if curl -s -o /dev/null --max-time 1 http://127.0.0.1:$port/; then
  echo "bench-http: something already answers on port $port (set SAMKJOP_BENCH_PORT)" >&2
  exit 1
fi
"$bin" seed-demo --data "$data" --password-hash-cost min >/dev/null
"$bin" serve --data "$data" --listen 127.0.0.1:$port >/dev/null 2>"$data/log" &
pid=$!
for _ in $(seq 50); do curl -sf http://127.0.0.1:$port/api/health >/dev/null && break; sleep 0.1; done
sleep 1
kill -0 $pid 2>/dev/null || { echo "bench-http: the server did not start:" >&2; cat "$data/log" >&2; exit 1; }
idle_kb=$(awk '/VmRSS/ {print $2}' /proc/$pid/status)
out=$(wrk -t2 -c64 -d10s --latency http://127.0.0.1:$port/api/health)
rps=$(echo "$out" | awk '/Requests\/sec/ {print $2}')
p99=$(echo "$out" | awk '$1=="99%" {print $2}')
busy_kb=$(awk '/VmRSS/ {print $2}' /proc/$pid/status)
if [ $record = 0 ]; then
  echo "$rps $p99"
  exit 0
fi
echo "$out"
{
  echo ""
  echo "### HTTP: GET /api/health under wrk ($(date -u +%Y-%m-%d))"
  echo ""
  echo "Command: \`scripts/bench-http.sh\` (\`wrk -t2 -c64 -d10s --latency\`, server with 4 threads, SQLite; server and wrk share the $(nproc) cores)."
  echo "Machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(free -g | awk '/Mem:/ {print $2}') GiB."
  echo ""
  echo "| requests/s | p99 latency | idle RSS | RSS after load |"
  echo "|---|---|---|---|"
  echo "| $rps | $p99 | $((idle_kb / 1024)) MiB | $((busy_kb / 1024)) MiB |"
} >> docs/benchmarks.md
