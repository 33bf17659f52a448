"""Synthetic evidence photos for demos, tests and benchmarks.

``kpmonitor demo`` needs photos that look like what a monitor shoots (a parcel of rough
stones on the sorting table, the scale's display, a seal, the container, a document) and
carry real camera EXIF (time with its UTC offset, GPS, orientation), so the whole photo path
(EXIF reading, orientation, thumbnails, reports) is exercised without shipping real
pictures. Everything is drawn with Pillow from a seed: the same arguments give the same
bytes. Each picture is marked as a synthetic demo image so it can never pass for evidence.
"""

from __future__ import annotations

import functools
import hashlib
import io
import math
import random
import re
from collections.abc import Callable, Sequence
from datetime import UTC, datetime, timedelta
from typing import Final

from PIL import ExifTags, Image, ImageChops, ImageDraw, ImageFilter, ImageFont, ImageOps
from PIL.TiffImagePlugin import IFDRational

KINDS: Final = ("parcel", "scale", "seal", "container", "document")
CAMERA_MAKE: Final = "KP Demo"
CAMERA_MODEL: Final = "KP Demo Camera"
DEMO_MARK: Final = "SYNTHETIC DEMO IMAGE"

RGB = tuple[int, int, int]
RGBA = tuple[int, int, int, int]
Point = tuple[float, float]
Painter = Callable[[ImageDraw.ImageDraw, tuple[int, int]], None]

# The pixels a camera stores so that applying the EXIF orientation shows the scene upright:
# the inverse of each step PIL.ImageOps.exif_transpose takes.
_STORE_FOR_ORIENTATION: Final[dict[int, Image.Transpose]] = {
    2: Image.Transpose.FLIP_LEFT_RIGHT,
    3: Image.Transpose.ROTATE_180,
    4: Image.Transpose.FLIP_TOP_BOTTOM,
    5: Image.Transpose.TRANSPOSE,
    6: Image.Transpose.ROTATE_90,
    7: Image.Transpose.TRANSVERSE,
    8: Image.Transpose.ROTATE_270,
}


def make_evidence_jpeg(
    *,
    seed: int,
    title: str,
    lines: list[str],
    kind: str = "parcel",
    size: tuple[int, int] = (1600, 1200),
    taken_at: datetime | None = None,
    gps: tuple[float, float] | None = None,
    orientation: int = 1,
    altitude_m: float | None = None,
    quality: int = 88,
) -> bytes:
    """A JPEG of a synthetic evidence photo with camera EXIF.

    ``size`` is the picture as displayed; with an ``orientation`` of 5–8 the stored pixels
    are ``size`` turned on its side, as a camera held upright writes them.
    """
    upright = render_evidence(seed=seed, title=title, lines=lines, kind=kind, size=size)
    return encode_with_exif(
        upright,
        taken_at=taken_at,
        gps=gps,
        orientation=orientation,
        altitude_m=altitude_m,
        quality=quality,
    )


def encode_with_exif(
    upright: Image.Image,
    *,
    taken_at: datetime | None,
    gps: tuple[float, float] | None,
    orientation: int = 1,
    altitude_m: float | None = None,
    quality: int = 88,
) -> bytes:
    """Store ``upright`` as a camera would for ``orientation`` and encode it with EXIF."""
    if not 1 <= orientation <= 8:
        raise ValueError(f"EXIF orientation must be 1..8, not {orientation}")
    method = _STORE_FOR_ORIENTATION.get(orientation)
    stored = upright.transpose(method) if method is not None else upright
    exif = evidence_exif(
        taken_at=taken_at,
        gps=gps,
        orientation=orientation,
        altitude_m=altitude_m,
        size=stored.size,
    )
    buf = io.BytesIO()
    stored.save(buf, "JPEG", quality=quality, exif=exif)
    return buf.getvalue()


def evidence_exif(
    *,
    taken_at: datetime | None,
    gps: tuple[float, float] | None,
    orientation: int = 1,
    altitude_m: float | None = None,
    size: tuple[int, int] | None = None,
) -> Image.Exif:
    """EXIF as a phone camera writes it: local time plus UTC offset, WGS-84 position."""
    exif = Image.Exif()
    exif[ExifTags.Base.Make] = CAMERA_MAKE
    exif[ExifTags.Base.Model] = CAMERA_MODEL
    exif[ExifTags.Base.Software] = "kpmonitor demo"
    exif[ExifTags.Base.Orientation] = orientation
    sub: dict[int, object] = {}
    if size is not None:
        sub[ExifTags.Base.ExifImageWidth] = size[0]
        sub[ExifTags.Base.ExifImageHeight] = size[1]
    if taken_at is not None:
        stamp = taken_at.strftime("%Y:%m:%d %H:%M:%S")
        exif[ExifTags.Base.DateTime] = stamp
        sub[ExifTags.Base.DateTimeOriginal] = stamp
        sub[ExifTags.Base.DateTimeDigitized] = stamp
        offset = taken_at.utcoffset()
        if offset is not None:
            text = _offset_text(offset)
            sub[ExifTags.Base.OffsetTime] = text
            sub[ExifTags.Base.OffsetTimeOriginal] = text
            sub[ExifTags.Base.OffsetTimeDigitized] = text
    exif[ExifTags.IFD.Exif] = sub
    if gps is not None:
        exif[ExifTags.IFD.GPSInfo] = _gps_ifd(gps, altitude_m, taken_at)
    return exif


