"""Photo evidence: verify, keep the original bytes, read EXIF, make cached previews.

A photo added to an inspection is evidence. The bytes that came off the camera are kept
exactly as they were, under their SHA-256, so the hash recorded in a signed report can be
checked against the file years later. Everything derived from them (thumbnails, the
downscaled copies embedded in PDF reports) is a cache that can be deleted and rebuilt.

Files come from memory cards and messaging apps, so they are treated as hostile input:
only JPEG, PNG and HEIC/HEIF are accepted, the pixel count is checked from the header
before anything is decoded (decompression bombs), and every image is decoded once so a
truncated copy is refused at the door rather than discovered at headquarters.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import logging
import math
import numbers
import os
import re
import struct
import threading
import time
from collections.abc import Iterable, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any, Final

from PIL import ExifTags, Image

from kpmonitor import fileio
from kpmonitor.errors import FileRefused, PhotoError

logger = logging.getLogger(__name__)

ACCEPTED: Final = "JPEG, PNG and HEIC/HEIF"
IMAGE_EXTENSIONS: Final = frozenset({".jpg", ".jpeg", ".png", ".heic", ".heif"})
MIME: Final = {"JPEG": "image/jpeg", "PNG": "image/png", "HEIF": "image/heif"}

# No camera writes a photo this big; refusing early saves reading a video into memory.
MAX_BYTES: Final = 1 << 30
THUMB_SIZE: Final = 256
THUMB_QUALITY: Final = 85
# Temp files older than this were left by a crash, not by an ingest in progress.
STALE_TEMP_SECONDS: Final = 3600.0
TEMP_PREFIX: Final = ".incoming-"

_SHA256_RE: Final = re.compile(r"[0-9a-f]{64}")
_EXIF_DATETIME_RE: Final = re.compile(r"(\d{4})[:\-](\d{2})[:\-](\d{2})[ T](\d{2}):(\d{2}):(\d{2})")
_EXIF_OFFSET_RE: Final = re.compile(r"([+\-])(\d{2}):?(\d{2})")

# Same table as PIL.ImageOps.exif_transpose. It is applied here to the already reduced
# image, which is much cheaper than transposing the full-size photo and then shrinking it.
_TRANSPOSE: Final[dict[int, Image.Transpose]] = {
    2: Image.Transpose.FLIP_LEFT_RIGHT,
    3: Image.Transpose.ROTATE_180,
    4: Image.Transpose.FLIP_TOP_BOTTOM,
    5: Image.Transpose.TRANSPOSE,
    6: Image.Transpose.ROTATE_270,
    7: Image.Transpose.TRANSVERSE,
    8: Image.Transpose.ROTATE_90,
}

_heif_lock = threading.Lock()
_heif_state: list[bool] = []  # [True] once registered, [False] if pillow-heif is missing
_writer_lock = threading.Lock()
_writers: list[ThreadPoolExecutor] = []  # one shared pool, made on first ingest


@dataclass(frozen=True)
class PhotoInfo:
    """What is known about one photo, read from its bytes without changing them."""

    sha256: str  # hex of the ORIGINAL bytes
    size: int  # bytes
    format: str  # 'JPEG' | 'PNG' | 'HEIF'
    mime: str
    width: int  # as displayed, i.e. after EXIF orientation
    height: int
    orientation: int  # EXIF orientation tag 1..8 (1 if absent)
    taken_at: str | None  # ISO 8601 from EXIF DateTimeOriginal (+ OffsetTimeOriginal)
    gps_lat: float | None
    gps_lon: float | None
    gps_alt_m: float | None
    camera: str | None  # "Make Model"
    original_name: str  # file name it came from


def _heif_available() -> bool:
    """Register pillow-heif with Pillow the first time a HEIC file is met."""
    if not _heif_state:
        with _heif_lock:
            if not _heif_state:
                try:
                    heif = _heif_module()
                    heif.register_heif_opener()
                    _heif_state.append(True)
                except ImportError:
                    logger.warning("pi-heif is not installed; HEIC photos are refused")
                    _heif_state.append(False)
    return _heif_state[0]


# --- recognising the file -------------------------------------------------------------

_HEIF_BRANDS: Final = frozenset(
    {b"heic", b"heix", b"heim", b"heis", b"hevc", b"hevx", b"hevm", b"hevs", b"mif1", b"msf1"}
)


def _sniff(head: bytes, label: str) -> str:
    """Name the format from the first bytes, or refuse the file with a sentence."""
    if head.startswith(b"\xff\xd8\xff"):
        return "JPEG"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "PNG"
    if len(head) >= 12 and head[4:8] == b"ftyp":
        brand = head[8:12]
        if brand in _HEIF_BRANDS:
            return "HEIF"
        if brand in (b"avif", b"avis"):
            raise _unsupported(label, "an AVIF image")
        raise _unsupported(label, "a video or other media file")
    other = _other_format(head)
    if other is not None:
        raise _unsupported(label, other)
    raise PhotoError(f"{label} is not an image. Only {ACCEPTED} photos can be added.")


def _other_format(head: bytes) -> str | None:
    if head.startswith((b"GIF87a", b"GIF89a")):
        return "a GIF image"
    if head.startswith((b"II*\x00", b"MM\x00*", b"II+\x00", b"MM\x00+")):
        # Most camera RAW formats (CR2, NEF, ARW, DNG) are TIFF underneath.
        return "a TIFF or camera RAW image"
    if head.startswith(b"RIFF") and head[8:12] == b"WEBP":
        return "a WebP image"
    if head.startswith(b"BM"):
        return "a BMP image"
    if head.startswith(b"%PDF"):
        return "a PDF document"
    if head.startswith(b"\x00\x00\x00\x0cjP  ") or head.startswith(b"\xff\x4f\xff\x51"):
        return "a JPEG 2000 image"
    if head.startswith(b"8BPS"):
        return "a Photoshop document"
    if head.startswith(b"\x00\x00\x01\x00"):
        return "an icon file"
    return None


def _unsupported(label: str, what: str) -> PhotoError:
    return PhotoError(
        f"{label} is {what}; only {ACCEPTED} photos can be added as evidence. "
        "Export it from the camera or phone as JPEG."
    )


def _corrupt(label: str) -> PhotoError:
    return PhotoError(
        f"{label} is damaged or incomplete (its image data is cut short or corrupt). "
        "Copy it again from the camera or memory card."
    )


# --- pixel count from the header, before Pillow decodes anything ----------------------


def _png_size(data: bytes) -> tuple[int, int] | None:
    if len(data) < 24 or data[12:16] != b"IHDR":
        return None
    width, height = struct.unpack(">II", data[16:24])
    return int(width), int(height)


# SOF0..SOF15 carry the frame size; C4 (DHT), C8 (JPG) and CC (DAC) share the range.
_JPEG_SOF: Final = frozenset(range(0xC0, 0xD0)) - {0xC4, 0xC8, 0xCC}


def _jpeg_size(data: bytes) -> tuple[int, int] | None:
    """Walk the JPEG markers up to the scan and return the largest frame declared."""
    best: tuple[int, int] | None = None
    pos = 2
    end = len(data)
    while pos + 4 <= end:
        if data[pos] != 0xFF:
            # Some cameras pad between segments; Pillow skips such junk, so do the same.
            nxt = data.find(b"\xff", pos)
            if nxt < 0:
                return best
            pos = nxt
            continue
        marker = data[pos + 1]
        if marker == 0xFF:  # fill byte
            pos += 1
            continue
        if marker == 0x01 or 0xD0 <= marker <= 0xD7:  # markers without a length
            pos += 2
            continue
        (length,) = struct.unpack(">H", data[pos + 2 : pos + 4])
        if marker in _JPEG_SOF and pos + 9 <= end:
            height, width = struct.unpack(">HH", data[pos + 5 : pos + 9])
            if best is None or width * height > best[0] * best[1]:
                best = (int(width), int(height))
        if marker == 0xDA:  # start of scan: no more headers
            return best
        pos += 2 + length
    return best


def _heif_module() -> Any:
    """The HEIF plugin: pi-heif decodes only (what kpmonitor needs, 22 MB lighter than pillow-heif, which
    also carries an encoder); pillow-heif has the same API and is used where it is what is installed."""
    try:
        import pi_heif

        return pi_heif
    except ImportError:
        import pillow_heif

        return pillow_heif


def _heif_size(data: bytes) -> tuple[int, int] | None:
    # open_heif parses the container only; the pixels are decoded on first access.
    heif = _heif_module().open_heif(io.BytesIO(data))
    width, height = heif.size
    return int(width), int(height)


def _header_size(fmt: str, data: bytes) -> tuple[int, int] | None:
    if fmt == "PNG":
        return _png_size(data)
    if fmt == "JPEG":
        return _jpeg_size(data)
    return _heif_size(data)


def _pixel_limit(max_pixels: int) -> int:
    """The lower of the vault's limit and Pillow's process-wide one.

    Pillow warns above Image.MAX_IMAGE_PIXELS and refuses above twice that; staying under
    it keeps that warning from ever firing, without touching the global setting.
    """
    pillow_limit = Image.MAX_IMAGE_PIXELS
    return max_pixels if pillow_limit is None else min(max_pixels, pillow_limit)


def _too_large(label: str, width: int, height: int, limit: int) -> PhotoError:
    return PhotoError(
        f"{label} is too large to open safely: {width} × {height} pixels is "
        f"{width * height / 1e6:.0f} megapixels, over the limit of {limit / 1e6:.0f} "
        "megapixels. Use the camera's normal photo size."
    )


# --- decoding ---------------------------------------------------------------------------


@dataclass
class _Opened:
    image: Image.Image  # decoded, possibly reduced by JPEG draft mode, not yet upright
    fmt: str
    size: tuple[int, int]  # full size as stored
    transpose: int  # orientation still to apply to the pixels
    orientation: int  # orientation tag as found in the file
    exif: Image.Exif | None


def _precheck(data: bytes, label: str, max_pixels: int) -> tuple[str, tuple[int, int]]:
    """The cheap refusals, before any pixel is decoded: empty, wrong format, too many pixels.

    Returns the format and the size the header declares.
    """
    if not data:
        raise PhotoError(f"{label} is empty (0 bytes), so it is not a photo. Copy it again from the camera.")
    fmt = _sniff(data[:32], label)
    if fmt == "HEIF" and not _heif_available():
        raise PhotoError(f"{label} is a HEIC/HEIF photo, but HEIC support is not installed on this computer.")
    limit = _pixel_limit(max_pixels)
    try:
        header = _header_size(fmt, data)
    except Exception as exc:  # untrusted bytes: any parser failure means a bad file
        logger.info("header of %s unreadable: %r", label, exc)
        raise _corrupt(label) from exc
    if header is None or header[0] <= 0 or header[1] <= 0:
        raise _corrupt(label)
    if header[0] * header[1] > limit:
        raise _too_large(label, header[0], header[1], limit)
    return fmt, header


def _open_checked(data: bytes, label: str, max_pixels: int, box: int) -> _Opened:
    fmt, header = _precheck(data, label, max_pixels)
    return _decode(data, fmt, header, label, max_pixels, box)


def _decode(data: bytes, fmt: str, header: tuple[int, int], label: str, max_pixels: int, box: int) -> _Opened:
    """Fully decode ``data`` (at draft size for JPEG) and read its EXIF.

    Decoding every byte of the entropy-coded data is what catches a truncated copy; JPEG's
    DCT scaling still reads all of it while producing 1/8 of the pixels.
    """
    limit = _pixel_limit(max_pixels)
    try:
        im = Image.open(io.BytesIO(data), formats=[fmt])
        full_size = im.size
        if full_size[0] * full_size[1] > limit:
            # Pillow read a different size than our header walk; trust the larger.
            raise _too_large(label, full_size[0], full_size[1], limit)
        if fmt == "JPEG":
            im.draft("RGB", (box, box))
        im.load()
        exif = _read_exif(im, label)
    except PhotoError:
        raise
    except Image.DecompressionBombError as exc:
        raise _too_large(label, header[0], header[1], limit) from exc
    except Exception as exc:  # untrusted bytes: any decoder failure means a bad file
        logger.info("decoding %s failed: %r", label, exc)
        raise _corrupt(label) from exc

    tag = _orientation(exif)
    if fmt == "HEIF":
        # pillow-heif applies the HEIF rotation itself and resets the EXIF tag to 1,
        # keeping what the file said in info["original_orientation"].
        original = im.info.get("original_orientation")
        found = original if isinstance(original, int) and 1 <= original <= 8 else tag
        return _Opened(im, fmt, full_size, tag, found, exif)
    return _Opened(im, fmt, full_size, tag, tag, exif)


def _read_exif(im: Image.Image, label: str) -> Image.Exif | None:
    # A photo with mangled EXIF is still evidence; it only loses its time and place.
    try:
        return im.getexif()
    except Exception as exc:
        logger.info("EXIF of %s unreadable: %r", label, exc)
        return None


def _orientation(exif: Image.Exif | None) -> int:
    if exif is None:
        return 1
    value = exif.get(ExifTags.Base.Orientation)
    return value if isinstance(value, int) and 1 <= value <= 8 else 1


def _reduced_upright(opened: _Opened, box: int) -> Image.Image:
    """Shrink to fit a ``box``-pixel square, then turn upright, as an RGB image."""
    im = _to_rgb(opened.image)
    im.thumbnail((box, box))
    method = _TRANSPOSE.get(opened.transpose)
    return im.transpose(method) if method is not None else im


def _to_rgb(im: Image.Image) -> Image.Image:
    if im.mode == "RGB":
        return im
    if im.mode in ("I;16", "I;16B", "I;16L", "I;16N", "I", "F"):
        # 16-bit greyscale PNGs: bring to 8 bits before colour conversion.
        im = im.convert("I").point(lambda v: v / 256).convert("L")
    if "A" in im.getbands() or im.info.get("transparency") is not None:
        rgba = im.convert("RGBA")
        white = Image.new("RGBA", rgba.size, (255, 255, 255, 255))
        return Image.alpha_composite(white, rgba).convert("RGB")
    return im.convert("RGB")


def _encode_jpeg(im: Image.Image, quality: int, icc: object) -> bytes:
    buf = io.BytesIO()
    # No exif= argument: the copy must not carry GPS or other EXIF out of the vault.
    if isinstance(icc, bytes):
        im.save(buf, "JPEG", quality=quality, icc_profile=icc)
    else:
        im.save(buf, "JPEG", quality=quality)
    return buf.getvalue()


# --- EXIF → PhotoInfo fields ------------------------------------------------------------


def _text(value: object) -> str | None:
    if isinstance(value, bytes):
        value = value.decode("utf-8", "replace")
    if not isinstance(value, str):
        return None
    cleaned = value.replace("\x00", "").strip()
    return cleaned or None


def _taken_at(exif: Image.Exif) -> str | None:
    ifd = exif.get_ifd(ExifTags.IFD.Exif)
    pairs = (
        (ExifTags.Base.DateTimeOriginal, ExifTags.Base.OffsetTimeOriginal),
        (ExifTags.Base.DateTimeDigitized, ExifTags.Base.OffsetTimeDigitized),
    )
    for when_tag, offset_tag in pairs:
        when = _text(ifd.get(when_tag))
        if when is None:
            continue
        m = _EXIF_DATETIME_RE.match(when)  # some cameras append sub-seconds or a zone
        if m is None:
            continue
        try:
            year, month, day, hour, minute, second = (int(g) for g in m.groups())
            moment = datetime(year, month, day, hour, minute, second)
        except ValueError:  # "0000:00:00 00:00:00" from cameras whose clock was never set
            continue
        iso = moment.isoformat()
        offset = _text(ifd.get(offset_tag))
        om = _EXIF_OFFSET_RE.fullmatch(offset) if offset else None
        if om is not None and int(om.group(2)) <= 14 and int(om.group(3)) < 60:
            iso += f"{om.group(1)}{om.group(2)}:{om.group(3)}"
        return iso
    return None


def _number(value: object) -> float | None:
    if not isinstance(value, numbers.Real):  # IFDRational is a numbers.Rational
        return None
    try:
        number = float(value)
    except (ValueError, ZeroDivisionError, OverflowError):
        return None
    return number if math.isfinite(number) else None


def _degrees(value: object) -> float | None:
    if isinstance(value, Sequence) and not isinstance(value, (str, bytes)):
        parts = [_number(v) for v in value][:3]
        if not parts or any(p is None for p in parts):
            return None
        total = 0.0
        for part, scale in zip(parts, (1.0, 60.0, 3600.0), strict=False):
            total += (part or 0.0) / scale
        return total
    return _number(value)


def _gps(exif: Image.Exif) -> tuple[float | None, float | None, float | None]:
    gps = exif.get_ifd(ExifTags.IFD.GPSInfo)
    if not gps:
        return None, None, None
    if (_text(gps.get(ExifTags.GPS.GPSStatus)) or "A").upper() == "V":  # void: no fix
        return None, None, None
    lat = _degrees(gps.get(ExifTags.GPS.GPSLatitude))
    lon = _degrees(gps.get(ExifTags.GPS.GPSLongitude))
    if lat is not None and (_text(gps.get(ExifTags.GPS.GPSLatitudeRef)) or "N").upper() == "S":
        lat = -lat
    if lon is not None and (_text(gps.get(ExifTags.GPS.GPSLongitudeRef)) or "E").upper() == "W":
        lon = -lon
    if lat is None or lon is None or abs(lat) > 90 or abs(lon) > 180 or (lat == lon == 0):
        # Cameras without a fix often write 0/0; a lone latitude is no position either.
        lat = lon = None
    if lat is not None and lon is not None:
        # Seven decimals is about a centimetre; more is float noise from the rationals.
        lat, lon = round(lat, 7), round(lon, 7)
    alt = _number(gps.get(ExifTags.GPS.GPSAltitude))
    ref = gps.get(ExifTags.GPS.GPSAltitudeRef)
    below = ref in (1, b"\x01") or (isinstance(ref, bytes) and ref[:1] == b"\x01")
    if alt is not None and below:
        alt = -alt
    return lat, lon, alt


def _camera(exif: Image.Exif) -> str | None:
    make = _text(exif.get(ExifTags.Base.Make))
    model = _text(exif.get(ExifTags.Base.Model))
    if make and model and model.lower().startswith(make.lower()):
        return model  # "Canon" + "Canon EOS R6" would read twice
    return " ".join(p for p in (make, model) if p) or None


def _info(data: bytes, name: str, opened: _Opened, sha256: str | None = None) -> PhotoInfo:
    width, height = opened.size
    if opened.transpose in (5, 6, 7, 8):
        width, height = height, width
    taken_at = camera = None
    lat = lon = alt = None
    if opened.exif is not None:
        try:
            taken_at = _taken_at(opened.exif)
            lat, lon, alt = _gps(opened.exif)
            camera = _camera(opened.exif)
        except Exception as exc:  # odd EXIF must not cost the monitor the photo
            logger.info("EXIF fields of %s unreadable: %r", name, exc)
    return PhotoInfo(
        sha256=sha256 or hashlib.sha256(data).hexdigest(),
        size=len(data),
        format=opened.fmt,
        mime=MIME[opened.fmt],
        width=width,
        height=height,
        orientation=opened.orientation,
        taken_at=taken_at,
        gps_lat=lat,
        gps_lon=lon,
        gps_alt_m=alt,
        camera=camera,
        original_name=name,
    )


# --- files ----------------------------------------------------------------------------


def _read_file(path: Path) -> bytes:
    """A photo file's bytes, read as every file from outside is (``fileio.read_regular``: no link, no pipe)."""
    label = str(path)

    def check_head(head: bytes) -> None:
        if not head:
            raise PhotoError(f"{label} is empty (0 bytes), so it is not a photo. Copy it again from the camera.")
        # Refuse a video or document before reading hundreds of megabytes of it.
        _sniff(head, label)

    try:
        return fileio.read_regular(path, MAX_BYTES, "photo", head=check_head)
    except FileRefused as exc:
        raise PhotoError(exc.message) from exc
    except FileNotFoundError as exc:
        raise PhotoError(f"The photo {label} does not exist.") from exc
    except IsADirectoryError as exc:
        raise PhotoError(f"{label} is a folder, not a photo.") from exc
    except PermissionError as exc:
        if path.is_dir():  # Windows reports opening a folder as a permission problem
            raise PhotoError(f"{label} is a folder, not a photo.") from exc
        raise PhotoError(f"{label} cannot be read: permission denied.") from exc
    except OSError as exc:
        raise PhotoError(f"{label} cannot be read: {exc.strerror or exc}.") from exc


