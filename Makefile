# The project's commands. On a new machine: `make site` builds the site, `make test` runs every test.
# Each installs what it needs first (a Python virtual environment, npm packages, Debian's Chromium).

PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
SUDO   := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: install browser site serve test lint bench clean check new

install: $(VENV)/.installed node_modules/.installed

$(VENV)/.installed: requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.txt
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

# Debian's Chromium: the browser tests drive it (Playwright's own browser download cannot work here).
browser:
	@command -v chromium >/dev/null || { $(SUDO) apt-get update -q && $(SUDO) apt-get install -y -q chromium chromium-driver; }

site: install
	NO_MKDOCS_2_WARNING=1 $(PY) -m mkdocs build --strict

serve: install
	NO_MKDOCS_2_WARNING=1 $(PY) -m mkdocs serve

# Editors: validate data/ in seconds without building; start a new record (make new ID=my-id).
check: install
	$(PY) bin/catalogue check

new: install
	$(PY) bin/catalogue new $(ID)

lint: install
	$(PY) -m ruff check hooks tests bench
	$(PY) -m ruff format --check hooks tests bench

test: install browser lint
	$(PY) -m pytest

bench: install browser
	$(PY) bench/run.py

clean:
	rm -rf site test-artifacts .pytest_cache
	git clean -fdX docs  # the pages the build generated (all git-ignored)
