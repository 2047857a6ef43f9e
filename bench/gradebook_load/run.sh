#!/usr/bin/env bash
# Runs the gradebook load benchmark on SQLite and on a throwaway PostgreSQL (scripts/with-postgres.sh).
# Usage: bench/gradebook_load/run.sh [build dir, default build/release] [clients, default 64] [seconds, default 10]
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
build=${1:-$root/build/release}
clients=${2:-64}
seconds=${3:-10}
ninja -C "$build" -j1 gradebook_load >/dev/null
bin="$build/bench/gradebook_load/gradebook_load"
"$bin" --clients "$clients" --seconds "$seconds"
"$root/scripts/with-postgres.sh" bash -c "\"$bin\" --db \"\$HOCVU_TEST_PG\" --clients $clients --seconds $seconds"
