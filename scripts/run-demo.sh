#!/usr/bin/env bash
# make run: migrate ./var/samkjop.db, load the demo data if it is empty,
# print the demo accounts and start the server in the foreground.
set -euo pipefail
cd "$(dirname "$0")/.."
listen=${1:-127.0.0.1:8080}
export SAMKJOP_DATA=${SAMKJOP_DATA:-./var}
build/samkjop seed-demo
cat <<EOT

  Samkjøp — demokontoer (passord for alle: Samkjop-demo-2026)
  ------------------------------------------------------------------
  admin                 administrator
  direktor              daglig leder (procurement director), RIIK
  stab                  innkjøpskontoret (staff)
  radmann               kommunedirektør, Kongsvinger (chief executive)
  innkjop.kongsvinger   innkjøpsansvarlig, Kongsvinger (officer)
  produkt.kongsvinger   produktansvarlig matvarer, Kongsvinger
  raad                  rådsmedlem (council member)
  ansatt                ansatt, Kongsvinger (employee)
  revisor               revisor (auditor, read-only)

  Åpne http://${listen}/ i nettleseren.

EOT
exec build/samkjop serve --listen "$listen"
