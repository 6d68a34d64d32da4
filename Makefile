# The project's commands. On a new machine: `make site` builds the site, `make test` runs every test.
# Each installs what it needs first (a Python virtual environment, npm packages, Debian's Chromium).

PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
SUDO   := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: install install-test browser site serve test test-fast test-data lint bench clean check new lock

# Python keeps each module's compiled code (and pytest its rewritten tests) in __pycache__ (git
# ignores them), even where the environment sets PYTHONDONTWRITEBYTECODE: the hundreds of Python
# processes a test run starts then compile nothing twice (a test worker's start: 7.7 s -> 3.2 s).
unexport PYTHONDONTWRITEBYTECODE

# Building needs Python only; the tests also need the npm packages (axe-core).
install: $(VENV)/.installed
install-test: install node_modules/.installed

# requirements.txt pins every package and its hashes: pip refuses anything that differs. The
# project itself is then installed editable, which gives the `catalogue` command.
$(VENV)/.installed: requirements.txt pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet --require-hashes -r requirements.txt
	$(PY) -m pip install --quiet --no-deps --no-build-isolation --editable .
	touch $@

# After changing the dependencies in pyproject.toml: pin the new set, with hashes, into
# requirements.txt (the site's, the tests' and the build backend's).
lock: install
	$(PY) -m pip install --quiet pip-tools
	$(PY) -m piptools compile --quiet --generate-hashes --allow-unsafe --strip-extras \
		--no-emit-index-url --no-emit-find-links --extra test --all-build-deps \
		-o requirements.txt pyproject.toml

# pa11y's Puppeteer drives Debian's Chromium too: no browser download.
export PUPPETEER_SKIP_DOWNLOAD := 1
node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

# Debian packages the tests use: Chromium's headless shell, which they drive (Playwright's own
# browser download cannot work here), the full Chromium (benchmarks, screenshots, and the tests
# with CATALOGUE_CHROMIUM=/usr/bin/chromium), and the zbar library that decodes QR codes.
DEBIAN_PACKAGES := chromium chromium-headless-shell chromium-driver libzbar0
# Java, for the Nu Html Checker (vnu-jar) of the validator tests.
DEBIAN_PACKAGES += openjdk-17-jre-headless
browser:
	@dpkg -s $(DEBIAN_PACKAGES) >/dev/null 2>&1 || { $(SUDO) apt-get update -q && $(SUDO) apt-get install -y -q $(DEBIAN_PACKAGES); }

# Built into a temporary folder first: a failed build leaves the previous site/ as it was.
site: install
	$(VENV)/bin/catalogue build

serve: install
	NO_MKDOCS_2_WARNING=1 $(PY) -m mkdocs serve

# Editors: validate data/ in seconds without building; start a new record (make new ID=my-id).
check: install
	$(VENV)/bin/catalogue check

new: install
	$(VENV)/bin/catalogue new $(ID)

lint: install
	$(PY) -m ruff check hooks tests bench
	$(PY) -m ruff format --check hooks tests bench

# Every test, on every core (pytest-xdist: each fixture site is built once for the run and shared
# by the workers, tests/conftest.py; each worker runs its own Chromium). The part you touched,
# faster: `make test-data` runs the data rules alone (no build, seconds), `make test-fast`
# everything but the browser.
test: install-test browser lint
	node --test tests/js/
	$(PY) -m pytest -n auto

test-fast: install-test lint
	node --test tests/js/
	$(PY) -m pytest -n auto -m "not browser"

test-data: install
	$(PY) -m pytest -m data

bench: install-test browser
	$(PY) -m bench.run --write-results
	$(PY) -m bench.previews

clean:
	rm -rf site .site.building-* test-artifacts .pytest_cache
	git clean -fdX docs  # the pages the build generated (all git-ignored)
