#!/usr/bin/env bash
# make run: opens the app on the demo workspace at first start. Without a
# display it does the main job headless: creates the demo workspace and says
# where it is (and writes the harmonised Excel matrix once that area exists).
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
echo "Matriks harmonisasi Excel: belum dapat ditulis; area Perbandingan Target dan ekspor Excel belum dibangun."
echo "Buka jendela aplikasi di komputer berlayar dengan: $bin --demo"
