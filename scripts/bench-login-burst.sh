#!/usr/bin/env bash
# GET /api/health latency while a burst of logins hashes passwords at interactive argon2id
# cost (issue 8, defect 7): p50/p99 of /api/health alone, then during 16 parallel logins of
# the demo accounts. Runs each binary given (default build/samkjop) three times, alternating,
# and writes the medians to the login-burst section of docs/benchmarks.md.
#   scripts/bench-login-burst.sh                         the current build
#   scripts/bench-login-burst.sh OLD_BINARY build/samkjop  before and after
set -euo pipefail
cd "$(dirname "$0")/.."
bins=("$@")
[ ${#bins[@]} -eq 0 ] && bins=(build/samkjop)
runs=${RUNS:-3}
port=18082
tmp=$(mktemp -d)
pid=
trap '[ -n "$pid" ] && kill "$pid" 2>/dev/null; rm -rf "$tmp"' EXIT

cat >"$tmp/login.lua" <<'LUA'
local users = {"direktor", "admin", "stab", "radmann", "innkjop.kongsvinger",
               "produkt.kongsvinger", "raad", "ansatt", "revisor"}
local n = 0
request = function()
  n = n + 1
  local body = string.format('{"username":"%s","password":"Samkjop-demo-2026"}', users[n % #users + 1])
  return wrk.format("POST", "/api/auth/login", {["Content-Type"] = "application/json"}, body)
end
LUA

# wrk's latency line for a percentile, in ms.
pct() { awk -v p="$1" '$1==p {v=$2; if (v ~ /us$/) {sub(/us/,"",v); v/=1000} else if (v ~ /ms$/) {sub(/ms/,"",v)} else if (v ~ /s$/) {sub(/s/,"",v); v*=1000}; printf "%.2f", v}'; }
median() { sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

declare -A results
for run in $(seq "$runs"); do
  for bin in "${bins[@]}"; do
    data="$tmp/data-$run-$(basename "$bin")"
    mkdir -p "$data"
    "$bin" seed-demo --data "$data" >/dev/null 2>&1  # interactive cost: the hashes are real
    "$bin" serve --data "$data" --listen 127.0.0.1:$port >/dev/null 2>"$data/log" &
    pid=$!
    for _ in $(seq 100); do curl -sf http://127.0.0.1:$port/api/health >/dev/null && break; sleep 0.1; done
    idle=$(wrk -t1 -c4 -d5s --latency http://127.0.0.1:$port/api/health)
    wrk -t1 -c16 -d12s -s "$tmp/login.lua" http://127.0.0.1:$port >"$tmp/login.out" &
    burst=$!
    sleep 1
    busy=$(wrk -t1 -c4 -d10s --latency http://127.0.0.1:$port/api/health)
    wait $burst
    logins=$(cat "$tmp/login.out")
    kill "$pid"; wait "$pid" 2>/dev/null || true; pid=
    total=$(echo "$logins" | awk '/requests in/ {print $1}')
    refused=$(echo "$logins" | awk '/Non-2xx/ {print $NF}')
    refused=${refused:-0}
    ok_rate=$(awk -v t="$total" -v r="$refused" 'BEGIN {printf "%.1f", (t - r) / 12}')
    line="$(echo "$idle" | pct 50%) $(echo "$idle" | pct 99%) $(echo "$busy" | pct 50%) $(echo "$busy" | pct 99%) $ok_rate $(awk -v t="$total" -v r="$refused" 'BEGIN {printf "%.1f", r / 12}')"
    echo "run $run $bin: idle p50/p99, burst p50/p99 (ms), logins ok/s, refused/s: $line"
    results[$bin]+="$line"$'\n'
  done
done

{
  echo "<!-- login-burst:begin -->"
  echo "## HTTP: /api/health while logins hash (issue 8, defect 7)"
  echo ""
  echo "Measured $(date -u +%Y-%m-%d) with \`scripts/bench-login-burst.sh ${bins[*]}\`: medians of $runs alternating runs."
  echo "Each run seeds the demo data at interactive argon2id cost (64 MiB, ~77 ms per hash), starts \`serve\` with its defaults"
  echo "(4 worker threads, SQLite), measures \`wrk -t1 -c4 -d5s --latency /api/health\` alone, then again for 10 s while"
  echo "\`wrk -t1 -c16 -d12s\` posts logins of the nine demo accounts with the right password."
  echo "Machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(free -g | awk '/Mem:/ {print $2}') GiB, shared with other jobs; server and wrk share the cores."
  echo ""
  echo "| binary | health p50 alone | health p99 alone | health p50 in burst | health p99 in burst | logins ok/s | logins refused (503)/s |"
  echo "|---|---:|---:|---:|---:|---:|---:|"
  for bin in "${bins[@]}"; do
    row="| \`$bin\` |"
    for col in 1 2 3 4; do row+=" $(echo -n "${results[$bin]}" | awk -v c=$col '{print $c}' | median) ms |"; done
    for col in 5 6; do row+=" $(echo -n "${results[$bin]}" | awk -v c=$col '{print $c}' | median) |"; done
    echo "$row"
  done
  echo "<!-- login-burst:end -->"
} >"$tmp/section.md"
cat "$tmp/section.md"
if grep -q '<!-- login-burst:begin -->' docs/benchmarks.md; then
  awk -v f="$tmp/section.md" '
    /<!-- login-burst:begin -->/ {while ((getline l < f) > 0) print l; skip=1; next}
    /<!-- login-burst:end -->/ {skip=0; next}
    !skip {print}' docs/benchmarks.md >"$tmp/b.md" && cp "$tmp/b.md" docs/benchmarks.md
else
  { echo ""; cat "$tmp/section.md"; } >>docs/benchmarks.md
fi
