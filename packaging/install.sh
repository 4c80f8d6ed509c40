#!/bin/sh
# install.sh: install or remove microrest from an unpacked release tarball
# (or the staging directory `make install` prepares), without Go.
#
#   ./install.sh [PREFIX]              install into PREFIX (default /usr/local)
#   ./install.sh --uninstall [PREFIX]  remove what install put there
#
# DESTDIR is honoured for packagers; SRC names the directory holding the
# binary, the .desktop entry and icons/ (default: this script's directory).
set -eu

app=io.github.microrest
uninstall=false
if [ "${1:-}" = --uninstall ]; then
	uninstall=true
	shift
fi
prefix=${1:-${PREFIX:-/usr/local}}
src=${SRC:-$(dirname "$0")}
root=${DESTDIR:-}$prefix
bin=$root/bin/microrest
entry=$root/share/applications/$app.desktop
icons=$root/share/icons/hicolor

# refresh keeps launchers and notification servers from showing a stale or
# missing icon; only for a live install, not a DESTDIR staging tree.
refresh() {
	[ -n "${DESTDIR:-}" ] && return 0
	if command -v gtk-update-icon-cache >/dev/null 2>&1 && [ -f "$icons/index.theme" ]; then
		gtk-update-icon-cache -q -t "$icons" || true
	fi
	if command -v update-desktop-database >/dev/null 2>&1; then
		update-desktop-database -q "$root/share/applications" || true
	fi
}

if $uninstall; then
	rm -f "$bin" "$entry" "$icons"/*/apps/$app.png
	refresh
	echo "microrest removed from $prefix. Your settings and journal stay in ~/.config/microrest and ~/.local/share/microrest."
	exit 0
fi

install -D -m 0755 "$src/microrest" "$bin"
install -D -m 0644 "$src/$app.desktop" "$entry"
for png in "$src"/icons/hicolor/*/apps/$app.png; do
	size=$(basename "$(dirname "$(dirname "$png")")")
	install -D -m 0644 "$png" "$icons/$size/apps/$app.png"
done
refresh
echo "microrest installed in $prefix. Start it from your launcher or with: $prefix/bin/microrest"
