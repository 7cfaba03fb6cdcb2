#!/bin/sh
# Compile galley.nsi with makensis against a stand-in payload (a few dummy files shaped like
# the PyInstaller bundle), so a syntax or reference error in the installer script fails the
# Linux build. The real installer is built on a Windows runner (.github/workflows/windows.yml).
# Usage: sh packaging/windows/check_nsis.sh   (from the repository root)
set -eu
command -v makensis >/dev/null 2>&1 || { echo "check_nsis: makensis not found (apt-get install nsis)"; exit 1; }
VERSION=$(sed -n 's/^__version__ = "\(.*\)"/\1/p' app/__init__.py)
WORK=$(pwd)/build/nsis
rm -rf "$WORK"
mkdir -p "$WORK/payload/_internal/resources"
printf 'MZ stand-in for galley.exe\n' > "$WORK/payload/galley.exe"
printf 'MZ stand-in for galley-desk.exe\n' > "$WORK/payload/galley-desk.exe"
printf 'stand-in\n' > "$WORK/payload/_internal/base_library.zip"
printf 'stand-in\n' > "$WORK/payload/_internal/resources/readme.txt"
OUT="$WORK/galley-setup-standin.exe"
makensis -V2 -WX -DVERSION="$VERSION" -DPAYLOAD="$WORK/payload" -DOUTFILE="$OUT" packaging/windows/galley.nsi
head -c 2 "$OUT" | grep -q MZ || { echo "check_nsis: $OUT is not a Windows executable"; exit 1; }
echo "check_nsis: packaging/windows/galley.nsi compiles ($OUT, $(du -k "$OUT" | cut -f1) KB)"
