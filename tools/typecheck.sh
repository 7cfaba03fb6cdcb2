#!/bin/sh
# `make lint`'s type check: mypy on app/ under the name it is installed as, galley.app.
# mypy cannot follow galley/__init__.py's search-path extension (nor an editable install's
# import hook), so it reads a view of the checkout, build/typecheck/galley/{app,ui,...},
# made of symbolic links to the source folders; errors are reported with source paths.
# Usage: sh tools/typecheck.sh [VENV_BIN]
set -eu
ROOT=$(cd "$(dirname "$0")/.." && pwd)
BIN=${1:-$ROOT/.venv/bin}
case "$BIN" in /*) ;; *) BIN="$ROOT/$BIN" ;; esac
VIEW="$ROOT/build/typecheck"
rm -rf "$VIEW"
mkdir -p "$VIEW/galley"
cp "$ROOT/galley/__init__.py" "$VIEW/galley/__init__.py"
for folder in app ui resources layouts; do
  ln -s "$ROOT/$folder" "$VIEW/galley/$folder"
done
cd "$VIEW"
rc=0
"$BIN/mypy" --config-file "$ROOT/pyproject.toml" --cache-dir "$ROOT/build/mypy-cache" -p galley.app \
  > "$VIEW/report.txt" 2>&1 || rc=$?
sed 's#^galley/\(app\|ui\)/#\1/#' "$VIEW/report.txt"
exit "$rc"
