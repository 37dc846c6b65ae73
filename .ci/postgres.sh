#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for the tests: installed from Debian's packages when
# missing, initialised in a temporary folder, listening on 127.0.0.1 at a free port, and
# stopped and deleted when the shell that sourced this exits.
#
#   source .ci/postgres.sh        # .ci/run: exports FRONTLINE_TEST_PG=postgres://...
#   bash .ci/postgres.sh --check  # start, ask the server its version, stop
#
# PostgreSQL refuses to run as root, and CI may run as root: the cluster then belongs to the
# `postgres` user (made by Debian's package; created here if missing) and every server
# command runs as that user through runuser. As anyone else it runs as the caller.

ci_pg_fail() {
  echo "ci: postgres: $*" >&2
  return 1
}

# The folder of initdb, pg_ctl, createdb and psql: initdb's own (through links) when it is
# on the PATH, else Debian's newest /usr/lib/postgresql/<version>/bin (the package does not
# put them on the PATH).
ci_pg_bin() {
  if command -v initdb >/dev/null && command -v pg_ctl >/dev/null; then
    dirname "$(readlink -f "$(command -v initdb)")"
    return
  fi
  local newest
  newest=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  [ -n "$newest" ] && [ -x "$newest/initdb" ] && echo "$newest"
}

ci_pg_install() {
  [ -n "$(ci_pg_bin)" ] && return
  echo "== installing PostgreSQL (Debian's postgresql package)"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -q
  apt-get install -y -q postgresql
  # The package may have started its own cluster (port 5432); ours does not use it.
}

# A TCP port nothing listens on.
ci_pg_free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

ci_postgres_start() {
  ci_pg_install || return 1
  local bin owner
  bin=$(ci_pg_bin) || true
  [ -n "$bin" ] || { ci_pg_fail "no initdb after installing postgresql"; return 1; }
  CI_PG_DIR=$(mktemp -d "${TMPDIR:-/tmp}/frontline-pg.XXXXXX")
  CI_PG_PORT=$(ci_pg_free_port)
  CI_PG_AS=()
  if [ "$(id -u)" = 0 ]; then
    owner=postgres
    id -u "$owner" >/dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin "$owner"
    chown "$owner": "$CI_PG_DIR"
    CI_PG_AS=(runuser -u "$owner" --)
  fi
  # Trust on a loopback port in a folder only its owner reads: the cluster lives as long as
  # the CI run and holds nothing but test data. fsync off: nothing here must survive a crash.
  "${CI_PG_AS[@]}" "$bin/initdb" -D "$CI_PG_DIR/data" -U frontline --auth=trust --encoding=UTF8 --locale=C.UTF-8 \
    >"$CI_PG_DIR/initdb.log" 2>&1 || { cat "$CI_PG_DIR/initdb.log" >&2; ci_pg_fail "initdb failed"; return 1; }
  "${CI_PG_AS[@]}" "$bin/pg_ctl" -D "$CI_PG_DIR/data" -l "$CI_PG_DIR/server.log" -w -t 60 \
    -o "-c listen_addresses=127.0.0.1 -p $CI_PG_PORT -c unix_socket_directories=$CI_PG_DIR -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
    start >/dev/null || { cat "$CI_PG_DIR/server.log" >&2; ci_pg_fail "the server did not start"; return 1; }
  CI_PG_BIN=$bin
  trap ci_postgres_stop EXIT
  "$bin/createdb" -h 127.0.0.1 -p "$CI_PG_PORT" -U frontline frontline_test ||
    { ci_pg_fail "cannot create the test database"; return 1; }
  export FRONTLINE_TEST_PG="postgres://frontline@127.0.0.1:$CI_PG_PORT/frontline_test"
  echo "== PostgreSQL $("$bin/postgres" --version | awk '{print $3}') at $FRONTLINE_TEST_PG (data in $CI_PG_DIR)"
}

ci_postgres_stop() {
  [ -n "${CI_PG_DIR:-}" ] || return 0
  "${CI_PG_AS[@]}" "$CI_PG_BIN/pg_ctl" -D "$CI_PG_DIR/data" -m fast -w stop >/dev/null 2>&1 || true
  rm -rf "$CI_PG_DIR"
  CI_PG_DIR=
}

if [ "${BASH_SOURCE[0]}" = "$0" ]; then
  # Run, not sourced: a check that the cluster starts and answers.
  set -euo pipefail
  if [ "${1:-}" != "--check" ]; then
    echo "usage: source .ci/postgres.sh (exports FRONTLINE_TEST_PG), or bash .ci/postgres.sh --check" >&2
    exit 2
  fi
  ci_postgres_start
  psql_bin="$CI_PG_BIN/psql"
  [ -x "$psql_bin" ] || psql_bin=psql
  "$psql_bin" "$FRONTLINE_TEST_PG" -At -c 'SELECT version()'
  "$psql_bin" "$FRONTLINE_TEST_PG" -At -c 'CREATE TABLE t (n int); INSERT INTO t VALUES (1), (2); SELECT sum(n) FROM t'
else
  ci_postgres_start
fi
