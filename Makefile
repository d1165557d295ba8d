# congkhai: two commands on a fresh machine — `make site` and `make test`.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
DEV_STAMP := $(VENV)/.installed-dev
CONTENT ?= content
SITE_DIR ?= site

.PHONY: all site test lint check venv dev clean serve demo

all: test

$(STAMP): requirements.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --disable-pip-version-check -r requirements.txt
	touch $@

$(DEV_STAMP): requirements.txt requirements-dev.txt $(STAMP)
	$(PY) -m pip install -q --disable-pip-version-check -r requirements-dev.txt
	touch $@

venv: $(STAMP)

dev: $(DEV_STAMP)

## site: set up, validate the demo content and build the demo site into ./site
site: $(STAMP)
	$(PY) -m generator check --content $(CONTENT)
	$(PY) -m generator build --content $(CONTENT) --site-dir $(SITE_DIR)

## check: validate the content only
check: $(STAMP)
	$(PY) -m generator check --content $(CONTENT)

serve: $(STAMP)
	$(PY) -m generator serve --content $(CONTENT)

## test: set up with dev dependencies, then lint and run every test
test: $(DEV_STAMP)
	bash scripts/test-deps.sh
	$(PY) -m ruff check generator scripts tests
	$(PY) -m pytest

lint: $(DEV_STAMP)
	$(PY) -m ruff check generator scripts tests

## demo: regenerate the committed demo content (deterministic)
demo: $(STAMP)
	$(PY) scripts/make_demo.py content

clean:
	rm -rf build site .cache
