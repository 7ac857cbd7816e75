# COP Learn. `make run` sets everything up and serves the site; `make test` runs the suite.
# Python 3.11+ and Node.js (npm) are needed; the rest comes from PyPI into .venv and from
# the npm registry into node_modules (the H5P player, served as static files).

PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
MANAGE := $(PY) manage.py
HOST ?= 127.0.0.1
PORT ?= 8000

.DEFAULT_GOAL := help
.PHONY: help run setup messages demo test test-fast lint check format browsers clean loadtest

help: ## Show this help
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*## "} {printf "  make %-10s %s\n", $$1, $$2}'

$(VENV)/.installed: requirements.txt
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "COP Learn needs Python 3.11 or newer (found %s); set PYTHON=python3.11" % sys.version.split()[0])'
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.txt
	@touch $@

# --ignore-scripts: h5p-standalone's install script is for its own development and fails.
node_modules/.installed: package.json package-lock.json
	npm install --ignore-scripts --no-audit --no-fund
	@touch $@

setup: $(VENV)/.installed node_modules/.installed messages ## Install dependencies and compile UI translations

messages: $(VENV)/.installed ## Compile the UI catalogues (locale/*/LC_MESSAGES/django.po)
	@$(VENV)/bin/pybabel compile --domain=django --directory=locale --use-fuzzy 2>&1 | grep -v '^compiling' || true
	@$(PY) -c 'import pathlib, sys; missing = [str(p) for p in pathlib.Path("locale").glob("*/LC_MESSAGES/django.po") if not p.with_suffix(".mo").exists()]; sys.exit("Not compiled: " + ", ".join(missing) if missing else 0)'

demo: setup ## Create the database, the starter content in six languages and demo accounts
	$(MANAGE) migrate --no-input
	$(MANAGE) load_curriculum
	$(MANAGE) load_demo_activity
	$(MANAGE) load_glossary
	$(MANAGE) setup_translation_roles
	$(MANAGE) load_sample_helplines
	$(MANAGE) setup_indicator_roles
	@echo ""
	@echo "Demo accounts (development only), staff sign in at http://$(HOST):$(PORT)/admin/, learners at http://$(HOST):$(PORT)/en/account/login/"
	@$(MANAGE) create_demo_accounts

run: demo ## Set everything up and serve the site on http://127.0.0.1:8000
	@echo ""
	@echo "COP Learn is at http://$(HOST):$(PORT)/ (site) and http://$(HOST):$(PORT)/admin/ (CMS)."
	$(MANAGE) runserver $(HOST):$(PORT)

test: setup lint check ## Run the whole test suite (SQLite, or DATABASE_URL when set)
	DJANGO_SETTINGS_MODULE=config.settings.test $(VENV)/bin/pytest

test-fast: setup ## The suite without the slow curriculum and browser tests (for development)
	DJANGO_SETTINGS_MODULE=config.settings.test $(VENV)/bin/pytest -m "not slow and not browser"

lint: $(VENV)/.installed ## ruff (lint, format check) and the import directions (lint-imports)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/lint-imports

check: $(VENV)/.installed ## Django system checks and missing migrations
	DJANGO_SETTINGS_MODULE=config.settings.test $(MANAGE) check
	DJANGO_SETTINGS_MODULE=config.settings.test $(MANAGE) makemigrations --check --dry-run

format: $(VENV)/.installed ## Format the code with ruff
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

# locust (and its gevent) get a virtualenv of their own: the app never imports them.
.venv-loadtest/.installed: bench/requirements-loadtest.txt
	$(PYTHON) -m venv .venv-loadtest
	.venv-loadtest/bin/pip install --quiet -r bench/requirements-loadtest.txt
	@touch $@

loadtest: setup .venv-loadtest/.installed ## Load test on the loopback: gunicorn, PostgreSQL, Redis, locust (LOADTEST_ARGS="--anonymous 20,60")
	$(PY) bench/loadtest.py $(LOADTEST_ARGS)

clean: ## Remove the virtual environment, database and compiled files
	rm -rf $(VENV) .venv-loadtest node_modules db.sqlite3 static_collected
	find locale -name '*.mo' -delete
