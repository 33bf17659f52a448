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
* **In the report's language.** The snapshot names the language chosen at signing
  (``snapshot_language``); the whole story is drawn inside ``i18n.speaking(language)``, so every
  ``_()`` here, and the number, date and country helpers, speak it whatever the app speaks. English
  keeps its own forms (``1,200.50``, ISO dates: what reports always printed); French and Portuguese
  take CLDR's through Babel (``1 200,50``, ``21 nov. 2026``, ``Afrique du Sud``). The QR seal and the
  snapshot stay language-neutral: only the printed words change.
"""

from __future__ import annotations

import hashlib
import io
import re
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from functools import partial
from typing import Any
from xml.sax.saxutils import escape

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
    ActionFlowable,
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
from kpmonitor.domain.inspection import ISO_CLASS_LABELS, SECTIONS, FindingSeverity, SealEventKind, Verdict
from kpmonitor.domain.moments import show_moment, zone_name
from kpmonitor.domain.quantities import grouped, hundredths_of, plain, usd_per_carat
from kpmonitor.domain.reference import Reference, resources_dir
from kpmonitor.errors import KPError
from kpmonitor.i18n import N_, _, babel_locale, current_language, ngettext, speaking
from kpmonitor.report.snapshot import FORMAT, FORMATS_READ, snapshot_language, snapshot_sha256
from kpmonitor.trust import qrseal

__all__ = ["PAPER_SIZES", "ReportCancelled", "ReportError", "render_report"]

Progress = Callable[[int, int, str], object]
PhotoSource = Callable[[str], bytes]

PAPER_SIZES: dict[str, tuple[float, float]] = {"A4": A4, "LETTER": LETTER}
TITLE = N_("Kimberley Process — Monitor's certification report")
# The whole symbol with its quiet zone. Modules of 0.65 mm: a page printed, then scanned at 100 dpi grey, turned 3°
# and blurred still reads with zxing and zbar at 0.62 mm and not at 0.58 mm (tests/test_print_scan.py, bench/verify.py);
# ICAO's visible digital seals ask ≥ 0.34 mm, the EU certificate 35–60 mm. A KP2 seal of 8 seals (version ≤ 16-Q)
# prints about 55–58 mm; a KP1 seal, which carries its certificate, is capped at the maximum, with smaller modules.
QR_WIDTH = 35 * mm
QR_MIN_MODULE = 0.65 * mm
QR_MAX_WIDTH = 60 * mm
QR_QUIET = 4  # modules of white around the symbol, as ISO/IEC 18004 asks
# Both verifiers work offline: the page headquarters publishes (hq publish) opens in any browser, a phone's camera
# reading the seal; the program takes the PDF, a photo or a scan.
VERIFY_HINT = N_("Scan to verify offline: kp-verify.html from headquarters, in any browser, or kpmonitor verify")

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
    """A verdict's look; ``label`` and ``sentence`` are English, marked (``N_``) and translated where drawn."""

    mark: str
    label: str
    sentence: str
    ink: colors.Color
    tint: colors.Color


_VERDICTS = {
    Verdict.CERTIFIED.value: _VerdictLook(
        "✔", N_("CERTIFIED FOR EXPORT"),
        N_("The monitor certifies this shipment for export under the Kimberley Process."),
        colors.HexColor("#0b5d1e"), colors.HexColor("#e2f1e5")),
    Verdict.NOT_CERTIFIED.value: _VerdictLook(
        "✘", N_("NOT CERTIFIED"),
        N_("The monitor does not certify this shipment for export."),
        colors.HexColor("#9b1c1c"), colors.HexColor("#fbe3e3")),
    Verdict.HELD.value: _VerdictLook(
        "⚠", N_("HELD PENDING"),
        N_("The shipment is held pending further checks; this report does not certify it for export."),
        WARN_INK, WARN_BG),
}
_NO_VERDICT = _VerdictLook("?", N_("NO VERDICT"), N_("The monitor recorded no verdict."), INK, HEAD_BG)
# The header's short form of each verdict (capitals are for the verdict box only).
_VERDICT_HEADERS = {N_("CERTIFIED FOR EXPORT"): N_("Certified for export"), N_("NOT CERTIFIED"): N_("Not certified"),
                    N_("HELD PENDING"): N_("Held pending"), N_("NO VERDICT"): N_("No verdict")}

_SEVERITY_LABELS = {FindingSeverity.INFO.value: N_("Info"), FindingSeverity.MINOR.value: N_("Minor"),
                    FindingSeverity.MAJOR.value: N_("Major"), FindingSeverity.CRITICAL.value: N_("Critical")}
# The words of the inspection document the report prints, by their code (the document's own values stay English:
# they are data; anything else a monitor typed prints as typed).
_EVENT_LABELS = {SealEventKind.APPLIED.value: N_("Applied"), SealEventKind.VERIFIED_INTACT.value: N_("Verified intact"),
                 SealEventKind.BROKEN.value: N_("Broken"), SealEventKind.NUMBER_MISMATCH.value: N_("Number mismatch"),
                 SealEventKind.MISSING.value: N_("Missing")}
_SEAL_TYPES = {"bag": N_("bag"), "tape": N_("tape"), "bolt": N_("bolt"), "cable": N_("cable"), "wire": N_("wire"),
               "padlock": N_("padlock"), "label": N_("label"), "strap": N_("strap"), "other": N_("other")}
_ISO_CLASSES = {"I": N_("I — indicative"), "S": N_("S — security"), "H": N_("H — high security")}
_METHODS = {"tender": N_("tender"), "auction": N_("auction"), "price book": N_("price book"),
            "negotiated sale": N_("negotiated sale"), "other": N_("other")}
_SECTION_TITLES = {"general": N_("General"), "location": N_("Location"), "geology": N_("Geology"),
                   "production": N_("Production"), "mining": N_("Mining"), "processing plant": N_("Processing plant"),
                   "sort plant": N_("Sort plant"), "vault": N_("Vault"), "security": N_("Security"),
                   "sort-house workflow": N_("Sort-house workflow"), "relocation": N_("Relocation"),
                   "valuation": N_("Valuation"), "export": N_("Export"), "parcels": N_("Parcels"), "seals": N_("Seals")}
_ALARMING_EVENTS = {SealEventKind.BROKEN.value, SealEventKind.NUMBER_MISMATCH.value, SealEventKind.MISSING.value}


class ReportError(KPError):
    """The report cannot be drawn (a photo that is missing or not a JPEG, unknown paper...)."""


class ReportCancelled(KPError):
    """The ``progress`` callback asked to stop."""

    def __init__(self) -> None:
        super().__init__(_("Making the report PDF was cancelled."))


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
                raise ReportError(_("The report font {file} is missing or damaged; reinstall kpmonitor.").format(
                    file=filename)) from exc
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


def _english() -> bool:
    return current_language() == "en"


def _number(hundredths: int) -> str:
    """Hundredths as the report's language writes them: ``1,200.50`` (English, as reports always printed),
    ``1 200,50`` (French, Portuguese: CLDR's separators, through Babel)."""
    if _english():
        return grouped(hundredths)
    from babel.numbers import format_decimal

    return str(format_decimal(Decimal(hundredths).scaleb(-2), format="#,##0.00", locale=babel_locale()))


def _signed(hundredths: int) -> str:
    """A difference: ``+0.02``, ``−1.50`` (a real minus sign: a hyphen is easy to miss on a photocopy)."""
    if hundredths == 0:
        return _number(0)
    return ("+" if hundredths > 0 else "−") + _number(abs(hundredths))


def _amount(value: object, unit: str = "") -> str:
    hundredths = hundredths_of(value)
    if hundredths is None:
        return "—" if value in (None, "") else _t(value)
    return _number(hundredths) + (f" {unit}" if unit else "")


def _signed_amount(value: object) -> str:
    hundredths = hundredths_of(value)
    return "—" if hundredths is None else _signed(hundredths)


def _count(value: object) -> str:
    if value is None or value == "":
        return "—"
    if isinstance(value, int) and not isinstance(value, bool):
        if _english():
            return f"{value:,}"
        from babel.numbers import format_decimal

        return str(format_decimal(value, locale=babel_locale()))
    return _t(value)


def _day(value: date) -> str:
    """A date in the report's language: ISO (English, as reports always printed) or CLDR's medium form."""
    if _english():
        return value.isoformat()
    from babel.dates import format_date

    return str(format_date(value, format="medium", locale=babel_locale()))


def _date(value: object) -> str:
    """A date of the document (``2026-11-21``) in the report's language; other text as it is."""
    try:
        return _t(_day(date.fromisoformat(str(value)))) if isinstance(value, str) and len(value) == 10 else _dash(value)
    except ValueError:
        return _dash(value)


