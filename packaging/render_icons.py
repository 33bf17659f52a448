"""Render every icon file from the one SVG: the PNG sizes, the Windows .ico and the macOS .icns.

    python packaging/render_icons.py

Needs `rsvg-convert` (Debian: librsvg2-bin; macOS: Homebrew librsvg) and Pillow. The results are
committed, so a build never needs either tool; run this after changing the SVG, then commit.

    kpmonitor/resources/icons/hicolor/scalable/apps/<APP_ID>.svg        the source (drawn by hand)
    kpmonitor/resources/icons/hicolor/<N>x<N>/apps/<APP_ID>.png          16 ... 512, shipped with the app
    packaging/windows/kpmonitor.ico                            16 ... 256, for the .exe and installer
    packaging/macos/kpmonitor.icns                             16 ... 1024, for the .app
"""

from __future__ import annotations

import io
import shutil
import subprocess
import sys
from pathlib import Path

from PIL import Image

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from kpmonitor import APP_ID  # noqa: E402

ICONS = ROOT / "kpmonitor" / "resources" / "icons" / "hicolor"
SVG = ICONS / "scalable" / "apps" / f"{APP_ID}.svg"
PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
ICNS_SIZES = (16, 32, 64, 128, 256, 512, 1024)


def render(size: int) -> Image.Image:
    """The SVG drawn at size x size by librsvg (Pillow cannot read SVG)."""
    png = subprocess.run(["rsvg-convert", "--width", str(size), "--height", str(size), str(SVG)],
                         check=True, capture_output=True).stdout
    return Image.open(io.BytesIO(png)).convert("RGBA")


def main() -> int:
    if shutil.which("rsvg-convert") is None:
        print("rsvg-convert is missing: install librsvg2-bin (Debian, Ubuntu) or librsvg (Homebrew).")
        return 1
    images = {size: render(size) for size in sorted(set(PNG_SIZES + ICO_SIZES + ICNS_SIZES))}
    for size in PNG_SIZES:
        out = ICONS / f"{size}x{size}" / "apps" / f"{APP_ID}.png"
        out.parent.mkdir(parents=True, exist_ok=True)
        images[size].save(out, optimize=True)
    # Each size is drawn from the SVG rather than scaled down from the largest, so small sizes stay sharp.
    biggest = images[max(ICO_SIZES)]
    biggest.save(ROOT / "packaging" / "windows" / "kpmonitor.ico", sizes=[(s, s) for s in ICO_SIZES],
                 append_images=[images[s] for s in ICO_SIZES if s != max(ICO_SIZES)])
    images[1024].save(ROOT / "packaging" / "macos" / "kpmonitor.icns",
                      append_images=[images[s] for s in ICNS_SIZES if s != 1024])
    print(f"rendered {len(PNG_SIZES)} PNGs, kpmonitor.ico and kpmonitor.icns from {SVG.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
