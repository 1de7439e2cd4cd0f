# Gloss — build, run and test. `make run` and `make test` install what a fresh
# Debian/Ubuntu machine with Go and a C compiler is missing (with apt-get,
# through sudo when not root), then do their job.

SHELL   := /bin/bash
GO      ?= go
BIN     := bin
VERSION := $(shell git describe --tags --always --dirty 2>/dev/null || echo dev)
LDFLAGS := -X main.Version=$(VERSION)

# System packages: what Fyne needs to build (GL and X11 headers), and what the
# real-window tests need (a virtual X server, a driver for it, a screenshot tool).
BUILD_PKGS := gcc pkg-config libgl1-mesa-dev libx11-dev libxcursor-dev libxrandr-dev \
              libxinerama-dev libxi-dev libxxf86vm-dev libxkbcommon-dev
TEST_PKGS  := xvfb xdotool imagemagick fonts-noto-cjk fonts-noto-color-emoji

SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

# SQLite's full-text index (FTS5) is compiled into go-sqlite3 only with the
# sqlite_fts5 build tag: every go command here builds with it (GOFLAGS, so
# that the tag reaches go test, vet, bench and the scripts in .ci). A
# build without it fails loudly: store.Open refuses to open any project.
# A -tags on a go command line replaces the one in GOFLAGS, so such a
# command names $(GO_TAGS) too.
GO_TAGS := sqlite_fts5
export GOFLAGS := $(strip $(filter-out -tags=%,$(GOFLAGS)) -tags=$(GO_TAGS))

# How long each fuzz target runs in `make test`.
export FUZZ_TIME ?= 4s

.PHONY: all build run test vet lint tools fmt-check unit race fuzz e2e bench deps test-deps clean help

all: build

help:
	@echo "make run    install missing system packages, build, open Gloss on the default project"
	@echo "make test   install missing packages, then vet, unit, fuzz and real-window tests"
	@echo "make build  build bin/gloss and bin/gloss-cli"
	@echo "make lint   go vet, staticcheck and actionlint (part of make test)"
	@echo "make bench  run the benchmarks (-count=5) and print the table of targets and ratios"

## deps: install the system packages a Fyne build needs, when missing.
deps:
	@.ci/install-packages $(BUILD_PKGS)

## test-deps: also what the real-window tests need, and a PostgreSQL server
## for the server store's tests (internal/pgtest starts a throwaway cluster)
## when no initdb is found on PATH or in /usr/lib/postgresql/*/bin.
test-deps: deps
	@.ci/install-packages $(TEST_PKGS)
	@command -v initdb >/dev/null || ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || .ci/install-packages postgresql

build: deps
	$(GO) build -ldflags "$(LDFLAGS)" -o $(BIN)/gloss ./cmd/gloss
	$(GO) build -ldflags "$(LDFLAGS)" -o $(BIN)/gloss-cli ./cmd/gloss-cli

run: build
	$(BIN)/gloss

test: test-deps lint fmt-check unit race fuzz e2e package-check
	@echo "make test: all passed"

vet:
	$(GO) vet ./...

## Linters, installed from the Go module proxy into .tools/ at pinned versions.
STATICCHECK_VERSION ?= v0.8.2
ACTIONLINT_VERSION  ?= v1.7.12
TOOLS := $(CURDIR)/.tools

$(TOOLS)/staticcheck:
	GOBIN=$(TOOLS) $(GO) install honnef.co/go/tools/cmd/staticcheck@$(STATICCHECK_VERSION)

$(TOOLS)/actionlint:
	GOBIN=$(TOOLS) $(GO) install github.com/rhysd/actionlint/cmd/actionlint@$(ACTIONLINT_VERSION)

tools: $(TOOLS)/staticcheck $(TOOLS)/actionlint

