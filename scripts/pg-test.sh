#!/usr/bin/env bash
# Starts (or reuses) a throwaway PostgreSQL cluster on a local port for the
# tests, as an unprivileged user, and prints the connection URL of its
# superuser. Usage: scripts/pg-test.sh start|stop|url
#
# The cluster is made the way an Indonesian office's server is: Debian's
# package on a machine in id_ID.UTF-8 gives every database that locale's
# collation, under which punctuation is ignored ('19.01' < '19/' is false).
# A suite run on a C cluster cannot see that, so id_ID.UTF-8 is the default.
#   SELARAS_PG_DIR     where the cluster lives (default /tmp/selaras-pg)
#   SELARAS_PG_PORT    port on 127.0.0.1 (default 55432)
#   SELARAS_PG_LOCALE  the cluster's locale (default id_ID.UTF-8; C.UTF-8 for
#                      a C lane, in a directory of its own)
#   SELARAS_PG_BIN     the bin folder of another PostgreSQL (default: the
#                      newest under /usr/lib/postgresql)
# A cluster found in the directory with another locale or version (a machine
# reused from an older run) is stopped and made again.
set -euo pipefail

dir=${SELARAS_PG_DIR:-/tmp/selaras-pg}
port=${SELARAS_PG_PORT:-55432}
loc=${SELARAS_PG_LOCALE:-id_ID.UTF-8}
pass=selaras-test
url="postgres://selaras:${pass}@127.0.0.1:${port}/postgres?sslmode=disable"

bin=${SELARAS_PG_BIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)}
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

# has_locale: locale -a spells id_ID.UTF-8 as id_ID.utf8.
has_locale() {
  local want
  want=$(printf '%s' "$1" | tr 'A-Z' 'a-z' | sed 's/utf-8$/utf8/')
  locale -a 2>/dev/null | tr 'A-Z' 'a-z' | grep -qx -- "$want"
}

# What the cluster was made with: the marker is compared on every start.
made_with="locale=$loc version=$("$bin/initdb" --version | awk '{print $3}')"

case "${1:-start}" in
start)
  if ! has_locale "$loc"; then
    echo "pg-test: locale $loc belum dibuat di mesin ini: jalankan scripts/deps.sh test (locale-gen)" >&2
    exit 1
  fi
  was=$(cat "$dir/made-with" 2>/dev/null || echo "tanpa keterangan")
  if [ -f "$dir/data/PG_VERSION" ] && [ "$was" != "$made_with" ]; then
    echo "pg-test: klaster di $dir dibuat dengan $was, bukan $made_with: dibuat ulang" >&2
    as_user "$bin/pg_ctl" -D "$dir/data" -m fast stop >/dev/null 2>&1 ||
      { [ -f "$dir/data/postmaster.pid" ] && kill "$(head -1 "$dir/data/postmaster.pid")" 2>/dev/null && sleep 2; } || true
    rm -rf "$dir"
  fi
  if [ ! -f "$dir/data/PG_VERSION" ]; then
    rm -rf "$dir" && mkdir -p "$dir"
    printf '%s\n' "$pass" > "$dir/pw"
    as_user "$bin/initdb" -D "$dir/data" -U selaras --pwfile="$dir/pw" -A scram-sha-256 -E UTF8 --locale="$loc" >"$dir/initdb.log"
    printf '%s\n' "$made_with" > "$dir/made-with"
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
