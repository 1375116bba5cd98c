# Samkjøp — two commands do everything on a fresh Debian 12 machine:
#   make run    install what is missing, build, start the server on SQLite with the RIIK demo data
#   make test   install what is missing, build, run every test (C++ units, API on SQLite and
#               PostgreSQL, spend engine vs. DuckDB on a small file, web units, browser + axe)
# Other targets: make build, make bench, make format, make clean.

BUILD     ?= build
JOBS      ?= $(shell nproc)
BUILDTYPE ?= Release
LISTEN    ?= 127.0.0.1:8080
export CCACHE_SLOPPINESS = pch_defines,time_macros,include_file_mtime,include_file_ctime

.PHONY: all deps configure cpp web build run test test-unit test-api test-spend test-web test-e2e test-later test-format bench clean format

all: build

deps:
	@scripts/install-deps.sh

$(BUILD)/build.ninja: CMakeLists.txt
	cmake -S . -B $(BUILD) -G Ninja -DCMAKE_BUILD_TYPE=$(BUILDTYPE)

configure: deps $(BUILD)/build.ninja

cpp: configure
	cmake --build $(BUILD) -j$(JOBS)

web/node_modules/.installed: web/package-lock.json
	cd web && npm ci --no-audit --no-fund --loglevel=error
	touch $@

# The web app's API types are generated from the server's OpenAPI document.
web: cpp web/node_modules/.installed
	$(BUILD)/samkjop openapi > $(BUILD)/openapi.json
	cd web && OPENAPI_FILE=../$(BUILD)/openapi.json npm run --silent build

build: cpp web

run: build
	@scripts/run-demo.sh $(LISTEN)

test: build test-format test-unit test-api test-spend test-web test-e2e
	@echo "make test: all suites passed"

# Style: C++ as .clang-format says (make format fixes it), the web's ESLint rules.
CXX_SOURCES = $(shell find src bench -name '*.cc' -o -name '*.h')
test-format: web/node_modules/.installed
	clang-format --dry-run --Werror $(CXX_SOURCES)
	cd web && npm run --silent lint

test-unit: cpp
	ctest --test-dir $(BUILD) --output-on-failure --timeout 120 -j$(JOBS)

test-api: cpp
	@scripts/test-api.sh

test-spend: cpp
	bench/run-spend.sh --lines 20000 --check-only

test-web: web
	cd web && npm test --silent

test-e2e: build
	tests/e2e/run.sh

# Time is an input: the C++ units and the API suite (SQLite) again with the wall clock three
# years ahead. Only tests run under faketime, never installs or builds (certificates and
# ninja's timestamps would break). .ci/run calls this after `make test`.
test-later: cpp
	FAKETIME_DONT_FAKE_MONOTONIC=1 faketime -m -f '+3y' ctest --test-dir $(BUILD) --output-on-failure --timeout 120 -j$(JOBS)
	FAKETIME_DONT_FAKE_MONOTONIC=1 faketime -m -f '+3y' scripts/test-api.sh sqlite

bench: build
	bench/run-spend.sh --lines 10000000
	scripts/bench-http.sh
	bench/run-body-flood.sh
	scripts/bench-login-burst.sh
	scripts/bench-rules.sh
	bench/run-search.sh
	bench/run-upload.sh
	scripts/bench-notify.sh

format:
	clang-format -i $(CXX_SOURCES)

clean:
	rm -rf $(BUILD) web/dist
