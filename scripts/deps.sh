#!/usr/bin/env bash
# Installs what Selaras needs on a Debian/Ubuntu machine, only what is missing.
# Usage: scripts/deps.sh [build] [test] [smoke] [windows] [wine]
set -euo pipefail
cd "$(dirname "$0")/.."

WAILS_VERSION=v2.16.0
want=("$@")
[ ${#want[@]} -eq 0 ] && want=(build)

has() { for w in "${want[@]}"; do [ "$w" = "$1" ] && return 0; done; return 1; }

sudo_() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else
    echo "deps: perlu hak root untuk memasang paket: $*" >&2; exit 1; fi
}

pkgs=(pkg-config gcc)
webkit=""
if has build; then
  pkgs+=(libgtk-3-dev)
  # Debian 12 ships WebKitGTK 4.0; Ubuntu 24.04 only 4.1 (the Makefile then adds -tags webkit2_41).
  if pkg-config --exists webkit2gtk-4.0 2>/dev/null || pkg-config --exists webkit2gtk-4.1 2>/dev/null; then
    :
  elif apt-cache show libwebkit2gtk-4.0-dev >/dev/null 2>&1; then
    webkit=libwebkit2gtk-4.0-dev
  else
    webkit=libwebkit2gtk-4.1-dev
  fi
  [ -n "$webkit" ] && pkgs+=("$webkit")
fi
# LibreOffice, poppler and a Calibri-metric font: the Go test that prints every export to PDF.
has test && pkgs+=(chromium libreoffice-calc-nogui poppler-utils fonts-crosextra-carlito)
# PostgreSQL's server: make test runs the Go suite a second time on a throwaway cluster (scripts/pg-test.sh).
has test && pkgs+=(postgresql)
# The test cluster is made in id_ID.UTF-8, as an office's server is (below).
has test && pkgs+=(locales)
has smoke && pkgs+=(xvfb xauth imagemagick xdotool dbus-x11)
has windows && pkgs+=(nsis p7zip-full) # 7z lists the installer: which WebView2 it carries
# make test-windows: Wine runs selaras.exe (64-bit) and the NSIS installer,
# whose stub is 32-bit (wine32 from the i386 architecture); mingw-w64
# compiles the lane's two small Windows helpers (scripts/wine/native).
if has wine; then
  pkgs+=(wine wine64 gcc-mingw-w64-x86-64-win32)
  if [ "$(dpkg --print-architecture)" = amd64 ]; then
    if ! dpkg --print-foreign-architectures | grep -qx i386; then
      echo "deps: menambahkan arsitektur i386 (wine32 untuk installer NSIS 32-bit)"
      sudo_ dpkg --add-architecture i386
    fi
    pkgs+=(wine32:i386)
  fi
fi
command -v node >/dev/null || pkgs+=(nodejs npm)

missing=()
for p in "${pkgs[@]}"; do
  dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
done
install_() { sudo_ env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >/dev/null; }
if [ ${#missing[@]} -gt 0 ]; then
  echo "deps: memasang paket: ${missing[*]}"
  sudo_ apt-get update -qq
  # Before apt-get update the WebKit probe may have guessed the wrong series: try the other one.
  if ! install_ "${missing[@]}" && [ -n "$webkit" ]; then
    other=libwebkit2gtk-4.0-dev
    [ "$webkit" = "$other" ] && other=libwebkit2gtk-4.1-dev
    install_ "${missing[@]/$webkit/$other}"
  fi
fi

# id_ID.UTF-8 for the PostgreSQL test cluster: its collation ignores
# punctuation, which a C cluster hides (scripts/pg-test.sh).
if has test && ! locale -a 2>/dev/null | grep -qix 'id_ID\.utf-\?8'; then
  echo "deps: membuat locale id_ID.UTF-8"
  if [ -d /var/lib/locales/supported.d ]; then # Ubuntu: locale-gen takes the name
    sudo_ locale-gen id_ID.UTF-8 >/dev/null
  else # Debian: enabled in /etc/locale.gen, then generated
    if grep -q '^# *id_ID.UTF-8 UTF-8' /etc/locale.gen 2>/dev/null; then
      sudo_ sed -i 's/^# *\(id_ID.UTF-8 UTF-8\)/\1/' /etc/locale.gen
    elif ! grep -q '^id_ID.UTF-8 UTF-8' /etc/locale.gen 2>/dev/null; then
      echo 'id_ID.UTF-8 UTF-8' | sudo_ tee -a /etc/locale.gen >/dev/null
    fi
    sudo_ locale-gen >/dev/null
  fi
fi

if ! command -v go >/dev/null; then
  echo "deps: Go tidak ditemukan. Pasang Go 1.26 (https://go.dev/dl) lalu ulangi." >&2
  exit 1
fi
node_major=$(node -p 'process.versions.node.split(".")[0]')
if [ "$node_major" -lt 20 ]; then
  echo "deps: Node.js $(node --version) terlalu lama; Vite memerlukan Node 20.19 atau lebih baru." >&2
  exit 1
fi

gobin=$(go env GOPATH)/bin
if ! "$gobin/wails" version 2>/dev/null | grep -q "${WAILS_VERSION}"; then
  echo "deps: memasang Wails CLI ${WAILS_VERSION}"
  go install "github.com/wailsapp/wails/v2/cmd/wails@${WAILS_VERSION}"
fi

# staticcheck for `make lint-go` (a version that knows Go 1.26), from the Go module proxy.
STATICCHECK_VERSION=v0.8.2
if has test && ! "$gobin/staticcheck" -version 2>/dev/null | grep -q "${STATICCHECK_VERSION#v}"; then
  echo "deps: memasang staticcheck ${STATICCHECK_VERSION}"
  go install "honnef.co/go/tools/cmd/staticcheck@${STATICCHECK_VERSION}"
fi

# npm ci only when the lock file changed since the last install.
if [ ! -f frontend/node_modules/.package-lock.json ] || [ frontend/package-lock.json -nt frontend/node_modules/.package-lock.json ]; then
  echo "deps: npm ci"
  (cd frontend && npm ci --no-audit --no-fund --loglevel=error)
fi
