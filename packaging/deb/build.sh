#!/bin/sh
# packaging/deb/build.sh: build dist/microrest_VERSION_ARCH.deb from what
# `make stage` laid out (the release binary, the desktop entry, the icons).
# `make deb` runs it; it needs dpkg-dev (dpkg-shlibdeps) and Go, no debhelper.
#
#   packaging/deb/build.sh STAGE OUTDIR
#
# MAINTAINER sets the Maintainer field and the changelog's signature.
set -eu
umask 022

stage=$1
out=$2
app=io.github.microrest
work=$(dirname "$stage")/deb
# dpkg-shlibdeps wants the binary inside debian/PACKAGE, so the tree is staged there.
root=$work/debian/microrest
maintainer=${MAINTAINER:?set MAINTAINER to "Name <address>"}

# Recommends: GLFW (Fyne's window driver) dlopens these at run time, so
# dpkg-shlibdeps cannot see them; without them windows still open, but
# without cursor themes, monitor geometry (RandR, Xinerama), raw input or
# gamma, so they are recommended rather than required, as GLFW itself does.
recommends="libxcursor1, libxi6, libxinerama1, libxrandr2, libxxf86vm1"

rm -rf "$work"
install -D -m 0755 "$stage/microrest" "$root/usr/bin/microrest"
install -D -m 0644 "$stage/$app.desktop" "$root/usr/share/applications/$app.desktop"
install -D -m 0644 "packaging/$app.metainfo.xml" "$root/usr/share/metainfo/$app.metainfo.xml"
for png in "$stage"/icons/hicolor/*/apps/$app.png; do
	size=$(basename "$(dirname "$(dirname "$png")")")
	install -D -m 0644 "$png" "$root/usr/share/icons/hicolor/$size/apps/$app.png"
done

# The man page is the binary's own --help; its date is the release's.
date=$(sed -n 's/.*<release [^>]*date="\([0-9-]*\)".*/\1/p' "packaging/$app.metainfo.xml" | head -n 1)
mkdir -p "$root/usr/share/man/man1"
go run ./packaging/man -bin "$root/usr/bin/microrest" -date "$date" | gzip -9n >"$root/usr/share/man/man1/microrest.1.gz"

# Depends: dpkg-shlibdeps reads the libraries the binary links (DT_NEEDED)
# and maps them, through the shlibs and symbols files of the installed
# packages, to package names and minimum versions. It insists on a
# debian/control, which an empty one in the scratch directory satisfies.
: >"$work/debian/control"
depends=$(cd "$work" && dpkg-shlibdeps -O -edebian/microrest/usr/bin/microrest | sed -n 's/^shlibs:Depends=//p')
[ -n "$depends" ] || { echo "dpkg-shlibdeps found no dependencies" >&2; exit 1; }

install -D -m 0644 packaging/deb/lintian-overrides "$root/usr/share/lintian/overrides/microrest"
go run ./packaging/deb -root "$root" -maintainer "$maintainer" -depends "$depends" -recommends "$recommends"
(cd "$root" && find usr -type f | LC_ALL=C sort | xargs md5sum >DEBIAN/md5sums)
chmod 0644 "$root/DEBIAN/md5sums"
mkdir -p "$out"
dpkg-deb --build --root-owner-group -Zxz "$root" "$out" >&2
version=$(sed -n 's/^Version: //p' "$root/DEBIAN/control")
arch=$(sed -n 's/^Architecture: //p' "$root/DEBIAN/control")
echo "$out/microrest_${version}_${arch}.deb"