def _offset_text(offset: timedelta) -> str:
    minutes = round(offset.total_seconds() / 60)
    sign = "+" if minutes >= 0 else "-"
    hours, mins = divmod(abs(minutes), 60)
    return f"{sign}{hours:02d}:{mins:02d}"


def _dms(value: float) -> tuple[IFDRational, IFDRational, IFDRational]:
    value = abs(value)
    degrees = int(value)
    minutes = int((value - degrees) * 60)
    seconds = (value - degrees - minutes / 60) * 3600
    # Four decimals of an arc second is a few millimetres: as fine as any receiver.
    return IFDRational(degrees, 1), IFDRational(minutes, 1), IFDRational(round(seconds * 10_000), 10_000)


def _gps_ifd(gps: tuple[float, float], altitude_m: float | None, taken_at: datetime | None) -> dict[int, object]:
    lat, lon = gps
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        raise ValueError(f"GPS position out of range: {gps}")
    ifd: dict[int, object] = {
        ExifTags.GPS.GPSVersionID: b"\x02\x03\x00\x00",
        ExifTags.GPS.GPSLatitudeRef: "N" if lat >= 0 else "S",
        ExifTags.GPS.GPSLatitude: _dms(lat),
        ExifTags.GPS.GPSLongitudeRef: "E" if lon >= 0 else "W",
        ExifTags.GPS.GPSLongitude: _dms(lon),
        ExifTags.GPS.GPSMapDatum: "WGS-84",
    }
    if altitude_m is not None:
        ifd[ExifTags.GPS.GPSAltitudeRef] = b"\x00" if altitude_m >= 0 else b"\x01"
        ifd[ExifTags.GPS.GPSAltitude] = IFDRational(round(abs(altitude_m) * 100), 100)
    if taken_at is not None and taken_at.utcoffset() is not None:
        utc = taken_at.astimezone(UTC)
        ifd[ExifTags.GPS.GPSDateStamp] = utc.strftime("%Y:%m:%d")
        ifd[ExifTags.GPS.GPSTimeStamp] = (
            IFDRational(utc.hour, 1),
            IFDRational(utc.minute, 1),
            IFDRational(utc.second, 1),
        )
    return ifd


# --- drawing -----------------------------------------------------------------------------


def render_evidence(
    *, seed: int, title: str, lines: Sequence[str], kind: str = "parcel", size: tuple[int, int] = (1600, 1200)
) -> Image.Image:
    """The upright RGB picture, without EXIF."""
    if kind not in KINDS:
        raise ValueError(f"unknown photo kind {kind!r}; expected one of {', '.join(KINDS)}")
    width, height = size
    if width < 64 or height < 64:
        raise ValueError(f"demo photos need at least 64 × 64 pixels, not {width} × {height}")
    # Derive the generator from every input so two photos of the same kind differ.
    digest = hashlib.sha256(f"{seed}|{kind}|{title}|{'|'.join(lines)}".encode()).digest()
    rng = random.Random(int.from_bytes(digest[:8], "big"))
    scene = _Scene(rng, size)
    {
        "parcel": _draw_parcel,
        "scale": _draw_scale,
        "seal": _draw_seal,
        "container": _draw_container,
        "document": _draw_document,
    }[kind](scene, title, list(lines))
    return scene.finish()


