# Plateformcoop — commandes du projet. `make serve` et `make test` suffisent :
# elles créent l'environnement Python (.venv) au premier lancement.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
TOOLS_STAMP := tools/node_modules/.installed
export NO_MKDOCS_2_WARNING := 1

.PHONY: help setup tools serve build check test test-fast bench lighthouse screenshots schemas clean

help:
	@echo "make serve   – installe puis lance le site sur http://127.0.0.1:8000/plateformcoop/"
	@echo "make test    – installe puis lance tous les tests"
	@echo "make test-fast – les tests rapides : ni navigateur ni banc d'essai"
	@echo "make build   – construction stricte du site dans site/"
	@echo "make check   – vérifie les fiches et modules sans construire"
	@echo "make schemas – régénère les schémas JSON (schemas/)"
	@echo "make bench   – mesures de performance jusqu'à 1 000 fiches, puis Lighthouse"
	@echo "               (grandes tailles : make bench BENCH_ARGS=--large, ou BENCH_ARGS=\"--sizes 100,1000,5000\")"
	@echo "make lighthouse – scores Lighthouse de quatre pages types"
	@echo "make screenshots – captures des pages types (téléphone et ordinateur, clair et sombre)"
	@echo "make tools   – installe les outils Node.js de contrôle (vnu, Lighthouse) dans tools/"

$(STAMP): requirements.txt requirements-test.txt pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements.txt -r requirements-test.txt
	$(BIN)/pip install --quiet --disable-pip-version-check --no-deps -e .
	touch $(STAMP)

setup: $(STAMP)

# Node.js quality tools (Nu Html Checker, Lighthouse), versions pinned in
# tools/package-lock.json. --ignore-scripts: vnu-jar's install script would
# download a Java runtime; the system's Java (11 or later) is used instead.
# Without npm, the tests that need these tools are skipped (they fail under CI=1).
$(TOOLS_STAMP): tools/package.json tools/package-lock.json
	@if command -v npm >/dev/null 2>&1; then \
	  npm ci --prefix tools --ignore-scripts --no-audit --no-fund && touch $@; \
	else \
	  echo "npm est absent : les contrôles vnu et Lighthouse seront sautés (installez Node.js 18.16 ou plus)."; \
	fi

tools: $(TOOLS_STAMP)

serve: $(STAMP)
	$(BIN)/mkdocs serve

build: $(STAMP)
	$(BIN)/mkdocs build --strict

check: $(STAMP)
	$(BIN)/plateformcoop check

schemas: $(STAMP)
	$(BIN)/plateformcoop schema --write

test: $(STAMP) $(TOOLS_STAMP)
	$(BIN)/python -m pytest

# The quick layer: unit tests and the full-build gates, without the browser
# tests and the benchmark harness (make test runs everything).
test-fast: $(STAMP) $(TOOLS_STAMP)
	$(BIN)/python -m pytest -m "not slow and not browser"

# Sizes up to 1,000 cards by default; BENCH_ARGS=--large adds the 5,000-card build
# and the 10,000-card check (python -m benchmarks.run --help).
bench: $(STAMP) $(TOOLS_STAMP)
	$(BIN)/python -m benchmarks.run $(BENCH_ARGS)
	$(BIN)/python -m benchmarks.lighthouse $(LIGHTHOUSE_ARGS)

lighthouse: $(STAMP) $(TOOLS_STAMP)
	$(BIN)/python -m benchmarks.lighthouse $(LIGHTHOUSE_ARGS)

screenshots: $(STAMP)
	$(BIN)/python -m benchmarks.screenshots $(SCREENSHOTS_ARGS)

clean:
	rm -rf site .pytest_cache
