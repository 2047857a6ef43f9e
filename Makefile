# The two commands of the README:
#   make run    set everything up and serve the product on SQLite with demo data at http://127.0.0.1:8080
#   make test   every test: C++ unit and storage tests (SQLite and PostgreSQL), API tests, web unit and e2e tests
SHELL := /bin/bash
.DEFAULT_GOAL := help
DATA ?= ./var
LISTEN ?= 127.0.0.1:8080
CMAKE_JOBS ?= 2

.PHONY: help deps build-debug build-release web run test test-cpp test-api test-web test-e2e bench clean

help:
	@echo "make run    build and serve Hocvu with demo data at http://$(LISTEN)/"
	@echo "make test   run every test"

deps:
	@scripts/install-deps.sh

build-debug: deps
	cmake --preset debug >/dev/null
	cmake --build --preset debug -j $(CMAKE_JOBS)

build-release: deps
	cmake --preset release >/dev/null
	cmake --build --preset release -j $(CMAKE_JOBS) --target hocvu

web: deps
	npm --prefix web run build

run: build-release web
	build/release/src/app/hocvu migrate --data $(DATA)
	build/release/src/app/hocvu demo --data $(DATA)
	build/release/src/app/hocvu serve --data $(DATA) --listen $(LISTEN) --web-root web/dist

test: build-debug web
	$(MAKE) --no-print-directory test-cpp test-api test-web test-e2e
	@echo "make test: all tests passed"

# C++ unit tests and storage tests; storage tests run on SQLite and on a throwaway PostgreSQL.
test-cpp:
	HOCVU_REQUIRE_PG=1 scripts/with-postgres.sh ctest --test-dir build/debug --output-on-failure -j $(CMAKE_JOBS)

# API tests against a running server, on SQLite and on PostgreSQL.
test-api:
	tests/api/run.sh build/debug/src/app/hocvu
	scripts/with-postgres.sh bash -c 'HOCVU_DB="$$HOCVU_TEST_PG" tests/api/run.sh build/debug/src/app/hocvu'

test-web:
	npm --prefix web test

test-e2e:
	HOCVU_E2E_EXPECT_DB=sqlite tests/e2e/run-with-server.sh build/debug/src/app/hocvu
	scripts/with-postgres.sh bash -c 'HOCVU_DB="$$HOCVU_TEST_PG" HOCVU_E2E_EXPECT_DB=postgresql tests/e2e/run-with-server.sh build/debug/src/app/hocvu'

bench: build-release
	bench/http_load.sh build/release/src/app/hocvu

clean:
	rm -rf build web/dist
