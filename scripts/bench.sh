#!/usr/bin/env bash
# make bench: every benchmark on SQLite, then those that read or write the
# workspace again on the PostgreSQL test cluster (scripts/pg-test.sh), and a
# table of both side by side: the median wall time, the median CPU time of
# the Go process (cpu-ms/op, where the benchmark reports it: on a shared
# machine it leaves out the time given to others), the goal, and the ratio to
# the benchmark's baseline where one is measured in the same run.
# Raw output: build/bench/{sqlite,postgres}.txt. With BENCH_BEFORE=dir holding
# an earlier run's sqlite.txt and postgres.txt, benchstat compares the two.
# BENCH_COUNT (3) runs of each; BENCH_PG=0 skips PostgreSQL; BENCH_TABLE_ONLY=1
# prints the table of the raw output already there.
set -euo pipefail
cd "$(dirname "$0")/.."

out=build/bench
mkdir -p "$out"
count=${BENCH_COUNT:-3}
# The packages whose benchmarks read or write the workspace in the timed
# loop (storetest.DSN). xlsx's export reads it only in its setup: not here.
db_pkgs=(./backend/harmonise ./backend/exchange ./backend/program ./backend/target)

if [ "${BENCH_TABLE_ONLY:-0}" = 1 ]; then
  : # the table of the raw output already in $out
else
echo "bench: SQLite" >&2
# Our packages, as the Makefile lists them (not ./..., which reaches into node_modules).
read -r -a pkgs <<<"$(make -s --no-print-directory go-pkgs)"
go test -run '^$' -bench . -benchmem -count "$count" "${pkgs[@]}" | tee "$out/sqlite.txt"
: > "$out/postgres.txt"
fi
if [ "${BENCH_TABLE_ONLY:-0}" != 1 ] && [ "${BENCH_PG:-1}" != 0 ]; then
  url=$(scripts/pg-test.sh start)
  echo "bench: PostgreSQL" >&2
  SELARAS_TEST_PG="$url" go test -run '^$' -bench . -benchmem -count "$count" "${db_pkgs[@]}" | tee "$out/postgres.txt"
fi

# Goals (ms) and baselines: a benchmark's figure is also shown as a ratio to
# its baseline's in the same run and engine.
goals='ProvinceYear=<5ms CountryYear=<100ms Tree20000=<50ms Import10000=<0.5s(SQLite),<1s(PG) ExportNational=<=1.3x,<150MB'
baselines='ExportNational=BareStreamWriter'

# name-N  iterations  x ns/op ...: the medians per name and engine.
table() {
  awk -v goals="$goals" -v baselines="$baselines" '
    function median(list,   n, a, i, j, t) {
      n = split(list, a, " ")
      if (n == 0) return ""
      for (i = 2; i <= n; i++) for (j = i; j > 1 && a[j-1] + 0 > a[j] + 0; j--) { t = a[j]; a[j] = a[j-1]; a[j-1] = t }
      return n % 2 ? a[(n+1)/2] : (a[n/2] + a[n/2+1]) / 2
    }
    function ms(x) {
      if (x == "") return "-"
      if (x >= 1e9) return sprintf("%.2f s", x / 1e9)
      if (x >= 1e6) return sprintf("%.1f ms", x / 1e6)
      if (x >= 1e3) return sprintf("%.1f µs", x / 1e3)
      return sprintf("%.0f ns", x)
    }
    function cpu(x) { return x == "" ? "-" : sprintf("%.1f ms", x) }
    function ratio(a, b) { return (a == "" || b == "" || b == 0) ? "" : sprintf(" (%.2fx)", a / b) }
    BEGIN {
      n = split(goals, g, " "); for (i = 1; i <= n; i++) { eq = index(g[i], "="); goal[substr(g[i], 1, eq - 1)] = substr(g[i], eq + 1) }
      n = split(baselines, g, " "); for (i = 1; i <= n; i++) { split(g[i], kv, "="); base[kv[1]] = kv[2] }
    }
    FNR == 1 { f++ }
    /^Benchmark/ {
      name = $1; sub(/-[0-9]+$/, "", name); sub(/^Benchmark/, "", name)
      for (i = 3; i < NF; i++) {
        if ($(i+1) == "ns/op") t[f, name] = t[f, name] " " $i
        if ($(i+1) == "cpu-ms/op") c[f, name] = c[f, name] " " $i
        if ($(i+1) == "maxRSS-MB") r[f, name] = r[f, name] " " $i
      }
      if (!(name in seen)) { seen[name] = 1; order[++k] = name }
    }
    END {
      for (e = 1; e <= 2; e++) for (i = 1; i <= k; i++) {
        nm = order[i]; T[e, nm] = median(t[e, nm]); C[e, nm] = median(c[e, nm]); R[e, nm] = median(r[e, nm])
      }
      printf "\n%-24s | %-22s | %-17s | %-24s | %-17s | %-9s | %s\n", "benchmark", "SQLite wall (x base)", "SQLite CPU", "PostgreSQL wall (x base)", "PG CPU", "peak RSS", "goal"
      printf "%s\n", "-------------------------|------------------------|-------------------|--------------------------|-------------------|-----------|-----------"
      for (i = 1; i <= k; i++) {
        nm = order[i]; b = base[nm]
        printf "%-24s | %-22s | %-17s | %-24s | %-17s | %-9s | %s\n", nm,
          ms(T[1, nm]) ratio(T[1, nm], T[1, b]), cpu(C[1, nm]) ratio(C[1, nm], C[1, b]),
          ms(T[2, nm]) ratio(T[2, nm], T[2, b]), cpu(C[2, nm]) ratio(C[2, nm], C[2, b]),
          R[1, nm] == "" ? "" : sprintf("%.0f MB", R[1, nm]), (nm in goal) ? goal[nm] : ""
      }
    }' "$out/sqlite.txt" "$out/postgres.txt"
}
table | tee "$out/table.txt"

# Before/after: benchstat, from the Go module proxy when not installed.
if [ -n "${BENCH_BEFORE:-}" ]; then
  bs=$(command -v benchstat || true)
  if [ -z "$bs" ]; then
    go install golang.org/x/perf/cmd/benchstat@latest && bs=$(go env GOPATH)/bin/benchstat
  fi
  for e in sqlite postgres; do
    if [ -s "$BENCH_BEFORE/$e.txt" ] && [ -s "$out/$e.txt" ]; then
      echo; echo "== $e: before ($BENCH_BEFORE) vs after"
      "$bs" "before=$BENCH_BEFORE/$e.txt" "after=$out/$e.txt"
    fi
  done
fi
