# Selaras. Two commands set up a fresh Debian/Ubuntu machine:
#   make run    install what is missing, build, launch on the demo workspace
#   make test   every test: Go on SQLite and on PostgreSQL, load, frontend, end-to-end
SHELL := /bin/bash
export PATH := $(shell go env GOPATH 2>/dev/null)/bin:$(PATH)

VERSION ?= $(shell git describe --tags --always --dirty 2>/dev/null || echo dev)
LDFLAGS := -X selaras/backend/version.Version=$(VERSION)
# WebKitGTK 4.1 (Ubuntu 24.04) needs a build tag; 4.0 (Debian 12) needs none.
# Probed when the recipe runs, after deps may have installed it.
WEBKIT_TAGS = $$(pkg-config --exists webkit2gtk-4.0 || (pkg-config --exists webkit2gtk-4.1 && echo -tags webkit2_41))

.PHONY: go-pkgs run test deps-test vet-windows build build-windows test-windows frontend e2e-bin lint-go test-race test-go test-go-sqlite test-go-pg test-go-pg-oldest test-load test-load-regency test-room-load test-frontend test-e2e smoke start-time bench regions deps clean

run: build
	@scripts/run.sh

deps:
	@scripts/deps.sh build

# The frontend is built here, not by wails, so dist/.gitkeep can be restored
# (Vite empties dist; go:embed needs a file there on a clean clone).
frontend:
	cd frontend && npm run build --silent
	@touch frontend/dist/.gitkeep

# Wails rewrites the generated bindings with mode 755; the tracked files are
# 644, so put that back and the tree stays clean (git describe: not -dirty).
WAILSJS_MODES = find frontend/src/lib/wailsjs -type f -exec chmod 644 {} +

build: deps frontend
	wails build -s -m -trimpath $(WEBKIT_TAGS) -ldflags "$(LDFLAGS)" -o selaras
	@$(WAILSJS_MODES)

# Microsoft's offline WebView2 installer, bundled when present (see
# build/windows/webview2/README.md). -tags wv2runtime.error: a PC without
# WebView2 gets our message (app/windows.go), never a download attempt.
WEBVIEW2_OFFLINE := build/windows/webview2/MicrosoftEdgeWebView2RuntimeInstallerX64.exe

build-windows:
	@scripts/deps.sh windows
	$(MAKE) frontend
	rm -f build/bin/Selaras-amd64-installer.exe
	wails build -s -m -trimpath -platform windows/amd64 -nsis -tags wv2runtime.error -ldflags "$(LDFLAGS)" -o selaras.exe
	@$(WAILSJS_MODES)
	@rm -rf build/windows/installer/tmp
	@test -f build/bin/Selaras-amd64-installer.exe
	@if 7z l build/bin/Selaras-amd64-installer.exe | grep -q MicrosoftEdgeWebView2RuntimeInstallerX64.exe; then \
	  echo "build-windows: installer LURING (offline): build/bin/Selaras-amd64-installer.exe memuat WebView2 Runtime dari $(WEBVIEW2_OFFLINE)"; \
	else \
	  echo "build-windows: installer DARING (online): build/bin/Selaras-amd64-installer.exe hanya memuat bootstrapper WebView2 (perlu internet bila WebView2 belum terpasang)."; \
	  echo "build-windows: untuk installer luring letakkan $(WEBVIEW2_OFFLINE) (lihat build/windows/webview2/README.md)"; \
	fi

test: deps-test lint-go test-go test-race test-load test-load-regency test-room-load test-frontend test-e2e

# The Windows build run under Wine (scripts/wine, README "Windows"): the
# headless commands against the Linux build of the same commit on the same
# inputs, the Windows-only folders, messages and console rules, and the
# installer. Not in `make test`: it needs the Windows build and Wine
# (32-bit too, for the installer), and CI runs it after the Linux tests.
test-windows: build-windows
	@scripts/deps.sh wine
	go build -trimpath -ldflags "$(LDFLAGS)" -o build/windows-test/selaras .
	go vet -tags wine ./scripts/wine/
	go test -tags wine -count=1 -timeout 20m -v ./scripts/wine/

