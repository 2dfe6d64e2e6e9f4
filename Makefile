# Discreet — Pelican's usual targets, each bootstrapping its own .venv.
# On a fresh machine `make html` and `make test` are the only commands anyone needs.

PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
# Two stamps, refreshed whenever pyproject.toml changes, so new dependencies install themselves:
# building the site needs only the runtime dependencies (a host such as Netlify installs no more);
# make test and make lint add the [test] extras (pytest, Playwright, ruff, mypy) on top.
STAMP := $(VENV)/.installed
TEST_STAMP := $(VENV)/.installed-test

INPUTDIR := content
OUTPUTDIR := output
CONFFILE := pelicanconf.py
PUBLISHCONF := publishconf.py
PELICANOPTS ?=
HOST ?= 127.0.0.1
PORT ?= 8000

RELEASE_OPTS ?=
# make deploy: where rsync puts the site (user@host:/var/www/example.com/), over SSH on SSH_PORT.
DEPLOY_TARGET ?=
INBOX_TARGET ?=
SSH_PORT ?= 22

.PHONY: help venv html regenerate serve publish policy-release test lint bench clean import init check fetch-media translations

help:
	@echo 'make html      build the site into $(OUTPUTDIR)/ (development settings)'
	@echo 'make serve     serve $(OUTPUTDIR)/ and the contact inbox on http://$(HOST):$(PORT)/'
	@echo 'make publish   build with production settings (publishconf.py), server configs in deploy/'
	@echo 'make deploy DEPLOY_TARGET=user@host:/var/www/site/   publish, then upload with rsync'
	@echo 'make deploy-inbox INBOX_TARGET=user@host:/var/www/inbox/   publish, upload the inbox bundle'
	@echo 'make init      make the kit yours: answer a few questions (ANSWERS=file.yml: from a file)'
	@echo 'make check     check your own site: declaration, placeholders, build, guard, links'
	@echo 'make policy-release  release the privacy policy: show what changed, date it today'
	@echo 'make test      run the whole test suite'
	@echo 'make lint      ruff and mypy, as CI runs them'
	@echo 'make bench     run the benchmarks against plain Pelican'
	@echo 'make clean     remove $(OUTPUTDIR)/ and caches'
	@echo 'make import WXR=export.xml   bring a WordPress export into $(INPUTDIR)/ (FORCE=1 replaces files)'
	@echo 'make fetch-media  store posters and map images of embeds (the one command that uses the network)'
	@echo 'make translations  extract the theme'"'"'s strings into its catalogues and compile them'

NEW_VENV := test -x $(BIN)/python || $(PY) -m venv $(VENV)
# --no-compile: pip would byte-compile every module of every package (~11 s of CPU, a fifth of the
# install); Python compiles the ones a command really imports the first time it does.
# It could not if PYTHONDONTWRITEBYTECODE were set (some container images set it): every command,
# every build and every process a test starts would compile Pelican and its plugins anew (about
# 2.5 CPU-s each). .venv and the kit's __pycache__ folders are the kit's own, so its commands
# write their bytecode there whatever the shell says.
unexport PYTHONDONTWRITEBYTECODE
PIP_INSTALL := $(BIN)/python -m pip install --quiet --disable-pip-version-check --no-compile

$(STAMP): pyproject.toml
	$(NEW_VENV)
	$(PIP_INSTALL) -e .
	@touch $@

# One pip run either way (each costs ~30 s of resolving even when nothing is new); the runtime
# stamp is touched too, as everything it promises is now installed.
$(TEST_STAMP): pyproject.toml
	$(NEW_VENV)
	$(PIP_INSTALL) -e '.[test]'
	@touch $(STAMP) $@

# A development checkout: everything make test and make lint need.
venv: $(TEST_STAMP)

# strict-build is Pelican with `--fatal warnings` made whole: it reports every warning and error,
# never a traceback, and replaces $(OUTPUTDIR)/ only when the build was clean.
html: $(STAMP)
	$(BIN)/strict-build $(INPUTDIR) -o $(OUTPUTDIR) -s $(CONFFILE) $(PELICANOPTS)

# Every rebuild goes through strict-build's staging, as make html does: output/ only ever holds a
# clean build (Pelican's own -r would write a page that failed the guard straight into it).
regenerate: $(STAMP)
	$(BIN)/strict-build $(INPUTDIR) -o $(OUTPUTDIR) -s $(CONFFILE) -r $(PELICANOPTS)

