# Two commands do everything on a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
FLASK := $(BIN)/flask --app assessor
HOST ?= 127.0.0.1
PORT ?= 5000
POSTGRES_TEST_URL ?= postgresql+psycopg://postgres@127.0.0.1:5432/test
# The suite runs in parallel, one process per core (each with its own database).
TEST_WORKERS ?= auto
WORKERS ?= 2
# An idle worker looks at the SQLite queue at least once a second (Redis wakes it at once).
# Process workers: WeasyPrint, which renders the PDFs, is not documented as thread-safe.
WORKER := $(BIN)/huey_consumer assessor.jobs.huey --workers $(WORKERS) --worker-type process --max-delay 1

TRANSLATIONS := assessor/translations
PYBABEL := $(BIN)/pybabel

.PHONY: run worker install install-dev database test test-postgres lint format clean \
	translations translations-extract translations-new

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(VENV)/.installed-dev: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $@ $(VENV)/.installed

install: $(VENV)/.installed
install-dev: $(VENV)/.installed-dev

## The interface's catalogues, compiled for the app (the .mo files are built, not kept).
translations: install
	$(PYBABEL) -q compile -d $(TRANSLATIONS)

## After marking strings: gather them into messages.pot and every language's catalogue.
translations-extract: install
	$(PYBABEL) -q extract -F $(TRANSLATIONS)/babel.cfg -k _l -k lazy_gettext \
		--sort-by-file --project assessor -o $(TRANSLATIONS)/messages.pot assessor
	$(PYBABEL) -q update --no-fuzzy-matching --ignore-obsolete -i $(TRANSLATIONS)/messages.pot -d $(TRANSLATIONS)

## A catalogue for a new interface language: make translations-new LANGUAGE=ar
translations-new: translations-extract
	$(PYBABEL) init -i $(TRANSLATIONS)/messages.pot -d $(TRANSLATIONS) -l $(LANGUAGE)

## Migrate, load rubrics, seed demo data and keep published scores: safe to repeat, existing
## data is kept.
database: install translations
	$(FLASK) db upgrade
	$(FLASK) rubrics load
	$(FLASK) demo seed
	$(FLASK) scorecards keep-scores

## The web server, with the background-job worker beside it; stopping one stops both.
run: database
	@echo "Serving on http://$(HOST):$(PORT)/ with a job worker (Ctrl-C stops both)"
	@$(WORKER) & worker=$$!; \
	trap 'kill $$worker 2>/dev/null; wait $$worker 2>/dev/null' EXIT INT TERM; \
	$(FLASK) run --host $(HOST) --port $(PORT)

## The background-job worker alone, beside a web server started some other way.
worker: install translations
	$(WORKER)

test: install-dev translations
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/python -m pytest -n $(TEST_WORKERS)

## The database tests again, against PostgreSQL (CI runs this after `make test`).
test-postgres: install-dev translations
	TEST_DATABASE_URL=$(POSTGRES_TEST_URL) $(BIN)/python -m pytest -n $(TEST_WORKERS) -m database

lint: install-dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: install-dev
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache
