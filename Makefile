# Two commands do everything on a fresh machine with Python 3.11+ and make:
#   make run    virtualenv, install, migrate, demo network (if the database is empty), serve
#   make test   install what the tests need and run the whole suite
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
MANAGE := $(BIN)/python manage.py

.PHONY: run test lint format check demo-reset install install-dev browser quality-tools screenshots clean
.PHONY: desk-screenshots scheduler prod-check fault-drill proxy
.PHONY: bench messages

# The Vietnamese admin catalog: translators edit locale/vi/LC_MESSAGES/*.po; this merges in the
# installed Wagtail's new strings and compiles the .mo files (needs GNU gettext).
messages: install
	PY=$(BIN)/python sh locale/update_catalogs.sh

$(BIN)/python:
	$(PYTHON) -c 'import sys; assert sys.version_info >= (3, 11), "Python 3.11+ is required"'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: requirements.txt | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.installed-dev: requirements-dev.txt $(VENV)/.installed
	$(BIN)/pip install --quiet -r requirements-dev.txt
	touch $@

install: $(VENV)/.installed
install-dev: $(VENV)/.installed-dev

run: install
	$(MANAGE) migrate --noinput
	$(MANAGE) load_demo --if-empty --port $(PORT)
	$(MANAGE) set_site_port --port $(PORT) --only-local
	$(MANAGE) runserver 0.0.0.0:$(PORT)

# Scheduled publishing and expiry every minute, report reminders every morning, for a single
# machine (production: deploy/systemd/ or the compose file's scheduler).
scheduler: install
	$(MANAGE) run_scheduler

# The production stack on this machine, loopback only (ops/stack.py): Debian's nginx, two
# gunicorn servers with the production settings, PostgreSQL, Redis and an S3 server; a smoke
# test through nginx; everything stopped again.
prod-check: install-dev proxy
	$(BIN)/python -m ops.prod_check

# The same stack under load while a worker is killed, Redis stops and the database drops its
# connections (ops/fault_drill.py). FAULT_DRILL_ARGS="--duration 30" shortens it.
fault-drill: install-dev proxy
	$(BIN)/python -m ops.fault_drill $(FAULT_DRILL_ARGS)

demo-reset: install
	$(MANAGE) migrate --noinput
	$(MANAGE) load_demo --reset --port $(PORT)

# Browser tests use Debian's Chromium (never a browser downloaded by a test tool).
browser:
	@command -v chromium >/dev/null 2>&1 || { \
		if [ "$$(id -u)" = "0" ]; then \
			echo "Installing Debian's chromium for the browser tests"; \
			apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
		else \
			echo "chromium is missing: install it (sudo apt-get install chromium) or the browser tests are skipped"; \
		fi; }

# Debian's nginx: the front proxy of make prod-check, and the tests that check its site file.
proxy:
	@command -v nginx >/dev/null 2>&1 || { \
		if [ "$$(id -u)" = "0" ]; then \
			echo "Installing Debian's nginx-light"; \
			DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx-light >/dev/null 2>&1 || \
			{ apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx-light >/dev/null; }; \
		else \
			echo "nginx is missing: install it (sudo apt-get install nginx-light) or its tests are skipped"; \
		fi; }

# The quality check (tests/quality) uses axe-core and the Nu HTML Checker (vnu.jar, run with
# the machine's Java), pinned in package-lock.json and installed from the npm registry.
# --ignore-scripts: nothing is downloaded beyond the packages themselves.
node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --ignore-scripts
	touch $@

quality-tools:
	@if command -v npm >/dev/null 2>&1; then \
		$(MAKE) --no-print-directory node_modules/.installed; \
	else \
		echo "npm is missing: install Node.js and npm (sudo apt-get install npm) or the quality check (tests/quality) is skipped"; \
	fi
	@command -v java >/dev/null 2>&1 || { \
		if [ "$$(id -u)" = "0" ]; then \
			echo "Installing Debian's Java runtime for the HTML checker (vnu.jar)"; \
			apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq default-jre-headless >/dev/null; \
		else \
			echo "java is missing: install it (sudo apt-get install default-jre-headless) or the quality check is skipped"; \
		fi; }

# The suite runs on every core (pytest-xdist), a test file per worker at a time (the quality
# check's demo server is built once). TEST_WORKERS=0 runs it in one process.
TEST_WORKERS ?= auto
test: install-dev browser quality-tools proxy
	$(BIN)/python -m pytest --ds=cms.settings.test -n $(TEST_WORKERS) --dist loadfile $(PYTEST_ARGS)

# PNGs of every public page type of the demo network at 375px and 1280px, and of each role's
# admin home (desk-*.png), in var/screenshots/. desk-screenshots: the admin homes only.
screenshots: install-dev browser
	$(BIN)/python -m tests.quality.screenshots var/screenshots

desk-screenshots: install-dev browser
	$(BIN)/python -m tests.quality.screenshots --desks var/screenshots

# ruff (lint and format) and import-linter (the layers of docs/architecture.md, pyproject.toml).
lint: install-dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports --no-cache

format: install-dev
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

check: install-dev
	$(MANAGE) check
	$(MANAGE) makemigrations --check --dry-run

clean:
	rm -rf $(VENV) var .pytest_cache .ruff_cache

# The network benchmark (issue 6): builds 60 unions x 200 articles in the local PostgreSQL
# database cms_bench (dropped and recreated; BENCH_DB to change), measures every public page
# type in-process and under gunicorn with wrk, writes docs/performance.md. Quick run:
#   make bench BENCH_ARGS="--sites 6 --articles 20"
bench: install
	@command -v wrk >/dev/null 2>&1 || { \
		if [ "$$(id -u)" = "0" ]; then \
			echo "Installing Debian's wrk for the benchmark"; \
			apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null; \
		else \
			echo "wrk is missing: install it (sudo apt-get install wrk)"; exit 1; \
		fi; }
	$(BIN)/python -m bench.run $(BENCH_ARGS)
