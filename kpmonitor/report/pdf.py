"""The monitor's certification report as a PDF, drawn from the frozen snapshot only.

Signing freezes an inspection into a snapshot (``kpmonitor.report.snapshot``); this module turns that
snapshot, the QR seal text and the downscaled photos into the pages that travel with the shipment
and that a customs officer reads. It never touches the database, so what is printed is exactly
what was signed. The PAdES signature is added afterwards by ``kpmonitor.trust.pdfsign``.

Choices a reader of the code should know about:

* **Plain text only.** reportlab's ``Paragraph`` parses a markup language (``<b>``, ``<img
  src=…>``, ``&amp;``…), so every string that came from a person goes through :func:`_t`, which
  escapes it. A name like ``<img src="http://…">`` prints as those characters and fetches nothing.
* **Embedded fonts.** DejaVu Sans (shipped in ``resources/fonts``) is embedded as a subset, so
  accents, Cyrillic and Greek print the same on every reader. The 14 standard PDF fonts cannot.
* **Deterministic bytes.** reportlab runs in invariant mode and the document date is the
  snapshot's signing time, so the same snapshot and photos always give the same PDF.
* **Photos go in as they come.** The JPEG from ``photo_jpeg`` is copied into the PDF unchanged
  (DCTDecode); it is neither decoded nor re-encoded, which keeps rendering fast and the size
  predictable (the caller chose the size and quality).
* **Page x of y.** The page count is only known at the end, so the canvas keeps each page's
  drawing and stamps the header and footer on all of them when the document is saved.
"""

from __future__ import annotations

import hashlib
import io
import re
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import partial
from typing import Any
from xml.sax.saxutils import escape

import segno
from PIL import Image as PILImage
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.pagesizes import A4, LETTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfdoc, pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    CondPageBreak,
    Flowable,
    Frame,
    KeepTogether,
    LongTable,
    NextPageTemplate,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from kpmonitor import __version__
from kpmonitor.domain import moments
from kpmonitor.domain.inspection import ISO_CLASS_LABELS, FindingSeverity, SealEventKind, Verdict
from kpmonitor.domain.moments import show_moment
from kpmonitor.domain.quantities import amount_text, hundredths_of, plain, signed
from kpmonitor.domain.reference import Reference, resources_dir
from kpmonitor.errors import KPError
from kpmonitor.report.snapshot import FORMAT, FORMATS_READ, snapshot_sha256

__all__ = ["PAPER_SIZES", "ReportCancelled", "ReportError", "render_report"]

Progress = Callable[[int, int, str], object]
PhotoSource = Callable[[str], bytes]

PAPER_SIZES: dict[str, tuple[float, float]] = {"A4": A4, "LETTER": LETTER}
TITLE = "Kimberley Process — Monitor's certification report"
QR_WIDTH = 48 * mm  # the whole symbol with its quiet zone: ~0.5 mm modules for a 400–700 character seal
QR_MIN_MODULE = 0.42 * mm  # below this a worn office printer starts to merge modules
QR_MAX_WIDTH = 62 * mm
QR_QUIET = 4  # modules of white around the symbol, as ISO/IEC 18004 asks
VERIFY_HINT = "Scan to verify offline: kpmonitor verify"

FONT = "KPSans"
FONT_BOLD = "KPSans-Bold"
FONT_MONO = "KPSansMono"
_FONT_FILES = {FONT: "DejaVuSans.ttf", FONT_BOLD: "DejaVuSans-Bold.ttf", FONT_MONO: "DejaVuSansMono.ttf"}
_font_lock = threading.Lock()

# Colours keep a text contrast that survives a black-and-white copier: dark ink on pale tints.
INK = colors.HexColor("#1a1a1a")
MUTED = colors.HexColor("#555555")
RULE = colors.HexColor("#9a9a9a")
HEAD_BG = colors.HexColor("#e4e4e4")
ZEBRA = colors.HexColor("#f5f5f5")
WARN_BG = colors.HexColor("#fff1cc")
WARN_INK = colors.HexColor("#6b4400")


@dataclass(frozen=True)
class _VerdictLook:
    mark: str
    label: str
    sentence: str
    ink: colors.Color
    tint: colors.Color


_VERDICTS = {
    Verdict.CERTIFIED.value: _VerdictLook(
        "✔", "CERTIFIED FOR EXPORT",
        "The monitor certifies this shipment for export under the Kimberley Process.",
        colors.HexColor("#0b5d1e"), colors.HexColor("#e2f1e5")),
    Verdict.NOT_CERTIFIED.value: _VerdictLook(
        "✘", "NOT CERTIFIED",
        "The monitor does not certify this shipment for export.",
        colors.HexColor("#9b1c1c"), colors.HexColor("#fbe3e3")),
    Verdict.HELD.value: _VerdictLook(
        "⚠", "HELD PENDING",
        "The shipment is held pending further checks; this report does not certify it for export.",
        WARN_INK, WARN_BG),
}
_NO_VERDICT = _VerdictLook("?", "NO VERDICT", "The monitor recorded no verdict.", INK, HEAD_BG)

_SEVERITY_LABELS = {FindingSeverity.INFO.value: "Info", FindingSeverity.MINOR.value: "Minor",
                    FindingSeverity.MAJOR.value: "Major", FindingSeverity.CRITICAL.value: "Critical"}
_ALARMING_EVENTS = {SealEventKind.BROKEN.value, SealEventKind.NUMBER_MISMATCH.value, SealEventKind.MISSING.value}


class ReportError(KPError):
    """The report cannot be drawn (a photo that is missing or not a JPEG, unknown paper...)."""


class ReportCancelled(KPError):
    """The ``progress`` callback asked to stop."""

    def __init__(self) -> None:
        super().__init__("Making the report PDF was cancelled.")


# ------------------------------------------------------------------------------------------ fonts


def _register_fonts() -> None:
    """Register the DejaVu fonts with reportlab once per process (the registry is global)."""
    with _font_lock:
        known = set(pdfmetrics.getRegisteredFontNames())
        folder = resources_dir() / "fonts"
        for name, filename in _FONT_FILES.items():
            if name in known:
                continue
            try:
                pdfmetrics.registerFont(TTFont(name, str(folder / filename)))
            except Exception as exc:  # reportlab raises TTFError, OSError or struct errors alike
                raise ReportError(
                    f"The report font {filename} is missing or damaged; reinstall kpmonitor."
                ) from exc
        # Lets <b> inside our own markup pick the bold face.
        pdfmetrics.registerFontFamily(FONT, normal=FONT, bold=FONT_BOLD, italic=FONT, boldItalic=FONT_BOLD)


# ------------------------------------------------------------------------------------------- text

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def _t(value: object) -> str:
    """User text as Paragraph markup that prints exactly those characters.

    Control characters (which no font can draw and some PDF readers choke on) become U+FFFD, so
    they stay visible as "something was here" rather than vanishing. Line breaks are kept.
    """
    if value is None:
        return ""
    text = _CONTROL.sub("\ufffd", str(value)).replace("\r\n", "\n").replace("\r", "\n").replace("\t", " ")
    return escape(text).replace("\n", "<br/>")