# The Windows-only code vets, and the tests of the package holding it compile
# (its decisions are pure functions whose tests run on Linux).
vet-windows:
	GOOS=windows go vet $(GO_PKGS)
	GOOS=windows go test -c -o /dev/null ./app

deps-test:
	@scripts/deps.sh test

# The Go suite runs twice: on SQLite files, then on a throwaway PostgreSQL
# cluster in id_ID.UTF-8, as an Indonesian office's server is
# (scripts/pg-test.sh: started once, reused by later runs, left running;
# `scripts/pg-test.sh stop` ends it). SELARAS_REQUIRE_PG makes the
# tests of the shared workspace fail, not skip, when the server is missing.
# Without PostgreSQL installed `make test` fails: `make test-go-sqlite` is the
# quick local run on SQLite alone.
PG_TEST = scripts/pg-test.sh
# Our Go packages. Not ./...: that walks into frontend/node_modules, where an
# npm dependency (flatted) ships a Go package of its own, which neither our
# linters nor our tests should answer for.
GO_PKGS = . ./app/... ./backend/... ./scripts/...
# For scripts that run go over the same packages (scripts/bench.sh).
go-pkgs:
	@echo $(GO_PKGS)
GO_TEST_ENV = SELARAS_REQUIRE_NPM=1 SELARAS_REQUIRE_SOFFICE=1
# The load tests run on their own (below), with -v so their figures are in the log.
LOAD_TEST = TestLoadThirtyClients
REGENCY_LOAD_TEST = TestLoadRegencies
ROOM_LOAD_TEST = TestRoomLoad
SKIP_LOAD = -skip '^($(LOAD_TEST)|$(REGENCY_LOAD_TEST)|$(ROOM_LOAD_TEST))$$'

test-go: test-go-sqlite test-go-pg test-go-pg-oldest

# staticcheck's default checks (bugs, simplifications, unused code; its
# style checks stay off by its own default), installed by scripts/deps.sh test.
lint-go:
	staticcheck $(GO_PKGS)

# The race detector where goroutines share state, on PostgreSQL: the
# store's tests that run them (the shared workspace's LISTEN loop, the
# commit hooks, the fake servers of Explain), app's live events (the
# coalescer and the bridge) and the 30 clients of the load test for
# RACE_SECONDS. Only those: under -race the pure-Go SQLite runs many times
# slower, and the whole store suite would take a quarter of an hour.
RACE_SECONDS ?= 3
RACE_STORE_TESTS = ^(TestShared|TestOnCommit|TestExplainNotPostgres)
test-race:
	url=$$($(PG_TEST) start) && \
	  SELARAS_TEST_PG="$$url" SELARAS_REQUIRE_PG=1 go test -race -count=1 -timeout 10m -run '$(RACE_STORE_TESTS)' ./backend/store/ && \
	  SELARAS_TEST_PG="$$url" SELARAS_REQUIRE_PG=1 SELARAS_LOAD_SECONDS=$(RACE_SECONDS) go test -race -count=1 -timeout 10m -run '^$(LOAD_TEST)$$' ./backend/loadtest/ && \
	  SELARAS_TEST_PG="$$url" SELARAS_REQUIRE_PG=1 go test -race -count=1 -timeout 10m -run 'Live|Coalescer|Bridge' ./app/

test-go-sqlite:
	@files=$$(gofmt -l $$(git ls-files '*.go')); if [ -n "$$files" ]; then echo "gofmt would change: $$files"; exit 1; fi
	go vet $(GO_PKGS)
	$(GO_TEST_ENV) go test -timeout 20m $(SKIP_LOAD) $(GO_PKGS)

test-go-pg:
	url=$$($(PG_TEST) start) && \
	  SELARAS_TEST_PG="$$url" SELARAS_REQUIRE_PG=1 $(GO_TEST_ENV) go test -timeout 30m $(SKIP_LOAD) $(GO_PKGS)

