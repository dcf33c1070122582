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
	$(BIN)/pip install --quiet -e '.[test,spark]'
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
	$(BIN)/sentinelle export networks --format jsonl --output $(DEMO_DIR)/networks.jsonl
	$(BIN)/sentinelle evaluate --truth $(DEMO_DIR)/truth.jsonl | tee $(DEMO_DIR)/evaluation.txt
	$(BIN)/sentinelle demo-data cases --output $(DEMO_DIR)/cases.jsonl --plant-from-store
	$(BIN)/sentinelle cases import $(DEMO_DIR)/cases.jsonl
	$(BIN)/sentinelle report note --from-store --format json --output $(DEMO_DIR)/note.json
	$(BIN)/sentinelle report note --from-store --format html --output $(DEMO_DIR)/note.html
	@echo
	@echo "Demo ready in $(DEMO_DIR)/: posts.export.jsonl, networks.jsonl, evaluation.txt, note.html"
	@echo "Try: SENTINELLE_DB=$(DEMO_DIR)/sentinelle.db $(BIN)/sentinelle network show <id from networks.jsonl>"
	@echo
	$(BIN)/sentinelle serve --demo --host 127.0.0.1 --port 8000

test: install
	$(BIN)/ruff check src tests bench
	$(BIN)/python -m pytest -q -p no:cacheprovider

lint: install
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench

clean:
	rm -rf $(VENV) demo build dist .pytest_cache .ruff_cache