class _Scene:
    """A canvas laid out on a 1200-unit short side, so any output size looks the same."""

    def __init__(self, rng: random.Random, size: tuple[int, int]) -> None:
        self.rng = rng
        self.size = size
        self.unit = min(size) / 1200
        self.image = Image.new("RGB", size)
        self.draw = ImageDraw.Draw(self.image, "RGBA")

    def u(self, value: float) -> int:
        return max(1, round(value * self.unit))

    def font(self, px: float) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
        return _font(self.u(px))

    def shadow(
        self, polygon: Sequence[Point], *, offset: Point = (14, 18), blur: float = 14, strength: int = 110
    ) -> None:
        """Soft shadow under an object, blurred cheaply at a fraction of the size.

        Only the shadow's bounding box is touched, so small objects cost little.
        """
        w, h = self.size
        f = 6
        dx, dy = self.u(offset[0]), self.u(offset[1])
        pts = [(x + dx, y + dy) for x, y in polygon]
        margin = self.u(blur) * 3 + f
        x0 = max(0, int(min(p[0] for p in pts)) - margin)
        y0 = max(0, int(min(p[1] for p in pts)) - margin)
        x1 = min(w, int(max(p[0] for p in pts)) + margin)
        y1 = min(h, int(max(p[1] for p in pts)) + margin)
        if x1 <= x0 or y1 <= y0:
            return
        mask = Image.new("L", (max(1, (x1 - x0) // f), max(1, (y1 - y0) // f)), 0)
        ImageDraw.Draw(mask).polygon([((x - x0) / f, (y - y0) / f) for x, y in pts], fill=strength)
        mask = mask.filter(ImageFilter.GaussianBlur(max(1.0, self.u(blur) / f)))
        mask = mask.resize((x1 - x0, y1 - y0), Image.Resampling.BILINEAR)
        self.image.paste((12, 12, 14), (x0, y0, x1, y1), mask)

    def finish(self) -> Image.Image:
        w, h = self.size
        font = _font(self.u(18))
        self.draw.text((w - self.u(16), h - self.u(14)), DEMO_MARK, font=font, fill=(255, 255, 255, 150), anchor="rs")
        return self.image


@functools.lru_cache(maxsize=64)
def _font(px: int) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    return ImageFont.load_default(px)


def _rotated(points: Sequence[Point], centre: Point, degrees: float) -> list[Point]:
    a = math.radians(degrees)
    c, s = math.cos(a), math.sin(a)
    cx, cy = centre
    return [(cx + (x - cx) * c - (y - cy) * s, cy + (x - cx) * s + (y - cy) * c) for x, y in points]


def _rect(cx: float, cy: float, w: float, h: float, degrees: float) -> list[Point]:
    pts = [(cx - w / 2, cy - h / 2), (cx + w / 2, cy - h / 2), (cx + w / 2, cy + h / 2), (cx - w / 2, cy + h / 2)]
    return _rotated(pts, (cx, cy), degrees)


def _lerp(a: Point, b: Point, t: float) -> Point:
    return (a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t)


def _paste_card(
    scene: _Scene,
    centre: Point,
    card_size: tuple[int, int],
    degrees: float,
    paint: Painter,
    *,
    colour: RGBA = (250, 249, 244, 255),
    shadow: bool = True,
) -> None:
    """Draw on a separate card, turn it a little, drop it onto the scene with a shadow."""
    card = Image.new("RGBA", card_size, colour)
    draw = ImageDraw.Draw(card, "RGBA")
    paint(draw, card_size)
    turned = card.rotate(-degrees, resample=Image.Resampling.BILINEAR, expand=True)
    x = round(centre[0] - turned.width / 2)
    y = round(centre[1] - turned.height / 2)
    if shadow:
        outline = _rect(centre[0], centre[1], card_size[0], card_size[1], degrees)
        scene.shadow(outline, offset=(8, 10), blur=8, strength=90)
    scene.image.paste(turned, (x, y), turned)


def _label_painter(scene: _Scene, title: str, lines: Sequence[str], *, ink: RGB = (30, 36, 60)) -> Painter:
    def paint(draw: ImageDraw.ImageDraw, size: tuple[int, int]) -> None:
        pad = scene.u(22)
        draw.rectangle((0, 0, size[0] - 1, size[1] - 1), outline=(200, 196, 186), width=scene.u(2))
        draw.text((pad, pad), title, font=scene.font(40), fill=ink)
        y = pad + scene.u(56)
        draw.line((pad, y - scene.u(8), size[0] - pad, y - scene.u(8)), fill=(170, 60, 50), width=scene.u(3))
        for line in lines[:6]:
            draw.text((pad, y), line, font=scene.font(28), fill=ink)
            y += scene.u(38)

    return paint


def _card_size(scene: _Scene, title: str, lines: Sequence[str]) -> tuple[int, int]:
    texts = [(title, 40)] + [(line, 28) for line in lines[:6]]
    width = max(scene.font(px).getlength(text) for text, px in texts)
    return (round(width) + scene.u(48), scene.u(56 + 38 * len(lines[:6]) + 44))


# -- parcel: a folded parcel paper with rough stones on the sorting table


_STONE_COLOURS: Final[tuple[RGB, ...]] = (
    (232, 230, 220),
    (214, 210, 196),
    (226, 214, 170),
    (208, 190, 140),
    (186, 170, 150),
    (160, 150, 140),
    (200, 205, 200),
    (176, 158, 120),
)


def _draw_parcel(scene: _Scene, title: str, lines: list[str]) -> None:
    rng, u = scene.rng, scene.u
    w, h = scene.size
    _table(scene, (58, 64, 72), (150, 156, 162))
    # The opened parcel paper: white outer sheet, blue waxed liner with the goods on it.
    cx, cy = w * rng.uniform(0.40, 0.48), h * rng.uniform(0.46, 0.54)
    angle = rng.uniform(-12, 12)
    pw, ph = u(820), u(640)
    outer = _rect(cx, cy, pw, ph, angle)
    scene.shadow(outer)
    scene.draw.polygon(outer, fill=(246, 246, 242))
    for t in (1 / 3, 2 / 3):  # fold creases
        a, b = _lerp(outer[0], outer[1], t), _lerp(outer[3], outer[2], t)
        scene.draw.line((a, b), fill=(214, 214, 210), width=u(3))
        a, b = _lerp(outer[0], outer[3], t), _lerp(outer[1], outer[2], t)
        scene.draw.line((a, b), fill=(222, 222, 218), width=u(2))
    liner = _rect(cx, cy, pw * 0.62, ph * 0.62, angle)
    scene.draw.polygon(liner, fill=(176, 200, 226))
    scene.draw.polygon(liner, outline=(150, 176, 206), width=u(2))
    _stones(scene, liner, rng.randint(45, 140))
    _tweezers(scene, (cx + u(470), cy + u(260)), rng.uniform(-160, -120))
    lx = min(w - u(260), cx + u(560))
    size = _card_size(scene, title, lines)
    _paste_card(scene, (lx, h * 0.22 + u(40)), size, rng.uniform(-6, 6), _label_painter(scene, title, lines))


def _table(scene: _Scene, dark: RGB, light: RGB) -> None:
    """A mottled surface lit from one side, darker towards the corners (lens falloff)."""
    w, h = scene.size
    small = (max(8, w // 8), max(8, h // 8))
    # Seeded, unlike Image.effect_noise, so a seed always gives the same picture.
    noise = Image.frombytes("L", small, scene.rng.randbytes(small[0] * small[1]))
    noise = noise.filter(ImageFilter.BoxBlur(2)).point(lambda v: 112 + v // 8)
    # Rotate a doubled gradient and keep its middle, so no corner is left empty.
    grad = Image.linear_gradient("L").resize((512, 512), Image.Resampling.BILINEAR)
    grad = grad.rotate(scene.rng.uniform(0, 360), resample=Image.Resampling.BILINEAR).crop((128, 128, 384, 384))
    grad = grad.resize(small, Image.Resampling.BILINEAR)
    shade = ImageOps.autocontrast(Image.blend(noise, grad, 0.6), cutoff=1)
    falloff = Image.radial_gradient("L").resize(small, Image.Resampling.BILINEAR)
    falloff = falloff.point(lambda v: 255 - int(max(0, v - 100) * 0.5))
    shade = ImageChops.multiply(shade, falloff)
    coloured = ImageOps.colorize(shade, black=dark, white=light)
    scene.image.paste(coloured.resize(scene.size, Image.Resampling.BILINEAR))


def _inside(pt: Point, poly: Sequence[Point]) -> bool:
    x, y = pt
    inside = False
    for i in range(len(poly)):
        (x1, y1), (x2, y2) = poly[i], poly[(i + 1) % len(poly)]
        if (y1 > y) != (y2 > y) and x < x1 + (y - y1) * (x2 - x1) / (y2 - y1):
            inside = not inside
    return inside


def _stones(scene: _Scene, area: Sequence[Point], count: int) -> None:
    rng, draw = scene.rng, scene.draw
    xs, ys = [p[0] for p in area], [p[1] for p in area]
    # Goods are pushed into a heap: cluster most stones around one or two centres.
    centres = [(rng.uniform(min(xs), max(xs)), rng.uniform(min(ys), max(ys))) for _ in range(2)]
    spread = (max(xs) - min(xs)) * 0.22
    placed = 0
    tries = 0
    while placed < count and tries < count * 20:
        tries += 1
        if rng.random() < 0.7:
            c = rng.choice(centres)
            pt = (rng.gauss(c[0], spread), rng.gauss(c[1], spread * 0.8))
        else:
            pt = (rng.uniform(min(xs), max(xs)), rng.uniform(min(ys), max(ys)))
        if not _inside(pt, area):
            continue
        placed += 1
        r = scene.unit * rng.choice((rng.uniform(6, 12), rng.uniform(9, 18), rng.uniform(14, 26)))
        _stone(draw, rng, pt, r, rng.choice(_STONE_COLOURS))


def _stone(draw: ImageDraw.ImageDraw, rng: random.Random, c: Point, r: float, colour: RGB) -> None:
    n = rng.randint(5, 8)
    turn = rng.uniform(0, math.tau)
    pts = []
    for i in range(n):
        a = turn + i * math.tau / n + rng.uniform(-0.25, 0.25)
        rr = r * rng.uniform(0.7, 1.15)
        pts.append((c[0] + rr * math.cos(a), c[1] + rr * 0.85 * math.sin(a)))
    sx, sy = 0.35 * r, 0.45 * r
    draw.polygon([(x + sx, y + sy) for x, y in pts], fill=(30, 40, 60, 70))
    shade = tuple(max(0, v - 48) for v in colour)
    draw.polygon(pts, fill=(*colour, 235), outline=(*shade, 255))
    # A lit facet and a glint: what makes a grey blob read as a crystal.
    k = rng.randrange(n)
    lit = tuple(min(255, v + 26) for v in colour)
    draw.polygon([c, pts[k], pts[(k + 1) % n]], fill=(*lit, 220))
    k2 = (k + n // 2) % n
    dark = tuple(max(0, v - 30) for v in colour)
    draw.polygon([c, pts[k2], pts[(k2 + 1) % n]], fill=(*dark, 200))
    g = max(1.0, r * 0.16)
    gx, gy = c[0] - r * 0.3, c[1] - r * 0.3
    draw.ellipse((gx - g, gy - g, gx + g, gy + g), fill=(255, 255, 255, 230))


def _tweezers(scene: _Scene, tip: Point, degrees: float) -> None:
    u = scene.u
    length, gap = u(420), u(26)
    a = math.radians(degrees)
    ax, ay = math.cos(a), math.sin(a)
    nx, ny = -ay, ax
    for side in (-1, 1):
        base = (tip[0] + ax * length + nx * gap * side, tip[1] + ay * length + ny * gap * side)
        tip_pt = (tip[0] + nx * u(3) * side, tip[1] + ny * u(3) * side)
        wide = u(9)
        arm = [
            (tip_pt[0] + nx * u(2), tip_pt[1] + ny * u(2)),
            (base[0] + nx * wide, base[1] + ny * wide),
            (base[0] - nx * wide, base[1] - ny * wide),
            (tip_pt[0] - nx * u(2), tip_pt[1] - ny * u(2)),
        ]
        scene.shadow(arm, offset=(10, 12), blur=6, strength=80)
        scene.draw.polygon(arm, fill=(188, 192, 198), outline=(120, 124, 130))
        mid = _lerp(arm[0], arm[1], 0.5)
        scene.draw.line((arm[0], mid), fill=(236, 238, 242), width=u(2))


# -- scale: the digital carat scale, display showing the weight


_SEGMENTS: Final[dict[str, str]] = {
    "0": "abcdef",
    "1": "bc",
    "2": "abdeg",
    "3": "abcdg",
    "4": "bcfg",
    "5": "acdfg",
    "6": "acdefg",
    "7": "abc",
    "8": "abcdefg",
    "9": "abcdfg",
    "-": "g",
    " ": "",
}


def _lcd_width(height: float, cells: int) -> float:
    return cells * height * (0.52 + 0.2)


def _seven_segment(
    draw: ImageDraw.ImageDraw, x: float, y: float, height: float, text: str, on: RGBA, off: RGBA
) -> None:
    """Draw ``text`` as LCD digit cells from (x, y); a "." lights the dot after its cell."""
    w = height * 0.52
    t = height * 0.1
    gap = height * 0.2
    half = height / 2
    boxes = {
        "a": (t, 0, w - t, t),
        "b": (w - t, t, w, half - t / 2),
        "c": (w - t, half + t / 2, w, height - t),
        "d": (t, height - t, w - t, height),
        "e": (0, half + t / 2, t, height - t),
        "f": (0, t, t, half - t / 2),
        "g": (t, half - t / 2, w - t, half + t / 2),
    }
    for ch in text:
        if ch == ".":
            cx = x - gap / 2
            draw.ellipse((cx - t * 0.6, y + height - t * 1.2, cx + t * 0.6, y + height), fill=on)
            continue
        lit = _SEGMENTS.get(ch, "")
        for seg, (x0, y0, x1, y1) in boxes.items():
            # Unlit segments stay faintly visible, as on a real LCD.
            draw.rectangle((x + x0, y + y0, x + x1, y + y1), fill=on if seg in lit else off)
        x += w + gap


def _reading(title: str, lines: Sequence[str]) -> str:
    """The weight to show: a number followed by "ct" if there is one, else the first number."""
    texts = (*lines, title)
    for pattern in (r"(\d[\d,]*(?:\.\d+)?)\s*(?:ct|carat)", r"(\d[\d,]*\.\d+|\d+)"):
        for text in texts:
            m = re.search(pattern, text, re.IGNORECASE)
            if m:
                return m.group(1).replace(",", "")
    return "0.00"


def _draw_scale(scene: _Scene, title: str, lines: list[str]) -> None:
    rng, u, draw = scene.rng, scene.u, scene.draw
    w, h = scene.size
    _table(scene, (150, 148, 140), (226, 224, 216))
    cx = w * rng.uniform(0.44, 0.56)
    top = h * 0.16
    body = (cx - u(520), top, cx + u(520), top + u(900))
    shadow = [(body[0], body[1]), (body[2], body[1]), (body[2], body[3]), (body[0], body[3])]
    scene.shadow(shadow, offset=(22, 26), blur=22, strength=130)
    draw.rounded_rectangle(body, radius=u(60), fill=(46, 48, 54), outline=(26, 28, 32), width=u(4))
    draw.rounded_rectangle(
        (body[0] + u(14), body[1] + u(14), body[2] - u(14), body[1] + u(40)), radius=u(20), fill=(70, 72, 80)
    )
    # The weighing pan: concentric rings fake a brushed steel dish.
    pan_c = (cx, top + u(330))
    rx, ry = u(330), u(250)
    steps = 24
    for i in range(steps):
        k = i / steps
        v = int(150 + 80 * math.sin(k * math.pi * 0.9))
        draw.ellipse(
            (
                pan_c[0] - rx * (1 - k * 0.9),
                pan_c[1] - ry * (1 - k * 0.9),
                pan_c[0] + rx * (1 - k * 0.9),
                pan_c[1] + ry * (1 - k * 0.9),
            ),
            fill=(v, v + 2, v + 6),
        )
    # A folded parcel paper on the pan.
    paper = _rect(pan_c[0], pan_c[1], u(300), u(190), rng.uniform(-20, 20))
    scene.draw.polygon([(x + u(8), y + u(10)) for x, y in paper], fill=(20, 20, 20, 90))
    draw.polygon(paper, fill=(247, 247, 243), outline=(210, 210, 206))
    a, b = _lerp(paper[0], paper[1], 0.5), _lerp(paper[3], paper[2], 0.5)
    draw.line((a, b), fill=(215, 215, 212), width=u(2))
    # The display.
    disp = (cx - u(360), top + u(620), cx + u(360), top + u(770))
    draw.rounded_rectangle(disp, radius=u(14), fill=(20, 22, 24))
    lcd = (disp[0] + u(16), disp[1] + u(16), disp[2] - u(16), disp[3] - u(16))
    draw.rectangle(lcd, fill=(168, 186, 150))
    reading = _reading(title, lines)
    cells = 7
    digits = reading[-(cells + 1) :]
    digits = " " * (cells - len(digits.replace(".", ""))) + digits
    on, off = (34, 44, 34, 255), (34, 44, 34, 26)
    dh = lcd[3] - lcd[1] - u(24)
    x0 = lcd[2] - u(96) - _lcd_width(dh, cells)
    _seven_segment(draw, x0, lcd[1] + u(12), dh, digits, on, off)
    draw.text((lcd[2] - u(18), lcd[3] - u(16)), "ct", font=scene.font(44), fill=on, anchor="rs")
    draw.text((lcd[0] + u(12), lcd[1] + u(8)), "STABLE", font=scene.font(16), fill=on)
    # Buttons and the maker's plate.
    labels = ("ON/OFF", "TARE", "MODE", "CAL")
    bw = u(130)
    for i, label in enumerate(labels):
        bx = cx - u(300) + i * u(200)
        by = top + u(800)
        draw.rounded_rectangle((bx - bw / 2, by, bx + bw / 2, by + u(54)), radius=u(12), fill=(86, 90, 98))
        draw.text((bx, by + u(27)), label, font=scene.font(22), fill=(230, 232, 236), anchor="mm")
    draw.text((body[0] + u(50), top + u(70)), "KP DEMO CARAT BALANCE", font=scene.font(26), fill=(200, 202, 208))
    draw.text(
        (body[2] - u(50), top + u(70)),
        "Max 1000 ct  d = 0.01 ct",
        font=scene.font(22),
        fill=(170, 172, 178),
        anchor="ra",
    )
    size = _card_size(scene, title, lines)
    x = u(40) + size[0] / 2 if cx > w / 2 else w - u(40) - size[0] / 2
    _paste_card(scene, (x, h - size[1] / 2 - u(60)), size, rng.uniform(-5, 5), _label_painter(scene, title, lines))


# -- seal: a plastic security seal tag with its printed number and barcode


_SEAL_COLOURS: Final[tuple[RGB, ...]] = ((214, 40, 40), (240, 196, 30), (30, 90, 190), (30, 140, 80), (230, 110, 30))


def _draw_seal(scene: _Scene, title: str, lines: list[str]) -> None:
    rng, u, draw = scene.rng, scene.u, scene.draw
    w, h = scene.size
    # Woven security bag fabric.
    _table(scene, (40, 52, 80), (96, 112, 150))
    step = u(7)
    for x in range(0, w, step):
        draw.line((x, 0, x, h), fill=(255, 255, 255, 14), width=max(1, step // 3))
    for y in range(0, h, step):
        draw.line((0, y, w, y), fill=(0, 0, 0, 22), width=max(1, step // 3))
    colour = rng.choice(_SEAL_COLOURS)
    dark = tuple(max(0, v - 70) for v in colour)
    cx, cy = w * rng.uniform(0.42, 0.55), h * rng.uniform(0.42, 0.52)
    angle = rng.uniform(-14, 14)
    tw, th = u(760), u(300)
    # The strap: a thick band looping away from the tag's end.
    a = math.radians(angle)
    start = (cx - math.cos(a) * tw / 2, cy - math.sin(a) * tw / 2)
    strap = []
    for i in range(40):
        t = i / 39
        strap.append((start[0] - u(380) * t + u(60) * math.sin(t * 3), start[1] + u(340) * math.sin(t * math.pi * 0.8)))
    draw.line([(x + u(10), y + u(14)) for x, y in strap], fill=(24, 30, 48), width=u(44), joint="curve")
    draw.line(strap, fill=(*dark, 255), width=u(44), joint="curve")
    draw.line(strap, fill=(*colour, 255), width=u(34), joint="curve")
    tag = _rect(cx, cy, tw, th, angle)
    scene.shadow(tag, offset=(16, 20), blur=12, strength=140)
    number = title.strip() or "000000"
    extra = [line for line in lines if line.strip()]

    def paint(card: ImageDraw.ImageDraw, size: tuple[int, int]) -> None:
        cw, ch = size
        card.rounded_rectangle(
            (0, 0, cw - 1, ch - 1), radius=u(40), fill=(*colour, 255), outline=(*dark, 255), width=u(5)
        )
        card.ellipse((u(36), ch / 2 - u(30), u(96), ch / 2 + u(30)), fill=(*dark, 255))
        white = (252, 252, 250)
        panel = (u(130), u(24), cw - u(30), ch - u(24))
        card.rounded_rectangle(panel, radius=u(16), fill=(*white, 255))
        ink = (22, 22, 26, 255)
        card.text((panel[0] + u(18), panel[1] + u(12)), "KP SECURITY SEAL  ·  ISO 17712", font=scene.font(24), fill=ink)
        big = 76
        while scene.font(big).getlength(number) > panel[2] - panel[0] - u(36) and big > 24:
            big -= 4
        card.text((panel[0] + u(18), panel[1] + u(46)), number, font=scene.font(big), fill=ink)
        _barcode(card, number, (panel[0] + u(18), panel[3] - u(92), panel[2] - u(18), panel[3] - u(40)), ink)
        if extra:
            card.text((panel[0] + u(18), panel[3] - u(34)), "  ".join(extra)[:60], font=scene.font(20), fill=ink)

    _paste_card(scene, (cx, cy), (tw, th), angle, paint, colour=(0, 0, 0, 0), shadow=False)


def _barcode(draw: ImageDraw.ImageDraw, text: str, box: tuple[float, float, float, float], ink: RGBA) -> None:
    # Decorative bars derived from the number (not a scannable symbology).
    bits = "".join(f"{b:08b}" for b in hashlib.sha256(text.encode()).digest())
    x0, y0, x1, y1 = box
    module = (x1 - x0) / (len(bits) // 2 + 22)
    x = x0
    for i, bit in enumerate(bits[: len(bits) // 2]):
        width = module * (2 if bit == "1" else 1)
        if i % 2 == 0:
            draw.rectangle((x, y0, x + width * 0.9, y1), fill=ink)
        x += width * 0.75
        if x > x1:
            break


# -- container: the steel shipment box, stencilled, with its bolt seal


def _draw_container(scene: _Scene, title: str, lines: list[str]) -> None:
    rng, u, draw = scene.rng, scene.u, scene.draw
    w, h = scene.size
    _table(scene, (70, 66, 60), (150, 142, 128))
    bx0, by0 = w * 0.5 - u(700), h * 0.12
    bx1, by1 = w * 0.5 + u(700), h * 0.12 + u(900)
    box = [(bx0, by0), (bx1, by0), (bx1, by1), (bx0, by1)]
    scene.shadow(box, offset=(26, 30), blur=26, strength=150)
    base = rng.choice(((120, 126, 132), (98, 110, 96), (130, 120, 104)))
    draw.rectangle((bx0, by0, bx1, by1), fill=base)
    # Pressed ribs catch the light on top, shade underneath.
    rib = u(70)
    y = by0 + u(40)
    while y + rib < by1 - u(40):
        draw.rectangle((bx0 + u(20), y, bx1 - u(20), y + u(6)), fill=(255, 255, 255, 40))
        draw.rectangle((bx0 + u(20), y + rib - u(10), bx1 - u(20), y + rib - u(4)), fill=(0, 0, 0, 50))
        y += rib
    draw.rectangle((bx0, by0, bx1, by0 + u(24)), fill=(*[min(255, v + 30) for v in base], 255))
    for x in (bx0 + u(30), bx1 - u(30)):
        for yy in range(round(by0 + u(60)), round(by1 - u(30)), u(120)):
            draw.ellipse((x - u(9), yy - u(9), x + u(9), yy + u(9)), fill=(70, 72, 76), outline=(190, 192, 196))
    # Stencilled certificate number.
    stencil = title.strip() or "KP"
    font_px = 120
    while scene.font(font_px).getlength(stencil) > u(1100) and font_px > 30:
        font_px -= 6
    draw.text((w * 0.5, by0 + u(200)), stencil, font=scene.font(font_px), fill=(236, 232, 220, 220), anchor="mm")
    # The hasp with its bolt seal.
    hx, hy = w * 0.5, by0 + u(470)
    draw.rounded_rectangle((hx - u(120), hy - u(70), hx + u(120), hy + u(70)), radius=u(16), fill=(60, 62, 66))
    draw.rounded_rectangle((hx - u(90), hy - u(40), hx + u(90), hy + u(40)), radius=u(10), fill=(150, 152, 156))
    draw.rectangle((hx - u(14), hy - u(110), hx + u(14), hy + u(110)), fill=(200, 202, 206), outline=(90, 92, 96))
    seal_colour = rng.choice(_SEAL_COLOURS)
    draw.rounded_rectangle((hx - u(40), hy + u(90), hx + u(40), hy + u(200)), radius=u(14), fill=seal_colour)
    draw.text(
        (hx, hy + u(145)), f"{rng.randint(0, 999999):06d}", font=scene.font(18), fill=(255, 255, 255), anchor="mm"
    )
    # A paper label taped to the lid.
    size = _card_size(scene, title, lines)
    _paste_card(
        scene,
        (bx0 + u(60) + size[0] / 2, by1 - u(60) - size[1] / 2),
        size,
        rng.uniform(-4, 4),
        _label_painter(scene, title, lines),
    )
    cx, cy = bx0 + u(60) + size[0] / 2, by1 - u(60) - size[1] / 2
    for side in (-1, 1):
        tape = _rect(cx + side * size[0] * 0.42, cy - size[1] / 2, u(120), u(44), rng.uniform(-20, 20))
        draw.polygon(tape, fill=(236, 230, 200, 150))


# -- document: a page of the certificate or a form, on the table


def _draw_document(scene: _Scene, title: str, lines: list[str]) -> None:
    rng, u = scene.rng, scene.u
    w, h = scene.size
    _table(scene, (92, 62, 40), (168, 124, 84))
    page_h = u(1080)
    page_w = round(page_h / math.sqrt(2))
    angle = rng.uniform(-6, 6)
    centre = (w * rng.uniform(0.45, 0.55), h * 0.5)

    def paint(draw: ImageDraw.ImageDraw, size: tuple[int, int]) -> None:
        pw, _ph = size
        m = u(60)
        ink = (24, 28, 40)
        draw.text((pw / 2, m), title, font=scene.font(34), fill=ink, anchor="ma")
        draw.line((m, m + u(56), pw - m, m + u(56)), fill=(90, 90, 110), width=u(2))
        y = m + u(86)
        for line in lines[:16]:
            draw.text((m, y), line, font=scene.font(22), fill=ink)
            y += u(40)
        # Body text the camera cannot resolve: grey bars.
        while y < size[1] - u(260):
            draw.rectangle((m, y + u(6), m + rng.uniform(0.5, 1.0) * (pw - 2 * m), y + u(16)), fill=(180, 182, 190))
            y += u(30)
        sx, sy = pw - u(190), size[1] - u(170)
        r = u(80)
        draw.ellipse((sx - r, sy - r, sx + r, sy + r), outline=(60, 80, 170, 170), width=u(6))
        draw.ellipse((sx - r * 0.7, sy - r * 0.7, sx + r * 0.7, sy + r * 0.7), outline=(60, 80, 170, 150), width=u(3))
        pts = [(m + i * u(14), size[1] - u(150) + math.sin(i * 0.9 + rng.random()) * u(22)) for i in range(22)]
        draw.line(pts, fill=(20, 30, 90), width=u(3), joint="curve")

    _paste_card(scene, centre, (page_w, page_h), angle, paint)
