#!/usr/bin/env bash
# Starts `hocvu serve` on a fresh data directory (after `hocvu demo`), runs every tests/api/test_*.py against it
# with HOCVU_URL set, and stops the server, checking that it shut down cleanly.
# Usage: tests/api/run.sh [path/to/hocvu]   (env HOCVU_DB selects PostgreSQL; HOCVU_WEB_ROOT the built app;
#        HOCVU_API_TESTS a file pattern, default 'test_*.py', to run a subset)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
bin=$(readlink -f "${1:-$root/build/debug/src/app/hocvu}")
web_root=${HOCVU_WEB_ROOT:-$root/web/dist}
data=$(mktemp -d /tmp/hocvu-api.XXXXXX)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
log="$data/server.log"
pid=

cleanup() {
  if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then kill -KILL "$pid" 2>/dev/null || true; fi
  rm -rf "$data"
}
trap cleanup EXIT

"$bin" demo --data "$data" >/dev/null
"$bin" serve --listen "127.0.0.1:$port" --data "$data" --web-root "$web_root" --header-timeout 2 \
  --access-log "$data/access.log" >"$log" 2>&1 &
pid=$!
for _ in $(seq 1 100); do
  if curl -fsS "http://127.0.0.1:$port/healthz" >/dev/null 2>&1; then break; fi
  if ! kill -0 "$pid" 2>/dev/null; then cat "$log" >&2; exit 1; fi
  sleep 0.1
done

set +e
HOCVU_URL="http://127.0.0.1:$port" HOCVU_BIN="$bin" HOCVU_DATA="$data" HOCVU_WEB_ROOT="$web_root" \
  HOCVU_ACCESS_LOG="$data/access.log" python3 -m unittest discover -s "$here" -p "${HOCVU_API_TESTS:-test_*.py}" -v
status=$?
set -e

kill -TERM "$pid"
if ! wait "$pid"; then
  echo "api: the server did not exit cleanly on SIGTERM" >&2
  cat "$log" >&2
  status=1
fi
pid=
exit $status