# The contact inbox serves the built site and receives the form, so the whole site works locally.
serve: $(STAMP)
	@test -f $(OUTPUTDIR)/index.html || { echo 'nothing to serve yet: run make html first' >&2; exit 2; }
	$(BIN)/contact-inbox serve --site $(OUTPUTDIR) --host $(HOST) --port $(PORT)

publish: $(STAMP)
	$(BIN)/strict-build $(INPUTDIR) -o $(OUTPUTDIR) -s $(PUBLISHCONF) $(PELICANOPTS)

# Asks who the business is and writes content/privacy.yml and the settings that follow from it;
# ANSWERS=answers.yml answers from a file instead (see docs/make-it-yours.md).
init: $(STAMP)
	$(BIN)/discreet-init --content $(INPUTDIR) --settings $(CONFFILE) $(if $(ANSWERS),--answers "$(ANSWERS)")

# The owner's quick check before publishing: declaration, placeholders, a strict production build
# with the guard (into a folder of its own; output/ is left alone), internal links and images.
check: $(STAMP)
	$(BIN)/discreet-check --content $(INPUTDIR) --settings $(PUBLISHCONF)

# Pelican's rsync_upload: publish (which refuses placeholders and unreleased policy changes), then
# upload over SSH. Stale files go, but never the server's .well-known/ (Let's Encrypt's tokens);
# files change place only at the end (--delay-updates), so visitors meet one site or the other.
.PHONY: deploy deploy-inbox
RSYNC := rsync -e "ssh -p $(SSH_PORT)" -rzc --delete --delay-updates --filter='P /.well-known/'

deploy:
	@test -n "$(DEPLOY_TARGET)" || { echo 'usage: make deploy DEPLOY_TARGET=user@host:/var/www/example.com/ (see docs/deploying.md)' >&2; exit 2; }
	@$(MAKE) --no-print-directory publish
	$(RSYNC) -v "$(OUTPUTDIR)"/ "$(DEPLOY_TARGET)"

# The inbox bundle alone, for an inbox on its own server (the site on Netlify or GitHub Pages).
deploy-inbox:
	@test -n "$(INBOX_TARGET)" || { echo 'usage: make deploy-inbox INBOX_TARGET=user@host:/var/www/inbox.example.com/ (see docs/deploying.md)' >&2; exit 2; }
	@$(MAKE) --no-print-directory publish
	$(RSYNC) -v "$(OUTPUTDIR)"/.contact-inbox "$(INBOX_TARGET)"

# Freeze content/privacy.yml as today's release of the policy (RELEASE_OPTS=--dry-run to look first).
policy-release: $(STAMP)
	$(BIN)/policy-release --declaration $(INPUTDIR)/privacy.yml --versions $(INPUTDIR)/policy-versions $(RELEASE_OPTS)

# One pytest worker per core (tests/conftest.py keeps each module, and the browser suite, on one).
test: $(TEST_STAMP)
	$(BIN)/python -m pytest -n auto $(PYTEST_ARGS)

# Every commit passes these; CI fails on the first complaint (mypy reads [tool.mypy]).
lint: $(TEST_STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

# `make bench N=200` for a quick run (default: 2,000 articles, or BENCH_ARTICLES).
bench: $(STAMP)
	$(if $(N),BENCH_ARTICLES=$(N)) $(BIN)/python -m bench

# wp-import writes all of its files or none; it never replaces a file unless FORCE=1 (only 1:
# FORCE=0 or FORCE=no must not mean "replace").
import: $(STAMP)
	@test -n "$(WXR)" || { echo 'usage: make import WXR=path/to/export.xml [FORCE=1]' >&2; exit 2; }
	$(BIN)/wp-import "$(WXR)" --content "$(INPUTDIR)" $(if $(filter 1,$(FORCE)),--force)

# The one command that uses the network: posters, titles and map images of the content's embeds
# go into $(INPUTDIR)/media/embeds/ with where and when they were fetched, to be committed.
fetch-media: $(STAMP)
	$(BIN)/fetch-media --content $(INPUTDIR) $(FETCH_OPTS)
# Theme strings: extract every _() and {% trans %} into theme/translations/messages.pot, add the
# new ones to each theme/translations/<lang>/LC_MESSAGES/messages.po, compile the .mo files.
translations: $(STAMP)
	$(BIN)/python -m languages.maintenance

clean:
	rm -rf $(OUTPUTDIR) .$(OUTPUTDIR).staging .$(OUTPUTDIR).retired .$(OUTPUTDIR).lock cache .pytest_cache