# The oldest PostgreSQL the README supports (14, scripts/pg-oldest.sh; the
# cluster in id_ID.UTF-8 too): the packages that speak to the engine, and the
# parity of the demo's answers with its SQLite file (the national dataset's
# runs on Debian's PostgreSQL in test-go-pg, to keep CI's time).
PG_OLDEST_ENV = SELARAS_PG_DIR=$${SELARAS_PG_OLDEST_DIR:-/tmp/selaras-pg14} SELARAS_PG_PORT=$${SELARAS_PG_OLDEST_PORT:-55431}
test-go-pg-oldest:
	bin=$$(scripts/pg-oldest.sh) && url=$$(SELARAS_PG_BIN=$$bin $(PG_OLDEST_ENV) $(PG_TEST) start) && \
	  SELARAS_TEST_PG="$$url" SELARAS_REQUIRE_PG=1 $(GO_TEST_ENV) go test -timeout 20m \
	    -skip TestNationalAnswersTheSameOnEveryEngine ./backend/store/... ./backend/shared/... ./backend/exchange/... ./backend/cli/... ./backend/parity/...

# 30 clients, each with its own connection pool as a separate PC would, edit
# values, decisions and plan lines at once on one PostgreSQL database.
# LOAD_SECONDS bounds it (CI: 60, a meeting's minute of everyone saving at once;
# the test's own default without it is 10).
LOAD_SECONDS ?= 60
test-load:
	url=$$($(PG_TEST) start) && \
	  SELARAS_TEST_PG="$$url" SELARAS_REQUIRE_PG=1 SELARAS_LOAD_SECONDS=$(LOAD_SECONDS) go test -count=1 -timeout 10m -run '^$(LOAD_TEST)$$' -v ./backend/loadtest/

# The 38 kab/kota of a province, each logged in with its own regency role,
# type into their own grids while the secretariat projects the matrix: no
# lost update, no refusal, the matrix fresh within a second; prints p95.
# At most 30 s of typing (LOAD_SECONDS caps it lower).
test-load-regency:
	url=$$($(PG_TEST) start) && \
	  SELARAS_TEST_PG="$$url" SELARAS_REQUIRE_PG=1 SELARAS_LOAD_SECONDS=$(LOAD_SECONDS) go test -count=1 -timeout 10m -run '^$(REGENCY_LOAD_TEST)$$' -v ./backend/loadtest/

# The meeting room on loopback: 80 phones sign the Daftar Hadir within
# ROOM_LOAD_SECONDS (CI: the minute in which a room signs in; alone 15)
# while 80 follow the decisions typed meanwhile; prints p50/p95/max of the
# sign-ins and of each decision's delivery (backend/room/load_test.go).
ROOM_LOAD_SECONDS ?= 60
test-room-load:
	SELARAS_ROOM_LOAD_SECONDS=$(ROOM_LOAD_SECONDS) go test -count=1 -timeout 5m -run '^$(ROOM_LOAD_TEST)$$' -v ./backend/room/

test-frontend:
	cd frontend && npm run lint --silent && npm run typecheck --silent && npm test --silent

# The e2e binary has no window (no desktop tag): it serves the real backend to Chromium.
e2e-bin: frontend
	go build -trimpath -ldflags "$(LDFLAGS)" -o build/e2e/selaras .

# The two-backend e2e shares one PostgreSQL database: the cluster is started for it too.
test-e2e: e2e-bin
	url=$$($(PG_TEST) start) && cd frontend && SELARAS_TEST_PG="$$url" npm run e2e --silent

smoke: build
	@scripts/deps.sh smoke
	scripts/smoke-native.sh build/bin/selaras

# Time to first screen of the native window beside a bare Wails template app
# (scripts/start-time.sh). Not in `make test`: it times, it does not check.
start-time: build
	@scripts/deps.sh smoke
	scripts/start-time.sh build/bin/selaras

# Every benchmark on SQLite, those of the workspace again on PostgreSQL, and a
# table of both side by side (scripts/bench.sh).
bench:
	scripts/bench.sh

# Refresh the embedded region data after upgrading idn-area-data in frontend/package.json.
regions:
	go run ./backend/region/internal/gen

clean:
	rm -rf build/bin build/e2e build/smoke build/windows-test
	find frontend/dist -mindepth 1 ! -name .gitkeep -delete