def _plain(value: object) -> str:
    """User text for canvas.drawString (no markup there, but no control characters either)."""
    return _CONTROL.sub("\ufffd", str(value or "")).replace("\n", " ").replace("\r", " ").replace("\t", " ")


def _fit(text: str, font: str, size: float, width: float) -> str:
    """Cut ``text`` with an ellipsis to fit ``width`` (for the one-line header and footer)."""
    if pdfmetrics.stringWidth(text, font, size) <= width:
        return text
    while text and pdfmetrics.stringWidth(text + "…", font, size) > width:
        text = text[:-1]
    return text + "…"


def _dash(value: object) -> str:
    return "—" if value is None or value == "" else _t(value)


def _amount(value: object, unit: str = "") -> str:
    if hundredths_of(value) is None:
        return "—" if value in (None, "") else _t(value)
    return amount_text(value, unit)


def _signed_amount(value: object) -> str:
    hundredths = hundredths_of(value)
    return "—" if hundredths is None else signed(hundredths)


def _count(value: object) -> str:
    if value is None or value == "":
        return "—"
    if isinstance(value, int) and not isinstance(value, bool):
        return f"{value:,}"
    return _t(value)


def _moment(text: object) -> str:
    """An ISO moment for people: date, time, and the zone it was recorded in (``domain.moments``)."""
    if text is None or text == "":
        return "—"
    return _t(show_moment(text, seconds=True))


def _pdf_date(signed_at: object) -> str | None:
    """The signing time as a PDF date string (D:YYYYMMDDHHmmSS+HH'mm'), None if unreadable."""
    moment = moments.parse(signed_at)
    if moment is None:
        return None
    offset = moment.utcoffset()
    if offset is None:
        return moment.strftime("D:%Y%m%d%H%M%S")
    minutes = int(offset.total_seconds()) // 60
    sign = "+" if minutes >= 0 else "-"
    return moment.strftime("D:%Y%m%d%H%M%S") + f"{sign}{abs(minutes) // 60:02d}'{abs(minutes) % 60:02d}'"


def _gps(lat: object, lon: object) -> str:
    if not isinstance(lat, (int, float)) or not isinstance(lon, (int, float)):
        return "—"
    # Five decimals is about a metre: as precise as a phone's fix, no more.
    return f"{abs(lat):.5f}° {'N' if lat >= 0 else 'S'}, {abs(lon):.5f}° {'E' if lon >= 0 else 'W'}"


def _size(n: object) -> str:
    if not isinstance(n, int) or isinstance(n, bool) or n <= 0:
        return ""
    if n >= 1_000_000:
        return f"{n / 1_000_000:.1f} MB"
    return f"{max(1, round(n / 1000))} kB"


# ------------------------------------------------------------------------------------------ styles


@dataclass(frozen=True)
class _Styles:
    body: ParagraphStyle
    small: ParagraphStyle
    label: ParagraphStyle
    mono: ParagraphStyle
    mono_small: ParagraphStyle
    num: ParagraphStyle
    num_bold: ParagraphStyle
    cell: ParagraphStyle
    cell_bold: ParagraphStyle
    head: ParagraphStyle
    head_num: ParagraphStyle
    h2: ParagraphStyle
    kicker: ParagraphStyle
    title: ParagraphStyle
    certno: ParagraphStyle
    caption: ParagraphStyle
    note: ParagraphStyle


def _styles() -> _Styles:
    # splitLongWords: a word wider than its column (a 300-character "word" in a finding, a name with no
    # spaces) is broken across lines, never drawn past the column and off the page. Every style inherits it.
    body = ParagraphStyle("body", fontName=FONT, fontSize=9, leading=11.5, textColor=INK, splitLongWords=1)
    small = ParagraphStyle("small", parent=body, fontSize=7.5, leading=9.5)
    cell = ParagraphStyle("cell", parent=body, fontSize=8, leading=10)
    mono = ParagraphStyle("mono", parent=body, fontName=FONT_MONO, fontSize=8, leading=10)
    return _Styles(
        body=body,
        small=small,
        label=ParagraphStyle("label", parent=small, textColor=MUTED),
        mono=mono,
        mono_small=ParagraphStyle("mono_small", parent=mono, fontSize=7, leading=9),
        num=ParagraphStyle("num", parent=cell, alignment=TA_RIGHT),
        num_bold=ParagraphStyle("num_bold", parent=cell, fontName=FONT_BOLD, alignment=TA_RIGHT),
        cell=cell,
        cell_bold=ParagraphStyle("cell_bold", parent=cell, fontName=FONT_BOLD),
        head=ParagraphStyle("head", parent=cell, fontName=FONT_BOLD, fontSize=7.5, leading=9),
        head_num=ParagraphStyle("head_num", parent=cell, fontName=FONT_BOLD, fontSize=7.5, leading=9,
                                alignment=TA_RIGHT),
        h2=ParagraphStyle("h2", parent=body, fontName=FONT_BOLD, fontSize=11.5, leading=14, spaceBefore=9,
                          spaceAfter=4, keepWithNext=1),
        kicker=ParagraphStyle("kicker", parent=body, fontName=FONT_BOLD, fontSize=8.5, leading=11,
                              textColor=MUTED),
        title=ParagraphStyle("title", parent=body, fontName=FONT_BOLD, fontSize=17, leading=21),
        certno=ParagraphStyle("certno", parent=body, fontSize=12, leading=16, spaceBefore=3, spaceAfter=3),
        caption=ParagraphStyle("caption", parent=small, alignment=TA_CENTER, fontSize=7, leading=8.5),
        note=ParagraphStyle("note", parent=small, textColor=MUTED),
    )


# ------------------------------------------------------------------------------------- flowables


class _QRSeal(Flowable):  # type: ignore[misc]  # reportlab has no type hints
    """The QR seal as vector squares, with its quiet zone painted white.

    Vector modules stay sharp at any zoom and on any printer. Each row's dark runs are merged and
    the whole symbol is one filled path, so rasterisers leave no hairline seams between modules.
    """

    def __init__(self, text: str) -> None:
        super().__init__()
        try:
            qr = segno.make(text, error="m", mode="alphanumeric", micro=False)
        except Exception as exc:  # segno raises ValueError or DataOverflowError for text it cannot hold
            raise ReportError(
                "The QR seal text cannot be drawn: it must be QR alphanumeric characters "
                "(0–9, A–Z, space and $ % * + - . / :) and short enough for one QR code."
            ) from exc
        self.matrix = [bytes(row) for row in qr.matrix]
        self.size = len(self.matrix)
        modules = self.size + 2 * QR_QUIET
        # A longer seal than usual gets a larger symbol rather than smaller modules.
        self.width = self.height = min(QR_MAX_WIDTH, max(QR_WIDTH, modules * QR_MIN_MODULE))
        self.module = self.width / modules

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        c, m = self.canv, self.module
        c.saveState()
        c.setFillColor(colors.white)
        c.rect(0, 0, self.width, self.height, stroke=0, fill=1)
        c.setFillColor(colors.black)
        path = c.beginPath()
        for r, row in enumerate(self.matrix):
            y = self.height - (QR_QUIET + r + 1) * m
            col = 0
            while col < self.size:
                if not row[col]:
                    col += 1
                    continue
                start = col
                while col < self.size and row[col]:
                    col += 1
                path.rect((QR_QUIET + start) * m, y, (col - start) * m, m)
        c.drawPath(path, stroke=0, fill=1)
        c.restoreState()


