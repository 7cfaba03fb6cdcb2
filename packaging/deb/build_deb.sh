#!/bin/sh
# Build dist/galley_<version>_<arch>.deb from the PyInstaller bundle in dist/galley.
#   /opt/galley/                      the bundle (galley, galley-desk, _internal/)
#   /usr/bin/galley, galley-desk      symlinks into /opt/galley
#   /usr/share/applications/galley.desktop, /usr/share/mime/packages/galley.xml,
#   /usr/share/icons/hicolor/{scalable,256x256}/apps/galley.{svg,png}, /usr/share/doc/galley/
# Usage: sh packaging/deb/build_deb.sh [BUNDLE_DIR] [OUT_DIR]   (run from the repository root)
set -eu
BUNDLE=${1:-dist/galley}
OUT=${2:-dist}
HERE=packaging/deb
[ -x "$BUNDLE/galley" ] || { echo "build_deb: no bundle at $BUNDLE (run make package)"; exit 1; }
VERSION=$(sed -n 's/^__version__ = "\(.*\)"/\1/p' app/__init__.py)
ARCH=$(dpkg --print-architecture)
LIBC=$(dpkg-query -W -f='${Version}' libc6 2>/dev/null | sed 's/-.*//')
STAGE=build/deb/galley_${VERSION}_${ARCH}
rm -rf "$STAGE"
mkdir -p "$STAGE/DEBIAN" "$STAGE/opt" "$STAGE/usr/bin" "$STAGE/usr/share/applications" \
  "$STAGE/usr/share/mime/packages" "$STAGE/usr/share/icons/hicolor/scalable/apps" \
  "$STAGE/usr/share/icons/hicolor/256x256/apps" "$STAGE/usr/share/doc/galley"
cp -a "$BUNDLE" "$STAGE/opt/galley"
ln -s /opt/galley/galley "$STAGE/usr/bin/galley"
ln -s /opt/galley/galley-desk "$STAGE/usr/bin/galley-desk"
install -m 644 "$HERE/galley.desktop" "$STAGE/usr/share/applications/galley.desktop"
install -m 644 "$HERE/galley-mime.xml" "$STAGE/usr/share/mime/packages/galley.xml"
install -m 644 packaging/icons/galley.svg "$STAGE/usr/share/icons/hicolor/scalable/apps/galley.svg"
install -m 644 packaging/icons/galley.png "$STAGE/usr/share/icons/hicolor/256x256/apps/galley.png"
install -m 644 "$HERE/copyright" "$STAGE/usr/share/doc/galley/copyright"
install -m 755 "$HERE/postinst" "$HERE/postrm" "$STAGE/DEBIAN/"
# Normalise permissions: directories 755, files 644, executables (and .so) 755.
find "$STAGE" -type d -exec chmod 755 {} +
find "$STAGE/opt" -type f -exec chmod go-w,a+r {} +
SIZE=$(du -sk --exclude=DEBIAN "$STAGE" | cut -f1)
sed -e "s/@VERSION@/$VERSION/" -e "s/@ARCH@/$ARCH/" -e "s/@SIZE@/$SIZE/" \
    -e "s/@LIBC@/${LIBC:+libc6 (>= $LIBC), }/" "$HERE/control.in" > "$STAGE/DEBIAN/control"
mkdir -p "$OUT"
DEB="$OUT/galley_${VERSION}_${ARCH}.deb"
dpkg-deb --root-owner-group -Zzstd --build "$STAGE" "$DEB" >/dev/null
echo "build_deb: $DEB ($(du -h "$DEB" | cut -f1), installs $((SIZE / 1024)) MB)"
