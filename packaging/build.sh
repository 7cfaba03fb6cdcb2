#!/bin/sh
# `make package`: the PyInstaller bundle (dist/galley), the .deb (dist/galley_*.deb), and a
# compile check of the Windows installer script. Usage: sh packaging/build.sh .venv/bin
set -eu
BIN=${1:-.venv/bin}
mkdir -p build
start=$(date +%s)
"$BIN/pyinstaller" --noconfirm --clean --log-level WARN \
  --distpath dist --workpath build/pyinstaller packaging/galley.spec
end=$(date +%s)
echo $((end - start)) > build/package-build-seconds
echo "package: dist/galley built in $((end - start)) s, $(du -sh dist/galley | cut -f1)"
sh packaging/deb/build_deb.sh dist/galley dist
sh packaging/windows/check_nsis.sh
