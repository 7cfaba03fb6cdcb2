#!/bin/sh
# `make run`: open Galley on the sample edition; with no display, say how to get one and run the CLI demo.
BIN=$1; SAMPLE=$2
if [ -n "$DISPLAY" ] || [ -n "$WAYLAND_DISPLAY" ] || [ "$(uname)" = Darwin ]; then
  exec "$BIN/galley" gui "$SAMPLE"
fi
cat <<MSG
No display found (DISPLAY is not set), so the Galley window cannot open here.
To see the window: run 'make run' in a desktop session, or on a server use a virtual
display:  sudo apt-get install xvfb && xvfb-run make run   (or ssh -X).
Running the command-line demo on the sample edition instead:

MSG
set -e
echo "\$ galley structure $SAMPLE"
"$BIN/galley" structure "$SAMPLE" | tail -n 25
echo
if "$BIN/galley" --help | grep -q " check"; then
  echo "\$ galley check $SAMPLE   (last lines)"
  "$BIN/galley" check "$SAMPLE" | tail -n 8 || true
  echo
fi
if "$BIN/galley" --help | grep -q " export"; then
  mkdir -p out
  echo "\$ galley export $SAMPLE --pdf out/sample.pdf --docx out/sample.docx"
  "$BIN/galley" export "$SAMPLE" --pdf out/sample.pdf --docx out/sample.docx && echo "wrote out/sample.pdf and out/sample.docx"
fi
