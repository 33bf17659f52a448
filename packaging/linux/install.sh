#!/bin/sh
# Install kpmonitor for the current user, without root: the program, its menu entry and icon, and
# .kpbundle files opening with it. Run it from the unpacked folder:
#
#     ./install.sh                 install, or update an earlier install
#     ./install.sh --uninstall     remove the program (inspections, keys and reports are kept)
#
# PREFIX=DIR ./install.sh installs under DIR instead of ~/.local.
set -eu

APP_ID=org.kpmonitor.KPMonitor
here=$(cd "$(dirname "$0")" && pwd)
prefix=${PREFIX:-$HOME/.local}
program_dir=$prefix/lib/kpmonitor
bin_dir=$prefix/bin
share=$prefix/share

usage() {
    echo "usage: $0 [--uninstall]"
}

# Refresh the desktop's caches; each tool is optional, and a failure only delays what the menu shows.
refresh() {
    if command -v update-mime-database >/dev/null 2>&1; then
        update-mime-database "$share/mime" >/dev/null 2>&1 || true
    fi
    if command -v update-desktop-database >/dev/null 2>&1; then
        update-desktop-database -q "$share/applications" >/dev/null 2>&1 || true
    fi
    if command -v gtk-update-icon-cache >/dev/null 2>&1; then
        gtk-update-icon-cache -q -t -f "$share/icons/hicolor" >/dev/null 2>&1 || true
    fi
}

uninstall() {
    rm -rf "$program_dir" "$program_dir.new"
    if [ -L "$bin_dir/kpmonitor" ]; then
        rm -f "$bin_dir/kpmonitor"
    fi
    rm -f "$share/applications/$APP_ID.desktop" "$share/metainfo/$APP_ID.metainfo.xml" \
          "$share/mime/packages/$APP_ID.xml"
    for icon in "$share"/icons/hicolor/*/apps/"$APP_ID".png "$share"/icons/hicolor/*/apps/"$APP_ID".svg; do
        rm -f "$icon"
    done
    refresh
    echo "kpmonitor was removed. Your inspections, keys and reports were not touched; they are in"
    echo "${XDG_DATA_HOME:-$HOME/.local/share}/kpmonitor (or the folder you gave with --home)."
}

case "${1:-}" in
    "") ;;
    --uninstall) uninstall; exit 0 ;;
    -h | --help) usage; exit 0 ;;
    *) usage >&2; exit 2 ;;
esac

if [ ! -x "$here/kpmonitor/kpmonitor" ]; then
    echo "$here/kpmonitor/kpmonitor is missing: run install.sh from the unpacked kpmonitor folder." >&2
    exit 1
fi
# The path goes into the desktop file's Exec line, where these characters would need escaping.
case "$program_dir" in
    *[\"\`\$\\%\|\&]*)
        echo "Cannot install into $program_dir: choose a PREFIX without \" \` \$ \\ % | &." >&2
        exit 1 ;;
esac

# Copy beside the old version, then swap: a failed copy leaves the old version working.
mkdir -p "$prefix/lib" "$bin_dir"
rm -rf "$program_dir.new"
cp -R "$here/kpmonitor" "$program_dir.new"
cp "$here/install.sh" "$program_dir.new/install.sh"   # for --uninstall later
rm -rf "$program_dir"
mv "$program_dir.new" "$program_dir"
ln -sfn "$program_dir/kpmonitor" "$bin_dir/kpmonitor"

# The menu entry runs the installed program by its full path: ~/.local/bin is not on every desktop's PATH.
mkdir -p "$share/applications" "$share/metainfo" "$share/mime/packages" "$share/icons"
sed "s|^Exec=kpmonitor |Exec=\"$program_dir/kpmonitor\" |" "$here/share/applications/$APP_ID.desktop" \
    > "$share/applications/$APP_ID.desktop"
cp "$here/share/metainfo/$APP_ID.metainfo.xml" "$share/metainfo/"
cp "$here/share/mime/packages/$APP_ID.xml" "$share/mime/packages/"
cp -R "$here/share/icons/hicolor" "$share/icons/"
refresh

# Double-clicking a .kpbundle opens kpmonitor. PDFs only get "Open with kpmonitor": never the default.
if command -v xdg-mime >/dev/null 2>&1; then
    xdg-mime default "$APP_ID.desktop" application/x-kpbundle >/dev/null 2>&1 || true
fi

version=$("$program_dir/kpmonitor" --version 2>/dev/null || echo "kpmonitor")
echo "$version is installed in $program_dir."
echo "Start it from the applications menu, or with: $bin_dir/kpmonitor"
echo "To check this computer: $bin_dir/kpmonitor --self-test"
case ":$PATH:" in
    *":$bin_dir:"*) ;;
    *) echo "($bin_dir is not on your PATH: add it to run plain 'kpmonitor' in a terminal.)" ;;
esac
