#!/usr/bin/env bash
# Starts a throwaway PostgreSQL cluster on loopback for tests and prints its
# URL on stdout. Usage: eval "$(scripts/start-postgres.sh DIR)"; it sets
# SAMKJOP_TEST_PG_URL and SAMKJOP_TEST_PG_DIR. Stop with scripts/stop-postgres.sh DIR.
# As root, the cluster runs as the `postgres` user (initdb refuses root).
set -euo pipefail
dir=${1:?usage: start-postgres.sh DIR}
bindir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
[ -n "$bindir" ] || { echo "start-postgres: PostgreSQL is not installed" >&2; exit 1; }
mkdir -p "$dir"
dir=$(cd "$dir" && pwd)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()' 2>/dev/null \
  || shuf -i 20000-40000 -n 1)
run=()
if [ "$(id -u)" -eq 0 ]; then
  chown postgres:postgres "$dir"
  run=(runuser -u postgres --)
fi
"${run[@]}" "$bindir/initdb" -D "$dir/data" -U samkjop --auth=trust -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 \
  || { cat "$dir/initdb.log" >&2; exit 1; }
"${run[@]}" "$bindir/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
  -o "-c listen_addresses=127.0.0.1 -c port=$port -c unix_socket_directories=$dir -c fsync=off -c full_page_writes=off" \
  start >/dev/null || { cat "$dir/server.log" >&2; exit 1; }
"${run[@]}" "$bindir/createdb" -h 127.0.0.1 -p "$port" -U samkjop samkjop
echo "export SAMKJOP_TEST_PG_URL='postgresql://samkjop@127.0.0.1:$port/samkjop'"
echo "export SAMKJOP_TEST_PG_DIR='$dir'"
