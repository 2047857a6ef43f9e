#!/usr/bin/env bash
# Starts a hocvu server on a fresh data directory holding the demo province
# (`hocvu demo`), runs the end-to-end tests
# against it, and stops it, whatever happens.
#
#   tests/e2e/run-with-server.sh [path/to/hocvu]
#
# Env: HOCVU_E2E_PORT (default 18080), HOCVU_WEB_ROOT (default web/dist),
# HOCVU_DB (passed on to the server: postgresql://… selects PostgreSQL),
# HOCVU_CHROMIUM (default /usr/bin/chromium), HOCVU_E2E_EXPECT_DB (sqlite or
# postgresql: fail unless /healthz reports that engine), HOCVU_E2E_FILES (test files to run,
# default every tests/e2e/*.test.mjs).
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$repo"

bin="${1:-}"
if [[ -z "$bin" ]]; then
    for candidate in build/debug/src/app/hocvu build/release/src/app/hocvu; do
        if [[ -x "$candidate" ]]; then bin="$candidate"; break; fi
    done
fi
if [[ -z "$bin" || ! -x "$bin" ]]; then
    echo "e2e: no hocvu binary (build it, or pass its path)" >&2
    exit 2
fi
port="${HOCVU_E2E_PORT:-18080}"
web_root="${HOCVU_WEB_ROOT:-web/dist}"
if [[ ! -f "$web_root/index.html" ]]; then
    echo "e2e: $web_root/index.html is missing (run: npm --prefix web run build)" >&2
    exit 2
fi
url="http://127.0.0.1:$port"

answers() {
    node -e "fetch(process.argv[1]).then(r => process.exit(r.ok ? 0 : 1), () => process.exit(1))" "$url/healthz"
}
if answers; then
    echo "e2e: something already answers at $url; refusing to test it" >&2
    exit 2
fi

data="$(mktemp -d)"
server_pid=""
cleanup() {
    if [[ -n "$server_pid" ]] && kill -0 "$server_pid" 2>/dev/null; then
        kill -TERM "$server_pid" 2>/dev/null || true
        for _ in $(seq 50); do kill -0 "$server_pid" 2>/dev/null || break; sleep 0.1; done
        kill -KILL "$server_pid" 2>/dev/null || true
        wait "$server_pid" 2>/dev/null || true
    fi
    rm -rf "$data"
}
trap cleanup EXIT INT TERM

# The demo province (hocvu demo), so that every demo role can sign in; its
# accounts, one JSON line per role, go to the tests in HOCVU_DEMO_ACCOUNTS.
if ! "$bin" demo --data "$data" >"$data/demo.log" 2>&1; then
    echo "e2e: hocvu demo failed; its log:" >&2
    cat "$data/demo.log" >&2
    exit 1
fi
if ! "$bin" demo --data "$data" --accounts >"$data/demo-accounts.jsonl" 2>>"$data/demo.log"; then
    echo "e2e: hocvu demo --accounts failed; its log:" >&2
    cat "$data/demo.log" >&2
    exit 1
fi

"$bin" serve --listen "127.0.0.1:$port" --data "$data" --web-root "$web_root" >"$data/server.log" 2>&1 &
server_pid=$!

for _ in $(seq 300); do
    if answers; then break; fi
    if ! kill -0 "$server_pid" 2>/dev/null; then
        echo "e2e: the server exited before answering; its log:" >&2
        cat "$data/server.log" >&2
        exit 1
    fi
    sleep 0.1
done
if ! answers; then
    echo "e2e: the server did not answer $url/healthz within 30 s; its log:" >&2
    tail -n 50 "$data/server.log" >&2
    exit 1
fi

status=0
if [[ -n "${HOCVU_E2E_FILES:-}" ]]; then
    # shellcheck disable=SC2086
    (cd web && HOCVU_URL="$url" HOCVU_DEMO_ACCOUNTS="$data/demo-accounts.jsonl" \
        node --test --test-concurrency=1 $HOCVU_E2E_FILES) || status=$?
else
    HOCVU_URL="$url" HOCVU_DEMO_ACCOUNTS="$data/demo-accounts.jsonl" npm --prefix web run --silent e2e || status=$?
fi
if [[ $status -ne 0 ]]; then
    echo "e2e: failed; the server's log (last 50 lines):" >&2
    tail -n 50 "$data/server.log" >&2
fi
exit "$status"
