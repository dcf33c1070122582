# Sentinelle: `make demo` sets up and runs the demo; `make test` runs every test.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: install demo test lint bench clean

install: $(STAMP)

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(STAMP)

DEMO_DIR := demo
DEMO_POSTS ?= 20000
DEMO_SEED ?= 7
demo: export SENTINELLE_DB := $(DEMO_DIR)/sentinelle.db

demo: install
	mkdir -p $(DEMO_DIR)
	rm -f $(DEMO_DIR)/sentinelle.db $(DEMO_DIR)/sentinelle.db-*
	$(BIN)/sentinelle demo-data --posts $(DEMO_POSTS) --seed $(DEMO_SEED) \
		--output $(DEMO_DIR)/posts.jsonl --truth $(DEMO_DIR)/truth.jsonl
	$(BIN)/sentinelle ingest $(DEMO_DIR)/posts.jsonl
	$(BIN)/sentinelle analyze
	$(BIN)/sentinelle export posts --format jsonl --output $(DEMO_DIR)/posts.export.jsonl
	$(BIN)/sentinelle evaluate --truth $(DEMO_DIR)/truth.jsonl

test: install
	$(BIN)/ruff check src tests bench
	$(BIN)/python -m pytest -q -p no:cacheprovider

lint: install
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench

clean:
	rm -rf $(VENV) demo build dist .pytest_cache .ruff_cache
