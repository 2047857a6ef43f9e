#!/usr/bin/env bash
# HTTP load check (issue 2): wrk against /healthz and a JSON endpoint that reads the database
# (/api/v1/system/status) at 16, 256 and 2000 keep-alive connections, 10 s each, printing requests/s and p99;
# then the new-connection probe with 2000 keep-alive connections open.
# Usage: bench/http_load.sh [path/to/hocvu] [SECONDS=10]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
bin=$(readlink -f "${1:-$root/build/release/src/app/hocvu}")
seconds=${2:-10}
command -v wrk >/dev/null || { echo "http_load: wrk is missing (scripts/install-deps.sh)" >&2; exit 1; }
ulimit -n "$(ulimit -Hn)"

data=$(mktemp -d /tmp/hocvu-bench.XXXXXX)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
"$bin" demo --data "$data" >/dev/null
"$bin" serve --listen "127.0.0.1:$port" --data "$data" --access-log off --web-root "$root/web/dist" \
  >"$data/server.log" 2>&1 &
pid=$!
trap 'kill -TERM $pid 2>/dev/null; wait $pid 2>/dev/null; rm -rf "$data"' EXIT
for _ in $(seq 1 100); do curl -fsS "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && break; sleep 0.1; done

printf "%-26s %12s %14s %10s %8s\n" "endpoint" "connections" "requests/s" "p99" "errors"
for path in /healthz /api/v1/system/status; do
  for conns in 16 256 2000; do
    threads=2
    out=$(wrk -t "$threads" -c "$conns" -d "${seconds}s" --latency --timeout 5s "http://127.0.0.1:$port$path")
    rps=$(awk '/^Requests\/sec/ {print $2}' <<<"$out")
    p99=$(awk '$1 == "99%" {print $2}' <<<"$out")
    errors=$(awk '/Socket errors/ {print $0}' <<<"$out" | sed 's/.*Socket errors: //')
    non2xx=$(awk '/Non-2xx/ {print $NF}' <<<"$out")
    printf "%-26s %12s %14s %10s %8s\n" "$path" "$conns" "$rps" "$p99" "${errors:-0}${non2xx:+ non2xx=$non2xx}"
  done
done
python3 "$root/bench/new_connection_probe.py" 127.0.0.1 "$port" 2000 100 50