class _JpegXObject(pdfdoc.PDFImageXObject):  # type: ignore[misc]
    """A PDF image that is the JPEG file itself (DCTDecode), never decoded or re-encoded."""

    def __init__(self, name: str, data: bytes, width: int, height: int, gray: bool) -> None:
        # The base initialiser would read a file or decode pixels; everything it sets is set here.
        self.name = name
        self.width = width
        self.height = height
        self.bitsPerComponent = 8
        self.colorSpace = "DeviceGray" if gray else "DeviceRGB"
        self._filters = ("DCTDecode",)  # no ASCII85 on top: it would add a quarter to every photo
        self.streamContent = data
        self.mask = None


@dataclass(frozen=True)
class _Jpeg:
    data: bytes
    width: int
    height: int
    gray: bool
    name: str  # PDF XObject name: the same bytes are embedded once


def _check_jpeg(data: object, label: str) -> _Jpeg:
    """Read a JPEG's header (size, colour model) without decoding its pixels."""
    if not isinstance(data, (bytes, bytearray)) or not data.startswith(b"\xff\xd8"):
        raise ReportError(f"{label} cannot go into the report: its print copy is not a JPEG image.")
    try:
        with PILImage.open(io.BytesIO(data), formats=["JPEG"]) as im:
            width, height = im.size
            mode = im.mode
    except Exception as exc:  # untrusted bytes: any parser failure means a damaged copy
        raise ReportError(f"{label} cannot go into the report: its print copy is damaged.") from exc
    if mode not in ("RGB", "L") or width <= 0 or height <= 0:
        raise ReportError(f"{label} cannot go into the report: its print copy is not an RGB JPEG.")
    data = bytes(data)
    return _Jpeg(data, width, height, mode == "L", "kpphoto" + hashlib.sha256(data).hexdigest()[:24])


class _Photo(Flowable):  # type: ignore[misc]
    """A photo scaled to fit ``max_width`` × ``max_height``, centred, with a thin frame."""

    def __init__(self, jpeg: _Jpeg, max_width: float, max_height: float) -> None:
        super().__init__()
        self.jpeg = jpeg
        self.max_width = max_width
        self.max_height = max_height
        self.hAlign = "CENTER"
        self.width = self.height = 0.0

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        scale = min(min(self.max_width, avail_width) / self.jpeg.width, self.max_height / self.jpeg.height)
        self.width, self.height = self.jpeg.width * scale, self.jpeg.height * scale
        return self.width, self.height

    def draw(self) -> None:
        c = self.canv
        doc = c._doc
        reg_name = doc.getXObjectName(self.jpeg.name)
        if doc.idToObject.get(reg_name) is None:
            # What canvas.drawImage does, minus decoding the pixels to fingerprint them.
            xobj = _JpegXObject(self.jpeg.name, self.jpeg.data, self.jpeg.width, self.jpeg.height, self.jpeg.gray)
            c._setXObjects(xobj)
            doc.Reference(xobj, reg_name)
            doc.addForm(self.jpeg.name, xobj)
        c.saveState()
        c.scale(self.width, self.height)
        c._code.append(f"/{reg_name} Do")
        c.restoreState()
        c._formsinuse.append(self.jpeg.name)
        c.saveState()
        c.setStrokeColor(RULE)
        c.setLineWidth(0.4)
        c.rect(0, 0, self.width, self.height, stroke=1, fill=0)
        c.restoreState()


# ------------------------------------------------------------------------------- page decoration


@dataclass(frozen=True)
class _Decor:
    """What the header and footer say; drawn on every page once the page count is known."""

    page_width: float
    page_height: float
    margin_left: float
    margin_right: float
    footer_left: str
    footer_audit: str
    header_left: str
    header_right: str
    pdf_date: str | None

    def draw(self, c: Canvas, page: int, pages: int) -> None:
        left, right = self.margin_left, self.page_width - self.margin_right
        width = right - left
        c.saveState()
        c.setStrokeColor(RULE)
        c.setLineWidth(0.5)
        c.setFillColor(MUTED)
        # Footer: two lines under a rule.
        base = 10 * mm
        c.line(left, base + 9.5, right, base + 9.5)
        page_text = f"Page {page} of {pages}"
        c.setFont(FONT_BOLD, 8)
        c.setFillColor(INK)
        c.drawRightString(right, base, page_text)
        room = width - pdfmetrics.stringWidth(page_text, FONT_BOLD, 8) - 6 * mm
        c.setFont(FONT, 7)
        c.setFillColor(MUTED)
        c.drawString(left, base, _fit(self.footer_left, FONT, 7, room))
        c.drawString(left, base - 8.5, _fit(self.footer_audit, FONT, 7, room))
        # Header on the pages after the first, so a loose page still says what it belongs to.
        if page > 1:
            top = self.page_height - 11 * mm
            c.setFont(FONT_BOLD, 7.5)
            right_w = min(pdfmetrics.stringWidth(self.header_right, FONT_BOLD, 7.5), width * 0.55)
            c.drawRightString(right, top, _fit(self.header_right, FONT_BOLD, 7.5, right_w))
            c.setFont(FONT, 7.5)
            c.drawString(left, top, _fit(self.header_left, FONT, 7.5, width - right_w - 6 * mm))
            c.line(left, top - 4, right, top - 4)
        c.restoreState()


class _NumberedCanvas(Canvas):  # type: ignore[misc]
    """Keeps every page until the end, then stamps "page x of y", header and footer on each."""

    def __init__(self, *args: Any, decor: _Decor, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._decor = decor
        self._pages: list[dict[str, Any]] = []
        if decor.pdf_date is not None:
            # invariant mode fixes the date at 2000-01-01; the signing time is the true one.
            fixed = decor.pdf_date
            self.setDateFormatter(lambda *_ymdhms: fixed)

    def showPage(self) -> None:
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._pages)
        for number, state in enumerate(self._pages, start=1):
            self.__dict__.update(state)
            self._decor.draw(self, number, total)
            super().showPage()
        super().save()


# ------------------------------------------------------------------------------------- the story


