#!/usr/bin/env bash
# make bench: every benchmark on SQLite, then those that read or write the
# workspace again on the PostgreSQL test cluster (scripts/pg-test.sh), and a
# table of both side by side. Raw output: build/bench/{sqlite,postgres}.txt.
set -euo pipefail
cd "$(dirname "$0")/.."

out=build/bench
mkdir -p "$out"
# The packages whose benchmarks read or write the workspace in the timed
# loop (storetest.DSN). xlsx's export reads it only in its setup: not here.
db_pkgs=(./backend/harmonise ./backend/exchange ./backend/program)

echo "bench: SQLite" >&2
go test -run '^$' -bench . -benchmem ./... | tee "$out/sqlite.txt"
url=$(scripts/pg-test.sh start)
echo "bench: PostgreSQL" >&2
SELARAS_TEST_PG="$url" go test -run '^$' -bench . -benchmem "${db_pkgs[@]}" | tee "$out/postgres.txt"

# name-N  iterations  x ns/op ...: the time per operation, keyed by name.
table() {
  awk '
    FNR == 1 { f++ }
    /^Benchmark/ {
      name = $1; sub(/-[0-9]+$/, "", name); sub(/^Benchmark/, "", name)
      for (i = 3; i < NF; i++) if ($(i+1) == "ns/op") t[f, name] = $i
      if (!(name in seen)) { seen[name] = 1; order[++n] = name }
    }
    function ms(x) {
      if (x == "") return "—"
      if (x >= 1e9) return sprintf("%.2f s", x / 1e9)
      if (x >= 1e6) return sprintf("%.1f ms", x / 1e6)
      if (x >= 1e3) return sprintf("%.1f µs", x / 1e3)
      return sprintf("%.0f ns", x)
    }
    END {
      printf "\n%-40s | %12s | %12s\n", "benchmark", "SQLite", "PostgreSQL"
      printf "%-40s-|-%12s-|-%12s\n", "----------------------------------------", "------------", "------------"
      for (i = 1; i <= n; i++) {
        k = order[i]
        if ((2, k) in t) printf "%-40s | %12s | %12s\n", k, ms(t[1, k]), ms(t[2, k])
      }
    }' "$out/sqlite.txt" "$out/postgres.txt"
}
table
