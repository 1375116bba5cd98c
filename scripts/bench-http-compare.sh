#!/usr/bin/env bash
# Compares two binaries on GET /api/health under wrk (64 connections): RUNS alternating runs of
# scripts/bench-http.sh --no-record each, then the medians of requests/s and p99 and their
# ratios. Usage: scripts/bench-http-compare.sh OLD_BINARY [NEW_BINARY] [RUNS]
# The issue's bar (issue 8 #1): new req/s >= 0.85 x old, new p99 <= 1.5 x old. Exit 1 if missed.
set -euo pipefail
cd "$(dirname "$0")/.."
old=${1:?usage: bench-http-compare.sh OLD_BINARY [NEW_BINARY] [RUNS]}
new=${2:-build/samkjop}
runs=${3:-5}
to_ms() {  # wrk prints 950.00us, 2.91ms, 1.20s
  awk -v v="$1" 'BEGIN { n = v + 0; if (v ~ /us$/) n /= 1000; else if (v ~ /ms$/) n += 0; else if (v ~ /s$/) n *= 1000; printf "%.3f", n }'
}
median() { sort -g | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }
old_rps=() old_p99=() new_rps=() new_p99=()
for i in $(seq "$runs"); do
  read -r r p < <(SAMKJOP_BIN=$old scripts/bench-http.sh --no-record)
  old_rps+=("$r"); old_p99+=("$(to_ms "$p")")
  read -r r p < <(SAMKJOP_BIN=$new scripts/bench-http.sh --no-record)
  new_rps+=("$r"); new_p99+=("$(to_ms "$p")")
  echo "run $i: old ${old_rps[-1]} req/s p99 ${old_p99[-1]} ms | new ${new_rps[-1]} req/s p99 ${new_p99[-1]} ms"
done
mo_r=$(printf '%s\n' "${old_rps[@]}" | median); mn_r=$(printf '%s\n' "${new_rps[@]}" | median)
mo_p=$(printf '%s\n' "${old_p99[@]}" | median); mn_p=$(printf '%s\n' "${new_p99[@]}" | median)
rr=$(awk -v a="$mn_r" -v b="$mo_r" 'BEGIN { printf "%.3f", a / b }')
pr=$(awk -v a="$mn_p" -v b="$mo_p" 'BEGIN { printf "%.3f", a / b }')
echo "median: old $mo_r req/s p99 $mo_p ms | new $mn_r req/s p99 $mn_p ms | req/s ratio $rr (>= 0.85) | p99 ratio $pr (<= 1.5)"
awk -v r="$rr" -v p="$pr" 'BEGIN { exit !(r >= 0.85 && p <= 1.5) }'
