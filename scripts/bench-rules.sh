#!/usr/bin/env bash
# The legal table in the server under wrk on loopback: POST /api/rules/assess (an assessment
# on the database's table, read through LegalTableService's cache: one MAX(id) query per
# request) and GET /api/rules/values (today's 25 values). Signed in as the demo employee.
# Prints the wrk summaries; --record appends a row to docs/benchmarks.md.
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${SAMKJOP_BIN:-build/samkjop}
port=${SAMKJOP_BENCH_PORT:-18090}
record=0
[ "${1:-}" = "--record" ] && record=1
data=$(mktemp -d)
trap 'kill $pid 2>/dev/null || true; rm -rf "$data"' EXIT
"$bin" seed-demo --data "$data" --password-hash-cost min >/dev/null
"$bin" serve --data "$data" --listen 127.0.0.1:$port --password-hash-cost min >/dev/null 2>"$data/log" &
pid=$!
for _ in $(seq 50); do curl -sf http://127.0.0.1:$port/api/health >/dev/null && break; sleep 0.1; done
login=$(curl -sf -c "$data/jar" -H 'content-type: application/json' \
  -d '{"username":"ansatt","password":"Samkjop-demo-2026"}' http://127.0.0.1:$port/api/auth/login)
csrf=$(echo "$login" | sed -E 's/.*"csrf_token":"([^"]+)".*/\1/')
cookie=$(awk '$6 ~ /samkjop/ || $6 != "" {c=$6"="$7} END {print c}' "$data/jar")
cat > "$data/assess.lua" <<LUA
wrk.method = "POST"
wrk.body = '{"value_ore": 150000000, "kind": "goods", "date": "2026-06-02"}'
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Cookie"] = "$cookie"
wrk.headers["X-CSRF-Token"] = "$csrf"
LUA
cat > "$data/values.lua" <<LUA
wrk.headers["Cookie"] = "$cookie"
LUA
status=$(curl -s -o /dev/null -w '%{http_code}' -b "$data/jar" -H "x-csrf-token: $csrf" -H 'content-type: application/json' \
  -d '{"value_ore": 150000000, "kind": "goods", "date": "2026-06-02"}' http://127.0.0.1:$port/api/rules/assess)
[ "$status" = 200 ] || { echo "assess answered $status" >&2; exit 1; }
assess=$(wrk -t1 -c8 -d10s --latency -s "$data/assess.lua" http://127.0.0.1:$port/api/rules/assess)
values=$(wrk -t1 -c8 -d10s --latency -s "$data/values.lua" http://127.0.0.1:$port/api/rules/values)
echo "$assess"
echo "$values"
row() { echo "$1" | awk -v name="$2" '/Requests\/sec/ {rps=$2} $1=="50%" {p50=$2} $1=="99%" {p99=$2} /Non-2xx/ {bad=$NF} END {printf "| %s | %s | %s | %s | %s |\n", name, rps, p50, p99, (bad==""?0:bad)}'; }
if [ $record = 1 ]; then
  {
    echo ""
    echo "### The legal table in the server: calculators and values under wrk ($(date -u +%Y-%m-%d))"
    echo ""
    echo "Command: \`scripts/bench-rules.sh --record\` (\`wrk -t1 -c8 -d10s --latency\`, signed in as the demo employee, server with 4 threads, SQLite; server and wrk share the $(nproc) cores)."
    echo "Machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(free -g | awk '/Mem:/ {print $2}') GiB, shared with other jobs."
    echo ""
    echo "| route | requests/s | p50 | p99 | non-2xx |"
    echo "|---|---:|---:|---:|---:|"
    row "$assess" "POST /api/rules/assess (1.5 mill goods, 2026-06-02)"
    row "$values" "GET /api/rules/values (today, 25 values)"
  } >> docs/benchmarks.md
fi