def _moment(text: object) -> str:
    """An ISO moment for people: date, time, and the zone it was recorded in (``domain.moments``)."""
    if text is None or text == "":
        return "—"
    if _english():
        return _t(show_moment(text, seconds=True))
    moment = moments.parse(text)
    if moment is None:
        return _t(text)
    shown = _day(moment.date()) + " " + moment.strftime("%H:%M" + (":%S" if moment.second else ""))
    if moment.utcoffset() is None:
        return _t(_("{moment} (local time)").format(moment=shown))
    return _t(f"{shown} {zone_name(moment)}")


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
    # Five decimals is about a metre: as precise as a phone's fix, no more. The points of the compass are the
    # language's (west is "O" in French and Portuguese); the decimal point stays, as GPS readers print it.
    # TRANSLATORS: the points of the compass in a GPS position (one letter each)
    north, south, east, west = _("N"), _("S"), _("E"), _("W")
    return (f"{abs(lat):.5f}° {north if lat >= 0 else south}, "
            f"{abs(lon):.5f}° {east if lon >= 0 else west}")


def _size(n: object) -> str:
    if not isinstance(n, int) or isinstance(n, bool) or n <= 0:
        return ""
    if n >= 1_000_000:
        tenths = (n + 50_000) // 100_000
        return _("{size} MB").format(size=_number(tenths * 10)[:-1])
    return _("{size} kB").format(size=_count(max(1, round(n / 1000))))


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
    h3: ParagraphStyle
    kicker: ParagraphStyle
    title: ParagraphStyle
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
        h3=ParagraphStyle("h3", parent=body, fontName=FONT_BOLD, fontSize=9.5, leading=12, spaceBefore=6,
                          spaceAfter=3, keepWithNext=1),
        kicker=ParagraphStyle("kicker", parent=body, fontName=FONT_BOLD, fontSize=8.5, leading=11,
                              textColor=MUTED),
        title=ParagraphStyle("title", parent=body, fontSize=18, leading=23, spaceBefore=1, spaceAfter=2),
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
            qr = qrseal.make_qr(text)  # its format's error correction: M for KP1, Q (or H when free) for KP2
        except Exception as exc:  # segno raises ValueError or DataOverflowError for text it cannot hold
            raise ReportError(_(
                "The QR seal text cannot be drawn: it must be QR alphanumeric characters "
                "(0–9, A–Z, space and $ % * + - . / :) and short enough for one QR code."
            )) from exc
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
        raise ReportError(_("{photo} cannot go into the report: its print copy is not a JPEG image.").format(
            photo=label))
    try:
        with PILImage.open(io.BytesIO(data), formats=["JPEG"]) as im:
            width, height = im.size
            mode = im.mode
    except Exception as exc:  # untrusted bytes: any parser failure means a damaged copy
        raise ReportError(_("{photo} cannot go into the report: its print copy is damaged.").format(
            photo=label)) from exc
    if mode not in ("RGB", "L") or width <= 0 or height <= 0:
        raise ReportError(_("{photo} cannot go into the report: its print copy is not an RGB JPEG.").format(
            photo=label))
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
        page_text = _("Page {page} of {pages}").format(page=page, pages=pages)
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
    language: str = "en"  # the report's (``snapshot_language``): country names and HS descriptions in it

    def country(self, code: object) -> str:
        if not code:
            return "—"
        text = str(code)
        if text.lower() == "mixed":
            return _("Mixed (several origins)")
        name = self.reference.country_name(text, self.language) if self.reference is not None else None
        return f"{_t(name)} ({_t(text)})" if name else _t(text)

    def hs(self, code: object) -> str:
        text = str(code or "")
        described = self.reference.hs_description(text, self.language) if self.reference is not None else None
        return f"<b>{_t(text)}</b> {_t(described)}" if described else f"<b>{_t(text)}</b>"


def _table_style(commands: Sequence[tuple[Any, ...]]) -> TableStyle:
    # Cells that hold a plain string (the empty halves of spanned cells) would otherwise set
    # Helvetica, which then sits in the PDF as a font that is not embedded.
    return TableStyle([("FONTNAME", (0, 0), (-1, -1), FONT), *commands])


def _p(text: str, style: ParagraphStyle) -> Paragraph:
    return Paragraph(text, style)


def _word(text: str) -> str:
    """``text`` in the report's language, without the hint after ``|`` that tells one English word's two
    meanings apart in the catalogue ("Seals" the heading, "Seals|…" the verb of a column)."""
    return _(text).split("|", 1)[0]


def _label_width(minimum: float, *labels: str) -> float:
    """A grid's label column: ``minimum`` (English's, as designed), or in another language as wide as its
    longest label (``N_``-marked English) needs, up to 36 mm, so that a label a fifth longer keeps to one line."""
    if _english():
        return minimum
    widest = max(pdfmetrics.stringWidth(_(text), FONT, 7.5) for text in labels) + 7  # the cell's padding: 3 + 3
    return float(max(minimum, min(36 * mm, widest)))


def _label(ctx: _Ctx, text: str) -> Paragraph:
    """A grid's label: ``text`` (English, marked with ``N_``) in the report's language."""
    return _p(_t(_(text)), ctx.s.label)


def _h2(ctx: _Ctx, text: str, style: ParagraphStyle | None = None) -> Paragraph:
    """A section's heading: ``text`` (English, marked with ``N_``) in the report's language."""
    return _p(_t(_(text)), style or ctx.s.h2)


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


class _LeaveFirstPage(ActionFlowable):  # type: ignore[misc]
    """Starts page 2 unless the story is already past page 1.

    Page 1 is what travels in the officer's hand: nothing of the later pages may flow up onto it, and a
    seal table that already continued onto page 2 must not be followed by an empty rest of that page.
    """

    def apply(self, doc: BaseDocTemplate) -> None:
        if doc.page == 1:
            doc.handle_pageBreak()


