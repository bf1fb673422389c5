# Two entry points, both self-contained on a fresh clone with Python >= 3.11:
#   make run   - set up .venv and open the reader (the bundled demo when no config exists)
#   make test  - set up .venv with test tools and run lint, types, import contract and tests
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
ARGS   ?=

.PHONY: run test lint typecheck contract pytest bench clean

$(BIN)/python:
	$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' || \
	  { echo "suxun-tui needs Python >= 3.11 (found $$($(PYTHON) --version))"; exit 2; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(VENV)/.installed-dev: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(VENV)/.installed $@

run: $(VENV)/.installed
	$(BIN)/suxun-tui $(ARGS)

lint: $(VENV)/.installed-dev
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/ruff format --check src tests benchmarks

typecheck: $(VENV)/.installed-dev
	$(BIN)/mypy --strict src

contract: $(VENV)/.installed-dev
	$(BIN)/lint-imports

pytest: $(VENV)/.installed-dev
	$(BIN)/python -m pytest -n 2 $(ARGS)

test: lint typecheck contract pytest

bench: $(VENV)/.installed-dev
	$(BIN)/python benchmarks/extraction.py
	$(BIN)/python benchmarks/refresh.py
	$(BIN)/python benchmarks/tui_latency.py

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache
