#!/usr/bin/env bash
# A throw-away PostgreSQL cluster for the server's tests and benchmarks (CI and developers).
#
#   scripts/pg-test-cluster.sh start [PORT]   # prints: export DIARY_TEST_PG_URL=postgres://…
#   scripts/pg-test-cluster.sh stop  [PORT]
#
# The cluster lives in /tmp/diary-pg-PORT (data, socket, log), trusts local connections, uses the
# C collation (text sorts by code point, as SQLite does) and is tuned for tests, not durability
# (fsync off). As root it runs as the `postgres` user (Debian's package creates it); PostgreSQL
# refuses to run as root. Install PostgreSQL first: `apt-get install -y postgresql` on Debian.
set -euo pipefail

action="${1:-start}"
port="${2:-${DIARY_PG_PORT:-55432}}"
root="/tmp/diary-pg-${port}"
data="${root}/data"

bin=""
if command -v initdb >/dev/null 2>&1; then
  bin="$(dirname "$(command -v initdb)")"
else
  for dir in /usr/lib/postgresql/*/bin; do
    [ -x "${dir}/initdb" ] && bin="${dir}"
  done
fi
if [ -z "${bin}" ]; then
  echo "pg-test-cluster: PostgreSQL binaries not found (apt-get install -y postgresql)" >&2
  exit 1
fi

as_owner() {
  if [ "$(id -u)" = "0" ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

case "${action}" in
  start)
    if [ ! -f "${data}/PG_VERSION" ]; then
      mkdir -p "${root}"
      [ "$(id -u)" = "0" ] && chown postgres: "${root}"
      as_owner "${bin}/initdb" -D "${data}" -U postgres --auth=trust --locale=C \
        --encoding=UTF8 >"${root}/initdb.log"
    fi
    if ! as_owner "${bin}/pg_ctl" -D "${data}" status >/dev/null 2>&1; then
      as_owner "${bin}/pg_ctl" -D "${data}" -l "${root}/server.log" -w -o \
        "-p ${port} -k ${root} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300 -c shared_buffers=128MB" \
        start >/dev/null
    fi
    echo "export DIARY_TEST_PG_URL=postgres://postgres@127.0.0.1:${port}/postgres"
    ;;
  stop)
    if [ -f "${data}/PG_VERSION" ]; then
      as_owner "${bin}/pg_ctl" -D "${data}" -m fast stop >/dev/null || true
    fi
    rm -rf "${root}"
    ;;
  *)
    echo "usage: $0 start|stop [PORT]" >&2
    exit 2
    ;;
esac