def _first_page(ctx: _Ctx, snap: dict[str, Any], qr_text: str) -> list[Flowable]:
    """Page 1, for the officer at the border: what to compare with the shipment, and the verdict.

    Top to bottom: the certificate number and the verdict (with the QR seal beside them), the container and
    its seal in large type, the validation and the transport, the goods' figures, the certificate's parties,
    and last every seal number: a long list continues on page 2 rather than push anything off this page.
    """
    s = ctx.s
    report = _d(snap.get("report"))
    monitor = _d(snap.get("monitor"))
    insp = _d(snap.get("inspection"))
    cert = _d(insp.get("certificate"))
    look = _VERDICTS.get(str(insp.get("verdict")), _NO_VERDICT)

    qr = _QRSeal(qr_text)
    qr_block = [qr, Spacer(1, 2), _p(
        "<b>" + _t(_("QR seal")) + "</b> — " + _t(_("signed summary")) + "<br/>" + _t(_(VERIFY_HINT))
        + "<br/><font color='#555555'>" + _t(_(
            "It states the certificate, carats, value, parcels, seal numbers, verdict, monitor, container and "
            "validation: compare them with this page. The PDF also carries the monitor's digital signature."))
        + "</font>", s.caption)]
    left_width = ctx.width - qr.width - 6 * mm

    version = report.get("version")
    signed = ((_("Version {version} (first issue)") if version == 1 else _("Version {version}")).format(
        version=_dash(version)) + " · " + _("signed {moment} by {monitor}").format(
        moment=_moment(report.get("signed_at")), monitor=f"<b>{_dash(monitor.get('name'))}</b>"))
    if not monitor.get("self_signed") and (monitor.get("certificate_issuer") or monitor.get("certificate_serial")):
        signed += "<br/>" + _("Signing certificate issued by {issuer}, serial {serial}").format(
            issuer=_dash(monitor.get("certificate_issuer")),
            serial=f"<font name='{FONT_MONO}'>{_dash(monitor.get('certificate_serial'))}</font>")
    left: list[Flowable] = [
        _p(_t(_("Kimberley Process Certification Scheme · Monitor's certification report")), s.kicker),
        _p(_("KP certificate {number}").format(number=f"<b>{_dash(cert.get('number'))}</b>"), s.title),
        _p(signed, s.small),
    ]
    if report.get("supersedes"):
        left += [Spacer(1, 4), _supersedes_box(ctx, snap, left_width)]
    left += [Spacer(1, 5), _verdict_box(ctx, look, left_width, insp, monitor)]

    top = Table([[left, qr_block]], colWidths=[left_width + 6 * mm, qr.width], hAlign="LEFT")
    top.setStyle(_table_style([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0),
                             ("RIGHTPADDING", (0, 0), (-1, -1), 0), ("TOPPADDING", (0, 0), (-1, -1), 0),
                             ("BOTTOMPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (0, 0), 6 * mm)]))
    story: list[Flowable] = [top, Spacer(1, 5)]
    story += _container_band(ctx, insp)
    story += _validation_transport(ctx, snap)
    story += _goods_section(ctx, snap)
    story += _certificate_section(ctx, cert)
    story += _seal_numbers(ctx, insp)
    story.append(_LeaveFirstPage())
    return story


def _d(value: object) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _l(value: object) -> list[Any]:
    return value if isinstance(value, list) else []


def _on_container(seal: dict[str, Any]) -> bool:
    return seal.get("parcel") in (None, "")


def _yes_no(value: object, yes: str | None = None, no: str | None = None) -> str:
    """A recorded yes or no (``yes``/``no``, already translated; default the words themselves); anything else
    (older reports hold nothing) is "not recorded"."""
    if value is True:
        return _("yes") if yes is None else yes
    if value is False:
        return _("no") if no is None else no
    return _("not recorded")


def _short_id(value: object) -> str:
    """The first 8 characters of a 32-hex id: enough to tell two reports apart on page 1 (page 2 has all)."""
    text = str(value or "")
    return _t(text[:8]) + ("…" if len(text) > 8 else "")


def _per_carat(value_usd: object, carats: object) -> str:
    """US$ per carat of an amount and a weight, with the one amount formatter; "—" when either is unknown."""
    cents, hundredths = hundredths_of(value_usd), hundredths_of(carats)
    if cents is None or hundredths is None or cents < 0:
        return "—"
    per = usd_per_carat(cents, hundredths)
    return "—" if per is None else _number(per)


def _supersedes_box(ctx: _Ctx, snap: dict[str, Any], width: float) -> Table:
    s = ctx.s
    report = _d(snap.get("report"))
    sup_version = report.get("supersedes_version")
    which = f"<font name='{FONT_MONO}'>{_short_id(report.get('supersedes'))}</font>"
    text = "⚠ " + (_("<b>This report supersedes report</b> {report} <b>(version {version})</b>.")
                   if sup_version is not None else _("<b>This report supersedes report</b> {report}.")).format(
        report=which, version=_t(sup_version)) + " " + _t(_("Both stay on record; this one replaces it. Its full id "
                                                            "is on page 2."))
    rows = [[_p(text, s.cell)]]
    amendment = _d(snap.get("amendment"))
    if amendment.get("reason"):  # format 3: why, as the monitor said when amending
        rows.append([_p("<b>" + _("Amends report v{version} ({report}):").format(
            version=_t(sup_version), report=_t(str(report.get("supersedes"))[:8])) + "</b> "
            + _t(amendment.get("reason")), s.cell)])
    box = Table(rows, colWidths=[width], hAlign="LEFT")
    box.setStyle(_table_style([("BACKGROUND", (0, 0), (-1, -1), WARN_BG), ("BOX", (0, 0), (-1, -1), 0.75, WARN_INK),
                             ("TOPPADDING", (0, 0), (-1, -1), 3), ("BOTTOMPADDING", (0, 0), (-1, -1), 3)]))
    return box


def _verdict_box(ctx: _Ctx, look: _VerdictLook, width: float, insp: dict[str, Any],
                 monitor: dict[str, Any]) -> Table:
    """The verdict, and inside the same frame what limits it: a self-signed signature is not the verdict's
    fine print, so nobody can read the one without the other."""
    s = ctx.s
    verdict = f"{look.mark} {_(look.label)}"
    # One line, as in English: a longer verdict ("CERTIFIÉ POUR L'EXPORTATION", a fifth longer) is set smaller
    # rather than broken in two, down to 14 pt (beyond that it wraps).
    room = width - 16 - 1
    size = max(14.0, min(19.0, 19 * room / pdfmetrics.stringWidth(verdict, FONT_BOLD, 19)))
    big = ParagraphStyle("verdict", parent=s.body, fontName=FONT_BOLD, fontSize=size, leading=size * 23 / 19,
                         textColor=look.ink)
    kicker = ParagraphStyle("verdict_k", parent=s.kicker, textColor=look.ink)
    at, site = insp.get("inspected_at"), insp.get("site")
    where = ""
    if at and site:
        where = _("Inspected {moment} at {site}.").format(moment=_moment(at), site=_t(site))
    elif at:
        where = _("Inspected {moment}.").format(moment=_moment(at))
    elif site:
        where = _("Inspected at {site}.").format(site=_t(site))
    cells: list[list[object]] = [[_p(_t(_("VERDICT")), kicker)], [_p(_t(verdict), big)],
                                 [_p(_t(_(look.sentence)), s.cell)]]
    if where:
        cells.append([_p(where, s.small)])
    extra: list[tuple[Any, ...]] = []
    if monitor.get("self_signed"):
        cells.append([_p("<b>⚠ " + _t(_("Self-signed: not issued by headquarters.")) + "</b> " + _t(_(
            "The signature shows that this report is unchanged since the monitor signed it, but headquarters has "
            "not vouched for the monitor's certificate; verifiers say so.")), s.cell)])
        row = len(cells) - 1
        extra = [("BACKGROUND", (0, row), (-1, row), WARN_BG), ("LINEABOVE", (0, row), (-1, row), 0.75, WARN_INK),
                 ("TOPPADDING", (0, row), (-1, row), 4), ("BOTTOMPADDING", (0, row), (-1, row), 5)]
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
        *extra,
    ]))
    return box


def _container_band(ctx: _Ctx, insp: dict[str, Any]) -> list[Flowable]:
    """The container and its seal in large type: what an officer compares first, with the box in front of them."""
    s = ctx.s
    ship = _d(insp.get("shipment"))
    seals = [seal for seal in (_d(x) for x in _l(insp.get("seals"))) if _on_container(seal)]
    big = ParagraphStyle("big", parent=s.body, fontName=FONT_MONO, fontSize=17, leading=20)
    kicker = ParagraphStyle("band_k", parent=s.kicker, fontSize=7.5, leading=9.5)
    box_cell: list[Flowable] = [_p(_t(_("CONTAINER")), kicker)]
    if ship.get("container"):
        box_cell.append(_p(_t(ship.get("container")), big))
    else:
        box_cell.append(_p("<b>" + _t(_("not recorded")) + "</b>", s.body))
    box_cell.append(_p(_t(_("KP certificate number marked on it: {answer}").format(
        answer=_yes_no(ship.get("certificate_number_on_container")))), s.small))
    seal_cell: list[Flowable] = [_p(_t(_("CONTAINER SEALS ({count})").format(count=len(seals)) if len(seals) > 1
                                       else _("CONTAINER SEAL")), kicker)]
    if not seals:
        seal_cell.append(_p("<b>⚠ " + _t(_("No seal on the container is recorded.")) + "</b>", s.body))
    for seal in seals:
        seal_cell.append(_p(_dash(seal.get("number")), big))
        about = [_("sealed {moment}").format(moment=f"<b>{_moment(seal.get('applied_at'))}</b>")
                 if seal.get("applied_at") else _t(_("sealing time not recorded")),
                 _("{type}, ISO class {iso_class}").format(type=_seal_type(seal.get("type")),
                                                          iso_class=_dash(seal.get("iso_class")))]
        if seal.get("applied_by"):
            about.append(_("by {name}").format(name=_t(seal.get("applied_by"))))
        broken = [e for e in (_d(x) for x in _l(seal.get("events"))) if str(e.get("kind")) in _ALARMING_EVENTS]
        if broken:
            about.append("<b>⚠ " + _t(_("see its events on the seals page")) + "</b>")
        seal_cell.append(_p(" · ".join(about), s.small))
    wide = ctx.width * 0.42
    band = Table([[box_cell, seal_cell]], colWidths=[wide, ctx.width - wide], hAlign="LEFT")
    band.setStyle(_table_style([
        ("VALIGN", (0, 0), (-1, -1), "TOP"), ("BOX", (0, 0), (-1, -1), 1.5, INK),
        ("LINEAFTER", (0, 0), (0, 0), 0.5, RULE), ("LEFTPADDING", (0, 0), (-1, -1), 7),
        ("RIGHTPADDING", (0, 0), (-1, -1), 7), ("TOPPADDING", (0, 0), (-1, -1), 4),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 6)]))
    return [band]


def _seal_type(value: object) -> str:
    """A seal's type in the report's language when it is one of the document's words, else as typed."""
    word = _SEAL_TYPES.get(str(value or ""))
    return _t(_(word)) if word else _dash(value)


