#!/usr/bin/env bash
# A large upload streams to the file store: POST /api/files with a 200 MB body (default), then
# GET it back, and the server's peak memory (VmHWM from /proc/PID/status) before and after each.
# Fails when the peak grew by more than 32 MiB (issue 9: uploads are never held in memory), or
# when the downloaded bytes differ. Prints one markdown table row for docs/benchmarks.md.
#   bench/run-upload.sh [--mb N]
# SAMKJOP_BIN=path runs another binary; SAMKJOP_BENCH_PORT picks the port (default 18090).
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${SAMKJOP_BIN:-build/samkjop}
port=${SAMKJOP_BENCH_PORT:-18090}
mb=200
[ "${1:-}" = "--mb" ] && mb=$2
limit_kb=$((32 * 1024))
data=$(mktemp -d)
pid=""
trap '[ -n "$pid" ] && kill $pid 2>/dev/null; rm -rf "$data"' EXIT
"$bin" seed-demo --data "$data" --password-hash-cost min >/dev/null 2>&1
"$bin" serve --data "$data" --listen 127.0.0.1:$port --password-hash-cost min \
  --max-upload-mib $((mb + 16)) >/dev/null 2>"$data/log" &
pid=$!
for _ in $(seq 100); do curl -sf http://127.0.0.1:$port/api/health >/dev/null && break; sleep 0.1; done
base=http://127.0.0.1:$port
jar="$data/cookies"
csrf=$(curl -sf -c "$jar" -H 'content-type: application/json' \
  -d '{"username":"ansatt","password":"Samkjop-demo-2026"}' $base/api/auth/login |
  sed -n 's/.*"csrf_token":"\([^"]*\)".*/\1/p')
[ -n "$csrf" ] || { echo "login failed" >&2; exit 1; }
# A PDF header, then random bytes (incompressible, no page of zeros to share).
body="$data/upload.pdf"
{ printf '%%PDF-1.7\n'; head -c $((mb * 1000 * 1000)) /dev/urandom; } >"$body"
hwm() { awk '/VmHWM/ {print $2}' /proc/$pid/status; }
before=$(hwm)
start=$(date +%s.%N)
answer=$(curl -sS -b "$jar" -H "x-csrf-token: $csrf" -H 'content-type: application/pdf' \
  -X POST --upload-file "$body" "$base/api/files?filename=stor.pdf" -w '\n%{http_code}')
up_s=$(echo "$(date +%s.%N) - $start" | bc)
code=$(echo "$answer" | tail -1)
[ "$code" = 201 ] || { echo "upload answered $code: $answer" >&2; exit 1; }
id=$(echo "$answer" | head -1 | sed -n 's/.*"id":\([0-9]*\).*/\1/p')
after_up=$(hwm)
start=$(date +%s.%N)
curl -sS -b "$jar" -o "$data/download.pdf" "$base/api/files/$id"
down_s=$(echo "$(date +%s.%N) - $start" | bc)
after_down=$(hwm)
cmp -s "$body" "$data/download.pdf" || { echo "downloaded bytes differ" >&2; exit 1; }
grow_up=$((after_up - before))
grow_down=$((after_down - before))
size_mb=$(( $(stat -c %s "$body") / 1000000 ))
printf '| %s MB | %d MiB | %d MiB (+%d KiB) | %d MiB (+%d KiB) | %.1f s | %.1f s |\n' \
  "$size_mb" $((before / 1024)) $((after_up / 1024)) $grow_up $((after_down / 1024)) $grow_down \
  "$up_s" "$down_s"
if [ $grow_up -gt $limit_kb ] || [ $grow_down -gt $limit_kb ]; then
  echo "FAIL: the server's peak memory grew by more than 32 MiB" >&2
  exit 1
fi
