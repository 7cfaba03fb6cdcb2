#!/bin/sh
# `make wheel-test` (and CI): Galley as a pip user gets it. Builds the wheel, installs it with
# the pinned dependencies into a fresh virtual environment outside the source tree, and from
# another folder runs `galley layouts`, `galley check` and `galley export` on the sample
# edition. Also checks that the wheel installs no top-level `app` or `ui` package and that the
# data files (word lists, page grids, translations) travel inside `galley`.
# Usage: sh packaging/wheel_test.sh [PYTHON]   (default python3; 3.11 or newer)
set -eu
ROOT=$(cd "$(dirname "$0")/.." && pwd)
PY=${1:-python3}
WORK=$(mktemp -d "${TMPDIR:-/tmp}/galley-wheel.XXXXXX")
trap 'rm -rf "$WORK"' EXIT INT TERM

fail() { echo "wheel-test: FAIL: $*" >&2; exit 1; }

"$PY" -m pip wheel -q --no-deps -w "$WORK/dist" "$ROOT"
WHEEL=$(ls "$WORK"/dist/galley-*.whl)
"$PY" -m venv "$WORK/venv"
"$WORK/venv/bin/python" -m pip install -q --upgrade pip
"$WORK/venv/bin/python" -m pip install -q -c "$ROOT/constraints.txt" "$WHEEL"
BIN="$WORK/venv/bin"

mkdir "$WORK/elsewhere"
cd "$WORK/elsewhere"
cp "$ROOT/resources/sample/edition.txt" edition.txt

"$BIN/python" - <<'PY' || fail "package layout"
import importlib.util, sys
from importlib.resources import files
for clash in ("app", "ui", "resources", "layouts"):
    assert importlib.util.find_spec(clash) is None, f"the wheel installs a top-level {clash!r}"
import galley.app.cli, galley.app.data
assert "site-packages" in galley.app.cli.__file__, galley.app.cli.__file__
for data in (("proof", "rules.toml"), ("repair", "words.toml"), ("i18n", "galley_zh_CN.qm")):
    assert galley.app.data.resource(*data).is_file(), data
assert galley.app.data.layouts("broadsheet.toml").is_file()
PY

"$BIN/galley" layouts > layouts.txt || fail "galley layouts exited $?"
cat layouts.txt
[ "$(grep -c 'columns' layouts.txt)" -ge 3 ] || fail "galley layouts listed fewer than 3 grids"
grep -q '^broadsheet' layouts.txt || fail "no broadsheet grid"

rc=0; "$BIN/galley" check edition.txt --json > findings.json || rc=$?
[ "$rc" -le 1 ] || fail "galley check exited $rc"
"$BIN/python" -c "import json; f = json.load(open('findings.json')); assert isinstance(f, list); print(len(f), 'findings')" \
  || fail "galley check --json is not a list of findings"

"$BIN/galley" export edition.txt --pdf out.pdf --docx out.docx || fail "galley export exited $?"
head -c 5 out.pdf | grep -q '%PDF-' || fail "out.pdf is not a PDF"
[ "$(wc -c < out.pdf)" -gt 10000 ] || fail "out.pdf is too small"
head -c 2 out.docx | grep -q 'PK' || fail "out.docx is not a DOCX"

"$BIN/galley" check missing.txt > /dev/null 2> err.txt && fail "check of a missing file succeeded"
grep -q '^galley: error: ' err.txt || fail "no one-line error for a missing file"
grep -q 'Traceback' err.txt && fail "a traceback for a missing file"

echo "wheel-test: ok ($(basename "$WHEEL"), installed outside the tree)"