def _validation_transport(ctx: _Ctx, snap: dict[str, Any]) -> list[Flowable]:
    s = ctx.s
    insp = _d(snap.get("inspection"))
    val, ship = _d(insp.get("validation")), _d(insp.get("shipment"))
    lw = _label_width(31 * mm, N_("Validating authority"), N_("Validating officer"), N_("Validation number"),
                      N_("Validated at"))
    lw2 = _label_width(24 * mm, N_("Carrier"), N_("Airway bill"), N_("Port of exit"), N_("Gross weight"))
    vw = (ctx.width - lw - lw2) / 2
    weight = _amount(ship.get("gross_weight_kg"), "kg")
    rows: list[list[object]] = [
        [_label(ctx, N_("Validating authority")), _p(_dash(val.get("authority")), s.cell),
         _label(ctx, N_("Carrier")), _p(_dash(ship.get("carrier")), s.cell)],
        [_label(ctx, N_("Validating officer")), _p(_dash(val.get("officer")), s.cell),
         _label(ctx, N_("Airway bill")), _p(f"<b>{_dash(ship.get('airway_bill'))}</b>", s.cell)],
        [_label(ctx, N_("Validation number")), _p(f"<b>{_dash(val.get('number'))}</b>", s.cell),
         _label(ctx, N_("Port of exit")), _p(_dash(ship.get("port_of_exit")), s.cell)],
        [_label(ctx, N_("Validated at")), _p(_moment(val.get("at")), s.cell),
         _label(ctx, N_("Gross weight")), _p(weight, s.cell)],
    ]
    story: list[Flowable] = [_h2(ctx, N_("Validation and transport")), _grid(ctx, rows, [lw, vw, lw2, vw])]
    if "validation" not in insp and "shipment" not in insp:
        story.append(_p(_t(_("This report's format ({format}) predates the record of the validation and the "
                             "shipment.").format(format=snap.get("format"))), s.note))
    return story


def _goods_section(ctx: _Ctx, snap: dict[str, Any]) -> list[Flowable]:
    """The certificate's figures, with the value per carat, against what was declared and weighed."""
    s = ctx.s
    insp = _d(snap.get("inspection"))
    cert = _d(insp.get("certificate"))
    totals = _d(snap.get("totals"))
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
    cw = (ctx.width - 52 * mm) / 4
    head = [_p("", s.head), _p(_t(_("Carats")), s.head_num), _p(_t(_("Value (US$)")), s.head_num),
            _p(_t(_("US$ per carat")), s.head_num), _p(_t(_("Parcels")), s.head_num)]
    rows: list[list[object]] = [
        [_p("<b>" + _t(_("KP certificate states")) + "</b>", s.cell), _p(f"<b>{_amount(cert_ct)}</b>", s.num),
         _p(f"<b>{_amount(cert_usd)}</b>", s.num), _p(f"<b>{_per_carat(cert_usd, cert_ct)}</b>", s.num),
         _p(_count(cert_n), s.num)],
        [_p(_t(_("Parcels as declared")), s.cell), mark(_amount(decl_ct), ct_differs),
         mark(_amount(decl_usd), usd_differs), _p(_per_carat(decl_usd, decl_ct), s.num), mark(_count(n), n_differs)],
        [_p(_t(_("Weighed by the monitor")), s.cell), _p(_amount(weighed), s.num), _p("", s.num), _p("", s.num),
         _p("", s.num)],
        [_p(_t(_("Weighed − declared")), s.cell), _p(_signed_amount(totals.get("difference_carats")), s.num),
         _p("", s.num), _p("", s.num), _p("", s.num)],
    ]
    story: list[Flowable] = [_h2(ctx, N_("Goods")), _data_table(ctx, head, rows, [52 * mm, cw, cw, cw, cw])]
    if ct_differs or usd_differs or n_differs:
        story.append(_p(_t(_("≠ marks a figure that differs from the certificate.")), s.note))
    return story


def _party(ctx: _Ctx, party: object) -> Paragraph:
    p = _d(party)
    text = f"<b>{_dash(p.get('name'))}</b>"
    if p.get("address"):
        text += "<br/>" + _t(p.get("address"))
    return _p(text, ctx.s.cell)


def _certificate_section(ctx: _Ctx, cert: dict[str, Any]) -> list[Flowable]:
    s = ctx.s
    lw = _label_width(27 * mm, N_("Issuing authority"), N_("Date of issue"), N_("Exporter"), N_("Country of origin"),
                      N_("Destination"))
    lw2 = _label_width(24 * mm, N_("Date of expiry"), N_("Importer"), N_("Provenance"), N_("HS code(s)"))
    vw = (ctx.width - lw - lw2) / 2
    hs_codes = [c for c in _l(cert.get("hs_codes")) if c]
    rows: list[list[object]] = [
        [_label(ctx, N_("Issuing authority")), _p(_dash(cert.get("issuing_authority")), s.cell), "", ""],
        [_label(ctx, N_("Date of issue")), _p(_date(cert.get("issued_on")), s.cell),
         _label(ctx, N_("Date of expiry")), _p(_date(cert.get("expires_on")), s.cell)],
        [_label(ctx, N_("Exporter")), _party(ctx, cert.get("exporter")),
         _label(ctx, N_("Importer")), _party(ctx, cert.get("importer"))],
        [_label(ctx, N_("Country of origin")), _p(ctx.country(cert.get("origin")), s.cell),
         _label(ctx, N_("Provenance")), _p(ctx.country(cert.get("provenance")), s.cell)],
        [_label(ctx, N_("Destination")), _p(ctx.country(cert.get("destination")), s.cell),
         _label(ctx, N_("HS code(s)")),
         _p(", ".join(f"<b>{_t(c)}</b>" for c in hs_codes) if hs_codes else "—", s.cell)],
    ]
    return [_h2(ctx, N_("KP certificate")), _grid(ctx, rows, [lw, vw, lw2, vw], [((1, 0), (3, 0))])]


class _SealTable(Table):  # type: ignore[misc]
    """The seal numbers: where the table breaks, the page says the list goes on, and the next one that it continues.

    reportlab makes each part with ``self.__class__`` and Table's own arguments, so what the notes need is here,
    not passed in.
    """

    _note = ParagraphStyle("seal_note", fontName=FONT_BOLD, fontSize=7.5, leading=9.5, textColor=INK,
                           spaceBefore=2)
    _heading = ParagraphStyle("seal_head", fontName=FONT_BOLD, fontSize=11.5, leading=14, spaceAfter=4,
                              textColor=INK, keepWithNext=1)

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        note = Paragraph(_t(_("The seal numbers continue on the next page ➜")), self._note)
        _w, needed = note.wrap(avail_width, avail_height)
        parts: list[Flowable] = super().split(avail_width, avail_height - needed - self._note.spaceBefore)
        if len(parts) < 2:
            return parts
        return [parts[0], note, PageBreak(), Paragraph(_t(_("Seal numbers, continued")), self._heading), *parts[1:]]


