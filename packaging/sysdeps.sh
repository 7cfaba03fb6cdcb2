#!/bin/sh
# Packaging-only system packages (on top of tools/sysdeps.sh): the NSIS compiler for the
# Windows installer script, binutils (PyInstaller reads ELF headers with objdump),
# poppler-utils (pdffonts/pdftotext in the smoke test), zstd (compressed .deb) and xvfb +
# xauth (the smoke test opens the frozen GUI on a real X server, through Qt's xcb plugin).
# Installs the missing ones with apt-get when run as root; otherwise prints the command.
PKGS="nsis binutils poppler-utils zstd dpkg xvfb xauth"
command -v dpkg-query >/dev/null 2>&1 || { echo "packaging/sysdeps: not a Debian system; install NSIS, binutils and poppler yourself"; exit 0; }
missing=""
for p in $PKGS; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing="$missing $p"
done
[ -z "$missing" ] && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "packaging/sysdeps: installing$missing"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq && apt-get install -y -qq --no-install-recommends $missing >/dev/null || {
    echo "packaging/sysdeps: apt-get failed for:$missing"; exit 1; }
else
  echo "packaging/sysdeps: missing system packages:$missing"
  echo "packaging/sysdeps: run: sudo apt-get install$missing"
  exit 1
fi
