#!/bin/sh
# `make package`: the PyInstaller bundle (dist/galley), the .deb (dist/galley_*.deb), and a
# compile check of the Windows installer script. Usage: sh packaging/build.sh .venv/bin
set -eu
BIN=${1:-.venv/bin}
mkdir -p build
start=$(date +%s)
# The bundle is made from Galley as installed (galley.app, galley.ui and their data), the same
# wheel a pip user gets; galley.spec reads it from here.
rm -rf build/pyinstaller-site
"$BIN/python" -m pip install -q --no-deps --no-compile --target build/pyinstaller-site .
"$BIN/pyinstaller" --noconfirm --clean --log-level WARN \
  --distpath dist --workpath build/pyinstaller packaging/galley.spec
end=$(date +%s)
echo $((end - start)) > build/package-build-seconds
echo "package: dist/galley built in $((end - start)) s, $(du -sh dist/galley | cut -f1)"
sh packaging/deb/build_deb.sh dist/galley dist
sh packaging/windows/check_nsis.sh
