# cocreate: the two commands are `make run` and `make test`; `make help` lists the rest.
SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help
.DELETE_ON_ERROR:

VENV := .venv
BIN := $(VENV)/bin
# Python 3.11+ to create the virtualenv with (only used when .venv does not exist yet).
PYTHON ?= $(shell command -v python3.11 || command -v python3 || echo python3)
# `make run` serves on this machine only; PORT (from the environment or `make run PORT=...`).
SERVE_HOST := 127.0.0.1
PORT ?= 8000
export PIP_DISABLE_PIP_VERSION_CHECK := 1

# Services the test suite talks to; the fixtures create a fresh database per run from this
# admin URL and start the S3 endpoint (moto) themselves.
TEST_DATABASE_URL ?= postgres://postgres@127.0.0.1:5432/postgres
TEST_REDIS_URL ?= redis://127.0.0.1:6379/0
CHROMIUM_PATH ?= /usr/bin/chromium
# pytest-xdist processes: each has its own database, Redis database, S3 server, worker process
# and ports. Much of a test's time is spent waiting on the worker, so more than the 2 cores pay.
TEST_WORKERS ?= 4
# Hard stops, far above the expected time (make test: about 6 to 7 minutes on 2 cores, 957
# tests; make test-fast: about 30 s), so a hang fails; pytest-timeout also stops a test after
# 300 s (pyproject.toml).
TEST_TIMEOUT ?= 1800
FAST_TIMEOUT ?= 300
PYTEST_ARGS ?=
# The tests start dozens of Python processes: each compiles cocreate again unless its bytecode
# may be cached, so the test targets clear PYTHONDONTWRITEBYTECODE (an empty value is unset).

RUN_STAMP := $(VENV)/.installed-run
DEV_STAMP := $(VENV)/.installed-dev

.PHONY: help run static test test-fast lint worker clean distclean

help:  ## list the targets
	@awk 'BEGIN {FS = ":.*## "} /^[a-z-]+:.*## / {printf "  make %-10s %s\n", $$1, $$2}' $(MAKEFILE_LIST)

run: $(RUN_STAMP) static  ## install, migrate, load the demo and serve on http://127.0.0.1:$PORT
	$(BIN)/cocreate migrate
	PORT=$(PORT) $(BIN)/cocreate demo
	$(BIN)/cocreate serve --host $(SERVE_HOST) --port $(PORT)

worker: $(RUN_STAMP)  ## run a background worker (needs REDIS_URL; without it jobs run in-process)
	$(BIN)/cocreate worker

static:  ## install the pinned front-end packages and copy them into static/vendor/
	scripts/build-static

test: $(DEV_STAMP)  ## start services, build assets, run ruff, the import contracts and the whole pytest suite
	scripts/ensure-services
	scripts/build-static --require-npm
	status=0; \
	$(BIN)/ruff check . || status=$$?; \
	$(BIN)/lint-imports --no-cache || status=$$?; \
	TEST_DATABASE_URL='$(TEST_DATABASE_URL)' TEST_REDIS_URL='$(TEST_REDIS_URL)' \
	CHROMIUM_PATH='$(CHROMIUM_PATH)' PYTHONDONTWRITEBYTECODE= \
	timeout --kill-after=30 $(TEST_TIMEOUT) \
		$(BIN)/python -m pytest -p no:cacheprovider -ra -n $(TEST_WORKERS) \
			--dist loadgroup --no-loadscope-reorder \
			$(PYTEST_ARGS) \
		|| status=$$?; \
	if [ $$status -eq 124 ]; then echo "pytest stopped after $(TEST_TIMEOUT)s" >&2; fi; \
	exit $$status

test-fast: $(DEV_STAMP)  ## ruff, unit and service-level tests on SQLite: no services, no browser
	status=0; \
	$(BIN)/ruff check . || status=$$?; \
	PYTHONDONTWRITEBYTECODE= timeout --kill-after=10 $(FAST_TIMEOUT) \
		$(BIN)/python -m pytest -p no:cacheprovider -ra -n 2 tests/unit tests/domain $(PYTEST_ARGS) \
		|| status=$$?; \
	if [ $$status -eq 124 ]; then echo "pytest stopped after $(FAST_TIMEOUT)s" >&2; fi; \
	exit $$status

lint: $(DEV_STAMP)  ## ruff check and the import contracts
	$(BIN)/ruff check .
	$(BIN)/lint-imports --no-cache

clean:  ## remove build output and caches (keeps .venv and var/, which holds your data)
	rm -rf static/vendor static/node_modules build *.egg-info \
		.pytest_cache .ruff_cache .hypothesis test-results
	find cocreate workers tests -name __pycache__ -type d -prune -exec rm -rf {} + 2>/dev/null || true

distclean: clean  ## also remove the virtualenv
	rm -rf $(VENV)

# --- virtualenv --------------------------------------------------------------------------

$(BIN)/python:
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' || \
		{ echo "cocreate needs Python 3.11 or newer; set PYTHON=/path/to/python3.11" >&2; exit 1; }
	$(PYTHON) -m venv $(VENV) || { rm -rf $(VENV); \
		echo "could not create $(VENV); on Debian/Ubuntu: apt-get install python3-venv" >&2; \
		exit 1; }

# Reinstall only when pyproject.toml changes; the stamps live inside .venv.
$(RUN_STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(DEV_STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	touch $@ $(RUN_STAMP)
