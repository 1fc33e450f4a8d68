#!/usr/bin/env bash
# Starts (or reuses) a throwaway PostgreSQL cluster on a local port for the
# tests, as an unprivileged user, and prints the connection URL of its
# superuser. Usage: scripts/pg-test.sh start|stop|url
# The cluster lives in $SELARAS_PG_DIR (default /tmp/selaras-pg) and listens
# on 127.0.0.1:$SELARAS_PG_PORT (default 55432) only.
set -euo pipefail

dir=${SELARAS_PG_DIR:-/tmp/selaras-pg}
port=${SELARAS_PG_PORT:-55432}
pass=selaras-test
url="postgres://selaras:${pass}@127.0.0.1:${port}/postgres?sslmode=disable"

bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)
if [ -z "$bin" ] || [ ! -x "$bin/initdb" ]; then
  echo "pg-test: PostgreSQL server tidak terpasang (apt install postgresql)" >&2
  exit 1
fi

# PostgreSQL refuses to run as root: root runs it as an unprivileged user.
as_user() {
  if [ "$(id -u)" -eq 0 ]; then
    id selarastest >/dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin selarastest
    chown -R selarastest "$dir"
    runuser -u selarastest -- "$@"
  else
    "$@"
  fi
}

case "${1:-start}" in
start)
  if [ ! -f "$dir/data/PG_VERSION" ]; then
    rm -rf "$dir" && mkdir -p "$dir"
    printf '%s\n' "$pass" > "$dir/pw"
    as_user "$bin/initdb" -D "$dir/data" -U selaras --pwfile="$dir/pw" -A scram-sha-256 -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log"
  fi
  if ! as_user "$bin/pg_ctl" -D "$dir/data" status >/dev/null 2>&1; then
    as_user "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c max_connections=200 -c fsync=off" start >/dev/null
  fi
  echo "$url"
  ;;
stop)
  [ -f "$dir/data/PG_VERSION" ] && as_user "$bin/pg_ctl" -D "$dir/data" -m fast stop >/dev/null || true
  ;;
url)
  echo "$url"
  ;;
*)
  echo "usage: $0 start|stop|url" >&2
  exit 2
  ;;
esac
