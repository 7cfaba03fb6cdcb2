#!/bin/sh
# Install the system packages Galley needs on Debian/Ubuntu when they are missing.
# Runs apt-get only as root; otherwise prints the command to run.
#   sh tools/sysdeps.sh                      the packages Galley needs to run and test
#   sh tools/sysdeps.sh --strict PKG...      these packages; fail when they cannot be installed
strict=0
if [ "$1" = "--strict" ]; then strict=1; shift; fi
if [ $# -gt 0 ]; then
  PKGS="$*"
else
  PKGS="fonts-arphic-gbsn00lp fonts-arphic-gkai00mp fonts-arphic-uming fonts-wqy-zenhei fonts-lxgw-wenkai \
fonts-liberation libgs-common \
libenchant-2-2 hunspell-en-us poppler-utils \
libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0 \
libxcb-render-util0 libxcb-image0 libxcb-randr0 libxcb-xinerama0 libegl1 libgl1 libfontconfig1 libdbus-1-3 $EXTRA_PKGS"
fi
command -v dpkg-query >/dev/null 2>&1 || { echo "sysdeps: not a Debian system; install these yourself: $PKGS"; exit 0; }
missing=""
for p in $PKGS; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing="$missing $p"
done
[ -z "$missing" ] && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "sysdeps: installing$missing"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq && apt-get install -y -qq --no-install-recommends $missing >/dev/null || {
    echo "sysdeps: apt-get failed for:$missing"; exit 1; }
else
  echo "sysdeps: missing system packages:$missing"
  echo "sysdeps: run: sudo apt-get install$missing"
  [ "$strict" = 1 ] && exit 1
fi
exit 0