def _seal_numbers(ctx: _Ctx, insp: dict[str, Any]) -> list[Flowable]:
    """Every seal number, four to a row: a table that continues on page 2, its header repeated, when long."""
    s = ctx.s
    seals = [_d(x) for x in _l(insp.get("seals"))]
    on_container = sum(1 for seal in seals if _on_container(seal))
    heading = ngettext("Seal numbers — {count} seal: {container} on the container, {parcels} on parcels",
                       "Seal numbers — {count} seals: {container} on the container, {parcels} on parcels",
                       len(seals)).format(count=len(seals), container=on_container, parcels=len(seals) - on_container)
    if not seals:
        return [_h2(ctx, N_("Seal numbers")), _p(_t(_("No seals are recorded.")), s.body)]
    groups = 4
    group_w = ctx.width / groups
    # Room for an 11-character number (ZW-S-000981) and "container" ("conteneur", "contentor") on one line; a
    # longer number wraps.
    # ("conteneur" needs a millimetre more, which the number's column can spare: it keeps 22 mm).
    no_w, on_w = 6 * mm, (16 if _english() else 17) * mm
    widths = [no_w, group_w - no_w - on_w, on_w] * groups
    number = ParagraphStyle("seal_no", parent=s.mono, fontSize=8.5, leading=10.5)
    words = ("#", _t(_("Seal number")), _t(_("On")))
    header: list[object] = [_p(text, s.head) for _group in range(groups) for text in words]
    rows: list[list[object]] = []
    for start in range(0, len(seals), groups):
        row: list[object] = []
        for index, seal in enumerate(seals[start:start + groups], start=start + 1):
            on = ("<b>" + _t(_word(N_("container|the column On of the seal numbers: on the container"))) + "</b>"
                  if _on_container(seal)
                  else _t(_("parcel {number}").format(number=seal.get("parcel"))))
            row += [_p(str(index), s.small), _p(_dash(seal.get("number")), number), _p(on, s.small)]
        rows.append(row + [""] * (3 * groups - len(row)))
    table = _SealTable([header, *rows], colWidths=widths, repeatRows=1, splitInRow=1, hAlign="LEFT")
    style: list[tuple[Any, ...]] = [
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"), ("LEFTPADDING", (0, 0), (-1, -1), 2.5),
        ("RIGHTPADDING", (0, 0), (-1, -1), 2), ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5), ("BACKGROUND", (0, 0), (-1, 0), HEAD_BG),
        ("LINEABOVE", (0, 0), (-1, 0), 0.75, INK), ("LINEBELOW", (0, 0), (-1, 0), 0.75, INK),
        ("LINEBELOW", (0, 1), (-1, -1), 0.25, RULE), ("ROWBACKGROUNDS", (0, 1), (-1, -1), [colors.white, ZEBRA]),
    ]
    style += [("LINEAFTER", (3 * g - 1, 0), (3 * g - 1, -1), 0.5, RULE) for g in range(1, groups)]
    table.setStyle(_table_style(style))
    # Not keepWithNext, which would carry a table too long for the rest of page 1 whole onto page 2: the
    # heading goes with the table's first rows, and the rows split where the page ends.
    loose = ParagraphStyle("h2_loose", parent=s.h2, keepWithNext=0)
    return [CondPageBreak(22 * mm), _p(_t(heading), loose), table]


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
    story: list[Flowable] = [CondPageBreak(45 * mm), _h2(ctx, N_("Parcels"))]
    if not parcels:
        return [*story, _p(_t(_("No parcels are recorded.")), s.body)]
    # Numbers need little room; the description gets the rest, so it wraps less.
    fixed = [11 * mm, 15 * mm, 20 * mm, 20 * mm, 19 * mm, 13 * mm, 23 * mm]
    widths = [fixed[0], fixed[1], ctx.width - sum(fixed), *fixed[2:]]
    header = [_p(_t(_word(word)), s.head_num if i >= 3 else s.head) for i, word in enumerate((
        N_("No."), N_("HS code|a column's heading"), N_("Description"), N_("Declared ct"), N_("Weighed ct"),
        N_("Difference"), N_("Stones"), N_("Declared US$")))]
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
    rows.append([_p("<b>" + _t(ngettext("Total, {count} parcel", "Total, {count} parcels", len(parcels)).format(
                     count=_count(len(parcels)))) + "</b>", s.cell), "", "",
                 _p(_amount(totals.get("declared_carats")), s.num_bold),
                 _p(_amount(totals.get("weighed_carats")), s.num_bold),
                 _p(_signed_amount(totals.get("difference_carats")), s.num_bold),
                 _p(_count(totals.get("stones")), s.num_bold),
                 _p(_amount(totals.get("declared_value_usd")), s.num_bold)])
    rows.append([_p(_t(_("KP certificate states, {count} parcels").format(count=_count(cert.get("parcel_count")))),
                    s.cell), "", "",
                 _p(_amount(cert.get("carats")), s.num), _p("", s.num), _p("", s.num), _p("", s.num),
                 _p(_amount(cert.get("value_usd")), s.num)])
    extra: list[tuple[Any, ...]] = [
        ("SPAN", (0, n + 1), (2, n + 1)), ("SPAN", (0, n + 2), (2, n + 2)),
        ("LINEABOVE", (0, n + 1), (-1, n + 1), 0.75, INK),
        ("BACKGROUND", (0, n + 1), (-1, n + 2), colors.white),
    ]
    story.append(_data_table(ctx, header, rows, widths, extra, long=True))
    notes = _("Carats to 0.01 ct; difference = weighed − declared.")
    if warned:
        notes += " " + _("⚠ marks a parcel named in an acknowledged warning (see below).")
    story.append(_p(_t(notes), s.note))
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
    story: list[Flowable] = [CondPageBreak(40 * mm), _h2(ctx, N_("Seals"))]
    if not seals:
        return [*story, _p(_t(_("No seals are recorded.")), s.body)]
    fixed = [29 * mm, 25 * mm, 17 * mm, 38 * mm, 29 * mm]
    widths = [*fixed, ctx.width - sum(fixed)]
    header = [_p(_t(_word(word)), s.head) for word in (
        N_("Seal number"), N_("Type, class"),
        N_("Seals|the column of what each seal closes: a parcel or the container"), N_("Applied by · witness"),
        N_("Applied at"), N_("Events"))]
    rows: list[list[object]] = []
    for raw in seals:
        seal = _d(raw)
        kind = _("{type}, class {iso_class}").format(type=_seal_type(seal.get("type")),
                                                    iso_class=_dash(seal.get("iso_class")))
        if seal.get("manufacturer"):
            kind += "<br/>" + _t(seal.get("manufacturer"))
        target = (_t(_("Parcel {number}").format(number=seal.get("parcel"))) if seal.get("parcel") not in (None, "")
                  else _t(_("Container")))
        who = (f"{_dash(seal.get('applied_by'))}<br/><font color='#555555'>{_t(_('witness'))}</font> "
               f"{_dash(seal.get('witness'))}")
        when = _moment(seal.get("applied_at"))
        # The place only when it is not the inspection site, which would repeat on every row.
        if seal.get("applied_place") and str(seal.get("applied_place")) != site:
            when += "<br/>" + _t(seal.get("applied_place"))
        events = []
        for ev_raw in _l(seal.get("events")):
            ev = _d(ev_raw)
            code = str(ev.get("kind") or "")
            label = _(_EVENT_LABELS[code]) if code in _EVENT_LABELS else (code or "?")
            line = f"{_t(label)} {_moment(ev.get('at'))}"
            if ev.get("by"):
                line += f", {_t(ev.get('by'))}"
            if ev.get("note"):
                line += f": {_t(ev.get('note'))}"
            events.append(f"<b>⚠ {line}</b>" if code in _ALARMING_EVENTS else line)
        rows.append([_p(_dash(seal.get("number")), s.mono), _p(kind, s.cell), _p(target, s.cell), _p(who, s.cell),
                     _p(when, s.cell), _p("<br/>".join(events) if events else "—", s.cell)])
    story.append(_data_table(ctx, header, rows, widths, long=len(rows) > 40))
    legend = _t(_("ISO 17712 classes: {classes}.").format(
        classes=", ".join(_(_ISO_CLASSES.get(k, v)) for k, v in ISO_CLASS_LABELS.items())))
    if site:
        legend += " " + _t(_("Applied at {site}, unless another place is named.").format(site=site))
    story.append(_p(legend, s.note))
    return story


def _warnings_section(ctx: _Ctx, snap: dict[str, Any]) -> list[Flowable]:
    s = ctx.s
    warnings = _l(snap.get("warnings"))
    story: list[Flowable] = [CondPageBreak(30 * mm), _h2(ctx, N_("Warnings acknowledged by the monitor"))]
    if not warnings:
        return [*story, _p(_t(_("The checks raised no warnings.")), s.body)]
    half = ctx.width / 2
    header = [_p(_t(_("Warning")), s.head), _p(_t(_("Monitor's note")), s.head)]
    rows: list[list[object]] = []
    for raw in warnings:
        w = _d(raw)
        what = _dash(w.get("message"))
        if w.get("field"):
            what += f"<br/><font size='6.5' color='#555555'>{_t(w.get('field'))} · {_t(w.get('code'))}</font>"
        note = _t(w.get("note")) if w.get("note") else "<i>" + _t(_("no note")) + "</i>"
        by = ", ".join(x for x in (_t(w.get("by")), _moment(w.get("at")) if w.get("at") else "") if x)
        if by:
            note += f"<br/><font size='6.5' color='#555555'>{by}</font>"
        rows.append([_p(what, s.cell), _p(note, s.cell)])
    story.append(_data_table(ctx, header, rows, [half, ctx.width - half]))
    return story


