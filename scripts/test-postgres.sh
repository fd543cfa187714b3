#!/usr/bin/env bash
# Starts a throw-away PostgreSQL cluster on 127.0.0.1 for the tests, installing
# Debian's postgresql package first when it is missing, and prints its url.
#   eval "$(scripts/test-postgres.sh)"   # sets TEST_POSTGRES_URL
#   scripts/test-postgres.sh stop
# The cluster lives in $PG_TEST_DIR (default /tmp/xuequ-pg-test); fsync is off:
# for tests only, never for a district's data.
set -euo pipefail
DIR="${PG_TEST_DIR:-/tmp/xuequ-pg-test}"
PORT="${PG_TEST_PORT:-55432}"
URL="postgresql://postgres@127.0.0.1:$PORT/postgres"

bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1; }
as_owner() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

if [ "${1:-}" = stop ]; then
  B="$(bin)"; [ -n "$B" ] && as_owner "$B/pg_ctl" -D "$DIR/data" -m immediate stop >/dev/null 2>&1 || true
  exit 0
fi

if [ -z "$(bin)" ]; then
  echo "installing postgresql from Debian's packages" >&2
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq postgresql >&2
fi
B="$(bin)"

if ! "$B/pg_isready" -q -h 127.0.0.1 -p "$PORT" 2>/dev/null; then
  rm -rf "$DIR"; mkdir -p "$DIR/data" "$DIR/sock"
  [ "$(id -u)" = 0 ] && chown -R postgres:postgres "$DIR"
  as_owner "$B/initdb" -D "$DIR/data" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 >/dev/null
  as_owner "$B/pg_ctl" -D "$DIR/data" -l "$DIR/log" -w -o "-c listen_addresses=127.0.0.1 -p $PORT -k $DIR/sock -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300" start >/dev/null
fi
echo "export TEST_POSTGRES_URL=$URL"
