#!/usr/bin/env bash
# Installs the Debian 12 packages Samkjøp needs, only those missing.
# Runs apt-get directly as root, through sudo otherwise. Node.js and npm are
# expected on the machine already (never from Debian: see README).
set -euo pipefail

PACKAGES=(
  # build
  cmake ninja-build g++ ccache pkg-config make
  # C++ libraries (README "Dependencies" says why each is there)
  libfmt-dev nlohmann-json3-dev libspdlog-dev libcli11-dev
  libsoci-dev libboost-dev libsqlite3-dev libpq-dev
  libsodium-dev libpugixml-dev libxlsxwriter-dev libhowardhinnant-date-dev
  libgtest-dev libgmock-dev libbenchmark-dev
  # the password policy: libpwquality, and cracklib's dictionary, which libpwquality only
  # recommends (so it is named here; serve refuses to start without it)
  libpwquality-dev cracklib-runtime
  # runtime: SOCI backends are loaded at run time; tzdata for Europe/Oslo
  libsoci-sqlite3-4.0 libsoci-postgresql4.0 tzdata sqlite3
  # tests: PostgreSQL server, browser for Playwright, XML validation
  postgresql postgresql-client chromium fonts-dejavu-core libxml2-utils
  # tests: run the suites again with the clock years ahead (time is an input)
  faketime
  # measurements
  wrk time
  # zip archives (xlsx imports, invoice batches); libcurl: the HTTP client of the integrations
  # and the SMTP client (core/mail); a real SMTP server for the mail tests
  libzip-dev libcurl4-openssl-dev python3-aiosmtpd
)

missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi
echo "install-deps: installing ${missing[*]}"
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then SUDO="sudo"; else
    echo "install-deps: not root and no sudo; install these packages: ${missing[*]}" >&2
    exit 1
  fi
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