@dataclass
class _Ctx:
    s: _Styles
    width: float  # frame width
    frame_height: float
    reference: Reference | None

    def country(self, code: object) -> str:
        if not code:
            return "—"
        text = str(code)
        if text.lower() == "mixed":
            return "Mixed (several origins)"
        name = self.reference.country_name(text) if self.reference is not None else None
        return f"{_t(name)} ({_t(text)})" if name else _t(text)

    def hs(self, code: object) -> str:
        text = str(code or "")
        entry = self.reference.hs_codes.get(text) if self.reference is not None else None
        return f"<b>{_t(text)}</b> {_t(entry.description)}" if entry else f"<b>{_t(text)}</b>"


def _table_style(commands: Sequence[tuple[Any, ...]]) -> TableStyle:
    # Cells that hold a plain string (the empty halves of spanned cells) would otherwise set
    # Helvetica, which then sits in the PDF as a font that is not embedded.
    return TableStyle([("FONTNAME", (0, 0), (-1, -1), FONT), *commands])


def _p(text: str, style: ParagraphStyle) -> Paragraph:
    return Paragraph(text, style)


def _grid(ctx: _Ctx, rows: Sequence[Sequence[object]], widths: Sequence[float],
          spans: Sequence[tuple[tuple[int, int], tuple[int, int]]] = (),
          extra: Sequence[tuple[Any, ...]] = ()) -> Table:
    """A label/value grid: labels in grey on the left of each pair, values wrapping."""
    table = Table([list(r) for r in rows], colWidths=list(widths), splitInRow=1, hAlign="LEFT")
    style = [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
        ("TOPPADDING", (0, 0), (-1, -1), 2.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
        ("LINEBELOW", (0, 0), (-1, -1), 0.25, RULE),
        ("LINEABOVE", (0, 0), (-1, 0), 0.75, INK),
    ]
    style += [("SPAN", a, b) for a, b in spans]
    style += list(extra)
    table.setStyle(_table_style(style))
    return table


def _data_table(ctx: _Ctx, header: Sequence[Paragraph], rows: list[list[object]], widths: Sequence[float],
                extra: Sequence[tuple[Any, ...]] = (), long: bool = False) -> Table:
    """A table with a header row repeated on every page it spans."""
    cls = LongTable if long else Table
    table = cls([list(header), *rows], colWidths=list(widths), repeatRows=1, splitInRow=1, hAlign="LEFT")
    style: list[tuple[Any, ...]] = [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
        ("TOPPADDING", (0, 0), (-1, -1), 2.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
        ("BACKGROUND", (0, 0), (-1, 0), HEAD_BG),
        ("LINEABOVE", (0, 0), (-1, 0), 0.75, INK),
        ("LINEBELOW", (0, 0), (-1, 0), 0.75, INK),
        ("LINEBELOW", (0, 1), (-1, -1), 0.25, RULE),
        ("ROWBACKGROUNDS", (0, 1), (-1, -1), [colors.white, ZEBRA]),
    ]
    style += list(extra)
    table.setStyle(_table_style(style))
    return table


def _first_page(ctx: _Ctx, snap: dict[str, Any], qr_text: str) -> list[Flowable]:
    s = ctx.s
    report = _d(snap.get("report"))
    monitor = _d(snap.get("monitor"))
    insp = _d(snap.get("inspection"))
    cert = _d(insp.get("certificate"))
    look = _VERDICTS.get(str(insp.get("verdict")), _NO_VERDICT)

    qr = _QRSeal(qr_text)
    qr_block = [qr, Spacer(1, 2), _p("<b>QR seal</b> — signed summary<br/>" + _t(VERIFY_HINT), s.caption)]
    left_width = ctx.width - qr.width - 6 * mm

    version = report.get("version")
    facts: list[list[object]] = [
        [_p("Report", s.label), _p(_t(report.get("id")), s.mono)],
        [_p("Version", s.label), _p(_t(version) + (" (first issue)" if version == 1 else ""), s.cell)],
        [_p("Signed", s.label),
         _p(f"{_moment(report.get('signed_at'))} by {_dash(monitor.get('name'))}", s.cell)],
    ]
    facts_table = Table(facts, colWidths=[18 * mm, left_width - 18 * mm], hAlign="LEFT")
    facts_table.setStyle(_table_style([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0),
                                     ("RIGHTPADDING", (0, 0), (-1, -1), 2), ("TOPPADDING", (0, 0), (-1, -1), 1),
                                     ("BOTTOMPADDING", (0, 0), (-1, -1), 1)]))
    left: list[Flowable] = [
        _p("Kimberley Process Certification Scheme", s.kicker),
        _p("Monitor's certification report", s.title),
        _p(f"KP certificate <b>{_dash(cert.get('number'))}</b>", s.certno),
        facts_table,
    ]
    if report.get("supersedes"):
        sup_version = report.get("supersedes_version")
        text = (f"⚠ <b>This report supersedes report</b> <font name='{FONT_MONO}'>{_t(report.get('supersedes'))}"
                f"</font>" + (f" <b>(version {_t(sup_version)})</b>" if sup_version is not None else "")
                + ". Both stay on record; this one replaces it.")
        rows = [[_p(text, s.cell)]]
        amendment = _d(snap.get("amendment"))
        if amendment.get("reason"):  # format 3: why, as the monitor said when amending
            rows.append([_p(f"<b>Amends report v{_t(sup_version)} ({_t(str(report.get('supersedes'))[:8])}):</b> "
                            f"{_t(amendment.get('reason'))}", s.cell)])
        box = Table(rows, colWidths=[left_width], hAlign="LEFT")
        box.setStyle(_table_style([("BACKGROUND", (0, 0), (-1, -1), WARN_BG), ("BOX", (0, 0), (-1, -1), 0.75, WARN_INK),
                                 ("TOPPADDING", (0, 0), (-1, -1), 3), ("BOTTOMPADDING", (0, 0), (-1, -1), 3)]))
        left += [Spacer(1, 4), box]
    left += [Spacer(1, 6), _verdict_box(ctx, look, left_width, insp)]

    top = Table([[left, qr_block]], colWidths=[left_width + 6 * mm, qr.width], hAlign="LEFT")
    top.setStyle(_table_style([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0),
                             ("RIGHTPADDING", (0, 0), (-1, -1), 0), ("TOPPADDING", (0, 0), (-1, -1), 0),
                             ("BOTTOMPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (0, 0), 6 * mm)]))
    story: list[Flowable] = [top]
    story += _certificate_section(ctx, cert)
    story += _inspection_section(ctx, snap)
    story += _monitor_section(ctx, snap)
    return story


def _d(value: object) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _l(value: object) -> list[Any]:
    return value if isinstance(value, list) else []


def _verdict_box(ctx: _Ctx, look: _VerdictLook, width: float, insp: dict[str, Any]) -> Table:
    s = ctx.s
    big = ParagraphStyle("verdict", parent=s.body, fontName=FONT_BOLD, fontSize=19, leading=23, textColor=look.ink)
    kicker = ParagraphStyle("verdict_k", parent=s.kicker, textColor=look.ink)
    where = f"Inspected {_moment(insp.get('inspected_at'))}" if insp.get("inspected_at") else "Inspected"
    if insp.get("site"):
        where += f" at {_t(insp.get('site'))}"
    cells = [[_p("VERDICT", kicker)], [_p(f"{look.mark} {look.label}", big)], [_p(_t(look.sentence), s.cell)]]
    if where != "Inspected":
        cells.append([_p(where + ".", s.small)])
    box = Table(cells, colWidths=[width], hAlign="LEFT")
    box.setStyle(_table_style([
        ("BACKGROUND", (0, 0), (-1, -1), look.tint),
        ("BOX", (0, 0), (-1, -1), 2.5, look.ink),
        ("LEFTPADDING", (0, 0), (-1, -1), 8),
        ("RIGHTPADDING", (0, 0), (-1, -1), 8),
        ("TOPPADDING", (0, 0), (-1, -1), 1),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
        ("TOPPADDING", (0, 0), (-1, 0), 6),
        ("BOTTOMPADDING", (0, -1), (-1, -1), 7),
    ]))
    return box


def _party(ctx: _Ctx, party: object) -> Paragraph:
    p = _d(party)
    text = f"<b>{_dash(p.get('name'))}</b>"
    if p.get("address"):
        text += "<br/>" + _t(p.get("address"))
    return _p(text, ctx.s.cell)


def _certificate_section(ctx: _Ctx, cert: dict[str, Any]) -> list[Flowable]:
    s = ctx.s
    lw, lw2 = 31 * mm, 27 * mm
    vw = (ctx.width - lw - lw2) / 2
    hs_codes = [c for c in _l(cert.get("hs_codes")) if c]
    rows: list[list[object]] = [
        [_p("Certificate number", s.label), _p(f"<b>{_dash(cert.get('number'))}</b>", s.cell),
         _p("Parcels", s.label), _p(_count(cert.get("parcel_count")), s.cell)],
        [_p("Issuing authority", s.label), _p(_dash(cert.get("issuing_authority")), s.cell), "", ""],
        [_p("Date of issue", s.label), _p(_dash(cert.get("issued_on")), s.cell),
         _p("Date of expiry", s.label), _p(_dash(cert.get("expires_on")), s.cell)],
        [_p("Exporter", s.label), _party(ctx, cert.get("exporter")), "", ""],
        [_p("Importer", s.label), _party(ctx, cert.get("importer")), "", ""],
        [_p("Country of origin", s.label), _p(ctx.country(cert.get("origin")), s.cell),
         _p("Provenance", s.label), _p(ctx.country(cert.get("provenance")), s.cell)],
        [_p("Destination", s.label), _p(ctx.country(cert.get("destination")), s.cell), "", ""],
        [_p("HS code(s)", s.label),
         _p("<br/>".join(ctx.hs(c) for c in hs_codes) if hs_codes else "—", s.cell), "", ""],
        [_p("Carat weight", s.label), _p(f"<b>{_amount(cert.get('carats'), 'ct')}</b>", s.cell),
         _p("Value", s.label),
         _p(f"<b>US$ {_amount(cert.get('value_usd'))}</b>" if cert.get("value_usd") else "—", s.cell)],
    ]
    spans = [((1, i), (3, i)) for i in (1, 3, 4, 6, 7)]
    return [_p("KP certificate", s.h2), _grid(ctx, rows, [lw, vw, lw2, vw], spans)]


def _inspection_section(ctx: _Ctx, snap: dict[str, Any]) -> list[Flowable]:
    s = ctx.s
    insp = _d(snap.get("inspection"))
    cert = _d(insp.get("certificate"))
    totals = _d(snap.get("totals"))
    seals = _l(insp.get("seals"))
    gps = _d(insp.get("site_gps"))
    lw, lw2 = 31 * mm, 27 * mm
    vw = (ctx.width - lw - lw2) / 2
    on_parcels = sum(1 for seal in seals if _d(seal).get("parcel") not in (None, ""))
    rows: list[list[object]] = [
        [_p("Site", s.label), _p(_dash(insp.get("site")), s.cell), "", ""],
        [_p("Time of inspection", s.label), _p(_moment(insp.get("inspected_at")), s.cell),
         _p("Site GPS", s.label), _p(_gps(gps.get("lat"), gps.get("lon")), s.cell)],
        [_p("Parcels inspected", s.label), _p(_count(totals.get("parcels")), s.cell),
         _p("Seals recorded", s.label),
         _p(f"{len(seals)} ({on_parcels} on parcels, {len(seals) - on_parcels} on the container)"
            if seals else "none", s.cell)],
    ]
    grid = _grid(ctx, rows, [lw, vw, lw2, vw], [((1, 0), (3, 0))])

    # The comparison a customs officer makes first: does the certificate match what was weighed?
    cert_ct, cert_usd, cert_n = cert.get("carats"), cert.get("value_usd"), cert.get("parcel_count")
    decl_ct, decl_usd, n = totals.get("declared_carats"), totals.get("declared_value_usd"), totals.get("parcels")
    weighed = totals.get("weighed_carats")

    def mark(value: str, differs: bool) -> Paragraph:
        return _p(f"<b>≠ {value}</b>" if differs else value, s.num)

    def differs(a: object, b: object) -> bool:
        # Only two known figures can disagree; a blank on the certificate is another matter.
        return a is not None and b is not None and a != b

    ct_differs = differs(hundredths_of(cert_ct), hundredths_of(decl_ct))
    usd_differs = differs(hundredths_of(cert_usd), hundredths_of(decl_usd))
    n_differs = differs(cert_n, n)
    cw = (ctx.width - 58 * mm) / 3
    head = [_p("", s.head), _p("Carats", s.head_num), _p("Value (US$)", s.head_num), _p("Parcels", s.head_num)]
    rows2: list[list[object]] = [
        [_p("KP certificate states", s.cell), _p(_amount(cert_ct), s.num), _p(_amount(cert_usd), s.num),
         _p(_count(cert_n), s.num)],
        [_p("Parcels as declared", s.cell), mark(_amount(decl_ct), ct_differs), mark(_amount(decl_usd), usd_differs),
         mark(_count(n), n_differs)],
        [_p("<b>Weighed by the monitor</b>", s.cell), _p(f"<b>{_amount(weighed)}</b>", s.num), _p("", s.num),
         _p("", s.num)],
        [_p("Weighed − declared", s.cell), _p(_signed_amount(totals.get("difference_carats")), s.num),
         _p("", s.num), _p("", s.num)],
    ]
    compare = _data_table(ctx, head, rows2, [58 * mm, cw, cw, cw])
    story: list[Flowable] = [_p("Inspection", s.h2), grid, Spacer(1, 5), compare]
    if ct_differs or usd_differs or n_differs:
        story.append(_p("≠ marks a figure that differs from the certificate.", s.note))
    return story


def _monitor_section(ctx: _Ctx, snap: dict[str, Any]) -> list[Flowable]:
    s = ctx.s
    monitor = _d(snap.get("monitor"))
    report = _d(snap.get("report"))
    lw, lw2 = 31 * mm, 27 * mm
    vw = (ctx.width - lw - lw2) / 2
    rows: list[list[object]] = [
        [_p("Monitor", s.label), _p(f"<b>{_dash(monitor.get('name'))}</b>", s.cell),
         _p("Device", s.label), _p(_dash(report.get("device_id")), s.mono_small)],
        [_p("Signing certificate", s.label), _p(_dash(monitor.get("certificate_subject")), s.cell), "", ""],
        [_p("Issued by", s.label), _p(_dash(monitor.get("certificate_issuer")), s.cell),
         _p("Serial", s.label), _p(_dash(monitor.get("certificate_serial")), s.mono_small)],
    ]
    spans = [((1, 1), (3, 1))]
    extra: list[tuple[Any, ...]] = []
    if monitor.get("self_signed"):
        rows.append([_p("<b>⚠ Self-signed: not issued by headquarters.</b> The signature shows that this report "
                        "is unchanged since the monitor signed it, but headquarters has not vouched for the "
                        "monitor's certificate; verifiers say so.", s.cell), "", "", ""])
        spans.append(((0, 3), (3, 3)))
        extra = [("BACKGROUND", (0, 3), (-1, 3), WARN_BG), ("BOX", (0, 3), (-1, 3), 0.75, WARN_INK)]
    return [_p("Monitor", s.h2), _grid(ctx, rows, [lw, vw, lw2, vw], spans, extra)]


def _warned_rows(snap: dict[str, Any], prefix: str) -> set[int]:
    """Indexes of parcels or seals that an acknowledged warning points at (field "parcels[2]…")."""
    found: set[int] = set()
    pattern = re.compile(re.escape(prefix) + r"\[(\d+)\]")
    for w in _l(snap.get("warnings")):
        match = pattern.match(str(_d(w).get("field") or ""))
        if match:
            found.add(int(match.group(1)))
    return found


def _parcels_section(ctx: _Ctx, snap: dict[str, Any]) -> list[Flowable]:
    s = ctx.s
    insp = _d(snap.get("inspection"))
    parcels = _l(insp.get("parcels"))
    totals = _d(snap.get("totals"))
    cert = _d(insp.get("certificate"))
    warned = _warned_rows(snap, "parcels")
    story: list[Flowable] = [CondPageBreak(45 * mm), _p("Parcels", s.h2)]
    if not parcels:
        return [*story, _p("No parcels are recorded.", s.body)]
    # Numbers need little room; the description gets the rest, so it wraps less.
    fixed = [11 * mm, 15 * mm, 20 * mm, 20 * mm, 19 * mm, 13 * mm, 23 * mm]
    widths = [fixed[0], fixed[1], ctx.width - sum(fixed), *fixed[2:]]
    header = [_p("No.", s.head), _p("HS code", s.head), _p("Description", s.head), _p("Declared ct", s.head_num),
              _p("Weighed ct", s.head_num), _p("Difference", s.head_num), _p("Stones", s.head_num),
              _p("Declared US$", s.head_num)]
    rows: list[list[object]] = []
    for i, raw in enumerate(parcels):
        p = _d(raw)
        flag = i in warned
        rows.append([
            _p(("⚠ " if flag else "") + _dash(p.get("number")), s.cell_bold if flag else s.cell),
            _p(_dash(p.get("hs_code")), s.cell),
            _p(_dash(p.get("description")), s.cell),
            _p(_amount(p.get("declared_carats")), s.num),
            _p(_amount(p.get("weighed_carats")), s.num),
            _p(_signed_amount(_difference(p)), s.num_bold if flag else s.num),
            _p(_count(p.get("stones")), s.num),
            _p(_amount(p.get("declared_value_usd")), s.num),
        ])
    n = len(rows)
    rows.append([_p(f"<b>Total, {len(parcels)} parcel{'s' if len(parcels) != 1 else ''}</b>", s.cell), "", "",
                 _p(_amount(totals.get("declared_carats")), s.num_bold),
                 _p(_amount(totals.get("weighed_carats")), s.num_bold),
                 _p(_signed_amount(totals.get("difference_carats")), s.num_bold),
                 _p(_count(totals.get("stones")), s.num_bold),
                 _p(_amount(totals.get("declared_value_usd")), s.num_bold)])
    rows.append([_p(f"KP certificate states, {_count(cert.get('parcel_count'))} parcels", s.cell), "", "",
                 _p(_amount(cert.get("carats")), s.num), _p("", s.num), _p("", s.num), _p("", s.num),
                 _p(_amount(cert.get("value_usd")), s.num)])
    extra: list[tuple[Any, ...]] = [
        ("SPAN", (0, n + 1), (2, n + 1)), ("SPAN", (0, n + 2), (2, n + 2)),
        ("LINEABOVE", (0, n + 1), (-1, n + 1), 0.75, INK),
        ("BACKGROUND", (0, n + 1), (-1, n + 2), colors.white),
    ]
    story.append(_data_table(ctx, header, rows, widths, extra, long=True))
    notes = "Carats to 0.01 ct; difference = weighed − declared."
    if warned:
        notes += " ⚠ marks a parcel named in an acknowledged warning (see below)."
    story.append(_p(notes, s.note))
    return story


def _difference(parcel: dict[str, Any]) -> str | None:
    declared, weighed = hundredths_of(parcel.get("declared_carats")), hundredths_of(parcel.get("weighed_carats"))
    if declared is None or weighed is None:
        return None
    return plain(weighed - declared)


def _seals_section(ctx: _Ctx, snap: dict[str, Any]) -> list[Flowable]:
    s = ctx.s
    insp = _d(snap.get("inspection"))
    seals = _l(insp.get("seals"))
    site = str(insp.get("site") or "")
    story: list[Flowable] = [CondPageBreak(40 * mm), _p("Seals", s.h2)]
    if not seals:
        return [*story, _p("No seals are recorded.", s.body)]
    fixed = [29 * mm, 25 * mm, 17 * mm, 38 * mm, 29 * mm]
    widths = [*fixed, ctx.width - sum(fixed)]
    header = [_p("Seal number", s.head), _p("Type, class", s.head), _p("Seals", s.head),
              _p("Applied by · witness", s.head), _p("Applied at", s.head), _p("Events", s.head)]
    rows: list[list[object]] = []
    for raw in seals:
        seal = _d(raw)
        kind = f"{_dash(seal.get('type'))}, class {_dash(seal.get('iso_class'))}"
        if seal.get("manufacturer"):
            kind += "<br/>" + _t(seal.get("manufacturer"))
        target = f"Parcel {_t(seal.get('parcel'))}" if seal.get("parcel") not in (None, "") else "Container"
        who = f"{_dash(seal.get('applied_by'))}<br/><font color='#555555'>witness</font> {_dash(seal.get('witness'))}"
        when = _moment(seal.get("applied_at"))
        # The place only when it is not the inspection site, which would repeat on every row.
        if seal.get("applied_place") and str(seal.get("applied_place")) != site:
            when += "<br/>" + _t(seal.get("applied_place"))
        events = []
        for ev_raw in _l(seal.get("events")):
            ev = _d(ev_raw)
            code = str(ev.get("kind") or "")
            try:
                label = SealEventKind(code).label
            except ValueError:
                label = code or "?"
            line = f"{_t(label)} {_moment(ev.get('at'))}"
            if ev.get("by"):
                line += f", {_t(ev.get('by'))}"
            if ev.get("note"):
                line += f": {_t(ev.get('note'))}"
            events.append(f"<b>⚠ {line}</b>" if code in _ALARMING_EVENTS else line)
        rows.append([_p(_dash(seal.get("number")), s.mono), _p(kind, s.cell), _p(target, s.cell), _p(who, s.cell),
                     _p(when, s.cell), _p("<br/>".join(events) if events else "—", s.cell)])
    story.append(_data_table(ctx, header, rows, widths, long=len(rows) > 40))
    legend = "ISO 17712 classes: " + ", ".join(ISO_CLASS_LABELS.values()) + "."
    if site:
        legend += f" Applied at {_t(site)}, unless another place is named."
    story.append(_p(legend, s.note))
    return story


def _findings_section(ctx: _Ctx, snap: dict[str, Any]) -> list[Flowable]:
    s = ctx.s
    findings = _l(_d(snap.get("inspection")).get("findings"))
    story: list[Flowable] = [CondPageBreak(30 * mm), _p("Findings", s.h2)]
    if not findings:
        return [*story, _p("The monitor recorded no findings.", s.body)]
    widths = [20 * mm, 30 * mm, ctx.width - 50 * mm]
    header = [_p("Severity", s.head), _p("Section", s.head), _p("Finding", s.head)]
    rows: list[list[object]] = []
    for raw in findings:
        f = _d(raw)
        severity = str(f.get("severity") or "")
        label = _t(_SEVERITY_LABELS.get(severity, severity or "—"))
        serious = severity in (FindingSeverity.MAJOR.value, FindingSeverity.CRITICAL.value)
        rows.append([_p(f"<b>⚠ {label}</b>" if serious else label, s.cell),
                     _p(_dash(f.get("section")), s.cell), _p(_dash(f.get("text")), s.cell)])
    story.append(_data_table(ctx, header, rows, widths))
    return story


def _warnings_section(ctx: _Ctx, snap: dict[str, Any]) -> list[Flowable]:
    s = ctx.s
    warnings = _l(snap.get("warnings"))
    story: list[Flowable] = [CondPageBreak(30 * mm), _p("Warnings acknowledged by the monitor", s.h2)]
    if not warnings:
        return [*story, _p("The checks raised no warnings.", s.body)]
    half = ctx.width / 2
    header = [_p("Warning", s.head), _p("Monitor's note", s.head)]
    rows: list[list[object]] = []
    for raw in warnings:
        w = _d(raw)
        what = _dash(w.get("message"))
        if w.get("field"):
            what += f"<br/><font size='6.5' color='#555555'>{_t(w.get('field'))} · {_t(w.get('code'))}</font>"
        note = _t(w.get("note")) if w.get("note") else "<i>no note</i>"
        by = ", ".join(x for x in (_t(w.get("by")), _moment(w.get("at")) if w.get("at") else "") if x)
        if by:
            note += f"<br/><font size='6.5' color='#555555'>{by}</font>"
        rows.append([_p(what, s.cell), _p(note, s.cell)])
    story.append(_data_table(ctx, header, rows, [half, ctx.width - half]))
    return story


def _audit_section(ctx: _Ctx, snap: dict[str, Any]) -> list[Flowable]:
    s = ctx.s
    report = _d(snap.get("report"))
    audit = _d(report.get("audit"))
    lw = 31 * mm
    mono = f"<font name='{FONT_MONO}'>"
    rows: list[list[object]] = [
        [_p("Audit chain head", s.label),
         _p(f"event {_dash(audit.get('seq'))} · {mono}{_dash(audit.get('head'))}</font>", s.cell)],
        [_p("Snapshot SHA-256", s.label), _p(snapshot_sha256(snap), s.mono)],
        [_p("Report", s.label),
         _p(f"{mono}{_dash(report.get('id'))}</font> · version {_dash(report.get('version'))} · report no. "
            f"{_dash(report.get('device_seq'))} of device {mono}{_dash(report.get('device_id'))}</font> · "
            f"format {_t(snap.get('format'))}, kpmonitor {_t(__version__)}", s.cell)],
        [_p("How to check", s.label),
         _p("The PDF carries the monitor's digital signature (PAdES). The QR seal on page 1 is a signed summary "
            "(certificate, carats, value, parcels, seals, verdict, monitor, date, report, audit chain head): "
            "check it offline with <b>kpmonitor verify</b> and headquarters' root certificate.", s.cell)],
    ]
    return [CondPageBreak(35 * mm), _p("Record and verification", s.h2), _grid(ctx, rows, [lw, ctx.width - lw])]


def _photo_section(ctx: _Ctx, snap: dict[str, Any], jpegs: list[_Jpeg]) -> list[Flowable]:
    s = ctx.s
    photos = _l(_d(snap.get("inspection")).get("photos"))
    if not photos:
        return [CondPageBreak(20 * mm), _p("Photos", s.h2), _p("No photos are attached to this inspection.", s.body)]
    story: list[Flowable] = [
        NextPageTemplate("later"), PageBreak(), _p("Photo appendix", s.h2),
        _p(f"{len(photos)} photo{'s' if len(photos) != 1 else ''}. Each is printed from a downscaled copy; the "
           "original file is kept unaltered as evidence and is identified by the SHA-256 fingerprint shown "
           "with it.", s.note),
        Spacer(1, 4),
    ]
    # Two photos a page: large enough to read a scale display, small enough to keep 40 photos in ~20 pages.
    max_height = ctx.frame_height / 2 - 100
    lw = 22 * mm
    for index, (raw, jpeg) in enumerate(zip(photos, jpegs, strict=True), start=1):
        ph = _d(raw)
        caption = _t(ph.get("caption")) or "<i>no caption</i>"
        links = []
        if ph.get("parcel") not in (None, ""):
            links.append(f"parcel {_t(ph.get('parcel'))}")
        if ph.get("seal") not in (None, ""):
            links.append(f"seal <font name='{FONT_MONO}'>{_t(ph.get('seal'))}</font>")
        original = _dash(ph.get("original_name"))
        dims = []
        if ph.get("width") and ph.get("height"):
            dims.append(f"{_count(ph.get('width'))} × {_count(ph.get('height'))} px")
        if _size(ph.get("size")):
            dims.append(_size(ph.get("size")))
        if dims:
            original += f" ({', '.join(dims)})"
        vw = (ctx.width - 2 * lw) / 2
        meta = _grid(ctx, [
            [_p("Taken", s.label), _p(_moment(ph.get("taken_at")) if ph.get("taken_at") else "not recorded", s.cell),
             _p("GPS", s.label), _p(_gps(ph.get("gps_lat"), ph.get("gps_lon")), s.cell)],
            [_p("Shows", s.label), _p(", ".join(links) if links else "the shipment", s.cell),
             _p("Original", s.label), _p(original, s.cell)],
            [_p("SHA-256", s.label), _p(_dash(ph.get("sha256")), s.mono), "", ""],
        ], [lw, vw, lw, ctx.width - 2 * lw - vw], [((1, 2), (3, 2))])
        story.append(KeepTogether([
            _p(f"<b>Photo {index} of {len(photos)}</b> — {caption}", s.body),
            Spacer(1, 3),
            _Photo(jpeg, ctx.width, max_height),
            Spacer(1, 3),
            meta,
            Spacer(1, 10),
        ]))
    return story


# ---------------------------------------------------------------------------------------- render


def _paper(paper: str) -> tuple[float, float]:
    key = paper.strip().upper().replace("US ", "").replace("US-", "")
    if key not in PAPER_SIZES:
        raise ReportError(f"“{paper}” is not a paper size for reports; use A4 or Letter.")
    return PAPER_SIZES[key]


def _load_reference() -> Reference | None:
    # Country and HS names are a courtesy; a damaged table must not stop a report from printing.
    try:
        return Reference.load()
    except KPError:
        return None


def render_report(snapshot: dict[str, Any], *, qr_text: str, photo_jpeg: PhotoSource, paper: str = "A4",
                  progress: Progress | None = None) -> bytes:
    """Draw the certification report of ``snapshot`` and return the PDF (unsigned).

    :param snapshot: the frozen report snapshot (``kpmonitor.report.snapshot.build_snapshot``); nothing
        else is read, so the PDF shows exactly what was signed.
    :param qr_text: the QR seal text (Base45, QR alphanumeric alphabet), drawn on page 1.
    :param photo_jpeg: gives the print copy of a photo by its SHA-256: upright RGB or greyscale
        JPEG bytes (typically ``PhotoVault.scaled_jpeg``), embedded as they are.
    :param paper: ``"A4"`` (default) or ``"Letter"``.
    :param progress: called as ``progress(done, total, what)``; returning ``False`` cancels
        (:class:`ReportCancelled`).
    :raises ReportError: with a sentence, for a photo that cannot be included, QR text that cannot
        be encoded or an unknown paper size.
    """
    # Every format this kpmonitor reads prints: a report signed before a format changed reads as it was signed.
    if not isinstance(snapshot, dict) or snapshot.get("format") not in FORMATS_READ:
        found = snapshot.get("format") if isinstance(snapshot, dict) else None
        raise ReportError(f"This is not a report snapshot this version can print (format {found!r}, "
                          f"expected {FORMAT!r}).")
    pagesize = _paper(paper)
    _register_fonts()

    insp = _d(snapshot.get("inspection"))
    photos = _l(insp.get("photos"))
    steps = len(photos) + 1

    def report_progress(done: int, what: str) -> None:
        if progress is not None and progress(done, steps, what) is False:
            raise ReportCancelled()

    jpegs: list[_Jpeg] = []
    for index, raw in enumerate(photos, start=1):
        report_progress(index - 1, f"Preparing photo {index} of {len(photos)}")
        ph = _d(raw)
        label = f"Photo {index} ({ph.get('original_name') or str(ph.get('sha256'))[:12]})"
        try:
            data = photo_jpeg(str(ph.get("sha256")))
        except KPError as exc:
            raise ReportError(f"{label} cannot go into the report: {exc.message}") from exc
        jpegs.append(_check_jpeg(data, label))
    report_progress(len(photos), "Laying out the pages")

    report = _d(snapshot.get("report"))
    monitor = _d(snapshot.get("monitor"))
    cert = _d(insp.get("certificate"))
    verdict = _VERDICTS.get(str(insp.get("verdict")), _NO_VERDICT)
    cert_no = _plain(cert.get("number")) or "—"
    report_id = _plain(report.get("id"))
    audit = _d(report.get("audit"))

    page_w, page_h = pagesize
    margin_lr, margin_top, margin_bottom = 15 * mm, 17 * mm, 21 * mm
    decor = _Decor(
        page_width=page_w, page_height=page_h, margin_left=margin_lr, margin_right=margin_lr,
        footer_left=f"KP certificate {cert_no} · report {report_id} · version {_plain(report.get('version'))}",
        footer_audit=f"Audit chain head: event {_plain(audit.get('seq'))} · {_plain(audit.get('head'))[:16]}",
        header_left=f"{TITLE} · KP certificate {cert_no}",
        header_right=verdict.label.capitalize() if verdict is not _NO_VERDICT else "No verdict",
        pdf_date=_pdf_date(report.get("signed_at")),
    )

    buffer = io.BytesIO()
    doc = BaseDocTemplate(
        buffer, pagesize=pagesize, leftMargin=margin_lr, rightMargin=margin_lr, topMargin=margin_top,
        bottomMargin=margin_bottom, invariant=1, pageCompression=1, lang="en", displayDocTitle=1,
        initialFontName=FONT, initialFontSize=9,  # else reportlab lists Helvetica, unembedded, on every page
        title=f"{TITLE} — KP certificate {cert_no}",
        author=_plain(monitor.get("name")) or "Unknown monitor",
        subject=cert_no,
        creator=f"kpmonitor {__version__}",
        keywords=["Kimberley Process", "KPCS", "monitor's certification report", f"KP certificate {cert_no}",
                  f"report {report_id}", f"version {_plain(report.get('version'))}", verdict.label.capitalize()],
    )
    frame_h = page_h - margin_top - margin_bottom
    first = Frame(margin_lr, margin_bottom, page_w - 2 * margin_lr, frame_h, id="first",
                  leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
    # Later pages leave room for the running header.
    later_h = frame_h - 4 * mm
    later = Frame(margin_lr, margin_bottom, page_w - 2 * margin_lr, later_h, id="later",
                  leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
    doc.addPageTemplates([PageTemplate(id="first", frames=[first], autoNextPageTemplate="later"),
                          PageTemplate(id="later", frames=[later])])

    ctx = _Ctx(_styles(), page_w - 2 * margin_lr, later_h, _load_reference())
    story: list[Flowable] = []
    story += _first_page(ctx, snapshot, qr_text)
    story += _parcels_section(ctx, snapshot)
    story += _seals_section(ctx, snapshot)
    story += _findings_section(ctx, snapshot)
    story += _warnings_section(ctx, snapshot)
    story += _audit_section(ctx, snapshot)
    story += _photo_section(ctx, snapshot, jpegs)

    doc.build(story, canvasmaker=partial(_NumberedCanvas, decor=decor))
    if progress is not None:
        progress(steps, steps, "Report ready")
    return buffer.getvalue()
