# Galley: `make run` opens the bundled sample edition, `make test` runs the tests.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp
SAMPLE := resources/sample/edition.txt

.PHONY: run test fuzz bench sysdeps venv lint clean package package-test wheel-test translations

sysdeps:
	@sh tools/sysdeps.sh

$(STAMP): pyproject.toml constraints.txt
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -c constraints.txt -e '.[dev]'
	@touch $(STAMP)

venv: sysdeps $(STAMP)

run: venv
	@sh tools/run.sh $(BIN) $(SAMPLE)

test: venv
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest

# The fuzzing suite at length: fresh random cases, ten times `make test`'s (about 3,100 galley
# runs over every reader and setting, 600 writers killed mid-save); counts in build/fuzz-report.json.
fuzz: venv
	@mkdir -p build
	GALLEY_FUZZ_SCALE=$${GALLEY_FUZZ_SCALE:-10} GALLEY_FUZZ_REPORT=build/fuzz-report.json QT_QPA_PLATFORM=offscreen \
		$(BIN)/python -m pytest -q tests/app/test_fuzz.py tests/app/test_crash_safety.py tests/app/repair/test_invariants.py
	@cat build/fuzz-report.json

lint: venv
	$(BIN)/ruff check app ui tests bench galley tools/galley_imports.py
	sh tools/typecheck.sh $(BIN)

# Galley as a pip user gets it: the wheel, installed into a fresh virtual environment outside
# the tree, runs `galley layouts`, `check` and `export` on the sample (packaging/wheel_test.sh).
wheel-test: venv
	sh packaging/wheel_test.sh $(BIN)/python

# Qt's translation tools: lupdate reads the self.tr() / QCoreApplication.translate() calls of ui/
# into the .ts (new strings come in unfinished, for Qt Linguist), lrelease compiles the .qm.
translations: venv
	$(BIN)/pyside6-lupdate -silent -locations none -no-obsolete ui/*.py -ts resources/i18n/galley_zh_CN.ts
	$(BIN)/pyside6-lrelease -silent resources/i18n/galley_zh_CN.ts -qm resources/i18n/galley_zh_CN.qm

bench: venv
	@for b in bench/bench_*.py; do QT_QPA_PLATFORM=offscreen $(BIN)/python $$b || exit 1; done

clean:
	rm -rf build dist .pytest_cache

# --- Packaging (packaging/README.md): `make package` builds dist/galley (PyInstaller bundle),
# dist/galley_<version>_<arch>.deb and compile-checks the NSIS script; `make package-test`
# smoke-tests the frozen app, installs and removes the .deb, and compiles the NSIS script.
PKG_STAMP := $(VENV)/.package-stamp
.PHONY: package-sysdeps

package-sysdeps:
	@sh packaging/sysdeps.sh

$(PKG_STAMP): pyproject.toml constraints.txt $(STAMP)
	$(BIN)/python -m pip install -q -c constraints.txt -e '.[package]'
	@touch $(PKG_STAMP)

package: venv package-sysdeps $(PKG_STAMP)
	@sh packaging/build.sh $(BIN)

package-test: package
	$(BIN)/python packaging/smoke_test.py
