# Plateformcoop — commandes du projet. `make serve` et `make test` suffisent :
# elles créent l'environnement Python (.venv) au premier lancement.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
export NO_MKDOCS_2_WARNING := 1

.PHONY: help setup serve build check test bench schemas clean

help:
	@echo "make serve   – installe puis lance le site sur http://127.0.0.1:8000/plateformcoop/"
	@echo "make test    – installe puis lance tous les tests"
	@echo "make build   – construction stricte du site dans site/"
	@echo "make check   – vérifie les fiches et modules sans construire"
	@echo "make schemas – régénère les schémas JSON (schemas/)"
	@echo "make bench   – mesures de performance"

$(STAMP): requirements.txt requirements-test.txt pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements.txt -r requirements-test.txt
	$(BIN)/pip install --quiet --disable-pip-version-check --no-deps -e .
	touch $(STAMP)

setup: $(STAMP)

serve: $(STAMP)
	$(BIN)/mkdocs serve

build: $(STAMP)
	$(BIN)/mkdocs build --strict

check: $(STAMP)
	$(BIN)/plateformcoop check

schemas: $(STAMP)
	$(BIN)/plateformcoop schema --write

test: $(STAMP)
	$(BIN)/python -m pytest

bench: $(STAMP)
	$(BIN)/python -m benchmarks.run $(BENCH_ARGS)

clean:
	rm -rf site .pytest_cache