def _record_section(ctx: _Ctx, snap: dict[str, Any]) -> list[Flowable]:
    """Who signed, and the long ids and fingerprints that tie this paper to its record (page 1 keeps none)."""
    s = ctx.s
    report = _d(snap.get("report"))
    monitor = _d(snap.get("monitor"))
    audit = _d(report.get("audit"))
    lw = 31 * mm
    mono = f"<font name='{FONT_MONO}'>"
    version = report.get("version")
    rows: list[list[object]] = [
        [_label(ctx, N_("Monitor")), _p(f"<b>{_dash(monitor.get('name'))}</b>", s.cell)],
        [_label(ctx, N_("Signing certificate")),
         _p(("<b>⚠ " + _t(_("Self-signed: not issued by headquarters.")) + "</b>" if monitor.get("self_signed") else
             _("{subject}, issued by {issuer}, serial {serial}").format(
                 subject=_dash(monitor.get("certificate_subject")), issuer=_dash(monitor.get("certificate_issuer")),
                 serial=f"{mono}{_dash(monitor.get('certificate_serial'))}</font>")), s.cell)],
        [_label(ctx, N_("Report")),
         _p(f"{mono}{_dash(report.get('id'))}</font> · " + (
             _("version {version} (first issue)") if version == 1 else _("version {version}")).format(
             version=_dash(version)), s.cell)],
    ]
    if report.get("supersedes"):
        rows.append([_label(ctx, N_("Supersedes")),
                     _p(_("report {report} (version {version})").format(
                         report=f"{mono}{_t(report.get('supersedes'))}</font>",
                         version=_dash(report.get("supersedes_version"))), s.cell)])
    rows += [
        [_label(ctx, N_("Signed")), _p(_moment(report.get("signed_at")), s.cell)],
        [_label(ctx, N_("Device")), _p(_("{device} · its report no. {number}").format(
            device=f"{mono}{_dash(report.get('device_id'))}</font>", number=_dash(report.get("device_seq"))), s.cell)],
        [_label(ctx, N_("Audit chain head")),
         _p(_("event {number} · {head}").format(number=_dash(audit.get("seq")),
                                               head=f"{mono}{_dash(audit.get('head'))}</font>"), s.cell)],
        [_label(ctx, N_("Snapshot SHA-256")), _p(snapshot_sha256(snap), s.mono)],
        [_label(ctx, N_("Format")), _p(f"{_t(snap.get('format'))}, kpmonitor {_t(__version__)}", s.cell)],
        [_label(ctx, N_("How to check")),
         _p(_("The PDF carries the monitor's digital signature (PAdES). The QR seal on page 1 is a signed summary "
              "(certificate, carats, value, parcels, seals, verdict, monitor, date, report, audit chain head, and in "
              "format KP2 the container and the validation): check it offline with the verifier page headquarters "
              "publishes (<b>kp-verify.html</b>, in any browser, with a phone's camera) or <b>kpmonitor verify</b>, "
              "with headquarters' published root, revocation list and trust list."), s.cell)],
    ]
    return [_h2(ctx, N_("Report record and signature")), _grid(ctx, rows, [lw, ctx.width - lw])]


def _inspection_section(ctx: _Ctx, snap: dict[str, Any]) -> list[Flowable]:
    s = ctx.s
    insp = _d(snap.get("inspection"))
    totals = _d(snap.get("totals"))
    seals = _l(insp.get("seals"))
    gps = _d(insp.get("site_gps"))
    lw, lw2 = 31 * mm, 27 * mm
    vw = (ctx.width - lw - lw2) / 2
    on_container = sum(1 for seal in seals if _on_container(_d(seal)))
    rows: list[list[object]] = [
        [_label(ctx, N_("Site")), _p(_dash(insp.get("site")), s.cell), "", ""],
        [_label(ctx, N_("Time of inspection")), _p(_moment(insp.get("inspected_at")), s.cell),
         _label(ctx, N_("Site GPS")), _p(_gps(gps.get("lat"), gps.get("lon")), s.cell)],
        [_label(ctx, N_("Parcels inspected")), _p(_count(totals.get("parcels")), s.cell),
         _label(ctx, N_("Seals recorded")),
         _p(_t(_("{count} ({parcels} on parcels, {container} on the container)").format(
             count=_count(len(seals)), parcels=_count(len(seals) - on_container), container=_count(on_container))
             if seals else _("none")), s.cell)],
    ]
    return [CondPageBreak(25 * mm), _h2(ctx, N_("Inspection")),
            _grid(ctx, rows, [lw, vw, lw2, vw], [((1, 0), (3, 0))])]


def _shipment_section(ctx: _Ctx, snap: dict[str, Any]) -> list[Flowable]:
    s = ctx.s
    insp = _d(snap.get("inspection"))
    ship, val = _d(insp.get("shipment")), _d(insp.get("validation"))
    lw, lw2 = 31 * mm, 27 * mm
    vw = (ctx.width - lw - lw2) / 2
    rows: list[list[object]] = [
        [_label(ctx, N_("Container")), _p(f"<font name='{FONT_MONO}'>{_dash(ship.get('container'))}</font>", s.cell),
         _label(ctx, N_("Gross weight")), _p(_amount(ship.get("gross_weight_kg"), "kg"), s.cell)],
        [_label(ctx, N_("Carrier")), _p(_dash(ship.get("carrier")), s.cell),
         _label(ctx, N_("Airway bill")), _p(_dash(ship.get("airway_bill")), s.cell)],
        [_label(ctx, N_("Export declaration")), _p(_dash(ship.get("export_declaration")), s.cell),
         _label(ctx, N_("Port of exit")), _p(_dash(ship.get("port_of_exit")), s.cell)],
        [_label(ctx, N_("Certificate number on the container")),
         _p(_t(_yes_no(ship.get("certificate_number_on_container"), _("yes, marked on it"),
                       _("no, not marked on it"))), s.cell), "", ""],
        [_label(ctx, N_("Validation")),
         _p(f"{_dash(val.get('number'))} · {_dash(val.get('authority'))} · {_dash(val.get('officer'))} · "
            f"{_moment(val.get('at'))}", s.cell), "", ""],
    ]
    spans = [((1, 3), (3, 3)), ((1, 4), (3, 4))]
    story: list[Flowable] = [CondPageBreak(35 * mm), _h2(ctx, N_("Shipment and export")),
                             _grid(ctx, rows, [lw, vw, lw2, vw], spans)]
    return story + _certificate_lines(ctx, _d(insp.get("certificate")))


def _certificate_lines(ctx: _Ctx, cert: dict[str, Any]) -> list[Flowable]:
    """The certificate's carats and value per HS code (Annex I lists them so), summed against its totals."""
    s = ctx.s
    lines = [_d(x) for x in _l(cert.get("lines"))]
    story: list[Flowable] = [_h2(ctx, N_("Certificate lines by HS code"), s.h3)]
    if not lines:
        return [*story, _p(_t(_("The certificate's lines per HS code are not recorded.")), s.note)]
    cw = 27 * mm
    widths = [ctx.width - 3 * cw, cw, cw, cw]
    header = [_p(_t(_word(N_("HS code|a column's heading"))), s.head), _p(_t(_("Carats")), s.head_num),
              _p(_t(_("Value (US$)")), s.head_num),
              _p(_t(_("US$ per carat")), s.head_num)]
    rows: list[list[object]] = [
        [_p(ctx.hs(line.get("hs_code")), s.cell), _p(_amount(line.get("carats")), s.num),
         _p(_amount(line.get("value_usd")), s.num), _p(_per_carat(line.get("value_usd"), line.get("carats")), s.num)]
        for line in lines]
    ct = [hundredths_of(line.get("carats")) for line in lines]
    usd = [hundredths_of(line.get("value_usd")) for line in lines]
    sum_ct = sum(x for x in ct if x is not None) if None not in ct else None
    sum_usd = sum(x for x in usd if x is not None) if None not in usd else None

    def total(value: int | None, stated: object) -> str:
        if value is None:
            return "—"
        figure = _number(value)
        stated_h = hundredths_of(stated)
        return f"≠ {figure}" if stated_h is not None and stated_h != value else figure

    n = len(rows)
    rows.append([_p("<b>" + _t(ngettext("Total of {count} line", "Total of {count} lines", n).format(count=n))
                    + "</b> " + _t(_("(≠: not the certificate's total)")), s.cell),
                 _p(f"<b>{total(sum_ct, cert.get('carats'))}</b>", s.num),
                 _p(f"<b>{total(sum_usd, cert.get('value_usd'))}</b>", s.num),
                 _p(_per_carat(sum_usd, sum_ct) if sum_ct is not None and sum_usd is not None else "—", s.num)])
    extra = [("LINEABOVE", (0, n + 1), (-1, n + 1), 0.75, INK), ("BACKGROUND", (0, n + 1), (-1, n + 1), colors.white)]
    return [*story, _data_table(ctx, header, rows, widths, extra)]


