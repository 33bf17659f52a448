#!/usr/bin/env bash
# Build kpmonitor.app for macOS, check it with its own --self-test, and pack it in a disk image.
#
#     packaging/macos/build.sh [OUT_DIR]                (OUT_DIR defaults to dist/ in the checkout)
#
# Signing and notarization happen when these are set (see docs/install.md):
#   KPMONITOR_CODESIGN_IDENTITY   "Developer ID Application: ... (TEAMID)"; the spec signs every binary
#   KPMONITOR_NOTARY_PROFILE      a keychain profile made once with `xcrun notarytool store-credentials`
# The app is built for the machine's own architecture (arm64 or x86_64): build on each for both.
set -euo pipefail

root=$(cd "$(dirname "$0")/../.." && pwd)
out=$(mkdir -p "${1:-$root/dist}" && cd "${1:-$root/dist}" && pwd)
python=${PYTHON:-python3}
work=$(mktemp -d "${TMPDIR:-/tmp}/kpmonitor-build.XXXXXX")
trap 'rm -rf "$work"' EXIT

read -r version app_id < <(cd "$root" && "$python" -c 'import kpmonitor as k; print(k.__version__, k.APP_ID)')
name="kpmonitor-$version-macos-$(uname -m)"
echo "Building $name ($app_id) in $work"

"$python" -m venv "$work/venv"
"$work/venv/bin/python" -m pip install --quiet --upgrade pip
"$work/venv/bin/python" -m pip install --quiet "$root[package]"
"$work/venv/bin/python" -m pip uninstall --quiet --yes kpmonitor
"$work/venv/bin/pyinstaller" --noconfirm --clean --log-level WARN \
  --distpath "$work/dist" --workpath "$work/build" "$root/packaging/pyinstaller/kpmonitor.spec"
app="$work/dist/kpmonitor.app"

echo "Checking the frozen program:"
QT_QPA_PLATFORM=offscreen "$app/Contents/MacOS/kpmonitor" --self-test
/usr/libexec/PlistBuddy -c "Print :CFBundleIdentifier" "$app/Contents/Info.plist"

mkdir -p "$work/dmg"
cp -R "$app" "$work/dmg/"
ln -s /Applications "$work/dmg/Applications"
dmg="$out/$name.dmg"
rm -f "$dmg"
hdiutil create -quiet -volname "kpmonitor $version" -srcfolder "$work/dmg" -format UDZO "$dmg"

if [ -n "${KPMONITOR_CODESIGN_IDENTITY:-}" ]; then
  codesign --sign "$KPMONITOR_CODESIGN_IDENTITY" --timestamp "$dmg"
  if [ -n "${KPMONITOR_NOTARY_PROFILE:-}" ]; then
    xcrun notarytool submit "$dmg" --keychain-profile "$KPMONITOR_NOTARY_PROFILE" --wait
    xcrun stapler staple "$dmg"
  fi
fi
echo "Built: $dmg ($(du -sh "$app" | cut -f1) unpacked)"