## lint: go vet, staticcheck over every package, actionlint over the CI workflows.
lint: deps vet tools
	$(TOOLS)/staticcheck ./...
	$(TOOLS)/actionlint .github/workflows/*.yml

fmt-check:
	@out=$$(gofmt -l $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go')); \
	if [ -n "$$out" ]; then echo "gofmt needed on:"; echo "$$out"; exit 1; fi

unit:
	$(GO) test -count=1 -timeout 30m ./...

## race: the packages with goroutines and several connections, under the race detector.
race:
	$(GO) test -race -count=1 -timeout 30m ./store ./store/pgstore ./app ./app/textview

## fuzz: run every fuzz target briefly.
fuzz:
	.ci/fuzz

## e2e: the real window under Xvfb, driven with xdotool. The window is a
## separate binary, bin/gloss-e2e, built with the e2e tag: the hooks the test
## needs (app/e2e.go) are not compiled into bin/gloss. e2e-server.sh opens two
## windows on one PostgreSQL project and checks that a span saved in one shows
## in the other.
e2e: build
	$(GO) build -tags e2e,$(GO_TAGS) -ldflags "$(LDFLAGS)" -o $(BIN)/gloss-e2e ./cmd/gloss
	@if [ -x .ci/e2e-gui.sh ]; then .ci/e2e-gui.sh $(BIN)/gloss-e2e $(BIN)/gloss-cli; else echo "e2e: .ci/e2e-gui.sh missing"; exit 1; fi
	.ci/e2e-server.sh $(BIN)/gloss-e2e

## bench: every benchmark five times, then the summary table (docs/performance.md).
BENCH_COUNT ?= 5
bench: test-deps
	@mkdir -p test-artifacts
	$(GO) test -run '^$$' -bench . -benchmem -count=$(BENCH_COUNT) -timeout 120m ./store ./app/... ./annotate/... | tee test-artifacts/bench.txt
	$(GO) test -run '^$$' -bench 'Load20Annotators' -benchtime=12000x -count=$(BENCH_COUNT) -timeout 60m ./store/pgstore | tee -a test-artifacts/bench.txt
	@echo
	@$(GO) run ./.ci/benchsummary < test-artifacts/bench.txt | tee test-artifacts/bench-summary.txt

## ---- Packaging: installers, release artifacts and checksums in dist/ ------
## See docs/install.md. The work is done by .ci/package.sh (templates in
## .ci/packaging/), on a copy of the tree, so FyneApp.toml is never rewritten.

# `fyne package` comes from this fyne.io/tools release (go install into a
# temporary folder; only Go's module and build caches are kept).
FYNE_TOOLS_VERSION ?= v1.7.4
DIST               ?= dist
PKG_LINUX_PKGS     := dpkg-dev xz-utils file desktop-file-utils shared-mime-info
PKG_WINDOWS_PKGS   := gcc-mingw-w64-x86-64 nsis imagemagick binutils-mingw-w64-x86-64
PACKAGE             = VERSION="$(VERSION)" GO="$(GO)" DIST="$(DIST)" \
                      FYNE_TOOLS_VERSION="$(FYNE_TOOLS_VERSION)" .ci/package.sh

.PHONY: package package-linux package-windows package-darwin package-check

## package: empty dist/, build every artifact this machine can build, write SHA256SUMS.
package: deps
	@.ci/install-packages $(PKG_LINUX_PKGS) $(PKG_WINDOWS_PKGS)
	$(PACKAGE) all

## package-linux: the tarball (fyne package), the .deb and gloss-cli for Linux.
package-linux: deps
	@.ci/install-packages $(PKG_LINUX_PKGS)
	$(PACKAGE) linux

## package-windows: the NSIS installer, gloss.exe and gloss-cli.exe (mingw-w64).
package-windows: deps
	@.ci/install-packages $(PKG_WINDOWS_PKGS)
	$(PACKAGE) windows

## package-darwin: the .dmg, on a Mac only; elsewhere it says how and succeeds.
package-darwin:
	$(PACKAGE) darwin

## package-check: build the Linux tarball and .deb in a temporary folder and
## check their contents (part of `make test`).
package-check: deps
	@.ci/install-packages $(PKG_LINUX_PKGS)
	$(PACKAGE) check

clean:
	rm -rf $(BIN) dist test-artifacts
