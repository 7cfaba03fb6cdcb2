# Galley: `make run` opens the bundled sample edition, `make test` runs the tests.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp
SAMPLE := resources/sample/edition.txt

.PHONY: run test bench sysdeps venv lint clean package package-test

sysdeps:
	@sh tools/sysdeps.sh

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[dev]'
	@touch $(STAMP)

venv: sysdeps $(STAMP)

run: venv
	@sh tools/run.sh $(BIN) $(SAMPLE)

test: venv
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest

lint: venv
	$(BIN)/ruff check app ui tests bench

bench: venv
	@for b in bench/bench_*.py; do QT_QPA_PLATFORM=offscreen $(BIN)/python $$b || exit 1; done

clean:
	rm -rf build dist .pytest_cache