class PhotoVault:
    """Original photo bytes kept unaltered, content-addressed by SHA-256.

    ``originals_dir/<sha[:2]>/<sha>`` holds the evidence (read-only, written durably before
    ``ingest`` returns); ``thumbs_dir`` holds caches. A photo is refused if its header
    declares more than ``max_pixels`` pixels, or more than Pillow's process-wide
    ``Image.MAX_IMAGE_PIXELS`` (about 89 MP by default), whichever is lower.
    Safe to use from several threads.
    """

    def __init__(self, originals_dir: Path, thumbs_dir: Path, max_pixels: int = 100_000_000) -> None:
        self.originals_dir = Path(originals_dir)
        self.thumbs_dir = Path(thumbs_dir)
        self.max_pixels = max_pixels
        for folder in (self.originals_dir, self.thumbs_dir):
            fileio.ensure_dir(folder)
        self._sweep_stale_temps()

    # -- reading new photos

    def examine(self, data: bytes, name: str = "") -> PhotoInfo:
        """Verify ``data`` is an acceptable photo and read its metadata; writes nothing."""
        opened = _open_checked(data, name or "The photo", self.max_pixels, THUMB_SIZE)
        return _info(data, name, opened)

    def ingest(self, path: Path) -> PhotoInfo:
        """Store the photo at ``path`` (unaltered) and return what it is."""
        path = Path(path)
        data = _read_file(path)
        return self._ingest(data, path.name, str(path))

    def ingest_bytes(self, data: bytes, name: str) -> PhotoInfo:
        """Store photo bytes received from elsewhere (a bundle, a drag from a browser)."""
        return self._ingest(data, name, name or "The photo")

    def _ingest(self, data: bytes, name: str, label: str) -> PhotoInfo:
        fmt, header = _precheck(data, label, self.max_pixels)
        sha = hashlib.sha256(data).hexdigest()
        dest = self.original_path(sha)
        # Writing and fsyncing the original waits on the disk, decoding waits on the CPU:
        # do both at once. Until the decode has passed, the bytes sit in a temp file that
        # is removed if the photo is refused, so a refused photo still leaves nothing.
        pending = None if self._already_stored(dest, sha) else _writer().submit(self._write_temp, data)
        committed = False
        try:
            # The verification decode doubles as the thumbnail's, so a photo is decoded
            # once on the way in.
            opened = _decode(data, fmt, header, label, self.max_pixels, THUMB_SIZE)
            info = _info(data, name, opened, sha)
            thumb = _encode_jpeg(
                _reduced_upright(opened, THUMB_SIZE), THUMB_QUALITY, opened.image.info.get("icc_profile")
            )
            if pending is not None:
                self._commit(_saved(pending), dest, sha)
            committed = True
        finally:
            if pending is not None and not committed:
                _discard(pending)
        try:
            self._write_cache(self._thumb_path(sha, THUMB_SIZE), thumb)
        except OSError as exc:  # a missing thumbnail is rebuilt on demand
            logger.warning("could not cache the thumbnail of %s: %s", label, exc)
        logger.info("stored photo %s (%s, %d bytes) from %s", sha[:12], info.format, info.size, label)
        return info

    def _already_stored(self, dest: Path, sha: str) -> bool:
        if not dest.is_file():
            return False
        try:
            if hashlib.sha256(dest.read_bytes()).hexdigest() == sha:
                return True  # same evidence already kept: not rewritten
        except OSError:
            pass
        # A damaged copy of these very bytes is on disk: the fresh copy will repair it.
        logger.warning("replacing damaged stored original %s", sha)
        return False

    def _write_temp(self, data: bytes) -> Path:
        """Write ``data`` to a temp file in the vault and fsync it; returns its path."""
        return fileio.stage(self.originals_dir, data, prefix=TEMP_PREFIX)

    def _commit(self, tmp: Path, dest: Path, sha: str) -> None:
        """Rename the fsynced temp file into place and make the rename durable."""
        try:
            self._place(tmp, dest, sha)
        except OSError as exc:
            raise PhotoError(f"The photo could not be saved: {exc.strerror or exc}.") from exc

    def _place(self, tmp: Path, dest: Path, sha: str) -> bool:
        """The one way an original is kept: the staged file renamed into its shard durably, then read-only.

        A damaged copy of the same bytes is replaced; the staged file never stays.

        :returns: False when the same evidence was kept meanwhile (another thread), True when written.
        :raises OSError: when the file cannot be put in place.
        """
        if self._already_stored(dest, sha):  # another thread added the same photo meanwhile
            tmp.unlink(missing_ok=True)
            return False
        try:
            if dest.exists():  # repairing a damaged copy; it was made read-only
                os.chmod(dest, fileio.PRIVATE)
            fileio.ensure_dir(dest.parent)  # a new shard's entry is on disk before the photo counts as kept
            fileio.commit(tmp, dest)
        except BaseException:
            tmp.unlink(missing_ok=True)
            raise
        # Read-only: evidence is not for editing, even by accident; and, as all the home's files, the owner's only.
        with contextlib.suppress(OSError):
            os.chmod(dest, 0o400)
        return True

    def store_verified(self, sha256: str, data: bytes | memoryview) -> bool:
        """Keep an original whose bytes a signed manifest vouches for (headquarters' import), without decoding.

        The bytes were verified by the monitor's vault when they were added; here they are only checked
        to be the ones named, then kept as ``ingest`` keeps them: durably, read-only, a damaged copy repaired.

        :returns: True when written, False when the same evidence was already kept.
        :raises PhotoError: when ``data`` does not hash to ``sha256``.
        :raises OSError: when the file cannot be written (a full disk is the computer's fault, not the photo's).
        """
        dest = self.original_path(sha256)
        if self._already_stored(dest, sha256):
            return False  # the same evidence is already kept (a superseding report carries its photos)
        if hashlib.sha256(data).hexdigest() != sha256:
            raise PhotoError(f"The bytes given for photo {sha256[:12]} are not that photo: they hash otherwise.")
        return self._place(fileio.stage(self.originals_dir, data, prefix=TEMP_PREFIX), dest, sha256)

    def _sweep_stale_temps(self) -> None:
        cutoff = time.time() - STALE_TEMP_SECONDS
        for folder in (self.originals_dir, self.thumbs_dir):
            try:
                leftovers = list(folder.glob(TEMP_PREFIX + "*"))
            except OSError:
                continue
            for tmp in leftovers:
                try:
                    if tmp.stat().st_mtime < cutoff:
                        tmp.unlink()
                        logger.info("removed %s left by an interrupted save", tmp.name)
                except OSError:
                    pass

    # -- stored originals

    def original_path(self, sha256: str) -> Path:
        _check_sha(sha256)
        return self.originals_dir / sha256[:2] / sha256

    def has(self, sha256: str) -> bool:
        return self.original_path(sha256).is_file()

    def read_original(self, sha256: str) -> bytes:
        """The stored bytes, after checking they still hash to ``sha256``."""
        path = self.original_path(sha256)
        try:
            data = path.read_bytes()
        except FileNotFoundError as exc:
            raise PhotoError(f"The original of photo {sha256[:12]} is missing from the photo store.") from exc
        except OSError as exc:
            raise PhotoError(f"The original of photo {sha256[:12]} cannot be read: {exc.strerror or exc}.") from exc
        if hashlib.sha256(data).hexdigest() != sha256:
            logger.error("stored original %s does not match its hash", sha256)
            raise PhotoError(
                f"The stored original of photo {sha256[:12]} no longer matches its "
                "fingerprint: the evidence file has been altered or damaged on disk."
            )
        return data

    # -- derived copies (caches)

    def thumbnail(self, sha256: str, size: int = THUMB_SIZE) -> Path:
        """Path of an upright JPEG preview fitting ``size`` × ``size``, made if missing."""
        path = self._thumb_path(sha256, size)
        if _cached(path):
            return path
        data = self.read_original(sha256)
        opened = _open_checked(data, f"Photo {sha256[:12]}", self.max_pixels, size)
        thumb = _reduced_upright(opened, size)
        self._write_cache(path, _encode_jpeg(thumb, THUMB_QUALITY, opened.image.info.get("icc_profile")))
        return path

    def scaled_jpeg(self, sha256: str, max_side: int = 1600, quality: int = 80) -> bytes:
        """An upright, EXIF-free JPEG no larger than ``max_side`` for PDF reports."""
        path = self._thumb_path(sha256, max_side, quality)
        if _cached(path):
            try:
                return path.read_bytes()
            except OSError:
                pass
        data = self.read_original(sha256)
        opened = _open_checked(data, f"Photo {sha256[:12]}", self.max_pixels, max_side)
        scaled = _reduced_upright(opened, max_side)
        jpeg = _encode_jpeg(scaled, quality, opened.image.info.get("icc_profile"))
        try:
            self._write_cache(path, jpeg)
        except OSError as exc:
            logger.warning("could not cache the report copy of %s: %s", sha256[:12], exc)
        return jpeg

    def _thumb_path(self, sha256: str, size: int, quality: int | None = None) -> Path:
        _check_sha(sha256)
        if size <= 0:
            raise ValueError(f"thumbnail size must be positive, not {size}")
        suffix = f"-{size}" if quality is None else f"-{size}q{quality}"
        return self.thumbs_dir / sha256[:2] / f"{sha256}{suffix}.jpg"

    def _write_cache(self, path: Path, data: bytes) -> None:
        # Not fsynced: a cache lost in a crash is rebuilt; an empty one is treated as missing.
        path.parent.mkdir(fileio.PRIVATE_DIR, parents=True, exist_ok=True)
        fileio.commit(fileio.stage(self.thumbs_dir, data, prefix=TEMP_PREFIX, durable=False), path,
                      durable=False)


