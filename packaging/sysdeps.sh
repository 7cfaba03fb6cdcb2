#!/bin/sh
# Packaging-only system packages (on top of tools/sysdeps.sh): the NSIS compiler for the
# Windows installer script, binutils (PyInstaller reads ELF headers with objdump),
# poppler-utils (pdffonts/pdftotext in the smoke test), zstd (compressed .deb) and xvfb +
# xauth (the smoke test opens the frozen GUI on a real X server, through Qt's xcb plugin).
# Installs the missing ones with apt-get when run as root; otherwise prints the command and fails.
exec sh "$(dirname "$0")/../tools/sysdeps.sh" --strict nsis binutils poppler-utils zstd dpkg xvfb xauth
