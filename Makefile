# One place for every command: the README documents these targets and the workflows call them.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
export NO_MKDOCS_2_WARNING := 1
export PYTHONDONTWRITEBYTECODE := 1

.PHONY: setup serve build validate test bench clean

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

## Install everything the site and its tests need into .venv.
setup: $(VENV)/.installed

## Set up, then serve the site at http://127.0.0.1:8000/ and rebuild on every change.
serve: setup
	$(BIN)/mkdocs serve

## Check the data files only (fast): file, line and a Vietnamese message for each problem.
validate: setup
	$(BIN)/python -m macros.validate

## Build the site strictly into site/; on failure the previous site/ is left untouched.
build: setup
	rm -rf site.tmp
	$(BIN)/mkdocs build --strict --clean -d site.tmp
	rm -rf site && mv site.tmp site

# Browser tests drive Debian's Chromium (Playwright never downloads a browser) and load axe-core
# from npm, pinned by package-lock.json. A fresh Debian gets both from apt when run as root.
APT_INSTALL := DEBIAN_FRONTEND=noninteractive apt-get install -y -qq
/usr/bin/chromium:
	@[ "$$(id -u)" = 0 ] || { echo "Chromium is missing: sudo apt-get install chromium"; exit 1; }
	apt-get update -qq && $(APT_INSTALL) chromium >/dev/null

node_modules/.installed: package.json package-lock.json
	@command -v npm >/dev/null || { \
	  [ "$$(id -u)" = 0 ] || { echo "npm is missing: sudo apt-get install nodejs npm"; exit 1; }; \
	  apt-get update -qq && $(APT_INSTALL) nodejs npm >/dev/null; }
	npm ci --no-audit --no-fund --loglevel=error
	@touch $@

## Set up, then run the whole test suite (browser tests included).
test: setup /usr/bin/chromium node_modules/.installed
	$(BIN)/python -m pytest

## Measure build speed, memory and page size against plain Markdown and synthetic plans.
bench: setup /usr/bin/chromium node_modules/.installed
	$(BIN)/python -m tests.bench

clean:
	rm -rf site site.tmp .pytest_cache node_modules
