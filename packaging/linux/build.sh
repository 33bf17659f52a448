#!/usr/bin/env bash
# Build kpmonitor for Linux: a one-folder PyInstaller bundle, checked with its own --self-test, packed
# with its desktop files and install.sh into a tarball.
#
#     packaging/linux/build.sh [--fast] [OUT_DIR]       (OUT_DIR defaults to dist/ in the checkout)
#
# --fast packs with gzip instead of xz (xz: a third smaller, a minute slower). PYTHON=python3.12 picks
# the interpreter the bundle is built with. The build venv is made fresh each time, in a temporary folder.
# Exit status 3 means the build tools could not be installed (no access to the package index).
set -euo pipefail

fast=0
if [ "${1:-}" = "--fast" ]; then
  fast=1
  shift
fi
root=$(cd "$(dirname "$0")/../.." && pwd)
out=$(mkdir -p "${1:-$root/dist}" && cd "${1:-$root/dist}" && pwd)
python=${PYTHON:-python3}
work=$(mktemp -d "${TMPDIR:-/tmp}/kpmonitor-build.XXXXXX")
trap 'rm -rf "$work"' EXIT

# Name and version come from the package itself.
read -r version app_id < <(cd "$root" && "$python" -c 'import kpmonitor as k; print(k.__version__, k.APP_ID)')
name="kpmonitor-$version-linux-$(uname -m)"
echo "Building $name ($app_id) in $work"

started=$SECONDS
"$python" -m venv "$work/venv"
if ! { "$work/venv/bin/python" -m pip install --quiet --upgrade pip \
       && "$work/venv/bin/python" -m pip install --quiet "$root[package]"; } > "$work/pip.log" 2>&1; then
  cat "$work/pip.log" >&2
  echo "Could not install kpmonitor's dependencies and PyInstaller (see above)." >&2
  exit 3
fi
# The spec freezes the checkout's own kpmonitor; an installed copy would only be a second candidate.
"$work/venv/bin/python" -m pip uninstall --quiet --yes kpmonitor

"$work/venv/bin/pyinstaller" --noconfirm --clean --log-level WARN \
  --distpath "$work/dist" --workpath "$work/build" "$root/packaging/pyinstaller/kpmonitor.spec"
bundle="$work/dist/kpmonitor"

echo "Checking the frozen program:"
QT_QPA_PLATFORM=offscreen "$bundle/kpmonitor" --self-test

stage="$work/stage/$name"
mkdir -p "$stage/share/applications" "$stage/share/metainfo" "$stage/share/mime/packages" "$stage/share/icons"
mv "$bundle" "$stage/kpmonitor"
cp "$root/packaging/linux/$app_id.desktop" "$stage/share/applications/"
cp "$root/packaging/linux/$app_id.metainfo.xml" "$stage/share/metainfo/"
cp "$root/packaging/linux/$app_id.mime.xml" "$stage/share/mime/packages/$app_id.xml"
cp -R "$root/kpmonitor/resources/icons/hicolor" "$stage/share/icons/"
cp "$root/packaging/linux/install.sh" "$stage/install.sh"
chmod 755 "$stage/install.sh"
cat > "$stage/README.txt" <<EOF
kpmonitor $version for Linux ($(uname -m))

Install for yourself (no administrator needed):   ./install.sh
Or run it from this folder without installing:     ./kpmonitor/kpmonitor
Check that it works on this computer:             kpmonitor --self-test
Remove it again (your inspections are kept):      ~/.local/lib/kpmonitor/install.sh --uninstall
EOF

# Sorted, with neutral owners, so two builds of the same files give the same archive listing.
tar_options=(--sort=name --owner=0 --group=0 --numeric-owner -C "$work/stage")
if [ "$fast" = 1 ]; then
  archive="$out/$name.tar.gz"
  tar "${tar_options[@]}" -czf "$archive" "$name"
else
  archive="$out/$name.tar.xz"
  tar "${tar_options[@]}" -I "xz -T0 -6" -cf "$archive" "$name"
fi

# An AppImage needs appimagetool, which neither Debian nor PyPI packages; made only when it is installed.
if command -v appimagetool >/dev/null 2>&1; then
  appdir="$work/kpmonitor.AppDir"
  mkdir -p "$appdir/usr/lib"
  cp -R "$stage/kpmonitor" "$appdir/usr/lib/kpmonitor"
  cp -R "$stage/share" "$appdir/usr/share"
  cp "$stage/share/applications/$app_id.desktop" "$appdir/"
  cp "$root/kpmonitor/resources/icons/hicolor/256x256/apps/$app_id.png" "$appdir/$app_id.png"
  printf '#!/bin/sh\nexec "$(dirname "$(readlink -f "$0")")/usr/lib/kpmonitor/kpmonitor" "$@"\n' > "$appdir/AppRun"
  chmod 755 "$appdir/AppRun"
  ARCH=$(uname -m) appimagetool "$appdir" "$out/$name.AppImage"
fi

echo
echo "Bundle:  $(du -sh "$stage/kpmonitor" | cut -f1)  ($name/kpmonitor, unpacked)"
echo "Archive: $(du -sh "$archive" | cut -f1)  $archive"
echo "Built in $((SECONDS - started)) s."
