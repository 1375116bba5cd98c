#!/usr/bin/env bash
# Stops the cluster started by start-postgres.sh DIR and removes DIR.
set -uo pipefail
dir=${1:?usage: stop-postgres.sh DIR}
bindir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
run=()
[ "$(id -u)" -eq 0 ] && run=(runuser -u postgres --)
[ -d "$dir/data" ] && "${run[@]}" "$bindir/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null 2>&1
rm -rf "$dir"