def _production_section(ctx: _Ctx, snap: dict[str, Any]) -> list[Flowable]:
    s = ctx.s
    prod = _d(_d(snap.get("inspection")).get("production"))
    lw, lw2 = 31 * mm, 27 * mm
    vw = (ctx.width - lw - lw2) / 2
    rows: list[list[object]] = [
        [_label(ctx, N_("Operator")), _p(_dash(prod.get("operator")), s.cell),
         _label(ctx, N_("Mine")), _p(_dash(prod.get("mine")), s.cell)],
        [_label(ctx, N_("Period produced")), _p(_dash(prod.get("period")), s.cell),
         _label(ctx, N_("Goods from")),
         _p(_t(_yes_no(prod.get("stockpile"), _("a stockpile"), _("current production"))), s.cell)],
        [_label(ctx, N_("Register checked")), _p(_dash(prod.get("register")), s.cell), "", ""],
    ]
    return [CondPageBreak(30 * mm), _h2(ctx, N_("Production")),
            _grid(ctx, rows, [lw, vw, lw2, vw], [((1, 2), (3, 2))])]


def _percent(part: int, whole: int) -> str:
    """A difference as a share of the declared figure, one decimal, with the real minus sign of ``signed``."""
    tenths = (abs(part) * 1000 * 2 + whole) // (2 * whole)
    sign = "" if part == 0 else ("+" if part > 0 else "−")
    if _english():
        return f"{sign}{tenths // 10}.{tenths % 10} %"
    from babel.numbers import format_decimal

    # CLDR's decimal sign; the space before % is French and Portuguese typography too.
    return f"{sign}{format_decimal(Decimal(tenths).scaleb(-1), format='#,##0.0', locale=babel_locale())} %"


def _valuation_section(ctx: _Ctx, snap: dict[str, Any]) -> list[Flowable]:
    s = ctx.s
    insp = _d(snap.get("inspection"))
    valn = _d(insp.get("valuation"))
    cert = _d(insp.get("certificate"))
    lw, lw2 = 31 * mm, 27 * mm
    vw = (ctx.width - lw - lw2) / 2
    figure, declared = hundredths_of(valn.get("value_usd")), hundredths_of(cert.get("value_usd"))
    difference = "—"
    if figure is not None and declared is not None:
        difference = _signed(figure - declared) + (f" ({_percent(figure - declared, declared)})"
                                                   if declared > 0 else "")
    method = _METHODS.get(str(valn.get("method") or ""))
    rows: list[list[object]] = [
        [_label(ctx, N_("Valuator")), _p(_dash(valn.get("valuator")), s.cell),
         _label(ctx, N_("Organisation")), _p(_dash(valn.get("organisation")), s.cell)],
        [_label(ctx, N_("Method")), _p(_t(_(method)) if method else _dash(valn.get("method")), s.cell),
         _label(ctx, N_("Valuator's figure")), _p(f"<b>US$ {_amount(valn.get('value_usd'))}</b>"
                                                  if figure is not None else "—", s.cell)],
        [_label(ctx, N_("Declared (certificate)")), _p(f"US$ {_amount(cert.get('value_usd'))}"
                                                       if declared is not None else "—", s.cell),
         _label(ctx, N_("Valuator − declared")), _p(f"<b>{difference}</b>" if difference != "—" else "—", s.cell)],
    ]
    story: list[Flowable] = [CondPageBreak(35 * mm), _h2(ctx, N_("Valuation")), _grid(ctx, rows, [lw, vw, lw2, vw])]
    lots = [_d(x) for x in _l(valn.get("assortment"))]
    if not lots:
        return story
    cw = (ctx.width - 30 * mm) / 3
    header = [_p(_t(_("Sieve")), s.head), _p(_t(_("Colour")), s.head), _p(_t(_("Quality")), s.head),
              _p(_t(_("Carats")), s.head_num)]
    lot_rows: list[list[object]] = [[_p(_dash(lot.get("sieve")), s.cell), _p(_dash(lot.get("colour")), s.cell),
                                     _p(_dash(lot.get("quality")), s.cell), _p(_amount(lot.get("carats")), s.num)]
                                    for lot in lots]
    carats = [hundredths_of(lot.get("carats")) for lot in lots]
    n = len(lot_rows)
    lot_rows.append([_p("<b>" + _t(ngettext("Total, {count} lot", "Total, {count} lots", n).format(count=n))
                        + "</b> · " + _t(_("KP certificate states {carats}").format(
                            carats=_amount(cert.get("carats"), "ct"))), s.cell), "", "",
                     _p(f"<b>{_number(sum(c for c in carats if c is not None))}</b>" if None not in carats
                        else "—", s.num)])
    extra = [("SPAN", (0, n + 1), (2, n + 1)), ("LINEABOVE", (0, n + 1), (-1, n + 1), 0.75, INK),
             ("BACKGROUND", (0, n + 1), (-1, n + 1), colors.white)]
    return [*story, _h2(ctx, N_("Assortment"), s.h3), _data_table(ctx, header, lot_rows, [cw, cw, cw, 30 * mm], extra)]


def _present_section(ctx: _Ctx, snap: dict[str, Any]) -> list[Flowable]:
    s = ctx.s
    people = [_d(x) for x in _l(_d(snap.get("inspection")).get("present"))]
    story: list[Flowable] = [CondPageBreak(25 * mm), _h2(ctx, N_("Present at the inspection"))]
    if not people:
        return [*story, _p(_t(_("Who was present is not recorded.")), s.body)]
    third = ctx.width / 3
    header = [_p(_t(_("Name")), s.head), _p(_t(_("Role")), s.head), _p(_t(_("Organisation")), s.head)]
    rows: list[list[object]] = [[_p(f"<b>{_dash(p.get('name'))}</b>", s.cell), _p(_dash(p.get("role")), s.cell),
                                 _p(_dash(p.get("organisation")), s.cell)] for p in people]
    return [*story, _data_table(ctx, header, rows, [third, third, ctx.width - 2 * third])]


def _section_key(section: object) -> str:
    return " ".join(str(section or "").split()).lower() or "general"


def _findings_section(ctx: _Ctx, snap: dict[str, Any]) -> list[Flowable]:
    """The findings under their report sections, in the order of ``SECTIONS``; a section of an older report or
    typed freely ("sort house") follows, as written, in the order it first appears."""
    s = ctx.s
    findings = [_d(x) for x in _l(_d(snap.get("inspection")).get("findings"))]
    story: list[Flowable] = [CondPageBreak(30 * mm), _h2(ctx, N_("Findings by report section"))]
    if not findings:
        return [*story, _p(_t(_("The monitor recorded no findings.")), s.body)]
    groups: dict[str, list[dict[str, Any]]] = {}
    for f in findings:
        groups.setdefault(_section_key(f.get("section")), []).append(f)
    order = {name: i for i, name in enumerate(SECTIONS)}
    keys = sorted(groups, key=lambda k: order.get(k, len(SECTIONS)))  # stable: unknown ones keep their order
    header = [_p(_t(_("Severity")), s.head), _p(_t(_("Finding")), s.head)]
    rows: list[list[object]] = []
    extra: list[tuple[Any, ...]] = []
    for key in keys:
        written = str(groups[key][0].get("section") or "general")
        title = _(_SECTION_TITLES.get(key, key.capitalize())) if key in order else written
        row = len(rows) + 1
        count = len(groups[key])
        rows.append([_p(f"<b>{_t(title)}</b> · "
                        + _t(ngettext("{count} finding", "{count} findings", count).format(count=count)), s.cell), ""])
        extra += [("SPAN", (0, row), (1, row)), ("BACKGROUND", (0, row), (-1, row), HEAD_BG),
                  ("LINEABOVE", (0, row), (-1, row), 0.5, INK)]
        for f in groups[key]:
            severity = str(f.get("severity") or "")
            label = _t(_(_SEVERITY_LABELS[severity]) if severity in _SEVERITY_LABELS else (severity or "—"))
            serious = severity in (FindingSeverity.MAJOR.value, FindingSeverity.CRITICAL.value)
            rows.append([_p(f"<b>⚠ {label}</b>" if serious else label, s.cell), _p(_dash(f.get("text")), s.cell)])
    story.append(_data_table(ctx, header, rows, [22 * mm, ctx.width - 22 * mm], extra, long=len(rows) > 60))
    quiet = [name for name in SECTIONS if name != "general" and name not in groups]
    if quiet:
        story.append(_p(_t(_("No findings under: {sections}.").format(sections=", ".join(
            _(_SECTION_TITLES[name]).lower() if name in _SECTION_TITLES else name for name in quiet))), s.note))
    return story


