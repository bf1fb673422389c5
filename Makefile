# Two entry points, both self-contained on a fresh clone with Python >= 3.11:
#   make run   - set up .venv and open the reader (the bundled demo when no config exists)
#   make test  - set up .venv with test tools and run lint, types, import contract and tests
# And for working on it:
#   make check     - exactly what continuous integration runs (.ci/run: system tools, then make test)
#   make snapshots - render the reader's SVG snapshots to PNG in build/snapshots/ to look at them
#   make bench     - the benchmarks (figures and ratios against reference tools)
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
ARGS   ?=

.PHONY: run test check lint typecheck contract pytest bench snapshots clean

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

check:
	bash .ci/run

snapshots:
	@if ! command -v rsvg-convert >/dev/null 2>&1 || ! fc-list :lang=zh 2>/dev/null | grep -q .; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive \
	      apt-get install -y -qq librsvg2-bin fonts-wqy-microhei >/dev/null; \
	  else echo "make snapshots needs rsvg-convert and a Chinese font" \
	    "(Debian/Ubuntu: apt-get install librsvg2-bin fonts-wqy-microhei)"; exit 2; fi; \
	fi
	mkdir -p build/snapshots
	@for svg in tests/tui/__snapshots__/*/*.svg docs/*.svg; do \
	  png=build/snapshots/$$(basename "$${svg%.svg}").png; \
	  rsvg-convert --background-color=white -o "$$png" "$$svg" && echo "$$png"; \
	done

$(VENV)/.installed-bench: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[dev,bench]'
	touch $(VENV)/.installed $(VENV)/.installed-dev $@

bench: $(VENV)/.installed-bench
	$(BIN)/python benchmarks/extraction.py
	$(BIN)/python benchmarks/refresh.py
	$(BIN)/python benchmarks/tui_latency.py

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache build