def _writer() -> ThreadPoolExecutor:
    if not _writers:
        with _writer_lock:
            if not _writers:
                _writers.append(ThreadPoolExecutor(max_workers=4, thread_name_prefix="photo-write"))
    return _writers[0]


def _saved(pending: Future[Path]) -> Path:
    try:
        return pending.result()
    except OSError as exc:
        raise PhotoError(
            f"The photo could not be saved: {exc.strerror or exc}. Check that the disk is not full."
        ) from exc


def _discard(pending: Future[Path]) -> None:
    """Wait for an unneeded temp write to finish, then remove what it wrote."""
    try:
        tmp = pending.result()
    except Exception:  # the writer already removed its partial file
        return
    tmp.unlink(missing_ok=True)


def _cached(path: Path) -> bool:
    try:
        return path.stat().st_size > 0
    except OSError:
        return False


def _check_sha(sha256: str) -> None:
    # The hash becomes a path; anything but 64 lowercase hex digits could escape the vault.
    if not isinstance(sha256, str) or _SHA256_RE.fullmatch(sha256) is None:
        raise PhotoError(f"{sha256!r} is not a photo fingerprint (64 hexadecimal digits).")


def iter_image_files(paths: Iterable[Path]) -> list[Path]:
    """Expand folders (an SD card's DCIM, say) into the image files inside them.

    Folders are searched recursively for .jpg .jpeg .png .heic .heif (any case), skipping
    hidden files and folders (macOS "._" companions, .Trashes, thumbnails caches). A path
    that is not a folder is kept as given, so a wrong file gets its own sentence from
    ingest instead of being skipped without a word; so is a link, to a file or a folder, and a
    pipe or device named like a photo (``fileio.read_regular`` refuses them, with a sentence).
    Links to folders inside are not followed. Order: arguments as given, each folder sorted;
    duplicates dropped.
    """
    found: list[Path] = []
    seen: set[Path] = set()

    def add(p: Path) -> None:
        key = p.absolute()
        if key not in seen:
            seen.add(key)
            found.append(p)

    for given in paths:
        given = Path(given)
        if given.is_symlink() or not given.is_dir():  # a link is not followed: ingest says why it is refused
            add(given)
            continue
        inside: list[Path] = []
        for root, dirs, files in os.walk(given):
            dirs[:] = [d for d in dirs if not d.startswith(".")]
            for fname in files:
                if fname.startswith("."):
                    continue
                if os.path.splitext(fname)[1].lower() in IMAGE_EXTENSIONS:
                    inside.append(Path(root, fname))
        inside.sort(key=lambda p: [part.casefold() for part in p.parts])
        for p in inside:
            add(p)
    return found