def _documents_annex(ctx: _Ctx, snap: dict[str, Any]) -> list[Flowable]:
    """The documents the monitor received, each with its photo's SHA-256 (the photo appendix shows it)."""
    s = ctx.s
    insp = _d(snap.get("inspection"))
    documents = [_d(x) for x in _l(insp.get("documents"))]
    story: list[Flowable] = [CondPageBreak(30 * mm), _h2(ctx, N_("Annex — documents received"))]
    if not documents:
        return [*story, _p(_t(_("No documents received are recorded.")), s.body)]
    photo_no = {str(_d(ph).get("sha256")): i for i, ph in enumerate(_l(insp.get("photos")), start=1)}
    sha = ParagraphStyle("sha", parent=s.mono, fontSize=6.5, leading=8.5)
    fixed = [8 * mm, 36 * mm, 94 * mm]  # the photo's column holds its 64 hex digits on one line
    widths = [fixed[0], ctx.width - sum(fixed), *fixed[1:]]
    header = [_p(_t(_(word)), s.head) for word in (N_("No."), N_("Title"), N_("Reference"),
                                                    N_("Photo of it (SHA-256)"))]
    rows: list[list[object]] = []
    for index, doc in enumerate(documents, start=1):
        digest = doc.get("photo")
        if digest:
            shown = _t(digest) + (f"<br/><font name='{FONT}'>" + _t(_("photo {number} in the appendix").format(
                number=photo_no[str(digest)])) + "</font>" if str(digest) in photo_no else "")
        else:
            shown = f"<font name='{FONT}'>" + _t(_("no photo")) + "</font>"
        rows.append([_p(str(index), s.cell), _p(f"<b>{_dash(doc.get('title'))}</b>", s.cell),
                     _p(_dash(doc.get("reference")), s.cell), _p(shown, sha)])
    return [*story, _data_table(ctx, header, rows, widths, long=len(rows) > 40)]


def _photo_section(ctx: _Ctx, snap: dict[str, Any], jpegs: list[_Jpeg]) -> list[Flowable]:
    s = ctx.s
    photos = _l(_d(snap.get("inspection")).get("photos"))
    if not photos:
        return [CondPageBreak(20 * mm), _h2(ctx, N_("Photos")),
                _p(_t(_("No photos are attached to this inspection.")), s.body)]
    story: list[Flowable] = [
        NextPageTemplate("later"), PageBreak(), _h2(ctx, N_("Photo appendix")),
        _p(_t(ngettext("{count} photo.", "{count} photos.", len(photos)).format(count=len(photos)) + " " + _(
            "Each is printed from a downscaled copy; the original file is kept unaltered as evidence and is "
            "identified by the SHA-256 fingerprint shown with it.")), s.note),
        Spacer(1, 4),
    ]
    documents: dict[str, list[int]] = {}  # the documents received that a photo shows, by its SHA-256
    for n, doc in enumerate(_l(_d(snap.get("inspection")).get("documents")), start=1):
        if _d(doc).get("photo"):
            documents.setdefault(str(_d(doc).get("photo")), []).append(n)
    # Two photos a page: large enough to read a scale display, small enough to keep 40 photos in ~20 pages.
    max_height = ctx.frame_height / 2 - 100
    lw = 22 * mm
    for index, (raw, jpeg) in enumerate(zip(photos, jpegs, strict=True), start=1):
        ph = _d(raw)
        caption = _t(ph.get("caption")) or "<i>" + _t(_("no caption")) + "</i>"
        links = []
        if ph.get("parcel") not in (None, ""):
            links.append(_t(_("parcel {number}").format(number=ph.get("parcel"))))
        if ph.get("seal") not in (None, ""):
            links.append(_("seal {number}").format(number=f"<font name='{FONT_MONO}'>{_t(ph.get('seal'))}</font>"))
        links += [_t(_("document {number} received (annex)").format(number=n))
                  for n in documents.get(str(ph.get("sha256")), [])]
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
            [_label(ctx, N_("Taken")),
             _p(_moment(ph.get("taken_at")) if ph.get("taken_at") else _t(_("not recorded")), s.cell),
             _label(ctx, N_("GPS")), _p(_gps(ph.get("gps_lat"), ph.get("gps_lon")), s.cell)],
            [_label(ctx, N_("Shows")), _p(", ".join(links) if links else _t(_("the shipment")), s.cell),
             _label(ctx, N_("Original")), _p(original, s.cell)],
            [_label(ctx, N_("SHA-256")), _p(_dash(ph.get("sha256")), s.mono), "", ""],
        ], [lw, vw, lw, ctx.width - 2 * lw - vw], [((1, 2), (3, 2))])
        story.append(KeepTogether([
            _p("<b>" + _t(_("Photo {number} of {count}").format(number=index, count=len(photos))) + "</b> — "
               + caption, s.body),
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
        raise ReportError(_("“{paper}” is not a paper size for reports; use A4 or Letter.").format(paper=paper))
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
        raise ReportError(_("This is not a report snapshot this version can print (format {found}, "
                            "expected {expected}).").format(found=repr(found), expected=repr(FORMAT)))
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
        label = _("Photo {number} ({name})").format(number=index,
                                                   name=ph.get("original_name") or str(ph.get("sha256"))[:12])
        try:
            data = photo_jpeg(str(ph.get("sha256")))
        except KPError as exc:
            raise ReportError(_("{photo} cannot go into the report: {why}").format(photo=label, why=exc.message)) \
                from exc
        jpegs.append(_check_jpeg(data, label))
    report_progress(len(photos), "Laying out the pages")
    # What went wrong above is said in the app's language, to the monitor; the pages speak the report's.
    with speaking(snapshot_language(snapshot)) as language:
        pdf = _lay_out(snapshot, qr_text, jpegs, pagesize, language)
    if progress is not None:
        progress(steps, steps, "Report ready")
    return pdf


def _lay_out(snapshot: dict[str, Any], qr_text: str, jpegs: list[_Jpeg], pagesize: tuple[float, float],
             language: str) -> bytes:
    """The PDF's pages, in ``language`` (``render_report`` speaks it around this call)."""
    insp = _d(snapshot.get("inspection"))
    report = _d(snapshot.get("report"))
    monitor = _d(snapshot.get("monitor"))
    cert = _d(insp.get("certificate"))
    verdict = _VERDICTS.get(str(insp.get("verdict")), _NO_VERDICT)
    cert_no = _plain(cert.get("number")) or "—"
    report_id = _plain(report.get("id"))
    audit = _d(report.get("audit"))

    page_w, page_h = pagesize
    margin_lr, margin_top, margin_bottom = 15 * mm, 17 * mm, 21 * mm
    certificate = _("KP certificate {number}").format(number=cert_no)
    verdict_short = _(_VERDICT_HEADERS.get(verdict.label, verdict.label))
    version = _("version {version}").format(version=_plain(report.get("version")))
    decor = _Decor(
        page_width=page_w, page_height=page_h, margin_left=margin_lr, margin_right=margin_lr,
        footer_left=" · ".join((certificate, _("report {report}").format(report=report_id), version)),
        footer_audit=_("Audit chain head: event {number} · {head}").format(
            number=_plain(audit.get("seq")), head=_plain(audit.get("head"))[:16]),
        header_left=f"{_(TITLE)} · {certificate}",
        header_right=verdict_short,
        pdf_date=_pdf_date(report.get("signed_at")),
    )

    buffer = io.BytesIO()
    doc = BaseDocTemplate(
        buffer, pagesize=pagesize, leftMargin=margin_lr, rightMargin=margin_lr, topMargin=margin_top,
        bottomMargin=margin_bottom, invariant=1, pageCompression=1, lang=language, displayDocTitle=1,
        initialFontName=FONT, initialFontSize=9,  # else reportlab lists Helvetica, unembedded, on every page
        title=f"{_(TITLE)} — {certificate}",
        author=_plain(monitor.get("name")) or _("Unknown monitor"),
        subject=cert_no,
        creator=f"kpmonitor {__version__}",
        # The English words stay first, whatever the language: what an archive searches for.
        keywords=["Kimberley Process", "KPCS", "monitor's certification report", f"KP certificate {cert_no}",
                  f"report {report_id}", f"version {_plain(report.get('version'))}", verdict.label.capitalize(),
                  *([] if language == "en" else [_(TITLE), certificate, verdict_short])],
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

    ctx = _Ctx(_styles(), page_w - 2 * margin_lr, later_h, _load_reference(), language)
    story: list[Flowable] = []
    # Page 1 is for the border (``_first_page``); the record behind it follows, then the annexes.
    story += _first_page(ctx, snapshot, qr_text)
    for section in (_record_section, _inspection_section, _shipment_section, _parcels_section, _seals_section,
                    _production_section, _valuation_section, _present_section, _findings_section,
                    _warnings_section, _documents_annex):
        story += section(ctx, snapshot)
    story += _photo_section(ctx, snapshot, jpegs)

    doc.build(story, canvasmaker=partial(_NumberedCanvas, decor=decor))
    return buffer.getvalue()
