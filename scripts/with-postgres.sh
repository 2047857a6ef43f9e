#!/usr/bin/env bash
# Runs a command with a throwaway PostgreSQL server: initdb + pg_ctl in a temporary directory, listening only on a
# Unix socket, stopped (and deleted) on every exit path. The command gets HOCVU_TEST_PG, a libpq URL for it.
# Usage: scripts/with-postgres.sh COMMAND [ARGS...]
set -euo pipefail

pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
if [ -z "$pg_bin" ] || [ ! -x "$pg_bin/initdb" ]; then
  echo "with-postgres: PostgreSQL server binaries not found (apt-get install postgresql)" >&2
  exit 1
fi

dir=$(mktemp -d /tmp/hocvu-pg.XXXXXX)
run_as=()
if [ "$(id -u)" = 0 ]; then
  # PostgreSQL refuses to run as root.
  chown postgres:postgres "$dir"
  chmod 700 "$dir"
  run_as=(runuser -u postgres --)
fi

stop() {
  "${run_as[@]}" "$pg_bin/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true
  rm -rf "$dir"
}
trap stop EXIT INT TERM

"${run_as[@]}" "$pg_bin/initdb" -D "$dir/data" -U hocvu --auth=trust -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 \
  || { cat "$dir/initdb.log" >&2; exit 1; }
"${run_as[@]}" "$pg_bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
  -o "-c listen_addresses='' -c unix_socket_directories='$dir' -c max_connections=200 -c fsync=on" start >/dev/null \
  || { cat "$dir/server.log" >&2; exit 1; }
"${run_as[@]}" "$pg_bin/createdb" -h "$dir" -U hocvu hocvu_test

export HOCVU_TEST_PG="postgresql://hocvu@/hocvu_test?host=$dir"
export HOCVU_TEST_PG_ADMIN="postgresql://hocvu@/postgres?host=$dir"
set +e
"$@"
status=$?
set -e
exit $status
