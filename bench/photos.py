"""Adding photos: our ingest + thumbnail against the least any photo tool must do.

A monitor empties a memory card of 12-megapixel JPEGs into an inspection. For each file
we verify it (a full decode at draft size), read EXIF, hash it, write it durably (temp file,
fsync, rename, directory fsync), commit its row with its audit event, and cache an upright
thumbnail — `Workspace.add_photos`, as the CLI and the GUI call it. The floor, measured in the
same run on the same files, is what any viewer that shows thumbnails with a hash would do:
read, SHA-256, open, draft, thumbnail. We report the best of several runs of each and the
ratio; the target is at most 1.5 times the floor.

    python bench/photos.py [--count N] [--runs R] [--check]
"""

from __future__ import annotations

import argparse
import functools
import hashlib
import io
import random
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import datetime, timedelta, timezone
from pathlib import Path

from PIL import Image, ImageChops

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from kpmonitor.demo.fill import demo_inspection  # noqa: E402
from kpmonitor.demo.images import KINDS, encode_with_exif, render_evidence  # noqa: E402
from kpmonitor.evidence.photos import THUMB_SIZE, PhotoInfo  # noqa: E402
from kpmonitor.paths import Paths  # noqa: E402
from kpmonitor.workspace import Workspace, init_home  # noqa: E402

TARGET = 1.5
SIZE = (4000, 3000)  # 12 megapixels, the common phone and compact camera size
QUALITY = 92  # with sensor-like noise this gives the 3–6 MB files cameras write


def make_photos(folder: Path, count: int, seed: int = 2009) -> list[Path]:
    """Write ``count`` distinct 12 MP camera-like JPEGs into ``folder`` (not timed)."""
    rng = random.Random(seed)
    scenes = [
        render_evidence(
            seed=seed + i,
            title=f"Parcel {i + 1}",
            lines=["HS 7102.31", f"{12.5 * (i + 1):.2f} ct"],
            kind=kind,
            size=SIZE,
        )
        for i, kind in enumerate(KINDS)
    ]
    # Sensor noise is what makes a real photo weigh megabytes; a clean drawing compresses
    # to a fraction of that and would flatter the decoder. One noise field, shifted per
    # photo, keeps the setup quick while every file differs.
    noise = Image.frombytes("RGB", SIZE, rng.randbytes(SIZE[0] * SIZE[1] * 3)).point(lambda v: 116 + v // 11)
    when = datetime(2024, 3, 5, 8, 30, tzinfo=timezone(timedelta(hours=2)))
    files = []
    for i in range(count):
        shifted = ImageChops.offset(noise, rng.randrange(SIZE[0]), rng.randrange(SIZE[1]))
        picture = ImageChops.add(scenes[i % len(scenes)], shifted, 1.0, -128)
        data = encode_with_exif(
            picture,
            taken_at=when + timedelta(minutes=3 * i),
            gps=(-20.0 - rng.random() * 0.1, 32.0 + rng.random() * 0.1),
            orientation=6 if i % 4 == 3 else 1,  # some shot with the camera held upright
            altitude_m=1000 + rng.random() * 50,
            quality=QUALITY,
        )
        path = folder / f"IMG_{i + 1:04d}.JPG"
        path.write_bytes(data)
        files.append(path)
    return files


def run_ours(files: list[Path], ws: Workspace, inspection_id: str) -> list[PhotoInfo]:
    """The production path, as `kpmonitor photo add` and the GUI take it: for each file, ingest (verify,
    EXIF, hash, durable write of the original), the photo's row and audit event committed, and the thumbnail."""
    added, refused = ws.add_photos(inspection_id, files)
    assert not refused and len(added) == len(files)
    for a in added:
        ws.vault.thumbnail(a.info.sha256)
    return [a.info for a in added]


def run_floor(files: list[Path]) -> None:
    """The least work: read, hash, open, draft, thumbnail. No EXIF, no write, no fsync."""
    for path in files:
        data = path.read_bytes()
        hashlib.sha256(data).hexdigest()
        with Image.open(io.BytesIO(data)) as im:
            im.draft("RGB", (THUMB_SIZE, THUMB_SIZE))
            im.thumbnail((THUMB_SIZE, THUMB_SIZE))


def timed(work: Callable[[], object]) -> float:
    start = time.perf_counter()
    work()
    return time.perf_counter() - start


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--count", type=int, default=50, help="photos to generate (default 50)")
    parser.add_argument("--runs", type=int, default=3, help="runs of each side; the best counts (default 3)")
    parser.add_argument("--check", action="store_true", help=f"exit 1 if the ratio is over {TARGET}")
    args = parser.parse_args(argv)
    if args.count < 1 or args.runs < 1:
        parser.error("--count and --runs must be at least 1")

    with tempfile.TemporaryDirectory(prefix="kpbench-photos-") as tmp:
        work = Path(tmp)
        source = work / "DCIM"
        source.mkdir()
        start = time.perf_counter()
        files = make_photos(source, args.count)
        total = sum(p.stat().st_size for p in files)
        print(
            f"generated {len(files)} JPEGs of {SIZE[0]}×{SIZE[1]}, {total / len(files) / 1e6:.1f} MB each on "
            f"average, in {time.perf_counter() - start:.1f} s (not timed)"
        )

        def fresh_home(run: int) -> tuple[Workspace, str]:
            home = work / f"home{run}"
            shutil.rmtree(home, ignore_errors=True)
            paths = Paths.for_home(home)
            init_home(paths, "field", "Bench Monitor")
            ws = Workspace(paths)
            insp, _ = demo_inspection(random.Random(run), run, "Bench Monitor")
            return ws, ws.store.create_inspection(insp)

        run_floor(files[:2])  # load Pillow's plugins before anything is timed
        floor = ours = float("inf")
        # Alternate the two so drift in machine load hits both equally; a fresh vault each
        # run so every ingest really writes.
        for run in range(args.runs):
            floor = min(floor, timed(lambda: run_floor(files)))
            ws, inspection_id = fresh_home(run)
            with ws:
                ours = min(ours, timed(functools.partial(run_ours, files, ws, inspection_id)))

    n = len(files)
    ratio = ours / floor
    print(f"floor (read + sha256 + open + draft + thumbnail): {floor:6.2f} s  ({floor / n * 1000:5.1f} ms/photo)")
    print(f"ours  (Workspace.add_photos + thumbnail):         {ours:6.2f} s  ({ours / n * 1000:5.1f} ms/photo)")
    print(f"ratio {ratio:.2f}× (target ≤ {TARGET}×) — best of {args.runs} runs each")
    return 1 if args.check and ratio > TARGET else 0


if __name__ == "__main__":
    raise SystemExit(main())
