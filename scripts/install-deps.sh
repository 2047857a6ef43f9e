#!/usr/bin/env bash
# Installs every Debian package and npm dependency that building, running and testing Hocvu needs.
# Idempotent: it installs only what is missing, and uses sudo when not run as root.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)

packages=(
  # build
  build-essential cmake ninja-build pkg-config git
  # libraries
  libboost-dev nlohmann-json3-dev libcli11-dev libspdlog-dev libfmt-dev libsodium-dev liboath-dev libicu-dev
  libsqlite3-dev libpq-dev libzip-dev libexpat1-dev
  # tests and benchmarks
  libgtest-dev libgmock-dev libbenchmark-dev postgresql python3 curl wrk chromium
  # the .xlsx exports are checked by converting them with LibreOffice Calc (tests/api/test_reports.py)
  libreoffice-calc-nogui
  # web app
  nodejs
)

sudo=()
[ "$(id -u)" = 0 ] || sudo=(sudo)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -gt 0 ]; then
  echo "install-deps: installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  "${sudo[@]}" apt-get update -qq
  "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  # The Debian postgresql package starts a cluster of its own; the tests start throwaway servers instead.
fi

if ! command -v npm >/dev/null 2>&1; then
  "${sudo[@]}" apt-get install -y -qq npm >/dev/null
fi

node_major=$(node -p 'process.versions.node.split(".")[0]')
if [ "$node_major" -lt 20 ]; then
  echo "install-deps: Node.js >= 20.19 is needed for the web app (found $(node --version))" >&2
  exit 1
fi

# npm packages of the web app (and playwright-core for the end-to-end tests), from the lock file.
stamp="$root/web/node_modules/.package-lock.json"
if [ ! -f "$stamp" ] || [ "$root/web/package-lock.json" -nt "$stamp" ]; then
  echo "install-deps: npm ci (web)"
  npm --prefix "$root/web" ci --no-audit --no-fund --loglevel=error
fi
