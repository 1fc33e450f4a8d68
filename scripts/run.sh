#!/usr/bin/env bash
# make run: opens the app on the demo workspace at first start. Without a
# display it does the main job headless: creates the demo workspace and
# writes the harmonised Excel matrix, printing where both are.
set -euo pipefail
cd "$(dirname "$0")/.."
bin=./build/bin/selaras

if [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
  exec "$bin" --demo "$@"
fi

echo "Tidak ada layar (DISPLAY/WAYLAND_DISPLAY kosong): Selaras berjalan tanpa jendela."
demo="${SELARAS_DEMO_DB:-${XDG_CONFIG_HOME:-$HOME/.config}/Selaras/demo.db}"
if [ -f "$demo" ]; then
  echo "Ruang kerja demo sudah ada: $demo"
else
  "$bin" demo --db "$demo"
fi
out="${SELARAS_OUT:-$HOME/Selaras}/Matriks-Target-Kepulauan-Bangka-Belitung-2025.xlsx"
"$bin" export --db "$demo" --province 19 --year 2025 --out "$out"
# The whole workbook for the ministry: targets, the Renja program matrix, the synchronisation matrix.
book="$(dirname "$out")/Selaras-Kepulauan-Bangka-Belitung-2025.xlsx"
"$bin" export --db "$demo" --province 19 --year 2025 --sheets target,program,sinkronisasi --out "$book"
echo "Buka jendela aplikasi di komputer berlayar dengan: $bin --demo"
