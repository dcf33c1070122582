# Sentinelle: `make demo` sets up and runs the demo; `make test` runs every test.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: install demo demo-reset demo-data test lint bench clean

NATIVE_STAMP := $(VENV)/.native
# Sources of the compiled hot paths (sentinelle.native.COMPILED) and their type declarations.
NATIVE_SOURCES := setup.py src/sentinelle/native.py $(foreach dir,extract places indicators link text,\
	$(wildcard src/sentinelle/$(dir)/*.py src/sentinelle/$(dir)/*.pxd))

install: $(STAMP) $(NATIVE_STAMP)

# `pip install -e` also compiles the hot paths (Cython, from pyproject's build requirements).
$(STAMP): pyproject.toml setup.py
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test,spark]'
	$(BIN)/pip install --quiet 'setuptools>=77' 'cython>=3.0,<4'
	touch $(STAMP)

# A compiled module whose source changed is built again (the others are kept): until then the
# package imports that module from its source, never the stale build (sentinelle.native).
$(NATIVE_STAMP): $(STAMP) $(NATIVE_SOURCES)
	$(BIN)/python setup.py --quiet build_ext --inplace
	$(BIN)/python -c "from sentinelle.native import main; main()" || true
	touch $(NATIVE_STAMP)

DEMO_DIR := demo
DEMO_POSTS ?= 20000
DEMO_SEED ?= 7
demo: export SENTINELLE_DB := $(DEMO_DIR)/sentinelle.db

# The demo store is rebuilt only when what makes it changed (sizes, seed, generator and
# analysis code): otherwise accounts, labels and reveals made in the workspace are kept.
DEMO_STAMP = posts=$(DEMO_POSTS) seed=$(DEMO_SEED) code=$(shell find src/sentinelle -name '*.py' -not -path '*/web/*' -not -path '*/cli/*' | sort | xargs cat | sha1sum | cut -c1-12)

demo: install
	@if [ -f $(DEMO_DIR)/sentinelle.db ] && [ "$$(cat $(DEMO_DIR)/.stamp 2>/dev/null)" = "$(DEMO_STAMP)" ]; then \
		echo "Demo data unchanged ($(DEMO_STAMP)): keeping $(DEMO_DIR)/sentinelle.db with its accounts and labels"; \
		echo "(make demo-reset rebuilds it)"; \
	else \
		if [ -f $(DEMO_DIR)/sentinelle.db ]; then \
			echo "Rebuilding the demo store: was '$$(cat $(DEMO_DIR)/.stamp 2>/dev/null)', now '$(DEMO_STAMP)' (accounts and labels are reset)"; \
		fi; \
		$(MAKE) --no-print-directory demo-data && echo "$(DEMO_STAMP)" > $(DEMO_DIR)/.stamp; \
	fi
	$(BIN)/sentinelle serve --demo --host 127.0.0.1 --port 8000

demo-reset:
	rm -f $(DEMO_DIR)/.stamp
	$(MAKE) --no-print-directory demo

demo-data: export SENTINELLE_DB := $(DEMO_DIR)/sentinelle.db
demo-data: install
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

test: install
	$(BIN)/ruff check src tests bench
	SENTINELLE_REQUIRE_COMPILED=1 $(BIN)/python -m pytest -q -p no:cacheprovider -n 2

lint: install
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench

clean:
	rm -rf $(VENV) demo build dist .pytest_cache .ruff_cache
